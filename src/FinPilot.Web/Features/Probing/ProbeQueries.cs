using FinPilot.Domain.Common;
using FinPilot.Domain.Probing;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Incidents;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Probing;

/// <summary>One result of a probe, for the recent history.</summary>
public sealed record ProbeResultRow(DateTimeOffset At, ProbeOutcome Outcome, int? StatusCode, int? LatencyMs, ProbeFailure? Failure);

/// <summary>An endpoint as the pilot's page shows it: where it stands, and its availability (0–1, null with no probe) over the last day and week.</summary>
public sealed record ProbeTargetView(
    Guid Id, string Url, bool Active, int IntervalMinutes, int TimeoutSeconds, int FailuresBeforeAlert, ProbeOutcome? LastOutcome, int? LastStatusCode,
    int? LastLatencyMs, ProbeFailure? LastFailure, DateTimeOffset? LastProbedAt, int ConsecutiveFailures, bool Failing,
    double? Availability24h, double? Availability7d, IReadOnlyList<ProbeResultRow> Recent);

/// <summary>
/// Reads of a pilot's probes, for whoever may read its supervision records (the lead organisation,
/// the region's working group, integrity officers, the coordination group, admins: the incidents'
/// rule, the same set of readers).
/// </summary>
public sealed class ProbeQueries(FinPilotDbContext db, CommandPipeline commands, TimeProvider clock)
{
    public const int RecentCount = 20;

    public async Task<Result<IReadOnlyList<ProbeTargetView>>> ForProjectAsync(Guid projectId, CancellationToken cancellationToken = default)
    {
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new { p.Id, p.RegionId, p.LeadOrganisationId }).SingleOrDefaultAsync(cancellationToken);
        if (project is null)
        {
            return new Error(ProbingErrors.ProjectNotFound);
        }

        if (!await commands.AllowsAsync(new IncidentProject(project.Id, project.RegionId, project.LeadOrganisationId), IncidentOperations.Read))
        {
            return Problems.Forbidden;
        }

        var now = clock.GetUtcNow();
        var week = now.AddDays(-7);
        var day = now.AddDays(-1);
        var targets = await db.ProbeTargets.AsNoTracking().Where(t => t.ProjectId == projectId).OrderByDescending(t => t.Active).ThenBy(t => t.Url).ToListAsync(cancellationToken);
        var counts = await db.ProbeResults.AsNoTracking().Where(r => r.ProjectId == projectId && r.At >= week)
            .GroupBy(r => r.TargetId)
            .Select(g => new
            {
                TargetId = g.Key,
                Week = g.Count(),
                WeekUp = g.Count(r => r.Up),
                Day = g.Count(r => r.At >= day),
                DayUp = g.Count(r => r.Up && r.At >= day),
            })
            .ToDictionaryAsync(x => x.TargetId, cancellationToken);
        var views = new List<ProbeTargetView>();
        foreach (var t in targets)
        {
            var id = t.Id;
            var recent = await db.ProbeResults.AsNoTracking().Where(r => r.TargetId == id).OrderByDescending(r => r.At).Take(RecentCount)
                .Select(r => new ProbeResultRow(r.At, r.Outcome, r.StatusCode, r.LatencyMs, r.Failure)).ToListAsync(cancellationToken);
            counts.TryGetValue(id, out var c);
            views.Add(new ProbeTargetView(
                t.Id, t.Url, t.Active, t.IntervalMinutes, t.TimeoutSeconds, t.FailuresBeforeAlert, t.LastOutcome, t.LastStatusCode, t.LastLatencyMs, t.LastFailure,
                t.LastProbedAt, t.ConsecutiveFailures, t.Failing,
                c is null || c.Day == 0 ? null : (double)c.DayUp / c.Day,
                c is null || c.Week == 0 ? null : (double)c.WeekUp / c.Week,
                [.. recent.OrderByDescending(r => r.At)]));
        }

        return views;
    }
}
