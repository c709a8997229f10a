using FinPilot.Domain.Common;
using FinPilot.Domain.Incidents;
using FinPilot.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FinPilot.Web.Features.Incidents;

/// <summary>事件报告 over HTTP: the institution reports and updates, the working group triages, readers list.</summary>
public static class IncidentsApi
{
    public sealed record IncidentDto(
        Guid Id, Guid ProjectId, string ProjectTitle, int RegionId, Guid OrganisationId, string Title, IncidentSeverity Severity, bool Severe,
        DateTimeOffset OccurredAt, DateTimeOffset DetectedAt, DateTimeOffset ReportedAt, DateTimeOffset? ResolvedAt, DateTimeOffset? ReportDueAt, bool ReportedLate,
        int CustomersAffected, decimal AmountAffected, string Description, string Measures, IncidentStatus Status,
        IReadOnlyList<IncidentUpdate> Updates, IReadOnlyList<IncidentTriageStep> Triage, string? Conclusion, Guid Version)
    {
        public static IncidentDto From(Incident i, string projectTitle) => new(
            i.Id, i.ProjectId, projectTitle, i.RegionId, i.OrganisationId, i.Title, i.Severity, i.Severe, i.OccurredAt, i.DetectedAt, i.ReportedAt, i.ResolvedAt,
            i.ReportDueAt, i.ReportedLate, i.CustomersAffected, i.AmountAffected, i.Description, i.Measures, i.Status, i.Updates, i.Triage, i.Conclusion, i.Version);
    }

    /// <summary>A report as the institution sends it; the reported time is the server's.</summary>
    public sealed record ReportRequest
    {
        public string? Title { get; init; }

        public IncidentSeverity Severity { get; init; }

        public DateTimeOffset? OccurredAt { get; init; }

        public DateTimeOffset? DetectedAt { get; init; }

        public DateTimeOffset? ResolvedAt { get; init; }

        public int CustomersAffected { get; init; }

        public decimal AmountAffected { get; init; }

        public string? Description { get; init; }

        public string? Measures { get; init; }

        public IncidentInput ToInput() => new()
        {
            Title = Title ?? string.Empty,
            Severity = Severity,
            OccurredAt = OccurredAt,
            DetectedAt = DetectedAt,
            ResolvedAt = ResolvedAt,
            CustomersAffected = CustomersAffected,
            AmountAffected = AmountAffected,
            Description = Description ?? string.Empty,
            Measures = Measures ?? string.Empty,
        };
    }

    public sealed record UpdateRequest
    {
        public string? Note { get; init; }

        public DateTimeOffset? ResolvedAt { get; init; }

        public Guid Version { get; init; }
    }

    public sealed record TriageRequest
    {
        public TriageAction Action { get; init; }

        public string? Note { get; init; }

        public Guid Version { get; init; }
    }

    public static IEndpointRouteBuilder MapIncidentsApi(this IEndpointRouteBuilder app)
    {
        app.MapApiGroup("/supervision", "Incidents")
            .MapPost("/projects/{id:guid}/incidents", Report)
            .WithName("ReportIncident")
            .WithSummary("The lead institution reports an incident on a running pilot (severity 1 = I, the gravest, to 4 = IV); submitted at once.");

        app.MapApiGroup("/supervision", "Incidents")
            .MapPost("/projects/{id:guid}/incident-requests", RequestReport)
            .WithName("RequestIncidentReport")
            .WithSummary("The region's working group asks the institution for an incident report, due within the given hours (default: the severe-incident deadline); the next incident it reports fulfils the request.");

        var group = app.MapApiGroup("/incidents", "Incidents");
        group.MapGet("/", List).WithName("ListIncidents")
            .WithSummary("Incidents the caller may see (own organisation's, own region's, or all for integrity officers, the coordination group and admins), filtered, newest first, paged.");
        group.MapGet("/{id:guid}", (Guid id, IncidentQueries q, CancellationToken ct) => q.GetAsync(id, ct).ToHttp(v => TypedResults.Ok(IncidentDto.From(v.Incident, v.ProjectTitle))))
            .WithName("GetIncident").WithSummary("One incident with its updates and triage.");
        group.MapPost("/{id:guid}/updates", (Guid id, UpdateRequest r, IncidentCommands c, IncidentQueries q, CancellationToken ct) =>
                ThenGetAsync(c.AddUpdateAsync(id, r.Note ?? string.Empty, r.ResolvedAt, r.Version, ct), q, ct))
            .WithName("UpdateIncident").WithSummary("The institution adds a follow-up note and, once resolved, the resolution time; send the version you read.");
        group.MapPost("/{id:guid}/triage", (Guid id, TriageRequest r, IncidentCommands c, IncidentQueries q, CancellationToken ct) =>
                ThenGetAsync(c.TriageAsync(id, r.Action, r.Note, r.Version, ct), q, ct))
            .WithName("TriageIncident").WithSummary("The region's working group acknowledges, asks for more information (note required) or closes (conclusion required).");
        return app;
    }

    /// <summary>What the working group asks: why, and within how many hours (1–720; none: the severe-incident deadline).</summary>
    public sealed record ReportRequestRequest
    {
        public string? Reason { get; init; }

        public int? Hours { get; init; }
    }

    /// <summary>The obligation a request for an incident report created.</summary>
    public sealed record ReportRequestDto(Guid ObligationId, Guid ProjectId, string Subject, DateTimeOffset DueAt);

    private static async Task<Results<Created<ReportRequestDto>, ProblemHttpResult>> RequestReport(Guid id, ReportRequestRequest r, IncidentCommands commands, CancellationToken ct)
    {
        var requested = await commands.RequestReportAsync(id, r?.Reason ?? string.Empty, r?.Hours, ct);
        if (!requested.Succeeded)
        {
            return Problems.From(requested.Errors);
        }

        var o = requested.Value;
        return TypedResults.Created($"/api/v1/obligations/{o.Id}", new ReportRequestDto(o.Id, o.ProjectId, o.Subject, o.DueAt));
    }

    private static async Task<Results<Created<IncidentDto>, ProblemHttpResult>> Report(Guid id, ReportRequest r, IncidentCommands commands, CancellationToken ct)
    {
        var reported = await commands.ReportAsync(id, (r ?? new ReportRequest()).ToInput(), ct);
        if (!reported.Succeeded)
        {
            return Problems.From(reported.Errors);
        }

        var title = await commands.ProjectTitleAsync(id, ct);
        return TypedResults.Created($"/api/v1/incidents/{reported.Value.Id}", IncidentDto.From(reported.Value, title));
    }

    private static async Task<Results<Ok<Page<IncidentRow>>, ProblemHttpResult>> List(
        int? regionId, Guid? organisationId, Guid? projectId, IncidentSeverity? severity, IncidentStatus? status, bool? severe, int? page, int? pageSize,
        IncidentQueries queries, CancellationToken ct)
    {
        if (severity is { } s && !Enum.IsDefined(s))
        {
            return Problems.From([new Error(IncidentErrors.SeverityInvalid, "severity")]);
        }

        return (await queries.ListAsync(new IncidentFilter(regionId, organisationId, projectId, severity, status, severe, page, pageSize), ct)).ToHttp(TypedResults.Ok);
    }

    private static async Task<Results<Ok<IncidentDto>, ProblemHttpResult>> ThenGetAsync(Task<Result<Incident>> change, IncidentQueries queries, CancellationToken ct)
    {
        var changed = await change;
        return changed.Succeeded
            ? (await queries.GetAsync(changed.Value.Id, ct)).ToHttp(v => TypedResults.Ok(IncidentDto.From(v.Incident, v.ProjectTitle)))
            : Problems.From(changed.Errors);
    }
}
