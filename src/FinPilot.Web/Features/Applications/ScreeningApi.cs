using FinPilot.Domain.Organisations;
using FinPilot.Domain.Projects;
using FinPilot.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FinPilot.Web.Features.Applications;

public static class ScreeningApi
{
    public sealed record ScreeningRowDto(
        ApplicationsApi.ProjectDto Project, string Organisation, OrganisationType OrganisationType, string Call, DateTimeOffset? SubmittedAt, DateOnly? SupplementDueOn);

    public sealed record ChecklistDto(IReadOnlyList<string> Items, IReadOnlyList<string> Ticked);

    public sealed record ChecklistRequest(IReadOnlyList<string> Ticked);

    public sealed record SupplementRequestDto(IReadOnlyList<string> Items, int WorkingDays = ScreeningService.DefaultSupplementWorkingDays);

    public sealed record NoteRequest(string? Note);

    public static IEndpointRouteBuilder MapScreeningApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/screening", "Screening");
        group.MapGet("/", Queue).WithName("ScreeningQueue")
            .WithSummary("Applications in the caller's regions, filtered by category, stage, organisation type, technology, call and text; sort=newest|waiting|submitted|name.");
        group.MapGet("/export.xlsx", Export).WithName("ExportScreeningQueue")
            .WithSummary("The filtered queue (up to 10,000 rows, in the sort asked) as an XLSX workbook; 403 to anyone who screens no region.");
        group.MapGet("/{id:guid}/checklist", Checklist).WithName("GetScreeningChecklist").WithSummary("The call's checklist and what has been ticked.");
        group.MapPut("/{id:guid}/checklist", SaveChecklist).WithName("SaveScreeningChecklist").WithSummary("Tick checklist items (during screening).");
        group.MapPost("/{id:guid}/start", (Guid id, ScreeningService s, CancellationToken ct) => s.StartAsync(id, ct).ToHttp())
            .WithName("StartScreening").WithSummary("Begin formal screening of a submitted application.");
        group.MapPost("/{id:guid}/return", (Guid id, SupplementRequestDto r, ScreeningService s, CancellationToken ct) => s.ReturnForSupplementAsync(id, r.Items ?? [], r.WorkingDays, ct).ToHttp())
            .WithName("ReturnForSupplement").WithSummary("退回补正: list what is missing and a deadline in working days.");
        group.MapPost("/{id:guid}/accept", (Guid id, NoteRequest r, ScreeningService s, CancellationToken ct) => s.AcceptAsync(id, r.Note, ct).ToHttp())
            .WithName("AcceptApplication").WithSummary("受理: every checklist item ticked; the project goes to evaluation.");
        group.MapPost("/{id:guid}/reject", (Guid id, ApplicationsApi.ReasonRequest r, ScreeningService s, CancellationToken ct) => s.RejectAsync(id, r.Reason, ct).ToHttp())
            .WithName("RejectApplication").WithSummary("Reject with a reason the applicant will read.");
        return app;
    }

    private static async Task<Ok<Page<ScreeningRowDto>>> Queue(
        string? q, ProjectCategory? category, ProjectStage? stage, OrganisationType? organisationType, string? technology, Guid? callId, int? page, int? pageSize,
        ScreeningSort? sort, ScreeningService screening, CancellationToken ct)
    {
        var found = await screening.QueueAsync(new ScreeningFilter(q, category, stage, organisationType, technology, callId, page, pageSize, sort ?? ScreeningSort.Newest), ct);
        return TypedResults.Ok(new Page<ScreeningRowDto>(
            found.Items.Select(r => new ScreeningRowDto(ApplicationsApi.ProjectDto.From(r.Project), r.OrganisationName, r.OrganisationType, r.CallTitle, r.SubmittedAt, r.SupplementDueOn)).ToList(),
            found.PageNumber, found.PageSize, found.Total));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Export(
        string? q, ProjectCategory? category, ProjectStage? stage, OrganisationType? organisationType, string? technology, Guid? callId,
        ScreeningSort? sort, ScreeningService screening, CancellationToken ct) =>
        (await screening.ExportAsync(new ScreeningFilter(q, category, stage, organisationType, technology, callId, Sort: sort ?? ScreeningSort.Newest), ct))
            .ToHttp(v => TypedResults.File(v, Files.Spreadsheet.ContentType, "screening-queue.xlsx"));

    private static async Task<Results<Ok<ChecklistDto>, ProblemHttpResult>> Checklist(Guid id, ApplicationService applications, ScreeningService screening, CancellationToken ct)
    {
        var view = await applications.GetAsync(id, null, ct);
        if (!view.Succeeded)
        {
            return Problems.From(view.Errors);
        }

        return TypedResults.Ok(new ChecklistDto(await screening.ChecklistAsync(view.Value.Project, ct), await screening.TickedAsync(id, ct)));
    }

    private static Task<Results<NoContent, ProblemHttpResult>> SaveChecklist(Guid id, ChecklistRequest request, ScreeningService screening, CancellationToken ct) =>
        screening.SaveChecklistAsync(id, request.Ticked ?? [], ct).ToHttp();
}
