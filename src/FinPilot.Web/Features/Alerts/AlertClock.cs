using FinPilot.Domain.Alerts;
using FinPilot.Domain.Calendar;
using FinPilot.Domain.Obligations;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Supervision;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Jobs;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Alerts;

/// <summary>
/// One pass of the rules that time alone breaks, run by <see cref="AlertClockJob"/>: a metric stream
/// with no sample within its frequency and grace (from the latest period per project and metric,
/// one grouped query over the samples' (project, metric, period end) index), and a pilot under
/// supervision past its approved end date (Beijing days). It also resolves overdue-obligation
/// alerts whose obligation has since been met or waived. It never creates obligations: the
/// obligation clock owns the exit-or-extension duty.
/// </summary>
/// <remarks>
/// Safe to run twice at once: what is open is looked up first, and the raiser's unique index on
/// open alerts refuses the second of two racing raises; an episode raised once is not raised again.
/// </remarks>
public sealed class AlertClock(FinPilotDbContext db, AlertRaiser raiser, TimeProvider clock)
{
    private static readonly ProjectStage[] Supervised = [ProjectStage.Running, ProjectStage.Rectifying, ProjectStage.Suspended];
    private static readonly RiskRuleKind[] Timed = [RiskRuleKind.StaleStream, RiskRuleKind.PastEndDate];

    /// <summary>How many open overdue-obligation alerts are checked in one query.</summary>
    private const int ResolveBatch = 1000;

    /// <summary>What one pass did, for logs and tests.</summary>
    public sealed record Outcome(int Stale, int PastEndDate, int Resolved);

    public async Task<Outcome> RunAsync(CancellationToken cancellationToken)
    {
        var today = ChinaTime.DateOf(clock.GetUtcNow());
        var pilots = await (
            from plan in db.SupervisionPlans.AsNoTracking()
            join project in db.Projects.AsNoTracking() on plan.ProjectId equals project.Id
            where Supervised.Contains(project.Stage)
            select new { Plan = plan, project.Title, project.Category }).ToListAsync(cancellationToken);
        var ids = pilots.Select(p => p.Plan.ProjectId).ToList();
        var overrides = await db.RiskRuleOverrides.AsNoTracking().Where(o => ids.Contains(o.ProjectId))
            .ToDictionaryAsync(o => o.ProjectId, o => o.Settings, cancellationToken);
        var open = (await db.Alerts.AsNoTracking()
            .Where(a => Timed.Contains(a.Kind) && Alert.OpenStatuses.Contains(a.Status) && ids.Contains(a.ProjectId))
            .Select(a => new { a.ProjectId, a.Kind, a.RuleKey }).ToListAsync(cancellationToken))
            .Select(a => (a.ProjectId, a.Kind, a.RuleKey)).ToHashSet();
        var inForce = pilots.Where(p => p.Plan.InForce).Select(p => p.Plan.ProjectId).ToList();
        var latest = (await db.MetricSamples.AsNoTracking()
            .Where(s => inForce.Contains(s.ProjectId))
            .GroupBy(s => new { s.ProjectId, s.MetricCode })
            .Select(g => new { g.Key.ProjectId, g.Key.MetricCode, Last = g.Max(s => s.PeriodEnd) })
            .ToListAsync(cancellationToken))
            .ToDictionary(s => (s.ProjectId, s.MetricCode), s => s.Last);

        int stale = 0, pastEnd = 0;
        foreach (var pilot in pilots)
        {
            var plan = pilot.Plan;
            var settings = overrides.GetValueOrDefault(plan.ProjectId) ?? RiskRuleSettings.For(pilot.Category);
            var target = new AlertTarget(plan.ProjectId, plan.RegionId, plan.OrganisationId, pilot.Title, plan.Terms.Metrics);
            var breaches = new List<Breach>();
            if (settings.Enables(RiskRuleKind.PastEndDate) && RiskRules.PastEndDate(plan.Terms.Parameters, today) is { } late)
            {
                breaches.Add(late);
            }

            if (plan.InForce && settings.Enables(RiskRuleKind.StaleStream))
            {
                breaches.AddRange(plan.Terms.ActiveMetrics()
                    .Select(m => RiskRules.Stale(m, plan.Terms.Parameters, latest.TryGetValue((plan.ProjectId, m.Code), out var last) ? last : null, today, settings.StaleGraceDays))
                    .OfType<Breach>());
            }

            // An end-date alert of an end date the plan no longer has (extended, or corrected) is done with.
            var endKey = breaches.FirstOrDefault(b => b.Kind == RiskRuleKind.PastEndDate)?.RuleKey;
            foreach (var (_, _, outdated) in open.Where(o => o.ProjectId == plan.ProjectId && o.Kind == RiskRuleKind.PastEndDate && o.RuleKey != endKey).ToList())
            {
                await raiser.ResolveAsync(plan.ProjectId, RiskRuleKind.PastEndDate, outdated, SystemNotes.EndDateChanged, cancellationToken);
                Forget();
            }

            foreach (var breach in breaches.Where(b => !open.Contains((plan.ProjectId, b.Kind, b.RuleKey))))
            {
                var raised = await raiser.RaiseAsync(target, breach, cancellationToken) is not null;
                Forget();
                if (raised)
                {
                    _ = breach.Kind == RiskRuleKind.StaleStream ? stale++ : pastEnd++;
                }
            }
        }

        return new Outcome(stale, pastEnd, await ResolveMetObligationsAsync(cancellationToken));
    }

    /// <summary>Open overdue-obligation alerts whose obligation is no longer open: resolved, as the duty was met or waived.</summary>
    private async Task<int> ResolveMetObligationsAsync(CancellationToken cancellationToken)
    {
        // Every open one, a page at a time in a stable order: a fixed first thousand would leave the
        // met duties past it unresolved for ever once more than a thousand are open.
        var resolved = 0;
        var offset = 0;
        while (true)
        {
            // Keys are obligation ids as text; compared as Guids here, as the providers store Guids differently.
            var open = (await db.Alerts.AsNoTracking()
                .Where(a => a.Kind == RiskRuleKind.OverdueObligation && Alert.OpenStatuses.Contains(a.Status))
                .OrderBy(a => a.Id)
                .Select(a => new { a.ProjectId, a.RuleKey }).Skip(offset).Take(ResolveBatch).ToListAsync(cancellationToken))
                .Select(a => (a.ProjectId, a.RuleKey, Id: Guid.TryParse(a.RuleKey, out var id) ? id : Guid.Empty)).ToList();
            var ids = open.Select(a => a.Id).ToList();
            var met = (await db.Obligations.AsNoTracking().Where(o => ids.Contains(o.Id) && o.Status != ObligationStatus.Open)
                .Select(o => o.Id).ToListAsync(cancellationToken)).ToHashSet();
            var closed = open.Where(a => met.Contains(a.Id)).ToList();
            var resolvedHere = 0;
            foreach (var alert in closed)
            {
                var done = await raiser.ResolveAsync(alert.ProjectId, RiskRuleKind.OverdueObligation, alert.RuleKey, SystemNotes.ObligationClosed, cancellationToken);
                Forget();
                if (done)
                {
                    resolvedHere++;
                }
            }

            resolved += resolvedHere;
            if (open.Count < ResolveBatch)
            {
                return resolved;
            }

            // The ones resolved here are no longer open: the next page starts that many earlier.
            offset += open.Count - resolvedHere;
        }
    }

    /// <summary>
    /// Forgets what the last raise or resolve saved (the alert, its messages, its audit line): the pass
    /// reads everything up front untracked, and every later save and audit step walks the whole tracker,
    /// so one kept across thousands of pilots made the pass quadratic. The raiser shares its unit of work
    /// with its other callers, so the clock clears, not the raiser.
    /// </summary>
    private void Forget() => db.ChangeTracker.Clear();
}

/// <summary>The <c>Alerts</c> section: how often the alert clock runs.</summary>
public sealed class AlertOptions
{
    public const string Section = "Alerts";

    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(5);

    public static AlertOptions From(IConfiguration configuration)
    {
        var interval = configuration.GetSection(Section).GetValue(nameof(Interval), new AlertOptions().Interval);
        return interval <= TimeSpan.Zero
            ? throw new InvalidOperationException($"{Section}:{nameof(Interval)} must be a positive time span.")
            : new AlertOptions { Interval = interval };
    }
}

/// <summary>Runs the alert clock (<see cref="AlertClock"/>) under the job lease, every few minutes.</summary>
public sealed class AlertClockJob(IServiceScopeFactory scopes, TimeProvider clock, AlertOptions options, ILogger<AlertClockJob> logger)
    : LeasedJob(scopes, clock, logger)
{
    protected override string Name => "alerts.clock";

    protected override TimeSpan Interval => options.Interval;

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var outcome = await services.GetRequiredService<AlertClock>().RunAsync(cancellationToken);
        if (logger.IsEnabled(LogLevel.Information) && outcome != new AlertClock.Outcome(0, 0, 0))
        {
            logger.LogInformation("Alert clock: {Stale} stale streams, {PastEnd} pilots past their end date raised; {Resolved} resolved.",
                outcome.Stale, outcome.PastEndDate, outcome.Resolved);
        }
    }
}
