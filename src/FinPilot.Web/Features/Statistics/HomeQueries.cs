using FinPilot.Domain.Calendar;
using FinPilot.Domain.Calls;
using FinPilot.Domain.Disclosure;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Disclosure;
using FinPilot.Web.Features.Ledger;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Statistics;

public sealed record HomeCall(Guid Id, BilingualName Region, int BatchNumber, string Title, DateTimeOffset ClosesAt);

public sealed record HomeNotice(Guid Id, BilingualName Region, string Title, DateOnly EndsOn);

public sealed record HomeEvent(Guid ProjectId, PublicEventKind Kind, DateTimeOffset At, string TitleZh, string? TitleEn, string Link)
{
    /// <summary>The pilot's name as the register publishes it.</summary>
    public string Pilot { get; init; } = string.Empty;
}

/// <summary>The headline figures: counts of indicators FP-R-001 (in total and by region), FP-I-004 (exited) and FP-R-003.</summary>
public sealed record HomeFigures(int Pilots, int Exited, int CallsOpen, IReadOnlyList<(BilingualName Region, int Pilots)> ByRegion);

public sealed record HomePage(
    IReadOnlyList<HomeCall> OpenCalls,
    IReadOnlyList<HomeNotice> Notices,
    IReadOnlyList<HomeEvent> Latest,
    HomeFigures Figures,
    LedgerCheckpointRecord? Checkpoint);

/// <summary>
/// What the public home page shows, in a few small queries: the open calls closing soonest, the
/// notices in their objection period, the newest admissions and exits, the headline figures and
/// the ledger's latest checkpoint. Nothing here reads a whole table.
/// </summary>
public sealed class HomeQueries(FinPilotDbContext db, LedgerReader ledger, TimeProvider clock)
{
    public const int ListSize = 5;

    public async Task<HomePage> ReadAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id, r => new BilingualName(r.Code, r.NameZh, r.NameEn), ct);
        var calls = await db.Calls.AsNoTracking()
            .Where(c => c.Status == CallStatus.Published && c.OpensAt <= now && c.ClosesAt > now)
            .OrderBy(c => c.ClosesAt).Take(ListSize)
            .Select(c => new { c.Id, c.RegionId, c.BatchNumber, c.Title, c.ClosesAt })
            .ToListAsync(ct);
        var notices = await db.PublicNotices.AsNoTracking()
            .Where(n => n.Status == NoticeStatus.Published && n.PublishedAt <= now && n.EndsOn >= today)
            .OrderBy(n => n.EndsOn).Take(ListSize)
            .Select(n => new { n.Id, n.RegionId, n.Title, n.EndsOn })
            .ToListAsync(ct);
        var latest = await db.PublicEvents.AsNoTracking()
            .Where(e => (e.Kind == PublicEventKind.Admitted || e.Kind == PublicEventKind.Exit || e.Kind == PublicEventKind.Termination)
                && db.RegisterPilots.Any(p => p.ProjectId == e.ProjectId))
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(ListSize)
            .Select(e => new HomeEvent(e.ProjectId, e.Kind, e.At, e.TitleZh, e.TitleEn, e.Link)
            {
                Pilot = db.RegisterPilots.Where(p => p.ProjectId == e.ProjectId).Select(p => p.Name).FirstOrDefault() ?? string.Empty,
            })
            .ToListAsync(ct);

        // Two grouped counts over the register's per-pilot facts, each read from an index.
        var byRegion = await db.RegisterPilots.AsNoTracking().Where(p => p.AdmittedAt != null)
            .GroupBy(p => p.RegionId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var exited = await db.RegisterPilots.AsNoTracking().CountAsync(p => p.ExitedAt != null, ct);
        var callsOpen = await db.Calls.AsNoTracking().CountAsync(c => c.Status == CallStatus.Published && c.OpensAt <= now && c.ClosesAt > now, ct);
        var figures = new HomeFigures(
            byRegion.Sum(r => r.Count),
            exited,
            callsOpen,
            [.. byRegion.OrderByDescending(r => r.Count).ThenBy(r => regions[r.Key].Code, StringComparer.Ordinal).Select(r => (regions[r.Key], r.Count))]);

        return new HomePage(
            [.. calls.Select(c => new HomeCall(c.Id, regions[c.RegionId], c.BatchNumber, c.Title, c.ClosesAt))],
            [.. notices.Select(n => new HomeNotice(n.Id, regions[n.RegionId], n.Title, n.EndsOn!.Value))],
            latest,
            figures,
            await ledger.LatestCheckpointAsync(ct));
    }
}
