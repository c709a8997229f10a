using FinPilot.Ledger.Merkle;

namespace FinPilot.Ledger.Storage;

/// <summary>
/// Durable, append-only storage of a log's hashes in <see cref="StoredHashIndex"/> order. The
/// platform implements this over its database; <see cref="LogTree"/> does all the hashing, so an
/// implementation only stores and returns 32-byte values.
/// </summary>
/// <remarks>
/// Reads are batched because a proof or a tile needs dozens to hundreds of hashes and a database
/// round trip per hash would dominate. Hashes below <see cref="GetTreeSizeAsync"/>'s value are
/// immutable, so implementations may cache them freely.
/// </remarks>
public interface IHashStore
{
    /// <summary>The number of leaves whose hashes (and the subtrees they complete) are stored.</summary>
    ValueTask<long> GetTreeSizeAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads the hashes at <paramref name="storedIndexes"/> into <paramref name="destination"/>
    /// (same order and length). Every index is below <c>StoredHashIndex.Count(treeSize)</c>.</summary>
    ValueTask ReadStoredHashesAsync(
        ReadOnlyMemory<long> storedIndexes, Memory<MerkleHash> destination, CancellationToken cancellationToken = default);

    /// <summary>
    /// Atomically appends <paramref name="storedHashes"/> (exactly the hashes from
    /// <c>StoredHashIndex.Count(oldTreeSize)</c> to <c>StoredHashIndex.Count(oldTreeSize + leafCount)</c>),
    /// growing the tree by <paramref name="leafCount"/> leaves.
    /// </summary>
    /// <exception cref="ConcurrentAppendException">The tree is no longer <paramref name="oldTreeSize"/>
    /// leaves: another writer appended first. Nothing was written.</exception>
    ValueTask AppendStoredHashesAsync(
        long oldTreeSize, long leafCount, ReadOnlyMemory<MerkleHash> storedHashes, CancellationToken cancellationToken = default);
}

/// <summary>Another writer changed the tree between reading its size and appending.</summary>
public sealed class ConcurrentAppendException(long expected, long actual)
    : InvalidOperationException($"Expected a tree of {expected} leaves but the store holds {actual}.")
{
    public long ExpectedTreeSize { get; } = expected;

    public long ActualTreeSize { get; } = actual;
}
