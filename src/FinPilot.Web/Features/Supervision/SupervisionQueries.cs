using FinPilot.Domain.Calendar;
using FinPilot.Domain.Common;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Obligations;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Supervision;
using FinPilot.Domain.Supervision.Disclosures;
using FinPilot.Domain.Supervision.Reports;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Alerts;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Metrics;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Supervision;

/// <summary>A supervised pilot's header, and what the caller may do on its supervision page.</summary>
public sealed record ProjectOverview(
    Guid Id, string Title, ProjectStage Stage, ProjectCategory Category, int RegionId, string LeadNameZh, string LeadNameEn,
    DateOnly? StartsOn, DateOnly? PlannedEndOn, int? CustomerLimit, bool CanSupervise, bool CanReport);

/// <summary>
/// One running pilot on the dashboard: its plan's state, its reports and disclosures waiting on
/// someone, its overdue obligations and open alerts, and the trend of its key metrics.
/// </summary>
public sealed record DashboardRow(
    Guid ProjectId, string Title, string LeadNameZh, string LeadNameEn, ProjectStage Stage, int? PlanRevision,
    int ReportsDue, int ReportsAwaitingReview, int ReportsMoreRequested, int DisclosuresPending)
{
    /// <summary>The pilot's own overdue duties (the institution's); the working group's are <see cref="WorkingGroupOverdue"/>.</summary>
    public int OverdueObligations { get; init; }

    /// <summary>Whether the working group is late with a duty of its own for this pilot (confirming its plan).</summary>
    public bool WorkingGroupOverdue { get; init; }

    /// <summary>Alerts open (not yet resolved, dismissed or escalated), and how many of them are of the risk level.</summary>
    public int OpenAlerts { get; init; }

    public int RiskAlerts { get; init; }

    /// <summary>The approved customer cap of the plan in force; null when none.</summary>
    public int? CustomerCap { get; init; }

    /// <summary>The key metrics' recent values (customers, availability, complaints, as far as the plan has them).</summary>
    public IReadOnlyList<PilotTrend> Trends { get; init; } = [];

    public double? Customers => Trends.FirstOrDefault(t => t.Code == MetricCodes.Customers)?.Latest;

    public bool OverCap => Customers is { } customers && CustomerCap is { } cap && customers > cap;

    /// <summary>
    /// Risk: customers past the approved cap or a risk-level alert open; attention: anything
    /// overdue or out of limits, an alert open, or a plan not yet in force; otherwise normal.
    /// </summary>
    public PilotStatus Status =>
        OverCap || RiskAlerts > 0 ? PilotStatus.Risk
        : OverdueObligations > 0 || ReportsDue > 0 || OpenAlerts > 0 || PlanState != PlanState.InForce || Trends.Any(t => t.OutOfLimits) ? PilotStatus.Attention
        : PilotStatus.Normal;

    /// <summary>No plan yet (drafting is pending), a draft waiting for confirmation, or in force.</summary>
    public PlanState PlanState => PlanRevision switch
    {
        null => PlanState.Missing,
        0 => PlanState.Draft,
        _ => PlanState.InForce,
    };
}

/// <summary>A key metric's recent values on the dashboard, oldest first, with its limit for the trend line.</summary>
public sealed record PilotTrend(string Code, string NameZh, string NameEn, string Unit, IReadOnlyList<double> Values, double? Limit, bool OutOfLimits)
{
    public double? Latest => Values.Count > 0 ? Values[^1] : null;
}

/// <summary>How a running pilot stands on the dashboard (正常 / 关注 / 风险).</summary>
public enum PilotStatus
{
    Normal = 1,
    Attention = 2,
    Risk = 3,
}

public enum PlanState
{
    Missing = 1,
    Draft = 2,
    InForce = 3,
}

/// <summary>A region the caller may see the dashboard of.</summary>
public sealed record DashboardRegion(int Id, string Code, string NameZh, string NameEn);

/// <summary>Reads for the supervision pages: a project's header, the working group's dashboard, an institution's pilots.</summary>
public sealed class SupervisionQueries(FinPilotDbContext db, CurrentUser current, CommandPipeline commands, MetricSeries series, AlertQueries alerts, TimeProvider clock)
{
    public async Task<Result<ProjectOverview>> ProjectAsync(Guid projectId, CancellationToken cancellationToken = default)
    {
        var found = await db.Projects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new
            {
                p.Id,
                p.Title,
                p.Stage,
                p.Category,
                p.RegionId,
                p.LeadOrganisationId,
                p.StartsOn,
                p.PlannedEndOn,
                p.CustomerLimit,
                Lead = db.Organisations.Where(o => o.Id == p.LeadOrganisationId).Select(o => new { o.NameZh, o.NameEn }).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null || !ProjectLifecycle.Admitted.Contains(found.Stage) && found.Stage is not (ProjectStage.Exiting or ProjectStage.Exited))
        {
            return new Error(SupervisionErrors.PlanNotFound);
        }

        var supervised = new SupervisedProject(found.Id, found.RegionId, found.LeadOrganisationId);
        if (!await commands.AllowsAsync(supervised, SupervisionOperations.Read))
        {
            return Problems.Forbidden;
        }

        return new ProjectOverview(
            found.Id, found.Title, found.Stage, found.Category, found.RegionId, found.Lead?.NameZh ?? string.Empty, found.Lead?.NameEn ?? string.Empty,
            found.StartsOn, found.PlannedEndOn, found.CustomerLimit,
            await commands.AllowsAsync(supervised, SupervisionOperations.Supervise), await commands.AllowsAsync(supervised, SupervisionOperations.Report));
    }

    /// <summary>The regions whose dashboard the caller may read (its own for a working group; all for national roles).</summary>
    public async Task<IReadOnlyList<DashboardRegion>> RegionsAsync(CancellationToken cancellationToken = default)
    {
        var grants = await current.GrantsAsync(cancellationToken);
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Id).Select(r => new DashboardRegion(r.Id, r.Code, r.NameZh, r.NameEn)).ToListAsync(cancellationToken);
        return regions.Where(r => SupervisionAccess.CanReadDashboard(grants, r.Id)).ToList();
    }

    /// <summary>The running pilots of a region, paged and counted in SQL, with what waits on the working group.</summary>
    public async Task<Result<Page<DashboardRow>>> DashboardAsync(int regionId, int? page, int? size, CancellationToken cancellationToken = default)
    {
        if (!await commands.AllowsAsync(new RegionScope(regionId), SupervisionOperations.Dashboard))
        {
            return Problems.Forbidden;
        }

        return await RowsAsync(db.Projects.AsNoTracking().Where(p => p.RegionId == regionId), page, size, cancellationToken);
    }

    /// <summary>The running pilots of the caller's organisations (an applicant's view).</summary>
    public async Task<Page<DashboardRow>> MineAsync(int? page, int? size, CancellationToken cancellationToken = default)
    {
        var organisations = (await current.GrantsAsync(cancellationToken)).Where(g => g.Role == Role.Applicant && g.OrganisationId is not null)
            .Select(g => g.OrganisationId!.Value).ToList();
        return await RowsAsync(db.Projects.AsNoTracking().Where(p => organisations.Contains(p.LeadOrganisationId)), page, size, cancellationToken);
    }

    private async Task<Page<DashboardRow>> RowsAsync(IQueryable<PilotProject> projects, int? page, int? size, CancellationToken cancellationToken)
    {
        var (number, pageSize) = Page<DashboardRow>.Normalise(page, size);
        var now = clock.GetUtcNow();
        var admitted = ProjectLifecycle.Admitted.ToList();
        // What the working group owes (confirming the plan) is its own lateness, not the pilot's:
        // it is flagged beside the plan's state and does not count against the pilot's status.
        var workingGroupKinds = ObligationRules.WorkingGroupKinds.ToList();
        var running = projects.Where(p => admitted.Contains(p.Stage));
        var total = await running.CountAsync(cancellationToken);
        var rows = await running.OrderBy(p => p.Title).ThenBy(p => p.Id).Skip((number - 1) * pageSize).Take(pageSize)
            .Select(p => new
            {
                p.Id,
                p.Title,
                p.Stage,
                Lead = db.Organisations.Where(o => o.Id == p.LeadOrganisationId).Select(o => new { o.NameZh, o.NameEn }).FirstOrDefault(),
                Awaiting = db.PeriodicReports.Count(r => r.ProjectId == p.Id && r.Status == ReportStatus.Submitted),
                More = db.PeriodicReports.Count(r => r.ProjectId == p.Id && r.Status == ReportStatus.MoreRequested),
                Pending = db.ProgressDisclosures.Count(d => d.ProjectId == p.Id && d.Status == DisclosureStatus.Pending),
                Overdue = db.Obligations.Count(o => o.ProjectId == p.Id && o.Status == Domain.Obligations.ObligationStatus.Open && o.DueAt < now
                    && !workingGroupKinds.Contains(o.Kind)),
                OverdueOnUs = db.Obligations.Any(o => o.ProjectId == p.Id && o.Status == Domain.Obligations.ObligationStatus.Open && o.DueAt < now
                    && workingGroupKinds.Contains(o.Kind)),
            })
            .ToListAsync(cancellationToken);

        // Only this page's pilots: their plans and the subjects of their submitted reports, to count the periods still due.
        var ids = rows.Select(r => r.Id).ToList();
        var plans = await db.SupervisionPlans.AsNoTracking().Where(s => ids.Contains(s.ProjectId)).ToDictionaryAsync(s => s.ProjectId, cancellationToken);
        var submitted = (await db.PeriodicReports.AsNoTracking().Where(r => ids.Contains(r.ProjectId) && r.Status != ReportStatus.Draft)
            .Select(r => new { r.ProjectId, r.Subject }).ToListAsync(cancellationToken)).ToLookup(r => r.ProjectId, r => r.Subject);
        var today = ChinaTime.DateOf(now);
        // A pilot past its end date draws the year up to its end, not an empty year up to today.
        var until = plans.Values.Select(p => p.Terms.Parameters.EndsOn < today ? p.Terms.Parameters.EndsOn : today).DefaultIfEmpty(today).Min();
        var trends = await series.RecentAsync(ids, TrendMetrics, until.AddMonths(-TrendMonths), cancellationToken);
        var open = await alerts.OpenCountsByProjectAsync(ids, cancellationToken);
        var items = rows.Select(r =>
        {
            var plan = plans.GetValueOrDefault(r.Id);
            var due = plan is { InForce: true }
                ? ReportPeriod.Ended(plan.Terms.Parameters, plan.Terms.ReportFrequency, today).Count(p => !submitted[r.Id].Contains(p.Subject))
                : 0;
            return new DashboardRow(r.Id, r.Title, r.Lead?.NameZh ?? string.Empty, r.Lead?.NameEn ?? string.Empty, r.Stage, plan?.Revision, due, r.Awaiting, r.More, r.Pending)
            {
                OverdueObligations = r.Overdue,
                WorkingGroupOverdue = r.OverdueOnUs,
                OpenAlerts = open.GetValueOrDefault(r.Id)?.Count ?? 0,
                RiskAlerts = open.GetValueOrDefault(r.Id)?.Risks ?? 0,
                CustomerCap = plan is { InForce: true } ? plan.Terms.Parameters.CustomerCap : null,
                Trends = plan is null ? [] : TrendsOf(r.Id, plan.Terms, trends),
            };
        }).ToList();
        return new Page<DashboardRow>(items, number, pageSize, total);
    }

    /// <summary>The metrics whose trend the dashboard draws, in this order, as far as a plan has them.</summary>
    public static readonly string[] TrendMetrics = [MetricCodes.Customers, MetricCodes.Availability, MetricCodes.Complaints];

    /// <summary>How far back a trend line reaches: a year of monthly periods.</summary>
    public const int TrendMonths = 12;

    private static IReadOnlyList<PilotTrend> TrendsOf(
        Guid projectId, SupervisionTerms terms, IReadOnlyDictionary<(Guid ProjectId, string MetricCode), IReadOnlyList<MetricPoint>> recent) =>
        [.. TrendMetrics.Select(terms.Metric).OfType<MetricDefinition>().Select(m =>
        {
            var values = recent.TryGetValue((projectId, m.Code), out var points) ? points.TakeLast(TrendMonths).Select(p => p.Value).ToList() : [];
            var limit = m.Code == MetricCodes.Customers ? terms.Parameters.CustomerCap : m.Direction == MetricDirection.HigherIsWorse ? m.UpperLimit : m.LowerLimit;
            return new PilotTrend(m.Code, m.NameZh, m.NameEn, m.Unit, values, limit, values.Count > 0 && m.IsOutOfLimits(values[^1]));
        })];
}
