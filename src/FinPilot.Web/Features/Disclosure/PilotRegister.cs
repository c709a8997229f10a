using System.Runtime.CompilerServices;
using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Applications;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace FinPilot.Web.Features.Disclosure;

/// <summary>The filters of the register's list; every one is optional.</summary>
/// <param name="Region">A region's code, such as <c>BJ</c>.</param>
/// <param name="CallId">The call (batch) the projects applied to.</param>
/// <param name="Technology">A technology's code from the reference list, such as <c>blockchain</c>.</param>
/// <param name="AsOf">Only rows up to this one (<see cref="PilotRegister.AsOfAsync"/>): pages read with it do not shift when pilots are added.</param>
/// <param name="Tier">Only exited pilots confirmed in this tier (分层分类).</param>
public sealed record RegisterQuery(
    string? Q = null,
    string? Region = null,
    Guid? CallId = null,
    ProjectCategory? Category = null,
    string? Technology = null,
    PilotStatus? Status = null,
    int? Page = null,
    int? PageSize = null,
    long? AsOf = null,
    Domain.Exit.ExitTier? Tier = null);

/// <summary>A call whose projects are in the register, with its region, for the batch filter.</summary>
public sealed record RegisterBatchOption(RegisterBatch Batch, BilingualName Region);

/// <summary>
/// 试点名录: the public register of pilots, read from what has been made public and nothing else.
/// A project is in it once it has a public event and a public statement — the summary of its
/// latest listing on a published notice that was not withdrawn; before its notice it does not
/// exist here, whatever its stage.
/// </summary>
/// <remarks>
/// Everything is read from the read model (<see cref="RegisterPilot"/>, kept by
/// <see cref="RegisterProjection"/>): filters, full-text search, order and the page in SQL, by
/// index; then the page's few rows are read with their project's stage and lead institution, and
/// named from the shared lookup tables (<see cref="RegisterLookups"/>: regions, calls, reference
/// names). The status is the project's stage, read for the page's rows and, when filtered on, by key.
/// </remarks>
public sealed class PilotRegister(FinPilotDbContext db, Ledger.LedgerReader ledger, RegisterLookups lookups)
{
    public Task<Page<PilotEntry>> SearchAsync(RegisterQuery query, CancellationToken ct = default) => SearchAsync(query, ManyMatches, ct);

    /// <summary>
    /// A page read as of the row the query names or, without one, as of the newest row now (read in the same
    /// statement): the row to pass back as <see cref="RegisterQuery.AsOf"/> for the next pages is returned with it.
    /// </summary>
    public async Task<(Page<PilotEntry> Page, long AsOf)> SearchPinnedAsync(RegisterQuery query, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        return await ReadAsync(query, ManyMatches, ct);
    }

    /// <param name="manyMatches">From how many matches a search is ordered from the order's index (a test reads both ways).</param>
    internal async Task<Page<PilotEntry>> SearchAsync(RegisterQuery query, int manyMatches, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        return (await ReadAsync(query, manyMatches, ct)).Page;
    }

    private async Task<(Page<PilotEntry> Page, long AsOf)> ReadAsync(RegisterQuery query, int manyMatches, CancellationToken ct)
    {
        var (number, size) = Page<PilotEntry>.Normalise(query.Page, query.PageSize);
        var matching = RegisterPilot.Search.Matching(db, query.Q);
        var named = await lookups.GetAsync(db, ct);
        IReadOnlyList<int>? regionIds = null;
        if (!string.IsNullOrWhiteSpace(query.Region))
        {
            var code = query.Region.Trim().ToUpperInvariant();
            regionIds = [.. named.Regions.Where(r => r.Value.Code == code).Select(r => r.Key)];
        }

        var kept = Filtered(db.RegisterPilots.AsNoTracking(), matching, regionIds, query);
        // A search is counted first, as its count decides how its page is read; a search alone is counted in the index
        // (every indexed key is a row; probing the table for each match read a page per match).
        int? searched = matching is null ? null : OnlySearched(query) ? await matching.CountAsync(ct) : await kept.CountAsync(ct);

        // Many matches of a search are ordered from the order's index, which holds the key: SQLite would otherwise
        // fetch every matching row to sort it (it cannot know how many rows an FTS5 match gives).
        var source = searched > manyMatches && db.Database.IsSqlite() && !NarrowedByIndex(query)
            ? db.RegisterPilots.FromSqlRaw(ByOrderIndex)
            : db.RegisterPilots;
        var ordered = Filtered(source.AsNoTracking(), matching, regionIds, query);
        var skip = (number - 1) * size;

        // Read as of now, the whole register's pages by a compiled query (the every-day read: the list's first view,
        // crawlers). Only when rows were added since the bound the client passed back is the page read again bounded,
        // as bounding costs a test of every row the page skips.
        var read = matching is null && OnlySearched(query)
            ? await CountedAsync(await RegisterReads.For(db).Newest(db, skip, size).ToListAsync(ct), kept, null, null, ct)
            : await PageAsync(kept, ordered, searched, bound: null, skip, size, ct);
        if (query.AsOf is { } bound)
        {
            read = (read.AsOf > bound ? await PageAsync(kept, ordered, searched, bound, skip, size, ct) : read) with { AsOf = bound };
        }

        return (new Page<PilotEntry>(await EntriesAsync(read.Rows, named, ct), number, size, read.Total), read.AsOf);
    }

    /// <summary>A page's rows, with the count of the rows the filters keep and the newest row of the register.</summary>
    private sealed record PageRead(IReadOnlyList<RegisterRow> Rows, int Total, long AsOf);

    /// <summary>
    /// One statement reads the page: its keys from the order's index alone (the rows skipped are never read), its rows
    /// by key, and the count of <paramref name="kept"/> (unless <paramref name="counted"/> already) less the rows
    /// newer than <paramref name="bound"/>, and the newest row, so that the count, the page and the bound agree.
    /// </summary>
    private async Task<PageRead> PageAsync(
        IQueryable<RegisterPilot> kept, IQueryable<RegisterPilot> ordered, int? counted, long? bound, int skip, int take, CancellationToken ct)
    {
        var sorted = (bound is { } b ? ordered.Where(p => p.Id <= b) : ordered)
            .OrderByDescending(p => p.UpdatedAt).ThenBy(p => p.Name).ThenBy(p => p.ProjectId)
            .Select(p => p.Id);
        // Skip and take inside the lambda, so that they are parameters: the statement's text is then the same for every
        // page (outside it, they are constants, and EF would translate the query again for each page).
        var rows = RegisterReads.ShownFrom(db, db.RegisterPilots.AsNoTracking().Where(r => sorted.Skip(skip).Take(take).Contains(r.Id)));
        var newerThan = bound ?? long.MaxValue;
        var page = await (counted is null
            ? bound is null
                ? rows.Select(r => new RegisterPageRow(r, kept.Count(), 0, db.RegisterPilots.Max(p => (long?)p.Id) ?? 0))
                : rows.Select(r => new RegisterPageRow(r, kept.Count(), kept.Count(p => p.Id > newerThan), db.RegisterPilots.Max(p => (long?)p.Id) ?? 0))
            : bound is null
                ? rows.Select(r => new RegisterPageRow(r, 0, 0, db.RegisterPilots.Max(p => (long?)p.Id) ?? 0))
                : rows.Select(r => new RegisterPageRow(r, 0, kept.Count(p => p.Id > newerThan), db.RegisterPilots.Max(p => (long?)p.Id) ?? 0)))
            .ToListAsync(ct);
        return await CountedAsync(page, kept, counted, bound, ct);
    }

    /// <summary>The page's rows and the counts its statement read; past the last page, where there is no row to read them with, read apart.</summary>
    private async Task<PageRead> CountedAsync(IReadOnlyList<RegisterPageRow> page, IQueryable<RegisterPilot> kept, int? counted, long? bound, CancellationToken ct)
    {
        if (page is [var first, ..])
        {
            return new PageRead([.. page.Select(p => p.Row)], (counted ?? first.Kept) - first.Newer, first.AsOf);
        }

        var total = counted ?? await kept.CountAsync(ct);
        return new PageRead([], total - (bound is { } b ? await kept.CountAsync(p => p.Id > b, ct) : 0), await AsOfAsync(ct));
    }

    /// <summary>Search at least this many rows and the page is ordered from the order's index (SQLite).</summary>
    private const int ManyMatches = 200;

    private const string ByOrderIndex = "SELECT * FROM \"RegisterPilots\" INDEXED BY \"" + RegisterPilotConfiguration.OrderIndex + "\"";

    /// <summary>A filter with an index of its own (region, call, category), which SQLite should read instead.</summary>
    private static bool NarrowedByIndex(RegisterQuery query) =>
        !string.IsNullOrWhiteSpace(query.Region) || query.CallId is not null || query.Category is not null;

    private static bool OnlySearched(RegisterQuery query) =>
        !NarrowedByIndex(query) && string.IsNullOrWhiteSpace(query.Technology) && query.Status is null && query.Tier is null;

    /// <summary>The rows the filters keep, all but the asOf bound; <paramref name="regionIds"/> are those of the region code asked for.</summary>
    private IQueryable<RegisterPilot> Filtered(IQueryable<RegisterPilot> rows, IQueryable<long>? matching, IReadOnlyList<int>? regionIds, RegisterQuery query)
    {
        if (matching is not null)
        {
            rows = rows.Where(p => matching.Contains(p.Id));
        }

        if (regionIds is not null)
        {
            rows = rows.Where(p => EF.Parameter(regionIds).Contains(p.RegionId));
        }

        if (query.CallId is { } callId)
        {
            rows = rows.Where(p => p.CallId == callId);
        }

        if (query.Category is { } category)
        {
            rows = rows.Where(p => p.Category == category);
        }

        if (!string.IsNullOrWhiteSpace(query.Technology))
        {
            var technology = query.Technology.Trim().ToLowerInvariant();
            rows = rows.Where(p => db.RegisterPilotTags.Any(t => t.PilotId == p.Id && t.Kind == RegisterTagKind.Technology && t.Code == technology));
        }

        if (query.Status is { } status)
        {
            var stages = Enum.GetValues<ProjectStage>().Where(s => PilotStatuses.Of(s) == status).ToList();
            rows = rows.Where(p => db.Projects.Any(project => project.Id == p.ProjectId && stages.Contains(project.Stage)));
        }

        if (query.Tier is { } tier)
        {
            // By the exit cases' (tier, project) index: a tier is set only when the resolution confirmed the exit, so it is public.
            rows = rows.Where(p => db.ExitCases.Any(c => c.ProjectId == p.ProjectId && c.Tier == tier));
        }

        return rows;
    }

    /// <summary>The newest row of the register: a list read with <see cref="RegisterQuery.AsOf"/> set to it pages the same whatever is added later.</summary>
    public async Task<long> AsOfAsync(CancellationToken ct = default) =>
        await db.RegisterPilots.MaxAsync(p => (long?)p.Id, ct) ?? 0;

    /// <summary>One project's statement and its whole public timeline, oldest first; null when it is not in the register.</summary>
    public async Task<PilotRecord?> GetAsync(Guid projectId, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        var named = await lookups.GetAsync(db, ct);
        var rows = await RegisterReads.For(db).OfProject(db, projectId).ToListAsync(ct);
        if ((await EntriesAsync(rows, named, ct)) is not [var found])
        {
            return null;
        }

        var timeline = await RegisterReads.For(db).TimelineOf(db, projectId).ToListAsync(ct);
        var indexes = await ledger.IndexesOfAsync(timeline.Where(e => e.RecordSequence is not null).Select(e => e.RecordSequence!.Value), ct);
        return new PilotRecord(found, timeline, indexes);
    }

    /// <summary>The newest public events of projects in the register, for the feed; <paramref name="region"/> is a region code.</summary>
    public async Task<IReadOnlyList<(PublicEventRecord Event, PilotEntry Pilot)>> LatestEventsAsync(string? region, int max, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        var named = await lookups.GetAsync(db, ct);
        var pilots = db.RegisterPilots.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(region))
        {
            var code = region.Trim().ToUpperInvariant();
            var regionIds = named.Regions.Where(r => r.Value.Code == code).Select(r => r.Key).ToList();
            pilots = pilots.Where(p => EF.Parameter(regionIds).Contains(p.RegionId));
        }

        var events = await db.PublicEvents.AsNoTracking()
            .Where(e => pilots.Any(p => p.ProjectId == e.ProjectId))
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Take(max)
            .ToListAsync(ct);
        var ids = events.Select(e => e.ProjectId).Distinct().ToList();
        var rows = await RegisterReads.ShownFrom(db, db.RegisterPilots.AsNoTracking().Where(p => EF.Parameter(ids).Contains(p.ProjectId))).ToListAsync(ct);
        var entries = (await EntriesAsync(rows, named, ct)).ToDictionary(e => e.Id);
        return [.. events.Select(e => (e, entries[e.ProjectId]))];
    }

    /// <summary>The calls that have projects in the register, by region and batch, for the batch filter.</summary>
    public async Task<IReadOnlyList<RegisterBatchOption>> BatchesAsync(CancellationToken ct = default) =>
        (await lookups.GetAsync(db, ct)).Batches;

    /// <summary>The active regions, in the order they were set up, for the region filter.</summary>
    public async Task<IReadOnlyList<BilingualName>> RegionsAsync(CancellationToken ct = default) =>
        (await lookups.GetAsync(db, ct)).ActiveRegions;

    /// <summary>The active technologies of the reference list, in its order, for the technology filter.</summary>
    public async Task<IReadOnlyList<BilingualName>> TechnologiesAsync(CancellationToken ct = default) =>
        (await lookups.GetAsync(db, ct)).ActiveTechnologies;

    /// <summary>The rows as the register shows them, named from the shared lookups (regions, calls, reference names).</summary>
    private async Task<IReadOnlyList<PilotEntry>> EntriesAsync(IReadOnlyList<RegisterRow> found, RegisterLookups.Snapshot named, CancellationToken ct)
    {
        if (found.Any(f => !named.Regions.ContainsKey(f.RegionId) || !named.Calls.ContainsKey(f.CallId)))
        {
            // A row newer than the shared copy (written on another node within the copy's life).
            lookups.Invalidate();
            named = await lookups.GetAsync(db, ct);
        }

        IReadOnlyList<BilingualName> Named(ReferenceKind kind, IReadOnlyList<string>? codes) =>
            [.. (codes ?? []).Select(code => named.Reference.GetValueOrDefault((kind, code)) ?? new BilingualName(code, code, code))];

        return [.. found.Select(f => new PilotEntry(
            f.ProjectId,
            f.Statement,
            f.LeadNameEn is { Length: > 0 } en ? en : null,
            named.Regions[f.RegionId],
            named.Calls[f.CallId],
            f.Stage is { } stage ? PilotStatuses.Of(stage) : PilotStatus.UnderReview,
            f.ExitMode,
            Named(ReferenceKind.Scenario, f.Statement.ScenarioCodes),
            Named(ReferenceKind.Technology, f.Statement.TechnologyCodes),
            f.ListedAt,
            f.UpdatedAt))];
    }

    /// <summary>
    /// Opens the connection for the whole read: each statement would otherwise take it from the pool and give it back,
    /// which under load was a large share of a request (the pool's lock).
    /// </summary>
    private async Task<IAsyncDisposable> OpenAsync(CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        return new Closing(db);
    }

    private sealed class Closing(FinPilotDbContext db) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await db.Database.CloseConnectionAsync();
    }
}
