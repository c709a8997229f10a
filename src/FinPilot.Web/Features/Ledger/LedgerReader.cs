using FinPilot.Domain.Common;
using FinPilot.Domain.Disclosure;
using FinPilot.Ledger.Merkle;
using FinPilot.Ledger.Proofs;
using FinPilot.Ledger.Storage;
using FinPilot.Ledger.Tiles;
using FinPilot.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Ledger;

/// <summary>
/// Reads the log as the public sees it: only up to the latest signed checkpoint, so every tile,
/// bundle and proof served is consistent with a checkpoint anyone can fetch.
/// </summary>
public sealed class LedgerReader(FinPilotDbContext db)
{
    private LogTree Tree => new(new DbHashStore(db));

    public Task<LedgerCheckpointRecord?> LatestCheckpointAsync(CancellationToken cancellationToken = default) =>
        db.LedgerCheckpoints.AsNoTracking().LatestAsync(cancellationToken);

    /// <summary>The bytes of a hash tile or an entry bundle at <paramref name="path"/> (<c>tile/…</c>); null when it is not (yet) published.</summary>
    public async Task<byte[]?> ReadTileAsync(string path, CancellationToken cancellationToken = default)
    {
        var parsed = Tile.ParsePath(path);
        var checkpoint = await LatestCheckpointAsync(cancellationToken);
        if (!parsed.IsSuccess || checkpoint is null)
        {
            return null;
        }

        var (tile, isEntries) = parsed.Value;
        if ((tile.Index * Tile.MaxWidth) + tile.Width > Tile.LevelWidth(tile.Level, checkpoint.Size))
        {
            return null;
        }

        if (!isEntries)
        {
            return await Tree.ReadTileAsync(tile, cancellationToken);
        }

        var first = tile.Index * Tile.MaxWidth;
        var last = first + tile.Width;
        var entries = await db.LedgerEntries.AsNoTracking()
            .Where(e => e.Index >= first && e.Index < last)
            .OrderBy(e => e.Index)
            .Select(e => e.Entry)
            .ToListAsync(cancellationToken);
        return entries.Count == tile.Width
            ? EntryBundle.Encode([.. entries.Select(e => (ReadOnlyMemory<byte>)e)])
            : throw new InvalidOperationException($"The ledger is missing entries between {first} and {last}.");
    }

    /// <summary>An inclusion proof for <paramref name="index"/> in the tree of <paramref name="size"/> leaves (default: the latest checkpoint's).</summary>
    public async Task<Result<ProofAnswer>> InclusionAsync(long index, long? size, CancellationToken cancellationToken = default)
    {
        var checkpoint = await LatestCheckpointAsync(cancellationToken);
        var treeSize = size ?? checkpoint?.Size ?? 0;
        if (checkpoint is null || treeSize < 1 || treeSize > checkpoint.Size)
        {
            return new Error(LedgerErrors.SizeOutOfRange, "size", checkpoint?.Size ?? 0);
        }

        if (index < 0 || index >= treeSize)
        {
            return new Error(LedgerErrors.IndexOutOfRange, "index", treeSize);
        }

        var hashes = await Tree.InclusionProofAsync(index, treeSize, cancellationToken);
        return new ProofAnswer(treeSize, hashes);
    }

    /// <summary>A consistency proof between two tree sizes, the larger at most the latest checkpoint's.</summary>
    public async Task<Result<ProofAnswer>> ConsistencyAsync(long oldSize, long newSize, CancellationToken cancellationToken = default)
    {
        var checkpoint = await LatestCheckpointAsync(cancellationToken);
        var limit = checkpoint?.Size ?? 0;
        if (newSize < 1 || newSize > limit)
        {
            return new Error(LedgerErrors.SizeOutOfRange, "new", limit);
        }

        if (oldSize < 1 || oldSize > newSize)
        {
            return new Error(LedgerErrors.OldSizeOutOfRange, "old", newSize);
        }

        var hashes = await Tree.ConsistencyProofAsync(oldSize, newSize, cancellationToken);
        return new ProofAnswer(newSize, hashes);
    }

    /// <summary>The logged entry at <paramref name="index"/> with its record; null when there is none.</summary>
    public async Task<LoggedRecord?> EntryAsync(long index, CancellationToken cancellationToken = default)
    {
        var found = await db.LedgerEntries.AsNoTracking()
            .Where(e => e.Index == index)
            .Join(db.PublicRecords.AsNoTracking(), e => e.RecordSequence, r => r.Sequence, (e, r) => new { e.Index, e.Entry, r.Payload })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : new LoggedRecord(found.Index, found.Entry, CanonicalJson.Canonicalize(found.Payload));
    }

    /// <summary>
    /// The ledger index of each public record in <paramref name="sequences"/> that is under the
    /// latest signed checkpoint, so that every index shown has a proof to download.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, long>> IndexesOfAsync(IEnumerable<long> sequences, CancellationToken cancellationToken = default)
    {
        var wanted = sequences.Distinct().ToArray();
        var signed = await db.LedgerCheckpoints.SignedSizeAsync(cancellationToken);
        return wanted.Length == 0
            ? new Dictionary<long, long>()
            : await db.LedgerEntries.AsNoTracking()
                .Where(e => EF.Parameter(wanted).Contains(e.RecordSequence) && e.Index < signed)
                .ToDictionaryAsync(e => e.RecordSequence, e => e.Index, cancellationToken);
    }

    /// <summary>
    /// The newest public record of any of <paramref name="kinds"/> about <paramref name="subjectId"/>:
    /// whether there is one, and its signed ledger index once it has one (null while it waits).
    /// </summary>
    public async Task<(bool Recorded, long? Index)> NewestIndexOfAsync(IReadOnlyCollection<string> kinds, string subjectId, CancellationToken cancellationToken = default)
    {
        var newest = await db.PublicRecords.AsNoTracking().Where(r => kinds.Contains(r.Kind) && r.SubjectId == subjectId).MaxAsync(r => (long?)r.Sequence, cancellationToken);
        if (newest is not { } sequence)
        {
            return (false, null);
        }

        var indexes = await IndexesOfAsync([sequence], cancellationToken);
        return (true, indexes.TryGetValue(sequence, out var index) ? index : (long?)null);
    }

    /// <summary>Every region's names by code, so that entries (which carry the code) are shown by name.</summary>
    public async Task<IReadOnlyDictionary<string, (string Zh, string En)>> RegionNamesAsync(CancellationToken cancellationToken = default) =>
        (await db.Regions.AsNoTracking().OrderBy(r => r.Id).Select(r => new { r.Code, r.NameZh, r.NameEn }).ToListAsync(cancellationToken))
            .ToDictionary(r => r.Code, r => (r.NameZh, r.NameEn));

    /// <summary>The logged entry at <paramref name="index"/> with its record, if it is under the latest signed checkpoint.</summary>
    public async Task<LoggedRecord?> SignedEntryAsync(long index, CancellationToken cancellationToken = default) =>
        index >= 0 && index < await db.LedgerCheckpoints.SignedSizeAsync(cancellationToken) ? await EntryAsync(index, cancellationToken) : null;

    /// <summary>
    /// The offline proof for entry <paramref name="index"/> under the latest checkpoint, in the
    /// C2SP tlog-proof form with the entry itself as the <c>extra</c> data, so the file alone is
    /// enough to check it. Null when the entry is not yet under a signed checkpoint.
    /// </summary>
    public async Task<TlogProof?> TlogProofAsync(long index, CancellationToken cancellationToken = default)
    {
        var checkpoint = await LatestCheckpointAsync(cancellationToken);
        var entry = await db.LedgerEntries.AsNoTracking().Where(e => e.Index == index).Select(e => e.Entry).SingleOrDefaultAsync(cancellationToken);
        if (checkpoint is null || entry is null || index >= checkpoint.Size)
        {
            return null;
        }

        var hashes = await Tree.InclusionProofAsync(index, checkpoint.Size, cancellationToken);
        return new TlogProof(index, hashes, checkpoint.Note, entry);
    }
}

/// <summary>A proof's hashes and the tree size they prove against.</summary>
public sealed record ProofAnswer(long TreeSize, MerkleHash[] Hashes);

/// <summary>A logged entry's bytes and its record's canonical payload.</summary>
public sealed record LoggedRecord(long Index, byte[] Entry, string Payload);
