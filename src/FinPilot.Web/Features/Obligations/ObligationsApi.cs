using FinPilot.Domain.Obligations;
using FinPilot.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FinPilot.Web.Features.Obligations;

public static class ObligationsApi
{
    /// <summary>
    /// An obligation as the API gives it; kinds and states by their stable names. <see cref="ProjectId"/>
    /// is null for an organisation's duty with no project (<see cref="Obligation.NoProject"/>, a coaching follow-up).
    /// </summary>
    public sealed record ObligationDto(
        Guid Id, Guid? ProjectId, string? ProjectTitle, int RegionId, Guid OrganisationId, ObligationKind Kind, string Subject,
        DateTimeOffset DueAt, ObligationStatus Status, DateTimeOffset? ClosedAt, bool Overdue)
    {
        public static ObligationDto From(ObligationRow r) =>
            new(r.Id, ProjectOf(r.ProjectId), ProjectOf(r.ProjectId) is null ? null : r.ProjectTitle, r.RegionId, r.OrganisationId, r.Kind, r.Subject, r.DueAt, r.Status, r.ClosedAt, r.Overdue);

        public static ObligationDto From(Obligation o, DateTimeOffset now) =>
            new(o.Id, ProjectOf(o.ProjectId), null, o.RegionId, o.OrganisationId, o.Kind, o.Subject, o.DueAt, o.Status, o.ClosedAt, o.IsOverdue(now));

        private static Guid? ProjectOf(Guid projectId) => projectId == Obligation.NoProject ? null : projectId;
    }

    public static IEndpointRouteBuilder MapObligationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/obligations", "Obligations");
        group.MapGet("/", List).WithName("ListObligations")
            .WithSummary("Obligations the caller may see (own organisation's, own region's, or all for integrity officers and the coordination group), filtered by region, organisation, project, kind, status and overdue, by due date, paged.");
        group.MapGet("/{id:guid}", Get).WithName("GetObligation").WithSummary("One obligation.");
        return app;
    }

    private static async Task<Results<Ok<Page<ObligationDto>>, ProblemHttpResult>> List(
        int? regionId, Guid? organisationId, Guid? projectId, ObligationKind? kind, ObligationStatus? status, bool? overdue, int? page, int? pageSize,
        ObligationQueries queries, CancellationToken ct)
    {
        if ((kind is { } k && !Enum.IsDefined(k)) || (status is { } s && !Enum.IsDefined(s)))
        {
            return Problems.From([new FinPilot.Domain.Common.Error(ObligationErrors.KindUnknown, kind is { } bad && !Enum.IsDefined(bad) ? "kind" : "status")]);
        }

        var found = await queries.ListAsync(new ObligationFilter(regionId, organisationId, projectId, kind, status, overdue, ObligationOrder.DueDate, page, pageSize), ct);
        return found.ToHttp(p => TypedResults.Ok(new Page<ObligationDto>([.. p.Items.Select(ObligationDto.From)], p.PageNumber, p.PageSize, p.Total)));
    }

    private static Task<Results<Ok<ObligationDto>, ProblemHttpResult>> Get(Guid id, ObligationQueries queries, TimeProvider clock, CancellationToken ct) =>
        queries.GetAsync(id, ct).ToHttp(o => TypedResults.Ok(ObligationDto.From(o, clock.GetUtcNow())));
}
