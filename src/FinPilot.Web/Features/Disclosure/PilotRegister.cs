using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Applications;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Disclosure;

/// <summary>The filters of the register's list; every one is optional.</summary>
/// <param name="Region">A region's code, such as <c>BJ</c>.</param>
/// <param name="CallId">The call (batch) the projects applied to.</param>
/// <param name="Technology">A technology's code from the reference list, such as <c>blockchain</c>.</param>
public sealed record RegisterQuery(
    string? Q = null,
    string? Region = null,
    Guid? CallId = null,
    ProjectCategory? Category = null,
    string? Technology = null,
    PilotStatus? Status = null,
    int? Page = null,
    int? PageSize = null);

/// <summary>A call whose projects are in the register, with its region, for the batch filter.</summary>
public sealed record RegisterBatchOption(RegisterBatch Batch, BilingualName Region);

/// <summary>
/// 试点名录: the public register of pilots, read from what has been made public and nothing else.
/// A project is in it once it has a public event and a public statement — the summary of its
/// latest listing on a published notice that was not withdrawn; before its notice it does not
/// exist here, whatever its stage.
/// </summary>
/// <remarks>
/// The register is small (hundreds of projects), and the statement is JSON inside a notice's
/// listing, so the projects are narrowed in SQL and the rest — category, technology, status and
/// text search over the statement — is done in memory.
/// </remarks>
public sealed class PilotRegister(FinPilotDbContext db, Ledger.LedgerReader ledger)
{
    public async Task<Page<PilotEntry>> SearchAsync(RegisterQuery query, CancellationToken ct = default)
    {
        var (number, size) = Page<PilotEntry>.Normalise(query.Page, query.PageSize);
        var terms = (query.Q ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var technology = string.IsNullOrWhiteSpace(query.Technology) ? null : query.Technology.Trim();
        var found = (await LoadAsync(query.Region, null, ct))
            .Where(p => query.CallId is null || p.Batch.CallId == query.CallId)
            .Where(p => query.Category is null || p.Statement.Category == query.Category)
            .Where(p => technology is null || p.Technologies.Any(t => string.Equals(t.Code, technology, StringComparison.OrdinalIgnoreCase)))
            .Where(p => query.Status is null || p.Status == query.Status)
            .Where(p => terms.All(p.Matches))
            .OrderByDescending(p => p.UpdatedAt)
            .ThenBy(p => p.Statement.Name, StringComparer.Ordinal)
            .ToList();
        return new Page<PilotEntry>(found.Skip((number - 1) * size).Take(size).ToList(), number, size, found.Count);
    }

    /// <summary>One project's statement and its whole public timeline, oldest first; null when it is not in the register.</summary>
    public async Task<PilotRecord?> GetAsync(Guid projectId, CancellationToken ct = default)
    {
        var pilot = (await LoadAsync(null, projectId, ct)).SingleOrDefault();
        if (pilot is null)
        {
            return null;
        }

        var timeline = await db.PublicEvents.AsNoTracking().Where(e => e.ProjectId == projectId).ToListAsync(ct);
        var indexes = await ledger.IndexesOfAsync(timeline.Where(e => e.RecordSequence is not null).Select(e => e.RecordSequence!.Value), ct);
        return new PilotRecord(pilot, [.. timeline.OrderBy(e => e.At).ThenBy(e => e.Id)], indexes);
    }

    /// <summary>The newest public events of projects in the register, for the feed; <paramref name="region"/> is a region code.</summary>
    public async Task<IReadOnlyList<(PublicEventRecord Event, PilotEntry Pilot)>> LatestEventsAsync(string? region, int max, CancellationToken ct = default)
    {
        var pilots = (await LoadAsync(region, null, ct)).ToDictionary(p => p.Id);
        if (pilots.Count == 0)
        {
            return [];
        }

        var ids = pilots.Keys.ToList();
        var events = await db.PublicEvents.AsNoTracking().Where(e => ids.Contains(e.ProjectId)).ToListAsync(ct);
        return [.. events.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(max).Select(e => (e, pilots[e.ProjectId]))];
    }

    /// <summary>The calls that have projects in the register, by region and batch, for the batch filter.</summary>
    public async Task<IReadOnlyList<RegisterBatchOption>> BatchesAsync(CancellationToken ct = default)
    {
        var calls = await db.Calls.AsNoTracking()
            .Where(c => db.Projects.Any(p => p.CallId == c.Id && db.PublicEvents.Any(e => e.ProjectId == p.Id)))
            .Select(c => new { c.Id, c.RegionId, c.BatchNumber, c.Title })
            .ToListAsync(ct);
        var regions = await RegionNamesAsync(ct);
        return [.. calls
            .Select(c => new RegisterBatchOption(new RegisterBatch(c.Id, c.BatchNumber, c.Title), regions[c.RegionId]))
            .OrderBy(b => b.Region.Code, StringComparer.Ordinal)
            .ThenBy(b => b.Batch.Number)];
    }

    /// <summary>The active regions, in the order they were set up, for the region filter.</summary>
    public async Task<IReadOnlyList<BilingualName>> RegionsAsync(CancellationToken ct = default) =>
        await db.Regions.AsNoTracking().Where(r => r.Active).OrderBy(r => r.Id)
            .Select(r => new BilingualName(r.Code, r.NameZh, r.NameEn))
            .ToListAsync(ct);

    /// <summary>The active technologies of the reference list, in its order, for the technology filter.</summary>
    public async Task<IReadOnlyList<BilingualName>> TechnologiesAsync(CancellationToken ct = default) =>
        await db.ReferenceItems.AsNoTracking()
            .Where(r => r.Kind == ReferenceKind.Technology && r.Active)
            .OrderBy(r => r.SortOrder).ThenBy(r => r.Code)
            .Select(r => new BilingualName(r.Code, r.NameZh, r.NameEn))
            .ToListAsync(ct);

    private async Task<IReadOnlyList<PilotEntry>> LoadAsync(string? regionCode, Guid? projectId, CancellationToken ct)
    {
        var regions = await RegionNamesAsync(ct);
        var projects = db.Projects.AsNoTracking().Where(p => db.PublicEvents.Any(e => e.ProjectId == p.Id));
        if (!string.IsNullOrWhiteSpace(regionCode))
        {
            var code = regionCode.Trim().ToUpperInvariant();
            var regionIds = regions.Where(r => r.Value.Code == code).Select(r => r.Key).ToList();
            projects = projects.Where(p => regionIds.Contains(p.RegionId));
        }

        if (projectId is { } id)
        {
            projects = projects.Where(p => p.Id == id);
        }

        var rows = await projects.Select(p => new { p.Id, p.CallId, p.RegionId, p.LeadOrganisationId, p.Stage, p.ExitMode }).ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(r => r.Id).ToList();
        var statements = await StatementsAsync(ids.ToHashSet(), ct);
        var span = (await db.PublicEvents.AsNoTracking().Where(e => ids.Contains(e.ProjectId)).Select(e => new { e.ProjectId, e.At }).ToListAsync(ct))
            .GroupBy(e => e.ProjectId)
            .ToDictionary(g => g.Key, g => (First: g.Min(e => e.At), Last: g.Max(e => e.At)));
        var callIds = rows.Select(r => r.CallId).Distinct().ToList();
        var calls = await db.Calls.AsNoTracking().Where(c => callIds.Contains(c.Id))
            .Select(c => new RegisterBatch(c.Id, c.BatchNumber, c.Title)).ToDictionaryAsync(c => c.CallId, ct);
        var leadIds = rows.Select(r => r.LeadOrganisationId).Distinct().ToList();
        var leadNamesEn = await db.Organisations.AsNoTracking().Where(o => leadIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.NameEn, ct);
        var reference = (await db.ReferenceItems.AsNoTracking().Select(r => new { r.Kind, r.Code, r.NameZh, r.NameEn }).ToListAsync(ct))
            .ToDictionary(r => (r.Kind, r.Code), r => new BilingualName(r.Code, r.NameZh, r.NameEn));

        IReadOnlyList<BilingualName> Named(ReferenceKind kind, IReadOnlyList<string>? codes) =>
            [.. (codes ?? []).Select(code => reference.GetValueOrDefault((kind, code)) ?? new BilingualName(code, code, code))];

        return [.. rows
            .Where(r => statements.ContainsKey(r.Id))
            .Select(r => new PilotEntry(
                r.Id,
                statements[r.Id],
                leadNamesEn.GetValueOrDefault(r.LeadOrganisationId) is { Length: > 0 } en ? en : null,
                regions[r.RegionId],
                calls[r.CallId],
                PilotStatuses.Of(r.Stage),
                r.ExitMode,
                Named(ReferenceKind.Scenario, statements[r.Id].ScenarioCodes),
                Named(ReferenceKind.Technology, statements[r.Id].TechnologyCodes),
                span[r.Id].First,
                span[r.Id].Last))];
    }

    /// <summary>Each project's latest listing on a notice that is public and not withdrawn.</summary>
    private async Task<Dictionary<Guid, PublicProjectSummary>> StatementsAsync(HashSet<Guid> projectIds, CancellationToken ct)
    {
        // Only the listings: the notice's comments and objections are not needed here.
        var notices = await db.PublicNotices.AsNoTracking()
            .Where(n => n.PublishedAt != null && n.Status != NoticeStatus.Withdrawn)
            .Select(n => new { n.Id, n.PublishedAt, n.Listings })
            .ToListAsync(ct);
        var latest = new Dictionary<Guid, PublicProjectSummary>();
        foreach (var notice in notices.OrderBy(n => n.PublishedAt).ThenBy(n => n.Id))
        {
            foreach (var listing in notice.Listings.Where(l => projectIds.Contains(l.Summary.ProjectId)))
            {
                latest[listing.Summary.ProjectId] = listing.Summary;
            }
        }

        return latest;
    }

    private async Task<Dictionary<int, BilingualName>> RegionNamesAsync(CancellationToken ct) =>
        await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id, r => new BilingualName(r.Code, r.NameZh, r.NameEn), ct);
}
