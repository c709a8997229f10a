using FinPilot.Ledger.Merkle;
using FinPilot.Ledger.Tiles;

namespace FinPilot.Ledger.Storage;

/// <summary>
/// A Merkle tree log over an <see cref="IHashStore"/>: appends leaves and serves roots, proofs
/// and tiles. Stateless apart from the store, so any number of readers can share one; appends
/// need a single writer (the store rejects a racing one with <see cref="ConcurrentAppendException"/>).
/// </summary>
public sealed class LogTree(IHashStore store)
{
    public IHashStore Store { get; } = store;

    public ValueTask<long> GetTreeSizeAsync(CancellationToken cancellationToken = default) =>
        Store.GetTreeSizeAsync(cancellationToken);

    /// <summary>
    /// Appends leaves given by their leaf hashes (<see cref="MerkleHash.Leaf"/>) and returns the
    /// index of the first one. Costs one read of at most 63 hashes plus one node hash per
    /// completed subtree, which averages one per leaf.
    /// </summary>
    public async ValueTask<long> AppendAsync(ReadOnlyMemory<MerkleHash> leafHashes, CancellationToken cancellationToken = default)
    {
        var oldSize = await Store.GetTreeSizeAsync(cancellationToken).ConfigureAwait(false);
        if (leafHashes.IsEmpty)
        {
            return oldSize;
        }

        // The roots of the current tree's complete subtrees are the only old hashes new nodes combine with.
        var frontierIds = Frontier(oldSize);
        var frontier = await ReadAsync(frontierIds, cancellationToken).ConfigureAwait(false);

        var newSize = oldSize + leafHashes.Length;
        var stored = new MerkleHash[StoredHashIndex.Count(newSize) - StoredHashIndex.Count(oldSize)];
        ComputeStoredHashes(frontierIds, frontier, leafHashes.Span, stored);
        await Store.AppendStoredHashesAsync(oldSize, leafHashes.Length, stored, cancellationToken).ConfigureAwait(false);
        return oldSize;
    }

    /// <summary>The root hash of the tree at <paramref name="treeSize"/> (any size up to the current one).</summary>
    public async ValueTask<MerkleHash> RootAsync(long treeSize, CancellationToken cancellationToken = default)
    {
        await RequireSizeAsync(treeSize, cancellationToken).ConfigureAwait(false);
        var lookup = await FetchAsync(MerkleProofs.RequiredForRoot(treeSize), cancellationToken).ConfigureAwait(false);
        return MerkleProofs.Root(treeSize, lookup);
    }

    public async ValueTask<MerkleHash[]> InclusionProofAsync(long index, long treeSize, CancellationToken cancellationToken = default)
    {
        await RequireSizeAsync(treeSize, cancellationToken).ConfigureAwait(false);
        var lookup = await FetchAsync(MerkleProofs.RequiredForInclusion(index, treeSize), cancellationToken).ConfigureAwait(false);
        return MerkleProofs.Inclusion(index, treeSize, lookup);
    }

    public async ValueTask<MerkleHash[]> ConsistencyProofAsync(long oldSize, long newSize, CancellationToken cancellationToken = default)
    {
        await RequireSizeAsync(newSize, cancellationToken).ConfigureAwait(false);
        var lookup = await FetchAsync(MerkleProofs.RequiredForConsistency(oldSize, newSize), cancellationToken).ConfigureAwait(false);
        return MerkleProofs.Consistency(oldSize, newSize, lookup);
    }

    /// <summary>The bytes of a hash tile: <see cref="Tile.Width"/> concatenated hashes at level 8·L.</summary>
    public async ValueTask<byte[]> ReadTileAsync(Tile tile, CancellationToken cancellationToken = default)
    {
        var ids = new SubtreeId[tile.Width];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = new SubtreeId(tile.Level * Tile.Height, (tile.Index * Tile.MaxWidth) + i);
        }

        await RequireSizeAsync(ids[^1].EndLeaf, cancellationToken).ConfigureAwait(false);
        var hashes = await ReadAsync(ids, cancellationToken).ConfigureAwait(false);
        var data = new byte[hashes.Length * MerkleHash.Size];
        for (var i = 0; i < hashes.Length; i++)
        {
            hashes[i].Span.CopyTo(data.AsSpan(i * MerkleHash.Size));
        }

        return data;
    }

    /// <summary>The complete subtrees whose hashes make up a tree of <paramref name="treeSize"/>
    /// leaves, largest (leftmost) first: one per set bit of the size.</summary>
    internal static SubtreeId[] Frontier(long treeSize)
    {
        var ids = new List<SubtreeId>(64);
        long start = 0;
        for (var level = 62; level >= 0; level--)
        {
            if ((treeSize & (1L << level)) != 0)
            {
                ids.Add(new SubtreeId(level, start >> level));
                start += 1L << level;
            }
        }

        return [.. ids];
    }

    /// <summary>Writes the stored hashes of new leaves in <see cref="StoredHashIndex"/> order: each
    /// leaf hash, then each subtree it completes, merging with the frontier like a binary counter.</summary>
    internal static void ComputeStoredHashes(
        ReadOnlySpan<SubtreeId> frontierIds, ReadOnlySpan<MerkleHash> frontier, ReadOnlySpan<MerkleHash> leaves, Span<MerkleHash> output)
    {
        Span<MerkleHash> stack = stackalloc MerkleHash[64];
        Span<int> levels = stackalloc int[64];
        var depth = 0;
        for (var i = 0; i < frontier.Length; i++)
        {
            stack[depth] = frontier[i];
            levels[depth++] = frontierIds[i].Level;
        }

        var written = 0;
        foreach (ref readonly var leaf in leaves)
        {
            var hash = leaf;
            var level = 0;
            output[written++] = hash;
            while (depth > 0 && levels[depth - 1] == level)
            {
                hash = MerkleHash.Node(stack[--depth], hash);
                level++;
                output[written++] = hash;
            }

            stack[depth] = hash;
            levels[depth++] = level;
        }
    }

    private async ValueTask RequireSizeAsync(long treeSize, CancellationToken cancellationToken)
    {
        var current = await Store.GetTreeSizeAsync(cancellationToken).ConfigureAwait(false);
        if (treeSize < 0 || treeSize > current)
        {
            throw new ArgumentOutOfRangeException(nameof(treeSize), treeSize, $"The log holds {current} leaves.");
        }
    }

    private async ValueTask<MerkleHash[]> ReadAsync(IReadOnlyList<SubtreeId> ids, CancellationToken cancellationToken)
    {
        var indexes = new long[ids.Count];
        for (var i = 0; i < indexes.Length; i++)
        {
            indexes[i] = StoredHashIndex.Of(ids[i]);
        }

        var hashes = new MerkleHash[indexes.Length];
        await Store.ReadStoredHashesAsync(indexes, hashes, cancellationToken).ConfigureAwait(false);
        return hashes;
    }

    private async ValueTask<Func<SubtreeId, MerkleHash>> FetchAsync(IReadOnlyList<SubtreeId> ids, CancellationToken cancellationToken)
    {
        var hashes = await ReadAsync(ids, cancellationToken).ConfigureAwait(false);
        var byId = new Dictionary<SubtreeId, MerkleHash>(ids.Count);
        for (var i = 0; i < hashes.Length; i++)
        {
            byId[ids[i]] = hashes[i];
        }

        return id => byId[id];
    }
}
