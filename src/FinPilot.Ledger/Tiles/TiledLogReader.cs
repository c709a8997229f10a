using FinPilot.Ledger.Merkle;

namespace FinPilot.Ledger.Tiles;

/// <summary>
/// Builds roots and proofs for a client that has only a checkpoint and the log's static tiles.
/// It fetches just the tiles a computation needs (all of them concurrently) and rebuilds the
/// levels between tile levels by hashing.
/// </summary>
/// <remarks>
/// Tiles are untrusted: a proof built from them proves nothing until it is checked against a
/// signed checkpoint's root, which <see cref="VerifyInclusionAsync"/> and
/// <see cref="VerifyConsistencyAsync"/> do. Malformed tiles come back as failed results.
/// </remarks>
public sealed class TiledLogReader(Func<string, CancellationToken, ValueTask<byte[]>> fetchTile)
{
    private long _bytesFetched;

    /// <summary>Total tile bytes fetched so far, to measure what a proof costs a client.</summary>
    public long BytesFetched => Interlocked.Read(ref _bytesFetched);

    public ValueTask<Result<MerkleHash>> RootAsync(long treeSize, CancellationToken cancellationToken = default) =>
        RunAsync(treeSize, MerkleProofs.RequiredForRoot(treeSize), lookup => MerkleProofs.Root(treeSize, lookup), cancellationToken);

    public ValueTask<Result<MerkleHash[]>> InclusionProofAsync(long index, long treeSize, CancellationToken cancellationToken = default) =>
        RunAsync(treeSize, MerkleProofs.RequiredForInclusion(index, treeSize), lookup => MerkleProofs.Inclusion(index, treeSize, lookup), cancellationToken);

    public ValueTask<Result<MerkleHash[]>> ConsistencyProofAsync(long oldSize, long newSize, CancellationToken cancellationToken = default) =>
        RunAsync(newSize, MerkleProofs.RequiredForConsistency(oldSize, newSize), lookup => MerkleProofs.Consistency(oldSize, newSize, lookup), cancellationToken);

    /// <summary>Proves from tiles that <paramref name="leafHash"/> is leaf <paramref name="index"/> of the tree with the given root.</summary>
    public async ValueTask<bool> VerifyInclusionAsync(
        long index, MerkleHash leafHash, long treeSize, MerkleHash root, CancellationToken cancellationToken = default)
    {
        if (index < 0 || index >= treeSize)
        {
            return false;
        }

        var proof = await InclusionProofAsync(index, treeSize, cancellationToken).ConfigureAwait(false);
        return proof.IsSuccess && ProofVerifier.VerifyInclusion(index, treeSize, leafHash, proof.Value, root);
    }

    /// <summary>Proves from tiles that the old tree is a prefix of the new one.</summary>
    public async ValueTask<bool> VerifyConsistencyAsync(
        long oldSize, MerkleHash oldRoot, long newSize, MerkleHash newRoot, CancellationToken cancellationToken = default)
    {
        if (oldSize <= 0 || oldSize > newSize)
        {
            return false;
        }

        var proof = await ConsistencyProofAsync(oldSize, newSize, cancellationToken).ConfigureAwait(false);
        return proof.IsSuccess && ProofVerifier.VerifyConsistency(oldSize, newSize, oldRoot, newRoot, proof.Value);
    }

    /// <summary>The tiles (at the widths a tree of <paramref name="treeSize"/> leaves has) that hold the given subtrees.</summary>
    public static IReadOnlyList<Tile> TilesFor(IEnumerable<SubtreeId> subtrees, long treeSize)
    {
        var tiles = new List<Tile>();
        foreach (var id in subtrees)
        {
            var tile = TileOf(id, treeSize);
            if (!tiles.Contains(tile))
            {
                tiles.Add(tile);
            }
        }

        return tiles;
    }

    private static Tile TileOf(SubtreeId id, long treeSize)
    {
        var withinTile = id.Level % Tile.Height;
        return Tile.Containing(id.Level / Tile.Height, id.Index << withinTile, treeSize);
    }

    private async ValueTask<Result<T>> RunAsync<T>(
        long treeSize, IReadOnlyList<SubtreeId> needed, Func<Func<SubtreeId, MerkleHash>, T> compute, CancellationToken cancellationToken)
    {
        var tiles = TilesFor(needed, treeSize);
        var fetches = tiles.Select(tile => fetchTile(tile.Path, cancellationToken).AsTask()).ToArray();
        var contents = await Task.WhenAll(fetches).ConfigureAwait(false);

        var data = new Dictionary<Tile, byte[]>(tiles.Count);
        for (var i = 0; i < tiles.Count; i++)
        {
            Interlocked.Add(ref _bytesFetched, contents[i].Length);
            if (contents[i].Length != tiles[i].Width * MerkleHash.Size)
            {
                return Result<T>.Fail($"Tile {tiles[i].Path} has {contents[i].Length} bytes, expected {tiles[i].Width * MerkleHash.Size}.");
            }

            data[tiles[i]] = contents[i];
        }

        return Result<T>.Ok(compute(id => SubtreeFromTile(id, data[TileOf(id, treeSize)])));
    }

    // A subtree whose level falls between tile levels is the perfect tree over 2^r consecutive
    // hashes of its tile, r being how far above the tile's level it sits.
    private static MerkleHash SubtreeFromTile(SubtreeId id, byte[] tileData)
    {
        var withinTile = id.Level % Tile.Height;
        var first = (int)((id.Index << withinTile) % Tile.MaxWidth);
        var count = 1 << withinTile;
        Span<MerkleHash> level = stackalloc MerkleHash[count];
        for (var i = 0; i < count; i++)
        {
            level[i] = new MerkleHash(tileData.AsSpan((first + i) * MerkleHash.Size, MerkleHash.Size));
        }

        for (; count > 1; count /= 2)
        {
            for (var i = 0; i < count / 2; i++)
            {
                level[i] = MerkleHash.Node(level[2 * i], level[(2 * i) + 1]);
            }
        }

        return level[0];
    }
}
