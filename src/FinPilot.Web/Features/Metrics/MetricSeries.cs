using FinPilot.Domain.Supervision;
using FinPilot.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Metrics;

/// <summary>One value of a metric for a period.</summary>
public sealed record MetricPoint(DateOnly PeriodStart, DateOnly PeriodEnd, double Value, DateTimeOffset OccurredAt, DateTimeOffset ReceivedAt);

/// <summary>The latest value of one metric of one project.</summary>
public sealed record LatestMetric(Guid ProjectId, string MetricCode, DateOnly PeriodStart, DateOnly PeriodEnd, double Value, DateTimeOffset ReceivedAt);

/// <summary>
/// Reads of metric samples for charts and the supervision dashboard, filtered in SQL on the index
/// (project, metric, period end). These reads do not authorise: the caller has already decided
/// that the user may see the projects asked about (as with <see cref="SupervisionPlans"/>).
/// </summary>
public sealed class MetricSeries(FinPilotDbContext db)
{
    /// <summary>The most points one series answers; a longer range is cut at its most recent end.</summary>
    public const int MaxPoints = 1000;

    /// <summary>
    /// A project's series of one metric for the periods ending from <paramref name="from"/> to
    /// <paramref name="to"/> (both included), in period order; when a period was submitted more than
    /// once, the last received value stands.
    /// </summary>
    public async Task<IReadOnlyList<MetricPoint>> SeriesAsync(Guid projectId, string metricCode, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var rows = await db.MetricSamples.AsNoTracking()
            .Where(s => s.ProjectId == projectId && s.MetricCode == metricCode && s.PeriodEnd >= from && s.PeriodEnd <= to)
            .OrderByDescending(s => s.PeriodEnd).ThenByDescending(s => s.Id)
            .Take(MaxPoints * 2)
            .Select(s => new { s.Id, s.PeriodStart, s.PeriodEnd, s.Value, s.OccurredAt, s.ReceivedAt })
            .ToListAsync(cancellationToken);

        // Rows come newest first, so the first of each period is the one that stands.
        return rows.DistinctBy(r => (r.PeriodStart, r.PeriodEnd)).Take(MaxPoints)
            .OrderBy(r => r.PeriodEnd).ThenBy(r => r.PeriodStart)
            .Select(r => new MetricPoint(r.PeriodStart, r.PeriodEnd, r.Value, r.OccurredAt, r.ReceivedAt)).ToList();
    }

    /// <summary>
    /// The latest value (the latest period end, then the last received) of each metric of each of
    /// <paramref name="projectIds"/>, optionally only of <paramref name="metricCodes"/>: one query,
    /// a window over the index per project and metric.
    /// </summary>
    public async Task<IReadOnlyList<LatestMetric>> LatestAsync(IReadOnlyCollection<Guid> projectIds, IReadOnlyCollection<string>? metricCodes = null, CancellationToken cancellationToken = default)
    {
        if (projectIds.Count == 0)
        {
            return [];
        }

        var ids = projectIds.Distinct().ToList();
        var samples = db.MetricSamples.AsNoTracking().Where(s => ids.Contains(s.ProjectId));
        if (metricCodes is { Count: > 0 })
        {
            var codes = metricCodes.Distinct().ToList();
            samples = samples.Where(s => codes.Contains(s.MetricCode));
        }

        var rows = await samples
            .GroupBy(s => new { s.ProjectId, s.MetricCode })
            .Select(g => g.OrderByDescending(s => s.PeriodEnd).ThenByDescending(s => s.Id)
                .Select(s => new { s.ProjectId, s.MetricCode, s.PeriodStart, s.PeriodEnd, s.Value, s.ReceivedAt }).First())
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new LatestMetric(r.ProjectId, r.MetricCode, r.PeriodStart, r.PeriodEnd, r.Value, r.ReceivedAt))];
    }

    /// <summary>
    /// The recent series of a few metrics of a page of projects, for trend lines: the periods ending
    /// on or after <paramref name="since"/>, in period order, the last received value standing for a
    /// period. One query on the index (project, metric, period end); the caller bounds the projects
    /// (a page) and the metrics (a handful).
    /// </summary>
    public async Task<IReadOnlyDictionary<(Guid ProjectId, string MetricCode), IReadOnlyList<MetricPoint>>> RecentAsync(
        IReadOnlyCollection<Guid> projectIds, IReadOnlyCollection<string> metricCodes, DateOnly since, CancellationToken cancellationToken = default)
    {
        if (projectIds.Count == 0 || metricCodes.Count == 0)
        {
            return new Dictionary<(Guid, string), IReadOnlyList<MetricPoint>>();
        }

        var ids = projectIds.Distinct().ToList();
        var codes = metricCodes.Distinct().ToList();
        var rows = await db.MetricSamples.AsNoTracking()
            .Where(s => ids.Contains(s.ProjectId) && codes.Contains(s.MetricCode) && s.PeriodEnd >= since)
            .Select(s => new { s.ProjectId, s.MetricCode, s.Id, s.PeriodStart, s.PeriodEnd, s.Value, s.OccurredAt, s.ReceivedAt })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => (r.ProjectId, r.MetricCode)).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<MetricPoint>)[.. g.OrderByDescending(r => r.PeriodEnd).ThenByDescending(r => r.Id)
                .DistinctBy(r => (r.PeriodStart, r.PeriodEnd))
                .OrderBy(r => r.PeriodEnd)
                .Select(r => new MetricPoint(r.PeriodStart, r.PeriodEnd, r.Value, r.OccurredAt, r.ReceivedAt))]);
    }
}
