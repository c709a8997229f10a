using FinPilot.Domain.Alerts;
using FinPilot.Domain.Common;
using FinPilot.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FinPilot.Web.Features.Alerts;

public static class AlertsApi
{
    /// <summary>An alert as the API gives it; kinds, severities and statuses by their stable names.</summary>
    public sealed record AlertDto(
        Guid Id, Guid ProjectId, string? ProjectTitle, int RegionId, Guid OrganisationId, RiskRuleKind Kind, string RuleKey, AlertSeverity Severity,
        DateTimeOffset RaisedAt, AlertStatus Status, AlertEvidence Evidence, DateTimeOffset? AcknowledgedAt, DateTimeOffset? ClosedAt, string? ClosingNote,
        Guid? Version)
    {
        public static AlertDto From(AlertRow r) =>
            new(r.Id, r.ProjectId, r.ProjectTitle, r.RegionId, r.OrganisationId, r.Kind, r.RuleKey, r.Severity, r.RaisedAt, r.Status, r.Evidence, null, r.ClosedAt, null, null);

        public static AlertDto From(Alert a, string? title) =>
            new(a.Id, a.ProjectId, title, a.RegionId, a.OrganisationId, a.Kind, a.RuleKey, a.Severity, a.RaisedAt, a.Status, a.Evidence, a.AcknowledgedAt, a.ClosedAt,
                a.ClosingNote, a.Version);
    }

    /// <summary>A triage step: the note (resolve) or reason (dismiss, escalate), and the version read (optional: without it the step applies to the alert as it is).</summary>
    public sealed record TriageRequest
    {
        public string? Note { get; init; }

        public string? Reason { get; init; }

        public Guid? Version { get; init; }
    }

    /// <summary>A pilot's rule settings: kinds turned off, the change-rate percentage, the grace days of a stale stream.</summary>
    public sealed record RulesDto
    {
        public IReadOnlyList<RiskRuleKind> Disabled { get; init; } = [];

        public double ChangeRatePercent { get; init; }

        public int StaleGraceDays { get; init; }

        /// <summary>Whether these are the pilot's own settings, not its category's defaults.</summary>
        public bool Overridden { get; init; }

        public Guid? Version { get; init; }

        public static RulesDto From(ProjectRules rules) => new()
        {
            Disabled = rules.Settings.Disabled,
            ChangeRatePercent = rules.Settings.ChangeRatePercent,
            StaleGraceDays = rules.Settings.StaleGraceDays,
            Overridden = rules.Overridden,
            Version = rules.Version,
        };
    }

    public sealed record RulesRequest
    {
        public IReadOnlyList<RiskRuleKind>? Disabled { get; init; }

        public double? ChangeRatePercent { get; init; }

        public int? StaleGraceDays { get; init; }

        public Guid? Version { get; init; }
    }

    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/alerts", "Alerts");
        group.MapGet("/", List).WithName("ListAlerts")
            .WithSummary("Alerts the caller may see (own organisation's, own region's, or all for integrity officers and the coordination group), filtered by region, organisation, project, kind and status, open first and newest first, paged.");
        group.MapGet("/{id:guid}", Get).WithName("GetAlert").WithSummary("One alert with its evidence.");
        group.MapPost("/{id:guid}/acknowledge", (Guid id, TriageRequest? request, AlertCommands commands, AlertQueries queries, CancellationToken ct) =>
            Answer(commands.AcknowledgeAsync(id, request?.Version, ct), queries, ct)).WithName("AcknowledgeAlert").WithSummary("The region's working group acknowledges an open alert.");
        group.MapPost("/{id:guid}/resolve", (Guid id, TriageRequest? request, AlertCommands commands, AlertQueries queries, CancellationToken ct) =>
            Answer(commands.ResolveAsync(id, request?.Note, request?.Version, ct), queries, ct)).WithName("ResolveAlert").WithSummary("The region's working group resolves an alert, with an optional note.");
        group.MapPost("/{id:guid}/dismiss", (Guid id, TriageRequest? request, AlertCommands commands, AlertQueries queries, CancellationToken ct) =>
            Answer(commands.DismissAsync(id, request?.Reason, request?.Version, ct), queries, ct)).WithName("DismissAlert").WithSummary("The region's working group dismisses an alert; a reason is required.");
        group.MapPost("/{id:guid}/escalate", (Guid id, TriageRequest? request, AlertCommands commands, AlertQueries queries, CancellationToken ct) =>
            Answer(commands.EscalateAsync(id, request?.Reason, request?.Version, ct), queries, ct)).WithName("EscalateAlert").WithSummary("The region's working group escalates an alert for intervention; a reason is required.");
        group.MapGet("/projects/{projectId:guid}/rules", GetRules).WithName("GetProjectRiskRules").WithSummary("A pilot's risk-rule settings: its own, or its category's defaults.");
        group.MapPut("/projects/{projectId:guid}/rules", PutRules).WithName("SetProjectRiskRules").WithSummary("The region's working group sets a pilot's own risk-rule settings.");
        return app;
    }

    private static async Task<Results<Ok<Page<AlertDto>>, ProblemHttpResult>> List(
        int? regionId, Guid? organisationId, Guid? projectId, string? kind, string? status, bool? open, int? page, int? pageSize,
        AlertQueries queries, CancellationToken ct)
    {
        var errors = new List<Error>();
        RiskRuleKind? k = null;
        AlertStatus? s = null;
        if (kind is not null)
        {
            if (Enum.TryParse<RiskRuleKind>(kind, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(kind, out _))
            {
                k = parsed;
            }
            else
            {
                errors.Add(new Error(AlertErrors.KindUnknown, "kind", kind));
            }
        }

        if (status is not null)
        {
            if (Enum.TryParse<AlertStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(status, out _))
            {
                s = parsed;
            }
            else
            {
                errors.Add(new Error(AlertErrors.StatusUnknown, "status", status));
            }
        }

        if (errors.Count > 0)
        {
            return Problems.From(errors);
        }

        var found = await queries.ListAsync(new AlertFilter(regionId, organisationId, projectId, k, s, open, page, pageSize), ct);
        return found.ToHttp(p => TypedResults.Ok(new Page<AlertDto>([.. p.Items.Select(AlertDto.From)], p.PageNumber, p.PageSize, p.Total)));
    }

    private static Task<Results<Ok<AlertDto>, ProblemHttpResult>> Get(Guid id, AlertQueries queries, CancellationToken ct) =>
        queries.GetAsync(id, ct).ToHttp(v => TypedResults.Ok(AlertDto.From(v.Alert, v.ProjectTitle)));

    private static async Task<Results<Ok<AlertDto>, ProblemHttpResult>> Answer(Task<Result<Alert>> command, AlertQueries queries, CancellationToken ct)
    {
        var done = await command;
        if (done.Failed)
        {
            return Problems.From(done.Errors);
        }

        var view = await queries.GetAsync(done.Value.Id, ct);
        return TypedResults.Ok(AlertDto.From(done.Value, view.Value?.ProjectTitle));
    }

    private static Task<Results<Ok<RulesDto>, ProblemHttpResult>> GetRules(Guid projectId, AlertQueries queries, CancellationToken ct) =>
        queries.RulesAsync(projectId, ct).ToHttp(r => TypedResults.Ok(RulesDto.From(r)));

    private static async Task<Results<Ok<RulesDto>, ProblemHttpResult>> PutRules(
        Guid projectId, RulesRequest? request, AlertCommands commands, AlertQueries queries, CancellationToken ct)
    {
        var current = await queries.RulesAsync(projectId, ct);
        if (current.Failed)
        {
            return Problems.From(current.Errors);
        }

        // What the request leaves out stays as it is.
        var settings = new RiskRuleSettings
        {
            Disabled = request?.Disabled ?? current.Value.Settings.Disabled,
            ChangeRatePercent = request?.ChangeRatePercent ?? current.Value.Settings.ChangeRatePercent,
            StaleGraceDays = request?.StaleGraceDays ?? current.Value.Settings.StaleGraceDays,
        };
        var saved = await commands.SetRulesAsync(projectId, settings, request?.Version, ct);
        if (saved.Failed)
        {
            return Problems.From(saved.Errors);
        }

        return await queries.RulesAsync(projectId, ct).ToHttp(r => TypedResults.Ok(RulesDto.From(r)));
    }
}
