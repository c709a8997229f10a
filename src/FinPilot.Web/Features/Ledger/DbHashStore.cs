using FinPilot.Ledger.Merkle;
using FinPilot.Ledger.Storage;
using FinPilot.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Ledger;

/// <summary>
/// The log's hashes in the platform's database. An append moves the tree size with a
/// compare-and-set and inserts its hashes in one transaction (the caller's, when it has one, so
/// that the entries it added to the same context are saved with them): a crash or a racing
/// appender leaves the tree exactly as it was. The hashes go in as one statement (PostgreSQL) or
/// one prepared statement run per row in process (SQLite), never a round trip per row.
/// </summary>
public sealed class DbHashStore(FinPilotDbContext db) : IHashStore
{
    // Well under every provider's limit on parameters in one statement.
    private const int ReadChunk = 500;

    public async ValueTask<long> GetTreeSizeAsync(CancellationToken cancellationToken = default) =>
        await db.LedgerTree.AsNoTracking().Where(t => t.Id == LedgerTreeState.SingletonId).Select(t => t.Size).SingleOrDefaultAsync(cancellationToken);

    public async ValueTask ReadStoredHashesAsync(
        ReadOnlyMemory<long> storedIndexes, Memory<MerkleHash> destination, CancellationToken cancellationToken = default)
    {
        if (destination.Length != storedIndexes.Length)
        {
            throw new ArgumentException("Destination length must equal the number of indexes.", nameof(destination));
        }

        var wanted = storedIndexes.ToArray().Distinct().ToArray();
        var found = new Dictionary<long, MerkleHash>(wanted.Length);
        foreach (var chunk in wanted.Chunk(ReadChunk))
        {
            var rows = await db.LedgerHashes.AsNoTracking().Where(h => chunk.Contains(h.Id)).Select(h => new { h.Id, h.Hash }).ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                found[row.Id] = new MerkleHash(row.Hash);
            }
        }

        var output = destination.Span;
        var indexes = storedIndexes.Span;
        for (var i = 0; i < indexes.Length; i++)
        {
            output[i] = found.TryGetValue(indexes[i], out var hash)
                ? hash
                : throw new InvalidOperationException($"The ledger has no stored hash {indexes[i]}: the hash table is incomplete.");
        }
    }

    public async ValueTask AppendStoredHashesAsync(
        long oldTreeSize, long leafCount, ReadOnlyMemory<MerkleHash> storedHashes, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(leafCount);
        var first = StoredHashIndex.Count(oldTreeSize);
        var expected = StoredHashIndex.Count(oldTreeSize + leafCount) - first;
        if (storedHashes.Length != expected)
        {
            throw new ArgumentException($"Growing by {leafCount} leaves stores {expected} hashes, got {storedHashes.Length}.", nameof(storedHashes));
        }

        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            // The compare-and-set first: on PostgreSQL it also holds the row until commit, so a
            // second appender waits here and then finds the size moved.
            var moved = await db.LedgerTree
                .Where(t => t.Id == LedgerTreeState.SingletonId && t.Size == oldTreeSize)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Size, oldTreeSize + leafCount), cancellationToken);
            if (moved != 1)
            {
                throw new ConcurrentAppendException(oldTreeSize, await GetTreeSizeAsync(cancellationToken));
            }

            await LedgerBulk.InsertHashesAsync(db, first, storedHashes, cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }
}
