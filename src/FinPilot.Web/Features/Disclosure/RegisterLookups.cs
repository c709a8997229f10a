using FinPilot.Web.Data;
using FinPilot.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FinPilot.Web.Features.Disclosure;

/// <summary>
/// The small, rarely changed tables every page of the register names its rows and fills its filters
/// from — regions, the reference lists, the calls that have pilots — read once and shared by every
/// request. Measured under load, reading them again for each page was most of a page's statements.
/// </summary>
/// <remarks>
/// A save on this node that changes a region, a reference item, a call or adds a public event drops
/// the copy (<see cref="RegisterLookupsInvalidator"/>); a change made on another node is seen within
/// <see cref="RegisterSetup.CacheDuration"/>, the delay the register's output cache already allows.
/// </remarks>
public sealed class RegisterLookups(TimeProvider time)
{
    private long _version;
    private volatile Snapshot? _current;

    /// <summary>What the register's pages and API need of the lookup tables.</summary>
    /// <param name="Regions">Every region by id.</param>
    /// <param name="ActiveRegions">The active regions in the order they were set up, for the region filter.</param>
    /// <param name="Reference">Every reference item's names by kind and code.</param>
    /// <param name="ActiveTechnologies">The active technologies in the list's order, for the technology filter.</param>
    /// <param name="Batches">The calls with projects in the register, by region and batch, for the batch filter.</param>
    public sealed record Snapshot(
        long Version,
        DateTimeOffset Expires,
        IReadOnlyDictionary<int, BilingualName> Regions,
        IReadOnlyList<BilingualName> ActiveRegions,
        IReadOnlyDictionary<(ReferenceKind Kind, string Code), BilingualName> Reference,
        IReadOnlyList<BilingualName> ActiveTechnologies,
        IReadOnlyList<RegisterBatchOption> Batches,
        IReadOnlyDictionary<Guid, RegisterBatch> Calls);

    /// <summary>The current copy, read from <paramref name="db"/> when there is none or it is stale.</summary>
    public async ValueTask<Snapshot> GetAsync(FinPilotDbContext db, CancellationToken ct = default)
    {
        var version = Interlocked.Read(ref _version);
        if (_current is { } current && current.Version == version && time.GetUtcNow() < current.Expires)
        {
            return current;
        }

        var fresh = await LoadAsync(db, version, ct);
        _current = fresh;
        return fresh;
    }

    /// <summary>Drops the copy: the next read loads the tables again.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _version);
        _current = null;
    }

    private async Task<Snapshot> LoadAsync(FinPilotDbContext db, long version, CancellationToken ct)
    {
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.Active, Name = new BilingualName(r.Code, r.NameZh, r.NameEn) })
            .ToListAsync(ct);
        var reference = await db.ReferenceItems.AsNoTracking()
            .OrderBy(r => r.SortOrder).ThenBy(r => r.Code)
            .Select(r => new { r.Kind, r.Active, Name = new BilingualName(r.Code, r.NameZh, r.NameEn) })
            .ToListAsync(ct);
        var calls = await db.Calls.AsNoTracking()
            .Where(c => db.RegisterPilots.Any(p => p.CallId == c.Id))
            .Select(c => new { c.RegionId, Batch = new RegisterBatch(c.Id, c.BatchNumber, c.Title) })
            .ToListAsync(ct);
        var byId = regions.ToDictionary(r => r.Id, r => r.Name);
        return new Snapshot(
            version,
            time.GetUtcNow() + RegisterSetup.CacheDuration,
            byId,
            [.. regions.Where(r => r.Active).Select(r => r.Name)],
            reference.DistinctBy(r => (r.Kind, r.Name.Code)).ToDictionary(r => (r.Kind, r.Name.Code), r => r.Name),
            [.. reference.Where(r => r.Kind == ReferenceKind.Technology && r.Active).Select(r => r.Name)],
            [.. calls
                .Select(c => new RegisterBatchOption(c.Batch, byId[c.RegionId]))
                .OrderBy(b => b.Region.Code, StringComparer.Ordinal)
                .ThenBy(b => b.Batch.Number)],
            calls.ToDictionary(c => c.Batch.CallId, c => c.Batch));
    }
}

/// <summary>
/// Drops <see cref="RegisterLookups"/>' copy after every save and every commit on this node. After a save
/// the entries are unchanged, so it cannot tell which tables were written; saves are rare beside the
/// register's reads, and a save inside a transaction is seen by others only at its commit, which drops
/// the copy again (a reader between the two may have read the rows before it).
/// </summary>
public sealed class RegisterLookupsInvalidator(RegisterLookups lookups) : DbTransactionInterceptor, ISaveChangesInterceptor
{
    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        lookups.Invalidate();
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(SavedChanges(eventData, result));

    public override void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => lookups.Invalidate();

    public override Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        lookups.Invalidate();
        return Task.CompletedTask;
    }
}
