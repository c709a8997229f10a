using FinPilot.Domain.Alerts;
using FinPilot.Domain.Common;
using FinPilot.Domain.Corrections;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Obligations;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Statistics;

/// <summary>
/// Things due by a deadline, counted: done by it, done after it, still open past it, still open within it.
/// The on-time rate is of those whose deadline has passed or that are done; null when there are none.
/// </summary>
public sealed record DeadlineCounts(int OnTime, int Late, int Overdue, int Pending)
{
    public decimal? OnTimeRate => OnTime + Late + Overdue is var due and > 0 ? Math.Round((decimal)OnTime / due, 4) : null;

    public static DeadlineCounts operator +(DeadlineCounts a, DeadlineCounts b) =>
        new(a.OnTime + b.OnTime, a.Late + b.Late, a.Overdue + b.Overdue, a.Pending + b.Pending);
}

/// <summary>Alerts of one severity: open (open or acknowledged) and closed (resolved, dismissed or escalated).</summary>
public sealed record SeverityCounts(AlertSeverity Severity, int Open, int Closed);

/// <summary>A region's supervision record: periodic reports, alerts by severity, correction orders.</summary>
public sealed record SupervisionAggregateRow(int RegionId, DeadlineCounts Reports, IReadOnlyList<SeverityCounts> Alerts, DeadlineCounts Corrections);

/// <summary>Each region the reader may see, and their sum.</summary>
public sealed record SupervisionAggregateReport(DateTimeOffset ComputedAt, IReadOnlyList<SupervisionAggregateRow> Regions, SupervisionAggregateRow Total);

/// <summary>
/// Supervision in figures for staff (not public records, so not in the snapshots): reports filed on
/// time, alerts by severity, corrections closed on time — per region, counted in SQL. Working
/// groups see their own regions; the coordination group, integrity officers and admins every region.
/// </summary>
public sealed class SupervisionAggregates(FinPilotDbContext db, CurrentUser current, TimeProvider clock)
{
    /// <summary>The regions the caller may read; empty for none (applicants, experts, the public).</summary>
    public async Task<IReadOnlyList<int>> RegionsAsync(CancellationToken ct = default)
    {
        var grants = await current.GrantsAsync(ct);
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(ct);
        var all = grants.Has(Role.CoordinationGroup) || grants.Has(Role.IntegrityOfficer) || grants.IsAdmin();
        return all ? regions : [.. regions.Where(grants.RunsRegion)];
    }

    /// <summary>Every region's name in the reader's language, by id.</summary>
    public async Task<Dictionary<int, string>> RegionNamesAsync(CancellationToken ct = default) =>
        (await db.Regions.AsNoTracking().Select(r => new { r.Id, r.NameZh, r.NameEn }).ToListAsync(ct))
            .ToDictionary(r => r.Id, r => Components.Shared.Names.Of(r.NameZh, r.NameEn));

    /// <summary>The report as a workbook: one row per region and the total, counts spelled out.</summary>
    public async Task<Result<byte[]>> ExportAsync(CancellationToken ct = default)
    {
        var found = await ReportAsync(null, ct);
        if (!found.Succeeded)
        {
            return Result<byte[]>.Fail([.. found.Errors]);
        }

        var names = await RegionNamesAsync(ct);
        var severities = Enum.GetValues<AlertSeverity>();
        string[] deadline = [StatisticsStrings.Supervision_OnTime, StatisticsStrings.Supervision_Late, StatisticsStrings.Supervision_Overdue, StatisticsStrings.Supervision_Pending];
        List<string> headers =
        [
            StatisticsStrings.Supervision_Region,
            StatisticsStrings.Supervision_ReportsRate, .. deadline.Select(d => StatisticsStrings.Supervision_ReportsRate + " · " + d),
            StatisticsStrings.Supervision_CorrectionsRate, .. deadline.Select(d => StatisticsStrings.Supervision_CorrectionsRate + " · " + d),
            .. severities.SelectMany(s => new[] { Format(StatisticsStrings.Supervision_AlertsOpen, Alerts.AlertTexts.Of(s)), Format(StatisticsStrings.Supervision_AlertsClosed, Alerts.AlertTexts.Of(s)) }),
        ];
        var rows = found.Value.Regions.Append(found.Value.Total).Select(r => (IReadOnlyList<object?>)
        [
            r.RegionId == 0 ? StatisticsStrings.Supervision_Total : names.GetValueOrDefault(r.RegionId, string.Empty),
            r.Reports.OnTimeRate, r.Reports.OnTime, r.Reports.Late, r.Reports.Overdue, r.Reports.Pending,
            r.Corrections.OnTimeRate, r.Corrections.OnTime, r.Corrections.Late, r.Corrections.Overdue, r.Corrections.Pending,
            .. r.Alerts.SelectMany(a => new object?[] { a.Open, a.Closed }),
        ]);
        return Files.Spreadsheet.OneSheet(StatisticsStrings.Supervision_Sheet, headers, rows);
    }

    private static string Format(string format, string value) => string.Format(System.Globalization.CultureInfo.CurrentUICulture, format, value);

    public async Task<Result<SupervisionAggregateReport>> ReportAsync(int? regionId = null, CancellationToken ct = default)
    {
        var allowed = await RegionsAsync(ct);
        if (allowed.Count == 0 || (regionId is { } asked && !allowed.Contains(asked)))
        {
            return Problems.Forbidden;
        }

        List<int> regions = regionId is { } one ? [one] : [.. allowed];
        var now = clock.GetUtcNow();

        var reports = await db.Obligations.AsNoTracking()
            .Where(o => o.Kind == ObligationKind.PeriodicReport && regions.Contains(o.RegionId))
            .GroupBy(o => o.RegionId)
            .Select(g => new
            {
                RegionId = g.Key,
                OnTime = g.Count(o => o.Status == ObligationStatus.Fulfilled && o.ClosedAt <= o.DueAt),
                Late = g.Count(o => o.Status == ObligationStatus.Fulfilled && o.ClosedAt > o.DueAt),
                Overdue = g.Count(o => o.Status == ObligationStatus.Open && o.DueAt < now),
                Pending = g.Count(o => o.Status == ObligationStatus.Open && o.DueAt >= now),
            })
            .ToDictionaryAsync(r => r.RegionId, r => new DeadlineCounts(r.OnTime, r.Late, r.Overdue, r.Pending), ct);

        var alerts = await db.Alerts.AsNoTracking()
            .Where(a => regions.Contains(a.RegionId))
            .GroupBy(a => new { a.RegionId, a.Severity })
            .Select(g => new
            {
                g.Key.RegionId,
                g.Key.Severity,
                Open = g.Count(a => a.Status == AlertStatus.Open || a.Status == AlertStatus.Acknowledged),
                Closed = g.Count(a => a.Status != AlertStatus.Open && a.Status != AlertStatus.Acknowledged),
            })
            .ToListAsync(ct);

        var open = CorrectionOrder.OpenStatuses.ToList();
        var corrections = await db.CorrectionOrders.AsNoTracking()
            .Where(c => regions.Contains(c.RegionId))
            .GroupBy(c => c.RegionId)
            .Select(g => new
            {
                RegionId = g.Key,
                OnTime = g.Count(c => c.Status == CorrectionStatus.Closed && c.ClosedAt <= c.DueAt),
                Late = g.Count(c => c.Status == CorrectionStatus.Closed && c.ClosedAt > c.DueAt),
                Overdue = g.Count(c => open.Contains(c.Status) && c.DueAt < now),
                Pending = g.Count(c => open.Contains(c.Status) && c.DueAt >= now),
            })
            .ToDictionaryAsync(r => r.RegionId, r => new DeadlineCounts(r.OnTime, r.Late, r.Overdue, r.Pending), ct);

        var none = new DeadlineCounts(0, 0, 0, 0);
        var rows = regions.Select(r => new SupervisionAggregateRow(
            r,
            reports.GetValueOrDefault(r, none),
            [.. Enum.GetValues<AlertSeverity>().Select(s => alerts.Where(a => a.RegionId == r && a.Severity == s).Select(a => new SeverityCounts(s, a.Open, a.Closed)).SingleOrDefault() ?? new SeverityCounts(s, 0, 0))],
            corrections.GetValueOrDefault(r, none))).ToList();
        var total = new SupervisionAggregateRow(
            0,
            rows.Aggregate(none, (sum, r) => sum + r.Reports),
            [.. Enum.GetValues<AlertSeverity>().Select(s => new SeverityCounts(s, rows.Sum(r => r.Alerts.Single(a => a.Severity == s).Open), rows.Sum(r => r.Alerts.Single(a => a.Severity == s).Closed)))],
            rows.Aggregate(none, (sum, r) => sum + r.Corrections));
        return new SupervisionAggregateReport(now, rows, total);
    }
}
