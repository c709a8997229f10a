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
/// <remarks>
/// Records are logged in <see cref="PublicRecordEntry.Sequence"/> order, so the record of the last
/// logged entry is a high-water mark: what waits is <c>Sequence &gt; mark</c>, found by the primary
/// key, and a pass with nothing to do reads a row or two whatever the size of the log. That needs
/// every record below the mark to be committed (or rolled back) before the mark passes it. SQLite
/// gives that for free (one writer at a time, numbers handed out under its lock); on PostgreSQL an
/// identity value is taken when a row is inserted but seen only at commit, so a transaction that
/// took 41 may commit after one that took 42. A batch therefore first takes a SHARE lock on
/// <c>PublicRecords</c>, which waits for every transaction that has inserted a record (each holds
/// ROW EXCLUSIVE until it ends) and holds new ones back until the batch commits: every number below
/// what the batch reads is then settled, and every later one is larger.
/// </remarks>
public sealed class LedgerAppender(
    FinPilotDbContext db, LedgerKey key, LedgerOptions options, TimeProvider clock)
{
    private IReadOnlyDictionary<int, string>? _regions;

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

    /// <summary>
    /// The sequence of the last logged record (0 before the first): every record up to it is
    /// logged, every later one waits. One probe of the unique index on the entries' record sequence.
    /// </summary>
    public async Task<long> LoggedMarkAsync(CancellationToken cancellationToken = default) =>
        await db.LedgerEntries.MaxAsync(e => (long?)e.RecordSequence, cancellationToken) ?? 0;

    /// <summary>One transaction: the next records' entries, their hashes and the new tree size, or nothing.</summary>
    public async Task<int> AppendBatchAsync(CancellationToken cancellationToken = default)
    {
        // Nothing committed past the mark: nothing to do now, and nothing can be missed, since any
        // record still in flight was numbered after the mark was logged under the lock below.
        var seen = await LoggedMarkAsync(cancellationToken);
        if (!await db.PublicRecords.AnyAsync(r => r.Sequence > seen, cancellationToken))
        {
            return 0;
        }

        var postgres = db.Database.IsNpgsql();
        var store = new DbHashStore(db);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (postgres)
        {
            await db.Database.ExecuteSqlRawAsync("LOCK TABLE \"PublicRecords\" IN SHARE MODE", cancellationToken);
        }

        // Read again inside the transaction: another node may have appended since.
        var mark = await LoggedMarkAsync(cancellationToken);
        var pending = await db.PublicRecords.AsNoTracking()
            .Where(r => r.Sequence > mark)
            .OrderBy(r => r.Sequence)
            .Take(Math.Max(1, options.BatchSize))
            .ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return 0;
        }

        _regions ??= await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Code, cancellationToken);
        var size = await store.GetTreeSizeAsync(cancellationToken);
        var leaves = new MerkleHash[pending.Count];
        var entries = new LedgerEntryRecord[pending.Count];

        // Building and hashing the entries is the CPU-bound part of a batch: on every core.
        var built = new (LedgerEntry Entry, byte[] Bytes)[pending.Count];
        var regions = _regions;
        Parallel.For(0, pending.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var entry = EntryOf(pending[i], regions);
            var bytes = entry.ToBytes();
            built[i] = (entry, bytes);
            leaves[i] = MerkleHash.Leaf(bytes);
        });
        for (var i = 0; i < pending.Count; i++)
        {
            var (entry, bytes) = built[i];
            if (bytes.Length > LedgerEntry.MaxBytes)
            {
                // Fields are bounded far below this, so only a corrupt row gets here; stop rather than log it.
                throw new InvalidOperationException(
                    $"Public record {pending[i].Sequence} makes a ledger entry of {bytes.Length} bytes, over the {LedgerEntry.MaxBytes}-byte limit; its kind, subject or link is longer than a record allows.");
            }

            entries[i] = new LedgerEntryRecord { Index = size + i, RecordSequence = pending[i].Sequence, Entry = bytes, ContentSha256 = entry.ContentSha256 };
        }

        // The compare-and-set on the size and the hashes first, then the entries, all in this transaction.
        var first = await new LogTree(store).AppendAsync(leaves, cancellationToken);
        if (first != size)
        {
            throw new ConcurrentAppendException(size, first);
        }

        await LedgerBulk.InsertEntriesAsync(db, entries, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
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
    /// With nothing new it reads the tree's size and probes the checkpoints' size index, nothing more.
    /// </summary>
    public async Task<LedgerCheckpointRecord?> CheckpointAsync(CancellationToken cancellationToken = default)
    {
        var tree = new LogTree(new DbHashStore(db));
        var size = await tree.GetTreeSizeAsync(cancellationToken);
        if (await db.LedgerCheckpoints.AnyAsync(c => c.Size >= size, cancellationToken))
        {
            return null;
        }

        var latest = await db.LedgerCheckpoints.AsNoTracking().LatestAsync(cancellationToken);
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
