using FinPilot.Domain.Supervision;
using FinPilot.Domain.Supervision.Disclosures;
using FinPilot.Domain.Supervision.Reports;
using FinPilot.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FinPilot.Web.Features.Supervision;

/// <summary>运行监督 over HTTP: the plan, periodic reports and major-progress disclosures of a pilot, and the dashboard.</summary>
public static class SupervisionApi
{
    public sealed record RevisionDto(int Revision, SupervisionTerms Terms, DateTimeOffset ConfirmedAt, string ConfirmedBy, string Reason);

    public sealed record PlanDto(
        Guid Id, Guid ProjectId, int Revision, bool InForce, SupervisionTerms Terms, DateTimeOffset DraftedAt, DateTimeOffset? ConfirmedAt, string? ConfirmedBy,
        Guid Version, IReadOnlyList<RevisionDto> Revisions)
    {
        /// <summary>The project's own emergency plan from its application (应急处置预案), read-only; null when none was written.</summary>
        public string? EmergencyPlan { get; init; }

        public static PlanDto From(PlanView view) => new(
            view.Plan.Id, view.Plan.ProjectId, view.Plan.Revision, view.Plan.InForce, view.Plan.Terms, view.Plan.DraftedAt, view.Plan.ConfirmedAt, view.Plan.ConfirmedBy,
            view.Plan.Version, view.Revisions.Select(r => new RevisionDto(r.Revision, r.Terms, r.ConfirmedAt, r.ConfirmedBy, r.Reason)).ToList())
        {
            EmergencyPlan = view.EmergencyPlan,
        };
    }

    public sealed record ConfirmRequest(SupervisionTerms? Terms, string? Reason, Guid Version);

    public sealed record PeriodDto(string Subject, DateOnly Start, DateOnly End, bool Ended, Guid? ReportId, ReportStatus? Status, DateTimeOffset? MoreDueAt);

    public sealed record ReportDto(
        Guid Id, Guid ProjectId, string Subject, DateOnly PeriodStart, DateOnly PeriodEnd, ReportFrequency Frequency, int? CustomerCap, ReportStatus Status,
        ReportContent Content, IReadOnlyList<ReportFile> Files, IReadOnlyList<ReportSubmission> Submissions, IReadOnlyList<ReportReview> Reviews,
        DateTimeOffset? SubmittedAt, DateTimeOffset? MoreDueAt, IReadOnlyList<string> ReportableMetrics, Guid Version)
    {
        public static ReportDto From(PeriodicReport r, IEnumerable<string>? reportable = null) => new(
            r.Id, r.ProjectId, r.Subject, r.PeriodStart, r.PeriodEnd, r.Frequency, r.CustomerCap, r.Status, r.Content, r.Files, r.Submissions, r.Reviews,
            r.SubmittedAt, r.MoreDueAt, (reportable ?? []).Order(StringComparer.Ordinal).ToList(), r.Version);
    }

    public sealed record OpenReportRequest(string? Subject);

    public sealed record SaveReportRequest(ReportContent? Content, Guid Version);

    public sealed record VersionRequest(Guid Version);

    public sealed record AcceptRequest(string? Note, Guid Version);

    public sealed record MoreRequest(string? Request, int? WorkingDays, Guid Version);

    public sealed record DisclosureDto(
        Guid Id, Guid ProjectId, DisclosureKind Kind, string Title, string Text, DisclosureStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? SentAt,
        string? ReturnReason, DateTimeOffset? PublishedAt, Guid Version)
    {
        public static DisclosureDto From(ProgressDisclosure d) =>
            new(d.Id, d.ProjectId, d.Kind, d.Title, d.Text, d.Status, d.CreatedAt, d.SentAt, d.ReturnReason, d.PublishedAt, d.Version);
    }

    public sealed record DisclosureRequest(DisclosureKind Kind, string? Title, string? Text);

    public sealed record EditDisclosureRequest(DisclosureKind Kind, string? Title, string? Text, Guid Version);

    public sealed record ReturnRequest(string? Reason, Guid Version);

    public sealed record OwnDisclosureRequest(string? Title, string? Text);

    public static IEndpointRouteBuilder MapSupervisionApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/supervision", "Supervision");
        group.MapGet("/dashboard", async (int region, int? page, int? pageSize, SupervisionQueries q, CancellationToken ct) =>
                (await q.DashboardAsync(region, page, pageSize, ct)).ToHttp(TypedResults.Ok))
            .WithName("SupervisionDashboard").WithSummary("A region's running pilots with plan state, reports due, awaiting review or more requested, and disclosures awaiting approval.");
        group.MapGet("/mine", async (int? page, int? pageSize, SupervisionQueries q, CancellationToken ct) => TypedResults.Ok(await q.MineAsync(page, pageSize, ct)))
            .WithName("MySupervisedPilots").WithSummary("The running pilots of the caller's organisations.");
        group.MapGet("/projects/{id:guid}", (Guid id, SupervisionQueries q, CancellationToken ct) => q.ProjectAsync(id, ct).ToHttp(TypedResults.Ok))
            .WithName("SupervisedProject").WithSummary("A supervised pilot's header and what the caller may do.");

        group.MapGet("/projects/{id:guid}/plan", (Guid id, SupervisionPlanService s, CancellationToken ct) => s.GetAsync(id, ct).ToHttp(v => TypedResults.Ok(PlanDto.From(v))))
            .WithName("GetSupervisionPlan").WithSummary("The plan (监管方案) in force or in draft, with every confirmed revision.");
        group.MapPut("/projects/{id:guid}/plan", async (Guid id, ConfirmRequest r, SupervisionPlanService s, CancellationToken ct) =>
            {
                var confirmed = await s.ConfirmAsync(id, r.Terms ?? new SupervisionTerms(), r.Reason ?? string.Empty, r.Version, ct);
                return confirmed.Succeeded ? (await s.GetAsync(id, ct)).ToHttp(v => TypedResults.Ok(PlanDto.From(v))) : Problems.From(confirmed.Errors);
            })
            .WithName("ConfirmSupervisionPlan").WithSummary("The working group confirms the plan with these terms and a reason; each confirmation is a new revision.");

        group.MapGet("/projects/{id:guid}/reports", (Guid id, PeriodicReportService s, CancellationToken ct) =>
                s.PeriodsAsync(id, ct).ToHttp(rows => TypedResults.Ok(rows.Select(p => new PeriodDto(p.Period.Subject, p.Period.Start, p.Period.End, p.Ended, p.ReportId, p.Status, p.MoreDueAt)).ToList())))
            .WithName("ListReportPeriods").WithSummary("The plan's periods up to now, newest first, with the report of each if one was opened.");
        group.MapPost("/projects/{id:guid}/reports", (Guid id, OpenReportRequest r, PeriodicReportService s, CancellationToken ct) =>
                s.OpenAsync(id, r.Subject ?? string.Empty, ct).ToHttp(v => TypedResults.Created($"/api/v1/supervision/reports/{v.Id}", ReportDto.From(v))))
            .WithName("OpenReport").WithSummary("The lead institution opens the report of a period (subject \"2026-03\" or \"2026-Q1\").");
        group.MapGet("/reports/{id:guid}", (Guid id, PeriodicReportService s, Integrity.ReadAudit reads, CancellationToken ct) => reads.AfterAsync(s.GetAsync(id, ct), Domain.Integrity.IntegrityRecordKind.PeriodicReport, v => (v.Report.Id.ToString(), v.Report.RegionId), ct).ToHttp(v => TypedResults.Ok(ReportDto.From(v.Report, v.Reportable))))
            .WithName("GetReport").WithSummary("A periodic report with the metrics that may still be typed for its period.");
        group.MapPut("/reports/{id:guid}", (Guid id, SaveReportRequest r, PeriodicReportService s, CancellationToken ct) =>
                s.SaveAsync(id, r.Content ?? new ReportContent(), r.Version, ct).ToHttp(v => TypedResults.Ok(ReportDto.From(v))))
            .WithName("SaveReport").WithSummary("Save the draft (or the amendment asked for); send the version you read.");
        group.MapPost("/reports/{id:guid}/submit", (Guid id, VersionRequest r, PeriodicReportService s, CancellationToken ct) =>
                s.SubmitAsync(id, r.Version, ct).ToHttp(v => TypedResults.Ok(ReportDto.From(v))))
            .WithName("SubmitReport").WithSummary("Submit: the report is frozen and its typed metric values become samples of the period.");
        group.MapPost("/reports/{id:guid}/accept", (Guid id, AcceptRequest r, PeriodicReportService s, CancellationToken ct) =>
                s.AcceptAsync(id, r.Note, r.Version, ct).ToHttp(v => TypedResults.Ok(ReportDto.From(v))))
            .WithName("AcceptReport").WithSummary("The working group accepts a submitted report.");
        group.MapPost("/reports/{id:guid}/request-more", (Guid id, MoreRequest r, PeriodicReportService s, CancellationToken ct) =>
                s.RequestMoreAsync(id, r.Request ?? string.Empty, r.WorkingDays, r.Version, ct).ToHttp(v => TypedResults.Ok(ReportDto.From(v))))
            .WithName("RequestMoreForReport").WithSummary("The working group asks for more by a deadline in working days (default 10).");
        group.MapPost("/reports/{id:guid}/files", async (Guid id, IFormFile file, ReportFiles files, CancellationToken ct) =>
            {
                await using var content = file.OpenReadStream();
                return (await files.AttachAsync(id, file.FileName, content, ct)).ToHttp(v => TypedResults.Created($"/api/v1/supervision/reports/{id}/files/{v.Id}", v));
            })
            .DisableAntiforgery().WithName("AttachReportFile").WithSummary("Attach a PDF, DOCX, XLSX, PNG or JPEG to a report being written (the application attachments' rules).");
        group.MapGet("/reports/{id:guid}/files/{fileId:guid}", Download).WithName("DownloadReportFile").WithSummary("Download a report's file (its readers only; audited).");
        group.MapDelete("/reports/{id:guid}/files/{fileId:guid}", (Guid id, Guid fileId, ReportFiles files, CancellationToken ct) => files.RemoveAsync(id, fileId, ct).ToHttp())
            .WithName("RemoveReportFile").WithSummary("Remove a file from a report being written.");

        group.MapGet("/projects/{id:guid}/disclosures", (Guid id, ProgressDisclosureService s, CancellationToken ct) =>
                s.ListAsync(id, ct).ToHttp(v => TypedResults.Ok(v.Select(DisclosureDto.From).ToList())))
            .WithName("ListProgressDisclosures").WithSummary("A pilot's disclosures, newest first (drafts only to the institution).");
        group.MapPost("/projects/{id:guid}/disclosures", (Guid id, DisclosureRequest r, ProgressDisclosureService s, CancellationToken ct) =>
                s.DraftAsync(id, r.Kind, r.Title ?? string.Empty, r.Text ?? string.Empty, ct).ToHttp(v => TypedResults.Created($"/api/v1/supervision/disclosures/{v.Id}", DisclosureDto.From(v))))
            .WithName("DraftProgressDisclosure").WithSummary("The lead institution drafts a major-progress, milestone or scope-reached disclosure.");
        group.MapPut("/disclosures/{id:guid}", (Guid id, EditDisclosureRequest r, ProgressDisclosureService s, CancellationToken ct) =>
                s.EditAsync(id, r.Kind, r.Title ?? string.Empty, r.Text ?? string.Empty, r.Version, ct).ToHttp(v => TypedResults.Ok(DisclosureDto.From(v))))
            .WithName("EditProgressDisclosure").WithSummary("Edit a draft or a returned disclosure.");
        group.MapPost("/disclosures/{id:guid}/send", (Guid id, VersionRequest r, ProgressDisclosureService s, CancellationToken ct) =>
                s.SendAsync(id, r.Version, ct).ToHttp(v => TypedResults.Ok(DisclosureDto.From(v))))
            .WithName("SendProgressDisclosure").WithSummary("Send the disclosure to the working group for approval.");
        group.MapPost("/disclosures/{id:guid}/approve", (Guid id, VersionRequest r, ProgressDisclosureService s, CancellationToken ct) =>
                s.ApproveAsync(id, r.Version, ct).ToHttp(v => TypedResults.Ok(DisclosureDto.From(v))))
            .WithName("ApproveProgressDisclosure").WithSummary("Approve: the disclosure is published on the pilot's public timeline and enters the ledger.");
        group.MapPost("/disclosures/{id:guid}/return", (Guid id, ReturnRequest r, ProgressDisclosureService s, CancellationToken ct) =>
                s.ReturnAsync(id, r.Reason ?? string.Empty, r.Version, ct).ToHttp(v => TypedResults.Ok(DisclosureDto.From(v))))
            .WithName("ReturnProgressDisclosure").WithSummary("Return the disclosure to the institution with a reason.");
        group.MapPost("/projects/{id:guid}/supervision-disclosures", (Guid id, OwnDisclosureRequest r, ProgressDisclosureService s, CancellationToken ct) =>
                s.PublishOwnAsync(id, r.Title ?? string.Empty, r.Text ?? string.Empty, ct).ToHttp(v => TypedResults.Created($"/api/v1/supervision/disclosures/{v.Id}", DisclosureDto.From(v))))
            .WithName("PublishSupervisionDisclosure").WithSummary("The working group publishes a supervision disclosure of its own.");
        return app;
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Download(Guid id, Guid fileId, ReportFiles files, CancellationToken ct)
    {
        var result = await files.OpenAsync(id, fileId, ct);
        if (!result.Succeeded)
        {
            return Problems.From(result.Errors);
        }

        var (file, content) = result.Value;
        return TypedResults.File(content, file.ContentType, file.FileName);
    }
}
