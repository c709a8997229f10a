using FinPilot.Domain.Calendar;
using FinPilot.Domain.Disclosure;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Files;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Ledger;

/// <summary>How the entries list is ordered; the names are query values.</summary>
public enum LedgerSort
{
    Newest = 0,
    Oldest = 1,
}

/// <summary>
/// Which logged entries to list: a record kind, a region by code (<see cref="National"/> for the
/// national level's records), a span of days in China time, inclusive.
/// </summary>
public sealed record LedgerEntryFilter(
    string? Kind = null, string? Region = null, DateOnly? From = null, DateOnly? To = null, LedgerSort Sort = LedgerSort.Newest, int? Page = null, int? PageSize = null)
{
    public const string National = "national";

    public bool Narrows => !string.IsNullOrWhiteSpace(Kind) || !string.IsNullOrWhiteSpace(Region) || From is not null || To is not null;
}

/// <summary>One listed entry: its index and the entry as logged.</summary>
public sealed record LedgerListItem(long Index, LedgerEntry Entry);

/// <summary>
/// The log's entries as a list anyone can search by kind, region and date, sort and export — only
/// those under the latest signed checkpoint. The filters run on the public record's columns
/// (indexed by kind and by region, each with its time), joined to the entry by its record number.
/// </summary>
public sealed class LedgerEntryList(FinPilotDbContext db, LedgerReader reader)
{
    public const int MaxExportRows = 10_000;

    public async Task<Page<LedgerListItem>> PageAsync(LedgerEntryFilter filter, CancellationToken cancellationToken = default)
    {
        var (number, size) = Page<LedgerListItem>.Normalise(filter.Page, filter.PageSize);
        var signed = await db.LedgerCheckpoints.SignedSizeAsync(cancellationToken);
        var query = await FilteredAsync(signed, filter, cancellationToken);
        // Every entry below the checkpoint is listed when nothing narrows the list: its size is the count.
        var total = filter.Narrows ? await query.CountAsync(cancellationToken) : (int)Math.Min(signed, int.MaxValue);
        var rows = await Ordered(query, filter.Sort).Skip((number - 1) * size).Take(size).Select(e => new { e.Index, e.Entry }).ToListAsync(cancellationToken);
        return new Page<LedgerListItem>(Parsed(rows.Select(r => (r.Index, r.Entry))), number, size, total);
    }

    /// <summary>The filtered entries (up to <see cref="MaxExportRows"/>) as a workbook, names in the reader's language.</summary>
    public async Task<byte[]> ExportAsync(LedgerEntryFilter filter, CancellationToken cancellationToken = default)
    {
        var signed = await db.LedgerCheckpoints.SignedSizeAsync(cancellationToken);
        var query = await FilteredAsync(signed, filter, cancellationToken);
        var rows = await Ordered(query, filter.Sort).Take(MaxExportRows).Select(e => new { e.Index, e.Entry }).ToListAsync(cancellationToken);
        var regions = await reader.RegionNamesAsync(cancellationToken);
        string[] headers =
        [
            LedgerStrings.Ledger_Index, LedgerStrings.Ledger_Kind, LedgerStrings.Ledger_Region, LedgerStrings.Ledger_At, LedgerStrings.Ledger_Page,
            LedgerStrings.Entries_Subject, LedgerStrings.Entries_ContentSha256,
        ];
        return Spreadsheet.OneSheet(LedgerStrings.Ledger_Entries, headers, Parsed(rows.Select(r => (r.Index, r.Entry))).Select(i => (IReadOnlyList<object?>)
        [
            i.Index, LedgerNames.Kind(i.Entry.Kind), LedgerNames.Region(i.Entry.Region, regions), ChinaTime.Format(i.Entry.At),
            LedgerNames.PageOf(i.Entry), i.Entry.Subject, i.Entry.ContentSha256,
        ]));
    }

    private sealed class Row
    {
        public long Index { get; init; }

        public required byte[] Entry { get; init; }
    }

    private async Task<IQueryable<Row>> FilteredAsync(long signed, LedgerEntryFilter filter, CancellationToken cancellationToken)
    {
        var records = db.PublicRecords.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Kind))
        {
            var kind = filter.Kind.Trim();
            records = records.Where(r => r.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(filter.Region))
        {
            var code = filter.Region.Trim();
            if (code == LedgerEntryFilter.National)
            {
                records = records.Where(r => r.RegionId == null);
            }
            else
            {
                // An unknown code finds nothing rather than everything.
                var id = await db.Regions.AsNoTracking().Where(r => r.Code == code).Select(r => (int?)r.Id).SingleOrDefaultAsync(cancellationToken) ?? -1;
                records = records.Where(r => r.RegionId == id);
            }
        }

        if (filter.From is { } from)
        {
            var start = ChinaTime.StartOfDay(from);
            records = records.Where(r => r.At >= start);
        }

        if (filter.To is { } to)
        {
            var end = ChinaTime.StartOfDay(to.AddDays(1));
            records = records.Where(r => r.At < end);
        }

        return filter.Narrows
            ? from e in db.LedgerEntries.AsNoTracking()
              join r in records on e.RecordSequence equals r.Sequence
              where e.Index < signed
              select new Row { Index = e.Index, Entry = e.Entry }
            : db.LedgerEntries.AsNoTracking().Where(e => e.Index < signed).Select(e => new Row { Index = e.Index, Entry = e.Entry });
    }

    private static IQueryable<Row> Ordered(IQueryable<Row> query, LedgerSort sort) =>
        sort == LedgerSort.Oldest ? query.OrderBy(e => e.Index) : query.OrderByDescending(e => e.Index);

    private static List<LedgerListItem> Parsed(IEnumerable<(long Index, byte[] Entry)> rows) =>
        [.. rows.Select(r => LedgerEntry.TryParse(r.Entry) is { } entry ? new LedgerListItem(r.Index, entry) : null).OfType<LedgerListItem>()];
}
