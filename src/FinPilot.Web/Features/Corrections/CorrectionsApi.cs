using FinPilot.Domain.Common;
using FinPilot.Domain.Corrections;
using FinPilot.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FinPilot.Web.Features.Corrections;

/// <summary>容错纠偏 over HTTP: correction orders and tolerated deviations.</summary>
public static class CorrectionsApi
{
    public sealed record CorrectionDto(
        Guid Id, Guid ProjectId, string ProjectTitle, int RegionId, Guid OrganisationId, string Findings, string Breach, string RequiredActions,
        CorrectionSeverity Severity, bool MustRectify, CorrectionSource Source, Guid? AlertId, DateTimeOffset IssuedAt, DateTimeOffset DueAt, int Round,
        int Extensions, CorrectionStatus Status, CorrectionEscalation Escalation, bool Disclosed, string? CorrectionPlan, string? Evidence,
        string? Conclusion, DateTimeOffset? ClosedAt, IReadOnlyList<CorrectionStep> Steps, Guid Version)
    {
        /// <summary>The files of the institution's evidence, oldest first.</summary>
        public IReadOnlyList<CorrectionFile> Files { get; init; } = [];

        public static CorrectionDto From(CorrectionOrder o, string title) => new(
            o.Id, o.ProjectId, title, o.RegionId, o.OrganisationId, o.Findings, o.Breach, o.RequiredActions, o.Severity, o.MustRectify, o.Source, o.AlertId,
            o.IssuedAt, o.DueAt, o.Round, o.Extensions, o.Status, o.Escalation, o.Disclosed, o.CorrectionPlan, o.Evidence, o.Conclusion, o.ClosedAt, o.Steps, o.Version)
        {
            Files = o.Files,
        };
    }

    public sealed record ToleranceDto(
        Guid Id, Guid ProjectId, string ProjectTitle, int RegionId, string Deviation, string Rationale, string Conditions, DateOnly ExpiresOn, int Term,
        ToleranceStatus Status, DateTimeOffset RecordedAt, IReadOnlyList<ToleranceStep> Steps, Guid Version)
    {
        public static ToleranceDto From(ToleratedDeviation t, string title) => new(
            t.Id, t.ProjectId, title, t.RegionId, t.Deviation, t.Rationale, t.Conditions, t.ExpiresOn, t.Term, t.Status, t.RecordedAt, t.Steps, t.Version);
    }

    /// <summary>An order as the working group writes it; severity 1 minor, 2 moderate, 3 serious; alertId when it escalates an open alert of the pilot.</summary>
    public sealed record IssueRequest
    {
        public string? Findings { get; init; }

        public string? Breach { get; init; }

        public string? RequiredActions { get; init; }

        public CorrectionSeverity Severity { get; init; }

        public int? WorkingDays { get; init; }

        public bool MustRectify { get; init; }

        public Guid? AlertId { get; init; }

        public CorrectionOrderInput ToInput() => new()
        {
            Findings = Findings ?? string.Empty,
            Breach = Breach ?? string.Empty,
            RequiredActions = RequiredActions ?? string.Empty,
            Severity = Severity,
            WorkingDays = WorkingDays ?? Domain.Obligations.ObligationRules.DefaultCorrectionWorkingDays,
            MustRectify = MustRectify,
        };
    }

    public sealed record TextRequest
    {
        public string? Text { get; init; }

        public Guid Version { get; init; }
    }

    /// <summary>verdict 1 close (text: the conclusion), 2 reject (text: the reasons; workingDays: the new deadline).</summary>
    public sealed record VerifyRequest
    {
        public CorrectionVerdict Verdict { get; init; }

        public string? Text { get; init; }

        public int? WorkingDays { get; init; }

        public Guid Version { get; init; }
    }

    public sealed record ExtendRequest
    {
        public string? Reason { get; init; }

        public int? WorkingDays { get; init; }

        public Guid Version { get; init; }
    }

    public sealed record VersionRequest
    {
        public Guid Version { get; init; }
    }

    public sealed record ToleranceRequest
    {
        public string? Deviation { get; init; }

        public string? Rationale { get; init; }

        public string? Conditions { get; init; }

        public DateOnly? ExpiresOn { get; init; }
    }

    /// <summary>decision 1 renew (expiresOn required), 2 end, 3 revoke; a note is required.</summary>
    public sealed record ReviewRequest
    {
        public ToleranceDecision Decision { get; init; }

        public string? Note { get; init; }

        public DateOnly? ExpiresOn { get; init; }

        public Guid Version { get; init; }
    }

    public static IEndpointRouteBuilder MapCorrectionsApi(this IEndpointRouteBuilder app)
    {
        var projects = app.MapApiGroup("/supervision", "Corrections");
        projects.MapPost("/projects/{id:guid}/corrections", Issue).WithName("IssueCorrectionOrder")
            .WithSummary("The region's working group issues a correction order (directly, or escalating an open alert of the pilot); the deadline is in working days.");
        projects.MapPost("/projects/{id:guid}/tolerances", Tolerate).WithName("TolerateDeviation")
            .WithSummary("The region's working group tolerates a deviation under conditions until an expiry date, when it must review it.");

        var group = app.MapApiGroup("/corrections", "Corrections");
        group.MapGet("/", List).WithName("ListCorrectionOrders")
            .WithSummary("Correction orders the caller may see, filtered, newest first, paged.");
        group.MapGet("/{id:guid}", (Guid id, CorrectionQueries q, Integrity.ReadAudit reads, CancellationToken ct) => reads.AfterAsync(q.GetAsync(id, ct), Domain.Integrity.IntegrityRecordKind.CorrectionOrder, v => (v.Order.Id.ToString(), v.Order.RegionId), ct).ToHttp(v => TypedResults.Ok(CorrectionDto.From(v.Order, v.ProjectTitle))))
            .WithName("GetCorrectionOrder").WithSummary("One correction order with its history.");
        group.MapPost("/{id:guid}/plan", (Guid id, TextRequest r, CorrectionCommands c, CorrectionQueries q, CancellationToken ct) =>
                ThenGetAsync(c.SubmitPlanAsync(id, r.Text ?? string.Empty, r.Version, ct), q, ct))
            .WithName("SubmitCorrectionPlan").WithSummary("The institution answers the order with its correction plan; send the version you read.");
        group.MapPost("/{id:guid}/evidence", (Guid id, TextRequest r, CorrectionCommands c, CorrectionQueries q, CancellationToken ct) =>
                ThenGetAsync(c.SubmitEvidenceAsync(id, r.Text ?? string.Empty, r.Version, ct), q, ct))
            .WithName("SubmitCorrectionEvidence").WithSummary("The institution hands in the evidence of its correction; the working group verifies next.");
        group.MapPost("/{id:guid}/files", async (Guid id, IFormFile file, CorrectionFiles files, CancellationToken ct) =>
            {
                await using var content = file.OpenReadStream();
                return (await files.AttachAsync(id, file.FileName, content, ct)).ToHttp(v => TypedResults.Created($"/api/v1/corrections/{id}/files/{v.Id}", v));
            })
            .DisableAntiforgery().WithName("AttachCorrectionFile")
            .WithSummary("The institution attaches a PDF, DOCX, XLSX, PNG or JPEG to the evidence it owes (the application attachments' size and type rules).");
        group.MapGet("/{id:guid}/files/{fileId:guid}", DownloadAsync).WithName("DownloadCorrectionFile").WithSummary("Download a file of the evidence (the order's readers only; audited).");
        group.MapDelete("/{id:guid}/files/{fileId:guid}", (Guid id, Guid fileId, CorrectionFiles files, CancellationToken ct) => files.RemoveAsync(id, fileId, ct).ToHttp())
            .WithName("RemoveCorrectionFile").WithSummary("The institution removes a file of the evidence it has not handed in yet.");
        group.MapPost("/{id:guid}/verification", (Guid id, VerifyRequest r, CorrectionCommands c, CorrectionQueries q, CancellationToken ct) =>
                ThenGetAsync(c.VerifyAsync(id, r.Verdict, r.Text ?? string.Empty, r.WorkingDays, r.Version, ct), q, ct))
            .WithName("VerifyCorrection").WithSummary("The working group closes the order, or rejects the evidence with reasons and a new deadline in working days.");
        group.MapPost("/{id:guid}/extension", (Guid id, ExtendRequest r, CorrectionCommands c, CorrectionQueries q, CancellationToken ct) =>
                ThenGetAsync(c.ExtendAsync(id, r.Reason ?? string.Empty, r.WorkingDays, r.Version, ct), q, ct))
            .WithName("ExtendCorrection").WithSummary("The working group moves the deadline, with a reason (counted for the integrity flags).");
        group.MapPost("/{id:guid}/revocation", (Guid id, TextRequest r, CorrectionCommands c, CorrectionQueries q, CancellationToken ct) =>
                ThenGetAsync(c.RevokeAsync(id, r.Text ?? string.Empty, r.Version, ct), q, ct))
            .WithName("RevokeCorrection").WithSummary("The working group withdraws an open order, with a reason.");
        group.MapPost("/{id:guid}/disclosure", (Guid id, VersionRequest r, CorrectionCommands c, CorrectionQueries q, CancellationToken ct) =>
                ThenGetAsync(c.DiscloseAsync(id, r.Version, ct), q, ct))
            .WithName("DiscloseCorrection").WithSummary("The working group makes the order public: a record on the pilot's public timeline and in the ledger; its closure will be public too.");

        var tolerances = app.MapApiGroup("/tolerances", "Corrections");
        tolerances.MapGet("/", (int? regionId, Guid? projectId, bool? active, int? page, int? pageSize, CorrectionQueries q, CancellationToken ct) =>
                q.TolerancesAsync(regionId, projectId, active, page, pageSize, ct).ToHttp(TypedResults.Ok))
            .WithName("ListToleratedDeviations").WithSummary("Tolerated deviations the caller may see, newest first, paged.");
        tolerances.MapGet("/{id:guid}", (Guid id, CorrectionQueries q, CancellationToken ct) =>
                q.ToleranceAsync(id, ct).ToHttp(v => TypedResults.Ok(ToleranceDto.From(v.Deviation, v.ProjectTitle))))
            .WithName("GetToleratedDeviation").WithSummary("One tolerated deviation with its reviews.");
        tolerances.MapPost("/{id:guid}/review", Review).WithName("ReviewToleratedDeviation")
            .WithSummary("The region's working group renews (to a new expiry date), ends or revokes a tolerated deviation.");
        // Where the correction page's plain HTML forms post files (Blazor's form handling does not stream uploads).
        var page = app.MapGroup("/corrections/{id:guid}/files").RequireAuthorization().ExcludeFromDescription();
        page.MapPost("/", async (Guid id, IFormFile? file, CorrectionFiles files, CancellationToken ct) =>
        {
            if (file is null)
            {
                return Back(id, Domain.Applications.ApplicationErrors.FileTypeRefused);
            }

            await using var content = file.OpenReadStream();
            var result = await files.AttachAsync(id, file.FileName, content, ct);
            return Back(id, result.Succeeded ? null : result.Errors[0].Code);
        }).WithMetadata(new Microsoft.AspNetCore.Mvc.DisableRequestSizeLimitAttribute());
        page.MapPost("/{fileId:guid}/remove", async (Guid id, Guid fileId, CorrectionFiles files, CancellationToken ct) =>
        {
            var result = await files.RemoveAsync(id, fileId, ct);
            return Back(id, result.Succeeded ? null : result.Errors[0].Code);
        });
        page.MapGet("/{fileId:guid}", async Task<IResult> (Guid id, Guid fileId, CorrectionFiles files, CancellationToken ct) =>
        {
            var result = await files.OpenAsync(id, fileId, ct);
            return result.Succeeded ? TypedResults.File(result.Value.Content, result.Value.File.ContentType, result.Value.File.FileName) : TypedResults.NotFound();
        });
        return app;
    }

    private static async Task<Results<Created<CorrectionDto>, ProblemHttpResult>> Issue(Guid id, IssueRequest r, CorrectionCommands commands, CorrectionQueries queries, CancellationToken ct)
    {
        r ??= new IssueRequest();
        var issued = await commands.IssueAsync(id, r.ToInput(), r.AlertId, ct);
        if (!issued.Succeeded)
        {
            return Problems.From(issued.Errors);
        }

        var view = await queries.GetAsync(issued.Value.Id, ct);
        return TypedResults.Created($"/api/v1/corrections/{issued.Value.Id}", CorrectionDto.From(issued.Value, view.ValueOrThrow().ProjectTitle));
    }

    private static async Task<Results<Created<ToleranceDto>, ProblemHttpResult>> Tolerate(Guid id, ToleranceRequest r, ToleranceCommands commands, CorrectionQueries queries, CancellationToken ct)
    {
        r ??= new ToleranceRequest();
        var recorded = await commands.RecordAsync(id, new ToleranceInput
        {
            Deviation = r.Deviation ?? string.Empty,
            Rationale = r.Rationale ?? string.Empty,
            Conditions = r.Conditions ?? string.Empty,
            ExpiresOn = r.ExpiresOn,
        }, ct);
        if (!recorded.Succeeded)
        {
            return Problems.From(recorded.Errors);
        }

        var view = await queries.ToleranceAsync(recorded.Value.Id, ct);
        return TypedResults.Created($"/api/v1/tolerances/{recorded.Value.Id}", ToleranceDto.From(recorded.Value, view.ValueOrThrow().ProjectTitle));
    }

    private static async Task<Results<Ok<ToleranceDto>, ProblemHttpResult>> Review(Guid id, ReviewRequest r, ToleranceCommands commands, CorrectionQueries queries, CancellationToken ct)
    {
        var reviewed = await commands.ReviewAsync(id, r.Decision, r.Note ?? string.Empty, r.ExpiresOn, r.Version, ct);
        return reviewed.Succeeded
            ? (await queries.ToleranceAsync(id, ct)).ToHttp(v => TypedResults.Ok(ToleranceDto.From(v.Deviation, v.ProjectTitle)))
            : Problems.From(reviewed.Errors);
    }

    private static async Task<Results<Ok<Page<CorrectionRow>>, ProblemHttpResult>> List(
        int? regionId, Guid? organisationId, Guid? projectId, CorrectionStatus? status, bool? open, bool? escalated, int? page, int? pageSize,
        CorrectionQueries queries, CancellationToken ct)
    {
        if (status is { } s && !Enum.IsDefined(s))
        {
            return Problems.From([new Error(CorrectionErrors.DecisionInvalid, "status")]);
        }

        return (await queries.ListAsync(new CorrectionFilter(regionId, organisationId, projectId, status, open, escalated, page, pageSize), ct)).ToHttp(TypedResults.Ok);
    }

    private static async Task<Results<Ok<CorrectionDto>, ProblemHttpResult>> ThenGetAsync(Task<Result<CorrectionOrder>> change, CorrectionQueries queries, CancellationToken ct)
    {
        var changed = await change;
        return changed.Succeeded
            ? (await queries.GetAsync(changed.Value.Id, ct)).ToHttp(v => TypedResults.Ok(CorrectionDto.From(v.Order, v.ProjectTitle)))
            : Problems.From(changed.Errors);
    }

    private static RedirectHttpResult Back(Guid id, string? error) =>
        TypedResults.Redirect(error is null ? $"/corrections/{id}#files" : $"/corrections/{id}?fileError={Uri.EscapeDataString(error)}#files");

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(Guid id, Guid fileId, CorrectionFiles files, CancellationToken ct)
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
