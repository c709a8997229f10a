using FinPilot.Domain.Applications;
using FinPilot.Domain.Projects;
using FinPilot.Web.Features.Files;
using FinPilot.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace FinPilot.Web.Features.Applications;

public static class ApplicationsApi
{
    public sealed record StartRequest(Guid CallId, string Title, ProjectCategory? Category);

    public sealed record SaveRequest(ApplicationForm Form, Guid Concurrency);

    public sealed record ReasonRequest(string Reason);

    public sealed record ProjectDto(Guid Id, Guid CallId, int RegionId, Guid LeadOrganisationId, string Title, ProjectCategory Category, ProjectStage Stage, int ApplicationVersion, int? SubmittedApplicationVersion, DateTimeOffset CreatedAt)
    {
        public static ProjectDto From(PilotProject p) =>
            new(p.Id, p.CallId, p.RegionId, p.LeadOrganisationId, p.Title, p.Category, p.Stage, p.ApplicationVersion, p.SubmittedApplicationVersion, p.CreatedAt);
    }

    public sealed record AttachmentDto(Guid Id, string FileName, string ContentType, long Size, string Sha256, int Version, DateTimeOffset UploadedAt, string? Material)
    {
        public static AttachmentDto From(Attachment a) => new(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, a.VersionNumber, a.UploadedAt, a.Material);
    }

    public sealed record ApplicationDto(
        ProjectDto Project, int Version, bool Frozen, Guid Concurrency, ApplicationForm Form, IReadOnlyList<AttachmentDto> Attachments,
        IReadOnlyList<TimelineEntryDto> Timeline, SupplementRequest? SupplementRequest, bool CanEdit);

    public static IEndpointRouteBuilder MapApplicationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/applications", "Applications");
        group.MapGet("/", Mine).WithName("ListMyApplications").WithSummary("The caller's organisation's applications.");
        group.MapPost("/", Start).WithName("StartApplication").WithSummary("Start a draft application against an open call (applicants of a licensed organisation).");
        group.MapGet("/{id:guid}", Get).WithName("GetApplication").WithSummary("An application: its open (or a given) version, files and timeline.");
        group.MapPut("/{id:guid}", Save).WithName("SaveApplicationDraft")
            .WithSummary("Save the open version as it is, complete or not; send the concurrency value you read, a stale one gets 409.");
        group.MapPost("/{id:guid}/submit", Submit).WithName("SubmitApplication")
            .WithSummary("Submit (or resubmit after 补正); every missing item is listed in the problem's errors.");
        group.MapPost("/{id:guid}/withdraw", Withdraw).WithName("WithdrawApplication").WithSummary("Withdraw before admission, with a reason.");
        group.MapPost("/{id:guid}/confirm-conditions", async (Guid id, ApplicationService s, CancellationToken ct) =>
            {
                var result = await s.ConfirmConditionsAsync(id, ct);
                return result.Succeeded ? Results.NoContent() : Problems.From(result.Errors);
            })
            .WithName("ConfirmApprovalConditions").WithSummary("The lead applicant confirms the coordination group's approval conditions (admission waits for it).");
        group.MapGet("/{id:guid}/diff", Diff).WithName("DiffApplicationVersions").WithSummary("Differences between two versions: field by field, and the files added, removed or replaced.");
        group.MapPost("/{id:guid}/attachments", Attach).WithName("AddAttachment").DisableAntiforgery()
            .WithSummary("Attach a PDF, DOCX, XLSX, PNG or JPEG (checked by content; 20 MB a file, 100 MB an application by default); the form field `material` names the call's required material it answers.");
        group.MapGet("/{id:guid}/attachments/{attachmentId:guid}", Download).WithName("DownloadAttachment").WithSummary("Download an attachment (readers of the project only; audited).");
        group.MapDelete("/{id:guid}/attachments/{attachmentId:guid}", Remove).WithName("RemoveAttachment").WithSummary("Remove a file from the open version.");
        return app;
    }

    private static async Task<Ok<List<ProjectDto>>> Mine(ApplicationService applications, CancellationToken ct) =>
        TypedResults.Ok((await applications.MineAsync(ct)).Select(ProjectDto.From).ToList());

    private static async Task<Results<Created<ProjectDto>, ProblemHttpResult>> Start(StartRequest request, ApplicationService applications, CancellationToken ct)
    {
        var result = await applications.StartAsync(request.CallId, request.Title, request.Category, ct);
        return result.ToHttp(value => TypedResults.Created($"/api/v1/applications/{value.Id}", ProjectDto.From(value)));
    }

    private static async Task<Results<Ok<ApplicationDto>, ProblemHttpResult>> Get(Guid id, int? version, ApplicationService applications, TimelineActors actors, Integrity.ReadAudit reads, CancellationToken ct)
    {
        var result = await reads.AfterAsync(applications.GetAsync(id, version, ct), Domain.Integrity.IntegrityRecordKind.Application, v => (v.Project.Id.ToString(), v.Project.RegionId), ct);
        return result.Succeeded ? TypedResults.Ok(await ToDtoAsync(result.Value, actors, ct)) : Problems.From(result.Errors);
    }

    private static async Task<Results<Ok<ApplicationDto>, ProblemHttpResult>> Save(Guid id, SaveRequest request, ApplicationService applications, TimelineActors actors, CancellationToken ct)
    {
        var saved = await applications.SaveDraftAsync(id, request.Form ?? new ApplicationForm(), request.Concurrency, ct);
        if (!saved.Succeeded)
        {
            return Problems.From(saved.Errors);
        }

        return TypedResults.Ok(await ToDtoAsync((await applications.GetAsync(id, null, ct)).ValueOrThrow(), actors, ct));
    }

    private static async Task<Results<Ok<ApplicationDto>, ProblemHttpResult>> Submit(Guid id, ApplicationService applications, TimelineActors actors, CancellationToken ct)
    {
        var submitted = await applications.SubmitAsync(id, ct);
        return submitted.Succeeded ? TypedResults.Ok(await ToDtoAsync((await applications.GetAsync(id, null, ct)).ValueOrThrow(), actors, ct)) : Problems.From(submitted.Errors);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Withdraw(Guid id, ReasonRequest request, ApplicationService applications, CancellationToken ct)
    {
        var result = await applications.WithdrawAsync(id, request.Reason, ct);
        return result.ToHttp();
    }

    private static async Task<Results<Ok<VersionDiff>, ProblemHttpResult>> Diff(Guid id, int from, int to, ApplicationService applications, CancellationToken ct) =>
        (await applications.DiffAsync(id, from, to, ct)).ToHttp(diff => TypedResults.Ok(diff));

    private static async Task<Results<Created<AttachmentDto>, ProblemHttpResult>> Attach(Guid id, IFormFile file, [FromForm] string? material, AttachmentService attachments, CancellationToken ct)
    {
        await using var content = file.OpenReadStream();
        var result = await attachments.AttachAsync(id, file.FileName, content, material, ct);
        return result.ToHttp(value => TypedResults.Created($"/api/v1/applications/{id}/attachments/{value.Id}", AttachmentDto.From(value)));
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Download(Guid id, Guid attachmentId, AttachmentService attachments, CancellationToken ct)
    {
        var result = await attachments.OpenAsync(id, attachmentId, ct);
        if (!result.Succeeded)
        {
            return Problems.From(result.Errors);
        }

        var (attachment, content) = result.Value;
        return TypedResults.File(content, attachment.ContentType, attachment.FileName);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Remove(Guid id, Guid attachmentId, AttachmentService attachments, CancellationToken ct)
    {
        var result = await attachments.RemoveAsync(id, attachmentId, ct);
        return result.ToHttp();
    }

    private static async Task<ApplicationDto> ToDtoAsync(ApplicationView view, TimelineActors actors, CancellationToken ct)
    {
        var (timeline, supplement) = await actors.DescribeAsync(view.Project, ct);
        return new(
            ProjectDto.From(view.Project), view.Current.Number, view.Current.Frozen, view.Current.Concurrency, view.Current.Form,
            view.Attachments.Select(AttachmentDto.From).ToList(), timeline, supplement, view.CanEdit);
    }
}
