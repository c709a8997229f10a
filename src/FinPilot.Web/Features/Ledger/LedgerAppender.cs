using FinPilot.Domain.Disclosure;
using FinPilot.Ledger.Checkpoints;
using FinPilot.Ledger.Merkle;
using FinPilot.Ledger.Storage;
using FinPilot.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Ledger;

/// <summary>
/// Moves public records into the log: appends the ones not yet logged, oldest first, a batch per
/// transaction, then signs a checkpoint of the new tree. Appends and their checkpoint are separate
/// steps on purpose: a crash between them loses nothing (the next pass signs the tree as stored),
/// and a crash inside an append rolls the whole batch back.
/// </summary>
public sealed class LedgerAppender(
    FinPilotDbContext db, LedgerKey key, LedgerOptions options, TimeProvider clock)
{
    /// <summary>Appends every waiting record and signs a checkpoint if the tree grew; returns how many were appended.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        if (!key.IsConfigured)
        {
            return 0;
        }

        var appended = 0;
        int batch;
        do
        {
            batch = await AppendBatchAsync(cancellationToken);
            appended += batch;
        }
        while (batch == options.BatchSize);

        await CheckpointAsync(cancellationToken);
        return appended;
    }

    /// <summary>One transaction: the next records' entries, their hashes and the new tree size, or nothing.</summary>
    public async Task<int> AppendBatchAsync(CancellationToken cancellationToken = default)
    {
        var pending = await db.PublicRecords.AsNoTracking()
            .Where(r => !db.LedgerEntries.Any(e => e.RecordSequence == r.Sequence))
            .OrderBy(r => r.Sequence)
            .Take(Math.Max(1, options.BatchSize))
            .ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return 0;
        }

        var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Code, cancellationToken);
        var store = new DbHashStore(db);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var size = await store.GetTreeSizeAsync(cancellationToken);
        var leaves = new MerkleHash[pending.Count];
        for (var i = 0; i < pending.Count; i++)
        {
            var entry = EntryOf(pending[i], regions);
            var bytes = entry.ToBytes();
            if (bytes.Length > LedgerEntry.MaxBytes)
            {
                // Fields are bounded far below this, so only a corrupt row gets here; stop rather than log it.
                throw new InvalidOperationException(
                    $"Public record {pending[i].Sequence} makes a ledger entry of {bytes.Length} bytes, over the {LedgerEntry.MaxBytes}-byte limit; its kind, subject or link is longer than a record allows.");
            }

            leaves[i] = MerkleHash.Leaf(bytes);
            db.LedgerEntries.Add(new LedgerEntryRecord { Index = size + i, RecordSequence = pending[i].Sequence, Entry = bytes, ContentSha256 = entry.ContentSha256 });
        }

        var first = await new LogTree(store).AppendAsync(leaves, cancellationToken);
        if (first != size)
        {
            throw new ConcurrentAppendException(size, first);
        }

        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return pending.Count;
    }

    /// <summary>The entry a stored record is logged as; the audit rebuilds it the same way to find tampering.</summary>
    public static LedgerEntry EntryOf(Disclosure.PublicRecordEntry record, IReadOnlyDictionary<int, string> regionCodes) =>
        LedgerEntry.For(
            record.Sequence,
            new PublicRecord(record.Kind, record.SubjectId, record.At, record.Payload),
            record.RegionId is { } region && regionCodes.TryGetValue(region, out var code) ? code : string.Empty,
            record.ProjectId,
            record.Link);

    /// <summary>
    /// Signs the stored tree if it is larger than the last checkpoint, after checking that the
    /// stored tree still has the last checkpoint's root at its size: a log never signs a fork.
    /// </summary>
    public async Task<LedgerCheckpointRecord?> CheckpointAsync(CancellationToken cancellationToken = default)
    {
        var tree = new LogTree(new DbHashStore(db));
        var size = await tree.GetTreeSizeAsync(cancellationToken);
        var latest = await db.LedgerCheckpoints.AsNoTracking().LatestAsync(cancellationToken);
        if (latest is not null && latest.Size >= size)
        {
            return null;
        }

        if (latest is not null && latest.Size > 0 && await tree.RootAsync(latest.Size, cancellationToken) != new MerkleHash(latest.RootHash))
        {
            // The job logs this as an error on every pass until someone restores the stored tree.
            throw new InvalidOperationException($"The stored ledger no longer has the root of checkpoint {latest.Size}: refusing to sign a fork.");
        }

        var root = await tree.RootAsync(size, cancellationToken);
        var note = new Checkpoint(key.Origin, size, root).Sign(key.Signer).Format();
        var record = new LedgerCheckpointRecord { Size = size, RootHash = root.Span.ToArray(), Note = note, SignedAt = clock.GetUtcNow() };
        db.LedgerCheckpoints.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return record;
    }
}
