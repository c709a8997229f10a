using FinPilot.Domain.Alerts;
using FinPilot.Domain.Common;
using FinPilot.Domain.Supervision;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Supervision;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Alerts;

/// <param name="OpenOnly">true: only open and acknowledged alerts (ignored when a status is named).</param>
public sealed record AlertFilter(
    int? RegionId = null, Guid? OrganisationId = null, Guid? ProjectId = null, RiskRuleKind? Kind = null, AlertStatus? Status = null,
    bool? OpenOnly = null, int? Page = null, int? PageSize = null);

/// <summary>One alert as lists show it, with its project named.</summary>
public sealed record AlertRow(
    Guid Id, Guid ProjectId, string ProjectTitle, int RegionId, Guid OrganisationId, RiskRuleKind Kind, string RuleKey, AlertSeverity Severity,
    DateTimeOffset RaisedAt, AlertStatus Status, DateTimeOffset? ClosedAt, AlertEvidence Evidence);

/// <summary>One alert with what a page needs to show it: its project, the plan's metrics (to name them) and what the reader may do.</summary>
public sealed record AlertView(Alert Alert, string ProjectTitle, IReadOnlyList<MetricDefinition> Metrics, bool CanTriage, IReadOnlyList<AlertStatus> Next);

/// <summary>A pilot's open alerts for the supervision dashboard's status column.</summary>
public sealed record OpenAlertCount(int Count, AlertSeverity Highest, int Risks = 0);

/// <summary>A pilot's rule settings as they stand: its own, or its category's defaults.</summary>
public sealed record ProjectRules(Guid ProjectId, string ProjectTitle, RiskRuleSettings Settings, RiskRuleSettings Defaults, bool Overridden, Guid? Version, bool CanSet);

/// <summary>
/// Reads of alerts for pages and the API: filtered, sorted (open first, newest first) and paged in
/// SQL, restricted to what the caller may see (<see cref="SupervisedScope"/>); naming a region or
/// organisation that is not the caller's is refused, not silently emptied.
/// </summary>
public sealed class AlertQueries(FinPilotDbContext db, CurrentUser current, CommandPipeline commands)
{
    public async Task<Result<Page<AlertRow>>> ListAsync(AlertFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (!await commands.AllowsAsync(new AlertScope(filter.RegionId, filter.OrganisationId), AlertOperations.Read))
        {
            return Result<Page<AlertRow>>.Fail(Problems.Forbidden);
        }

        var visibility = await VisibilityAsync(cancellationToken);
        var query = visibility.Apply(db.Alerts.AsNoTracking(), filter.RegionId, filter.OrganisationId, filter.ProjectId);

        if (filter.Kind is { } kind)
        {
            query = query.Where(a => a.Kind == kind);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(a => a.Status == status);
        }
        else if (filter.OpenOnly == true)
        {
            query = query.Where(a => Alert.OpenStatuses.Contains(a.Status));
        }

        var (number, size) = Page<AlertRow>.Normalise(filter.Page, filter.PageSize);
        var total = await query.CountAsync(cancellationToken);
        var ordered = query.OrderBy(a => a.Status == AlertStatus.Open || a.Status == AlertStatus.Acknowledged ? 0 : 1)
            .ThenByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id);
        var rows = await (
            from a in ordered.Skip((number - 1) * size).Take(size)
            join p in db.Projects.AsNoTracking() on a.ProjectId equals p.Id
            select new { a, p.Title }).ToListAsync(cancellationToken);

        // The join does not keep the page's order on every database: order the page again in memory.
        var page = rows.OrderBy(r => r.a.IsOpen ? 0 : 1).ThenByDescending(r => r.a.RaisedAt).ThenByDescending(r => r.a.Id)
            .Select(r => Row(r.a, r.Title)).ToList();
        return new Page<AlertRow>(page, number, size, total);
    }

    /// <summary>One alert, for whoever may read it: 404 when there is none, 403 when it is not the caller's.</summary>
    public async Task<Result<AlertView>> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var alert = await db.Alerts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (alert is null)
        {
            return new Error(AlertErrors.NotFound);
        }

        if (!await commands.AllowsAsync(alert, AlertOperations.Read))
        {
            return Problems.Forbidden;
        }

        var title = await db.Projects.AsNoTracking().Where(p => p.Id == alert.ProjectId).Select(p => p.Title).SingleOrDefaultAsync(cancellationToken) ?? string.Empty;
        var plan = await db.SupervisionPlans.AsNoTracking().SingleOrDefaultAsync(p => p.ProjectId == alert.ProjectId, cancellationToken);
        var canTriage = await commands.AllowsAsync(alert, AlertOperations.Triage);
        return new AlertView(alert, title, plan?.Terms.Metrics ?? [], canTriage, canTriage ? AlertTransitions.From(alert.Status) : []);
    }

    /// <summary>A pilot's alerts, open first, newest first (at most <paramref name="take"/>), for the project's supervision page.</summary>
    public async Task<Result<(IReadOnlyList<AlertRow> Rows, IReadOnlyList<MetricDefinition> Metrics)>> OfProjectAsync(Guid projectId, int take = 50, CancellationToken cancellationToken = default)
    {
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new { Resource = new AlertedProject(p.Id, p.RegionId, p.LeadOrganisationId), p.Title }).SingleOrDefaultAsync(cancellationToken);
        if (project is null)
        {
            return new Error(AlertErrors.ProjectNotFound);
        }

        if (!await commands.AllowsAsync(project.Resource, AlertOperations.Read))
        {
            return Problems.Forbidden;
        }

        var alerts = await db.Alerts.AsNoTracking().Where(a => a.ProjectId == projectId)
            .OrderBy(a => a.Status == AlertStatus.Open || a.Status == AlertStatus.Acknowledged ? 0 : 1).ThenByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id)
            .Take(Math.Clamp(take, 1, 200)).ToListAsync(cancellationToken);
        var plan = await db.SupervisionPlans.AsNoTracking().SingleOrDefaultAsync(p => p.ProjectId == projectId, cancellationToken);
        return (alerts.Select(a => Row(a, project.Title)).ToList(), plan?.Terms.Metrics ?? []);
    }

    /// <summary>
    /// Open alerts per pilot and the gravest of them, in one grouped query, for the supervision
    /// dashboard's status column. It answers for the pilots asked about: the caller asks about those
    /// it has already been allowed to show.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, OpenAlertCount>> OpenCountsByProjectAsync(IEnumerable<Guid> projectIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(projectIds);
        var ids = projectIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, OpenAlertCount>();
        }

        var counts = await db.Alerts.AsNoTracking()
            .Where(a => ids.Contains(a.ProjectId) && Alert.OpenStatuses.Contains(a.Status))
            .GroupBy(a => a.ProjectId)
            .Select(g => new { ProjectId = g.Key, Count = g.Count(), Risks = g.Count(a => a.Severity == AlertSeverity.Risk) })
            .ToListAsync(cancellationToken);
        return counts.ToDictionary(c => c.ProjectId, c => new OpenAlertCount(c.Count, c.Risks > 0 ? AlertSeverity.Risk : AlertSeverity.Warning, c.Risks));
    }

    /// <summary>A pilot's rule settings as they stand, for whoever may read its alerts.</summary>
    public async Task<Result<ProjectRules>> RulesAsync(Guid projectId, CancellationToken cancellationToken = default)
    {
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new { Resource = new AlertedProject(p.Id, p.RegionId, p.LeadOrganisationId), p.Title, p.Category }).SingleOrDefaultAsync(cancellationToken);
        if (project is null)
        {
            return new Error(AlertErrors.ProjectNotFound);
        }

        if (!await commands.AllowsAsync(project.Resource, AlertOperations.Read))
        {
            return Problems.Forbidden;
        }

        var own = await db.RiskRuleOverrides.AsNoTracking().SingleOrDefaultAsync(o => o.ProjectId == projectId, cancellationToken);
        var defaults = RiskRuleSettings.For(project.Category);
        var canSet = await commands.AllowsAsync(project.Resource, AlertOperations.SetRules);
        return new ProjectRules(projectId, project.Title, own?.Settings ?? defaults, defaults, own is not null, own?.Version, canSet);
    }

    /// <summary>The metrics of the pilots' plans, to name metrics in the evidence of a page of alerts.</summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<MetricDefinition>>> MetricsOfAsync(IEnumerable<Guid> projectIds, CancellationToken cancellationToken = default)
    {
        var ids = projectIds.Distinct().ToList();
        var plans = await db.SupervisionPlans.AsNoTracking().Where(p => ids.Contains(p.ProjectId)).ToListAsync(cancellationToken);
        return plans.ToDictionary(p => p.ProjectId, p => p.Terms.Metrics);
    }

    /// <summary>What the current user may see of alerts.</summary>
    public Task<SupervisedScope> VisibilityAsync(CancellationToken cancellationToken = default) =>
        SupervisedScope.OfAsync(current, cancellationToken);

    private static AlertRow Row(Alert a, string title) =>
        new(a.Id, a.ProjectId, title, a.RegionId, a.OrganisationId, a.Kind, a.RuleKey, a.Severity, a.RaisedAt, a.Status, a.ClosedAt, a.Evidence);
}
