using FinPilot.Domain.Probing;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Commands;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Probing;

/// <summary>
/// One pass of the probe job: bring the probe targets in line with the plans in force, then probe
/// the endpoints that are due. Each due row is claimed with one conditional update (its next-due
/// time moved on, only if it has not moved) before it is probed, so two jobs never probe the same
/// endpoint for the same turn; the result is saved under the row's version, and the listeners are
/// told only after that save succeeded, so a streak is told failing once.
/// </summary>
public sealed class ProbeRunner(
    IServiceScopeFactory scopes, FinPilotDbContext db, ProbingOptions options, IEnumerable<IProbeListener> listeners, TimeProvider clock, ILogger<ProbeRunner> logger)
{
    private static readonly ProjectStage[] Supervised = [ProjectStage.Running, ProjectStage.Rectifying, ProjectStage.Suspended];

    /// <summary>How far back of the sync mark plans are read again, for confirmations committed after a run read past their time.</summary>
    public static readonly TimeSpan SyncOverlap = TimeSpan.FromMinutes(5);

    public sealed record Outcome(int Probed, int ToldFailing, int ToldRecovered);

    public async Task<Outcome> RunAsync(CancellationToken cancellationToken)
    {
        await SyncTargetsAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var due = await db.ProbeTargets.AsNoTracking()
            .Where(t => t.Active && t.NextDueAt <= now)
            .OrderBy(t => t.NextDueAt).Take(options.BatchSize)
            .Select(t => new { t.Id, t.NextDueAt, t.IntervalMinutes })
            .ToListAsync(cancellationToken);

        var claimed = new List<Guid>();
        foreach (var target in due)
        {
            var next = now.AddMinutes(target.IntervalMinutes);
            var previous = target.NextDueAt;
            var id = target.Id;
            if (await db.ProbeTargets.Where(t => t.Id == id && t.NextDueAt == previous)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.NextDueAt, next), cancellationToken) == 1)
            {
                claimed.Add(id);
            }
        }

        var verdicts = new List<ProbeVerdict>();
        using var gate = new SemaphoreSlim(options.Parallelism);
        await Task.WhenAll(claimed.Select(async id =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                var verdict = await ProbeOneAsync(id, cancellationToken);
                lock (verdicts)
                {
                    verdicts.Add(verdict);
                }
            }
            finally
            {
                gate.Release();
            }
        }));

        await PruneAsync(now, cancellationToken);
        return new Outcome(claimed.Count, verdicts.Count(v => v == ProbeVerdict.Failing), verdicts.Count(v => v == ProbeVerdict.Recovered));
    }

    /// <summary>Probes one claimed endpoint in a scope of its own (probes run side by side), records the result and tells the listeners.</summary>
    private async Task<ProbeVerdict> ProbeOneAsync(Guid targetId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var scoped = scope.ServiceProvider.GetRequiredService<FinPilotDbContext>();
        var probes = scope.ServiceProvider.GetRequiredService<ProbeClient>();
        var target = await scoped.ProbeTargets.SingleAsync(t => t.Id == targetId, cancellationToken);
        var answer = await probes.ProbeAsync(target.Url, TimeSpan.FromSeconds(target.TimeoutSeconds), cancellationToken);
        var at = clock.GetUtcNow();
        var verdict = target.Record(answer.Outcome, answer.StatusCode, answer.LatencyMs, answer.Failure, at);
        scoped.ProbeResults.Add(ProbeResult.Of(target, answer.Outcome, answer.StatusCode, answer.LatencyMs, answer.Failure, at));
        // Someone else changed the row meanwhile (a plan sync, another job): their state stands, and they tell.
        var saved = await scope.ServiceProvider.GetRequiredService<CommandPipeline>().SaveAsync(ProbingErrors.Concurrency, cancellationToken);
        if (!saved.Succeeded)
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Probe of {Url} not recorded: the target changed meanwhile.", target.Url);
            }

            return ProbeVerdict.Nothing;
        }

        if (verdict != ProbeVerdict.Nothing)
        {
            await TellAsync(target, verdict, at, cancellationToken);
        }

        return verdict;
    }

    private async Task TellAsync(ProbeTarget target, ProbeVerdict verdict, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var standing = new ProbeStanding(target.ProjectId, target.RegionId, target.Url, target.ConsecutiveFailures, at, target.LastFailure, target.LastStatusCode);
        foreach (var listener in listeners)
        {
            try
            {
                if (verdict == ProbeVerdict.Failing)
                {
                    await listener.ProbeFailingAsync(standing, cancellationToken);
                }
                else
                {
                    await listener.ProbeRecoveredAsync(standing, cancellationToken);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "A probe listener failed on {Verdict} of {Url} (project {Project}).", verdict, target.Url, target.ProjectId);
            }
        }
    }

    /// <summary>
    /// One target per endpoint of each plan in force of a supervised pilot; endpoints that left their
    /// plan, and pilots that left supervision, are no longer probed (their history stays). Reads only
    /// the plans confirmed since the last sync (<see cref="ProbeSyncMark"/>, index on ConfirmedAt, with
    /// an overlap for commits that landed late) and the active targets of pilots no longer supervised,
    /// so a run costs what changed, not the number of pilots.
    /// </summary>
    private async Task SyncTargetsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var mark = await db.ProbeSyncMarks.SingleOrDefaultAsync(m => m.Id == ProbeSyncMark.Singleton, cancellationToken);
        var plans = db.SupervisionPlans.AsNoTracking().Where(p => p.Revision > 0);
        if (mark is not null)
        {
            var since = mark.SyncedThrough - SyncOverlap;
            plans = plans.Where(p => p.ConfirmedAt >= since);
        }

        var changed = await (
            from plan in plans
            join project in db.Projects.AsNoTracking() on plan.ProjectId equals project.Id
            select new { plan.ProjectId, plan.RegionId, plan.Terms, Supervised = Supervised.Contains(project.Stage) }).ToListAsync(cancellationToken);
        var wanted = changed.Where(p => p.Supervised)
            .SelectMany(p => p.Terms.Endpoints.DistinctBy(e => e.Url).Select(e => (p.ProjectId, p.RegionId, Endpoint: e)))
            .ToDictionary(x => (x.ProjectId, x.Endpoint.Url));
        var projectIds = changed.Select(p => p.ProjectId).Distinct().ToList();
        var targets = projectIds.Count == 0
            ? []
            : await db.ProbeTargets.Where(t => projectIds.Contains(t.ProjectId)).ToListAsync(cancellationToken);
        foreach (var target in targets)
        {
            if (wanted.Remove((target.ProjectId, target.Url), out var endpoint))
            {
                target.Apply(endpoint.Endpoint);
            }
            else
            {
                target.Deactivate();
            }
        }

        foreach (var (projectId, regionId, endpoint) in wanted.Values)
        {
            db.ProbeTargets.Add(ProbeTarget.For(projectId, regionId, endpoint, now));
        }

        // Pilots that left supervision without a new plan: only their still-active targets are read.
        var left = await db.ProbeTargets
            .Where(t => t.Active && !projectIds.Contains(t.ProjectId) && !db.Projects.Any(p => p.Id == t.ProjectId && Supervised.Contains(p.Stage)))
            .ToListAsync(cancellationToken);
        foreach (var target in left)
        {
            target.Deactivate();
        }

        if (mark is null)
        {
            db.ProbeSyncMarks.Add(ProbeSyncMark.Start(now));
        }
        else
        {
            mark.MoveTo(now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another job synced the same plans at the same moment: its rows stand; this run probes what is due.
            db.ChangeTracker.Clear();
        }

        db.ChangeTracker.Clear();
    }

    private Task<int> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now.AddDays(-options.RetentionDays);
        return db.ProbeResults.Where(r => r.At < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
