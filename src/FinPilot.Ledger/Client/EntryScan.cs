using FinPilot.Ledger.Checkpoints;
using FinPilot.Ledger.Merkle;
using FinPilot.Ledger.Tiles;

namespace FinPilot.Ledger.Client;

/// <summary>
/// The full check of a served log: downloads every entry bundle up to a checkpoint's size, hashes
/// each entry as a leaf, and checks the leaves against the level-0 tiles, the rebuilt root against
/// the signed one, and the interior hashes against the higher tiles. Holds the tree's frontier and
/// one hash per 256 leaves, never the whole tree.
/// </summary>
internal static class EntryScan
{
    // Bundles fetched ahead of the one being hashed, so round trips overlap with hashing.
    private const int Lookahead = 4;

    /// <summary>The number of entries checked, or the first disagreement found.</summary>
    public static async Task<Result<long>> RunAsync(
        Func<string, CancellationToken, ValueTask<byte[]>> fetch, Checkpoint checkpoint, CancellationToken cancellationToken)
    {
        var size = checkpoint.Size;
        // Complete subtrees at levels 8, 16, …: exactly what tiles at levels 1, 2, … hold.
        var tileLevelHashes = new List<List<MerkleHash>>();
        var frontier = new TreeFrontier((id, hash) =>
        {
            if (id.Level % Tile.Height == 0)
            {
                var tileLevel = id.Level / Tile.Height;
                while (tileLevelHashes.Count < tileLevel)
                {
                    tileLevelHashes.Add([]);
                }

                tileLevelHashes[tileLevel - 1].Add(hash);
            }
        });

        var leaves = await CheckEntriesAsync(fetch, size, frontier, cancellationToken).ConfigureAwait(false);
        if (!leaves.IsSuccess)
        {
            return leaves;
        }

        var root = frontier.Root();
        if (root != checkpoint.RootHash)
        {
            return Result<long>.Fail(
                $"The {size} entries served hash to root {root}, but the signed checkpoint's root is {checkpoint.RootHash}.");
        }

        for (var level = 1; Tile.LevelWidth(level, size) > 0; level++)
        {
            var agreed = await CheckTilesAsync(fetch, level, size, tileLevelHashes[level - 1], cancellationToken).ConfigureAwait(false);
            if (!agreed.IsSuccess)
            {
                return agreed;
            }
        }

        return size;
    }

    private static async Task<Result<long>> CheckEntriesAsync(
        Func<string, CancellationToken, ValueTask<byte[]>> fetch, long size, TreeFrontier frontier, CancellationToken cancellationToken)
    {
        var bundles = (size + Tile.MaxWidth - 1) / Tile.MaxWidth;
        // Cancels fetches still in flight when a mismatch ends the scan early.
        using var scan = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pending = new Queue<Task<(Tile Tile, byte[] Bundle, byte[] Hashes)>>();
        long next = 0;
        try
        {
            for (long n = 0; n < bundles; n++)
            {
                while (pending.Count < Lookahead && next < bundles)
                {
                    pending.Enqueue(FetchBundleAsync(fetch, Tile.Containing(0, next++ * Tile.MaxWidth, size), scan.Token));
                }

                var (tile, bundle, hashes) = await pending.Dequeue().ConfigureAwait(false);
                var checkedBundle = CheckBundle(tile, bundle, hashes, frontier);
                if (!checkedBundle.IsSuccess)
                {
                    return checkedBundle;
                }
            }
        }
        finally
        {
            await scan.CancelAsync().ConfigureAwait(false);
        }

        return size;
    }

    private static async Task<(Tile, byte[], byte[])> FetchBundleAsync(
        Func<string, CancellationToken, ValueTask<byte[]>> fetch, Tile tile, CancellationToken cancellationToken)
    {
        var bundle = fetch(tile.EntriesPath, cancellationToken).AsTask();
        var hashes = fetch(tile.Path, cancellationToken).AsTask();
        return (tile, await bundle.ConfigureAwait(false), await hashes.ConfigureAwait(false));
    }

    private static Result<long> CheckBundle(Tile tile, byte[] bundle, byte[] hashes, TreeFrontier frontier)
    {
        var entries = EntryBundle.Decode(bundle);
        if (!entries.IsSuccess)
        {
            return Result<long>.Fail($"{tile.EntriesPath}: {entries.Error}");
        }

        if (entries.Value.Count != tile.Width)
        {
            return Result<long>.Fail($"{tile.EntriesPath} holds {entries.Value.Count} entries, expected {tile.Width}.");
        }

        if (hashes.Length != tile.Width * MerkleHash.Size)
        {
            return Result<long>.Fail($"{tile.Path} has {hashes.Length} bytes, expected {tile.Width * MerkleHash.Size}.");
        }

        for (var i = 0; i < tile.Width; i++)
        {
            var index = (tile.Index * Tile.MaxWidth) + i;
            var leaf = MerkleHash.Leaf(entries.Value[i].Span);
            var served = new MerkleHash(hashes.AsSpan(i * MerkleHash.Size, MerkleHash.Size));
            if (leaf != served)
            {
                return Result<long>.Fail(
                    $"Entry {index} in {tile.EntriesPath} hashes to {leaf}, but {tile.Path} has {served} for it.");
            }

            frontier.Append(leaf);
        }

        return frontier.Size;
    }

    private static async Task<Result<long>> CheckTilesAsync(
        Func<string, CancellationToken, ValueTask<byte[]>> fetch, int level, long size, List<MerkleHash> expected, CancellationToken cancellationToken)
    {
        for (long hashIndex = 0; hashIndex < expected.Count; hashIndex += Tile.MaxWidth)
        {
            var tile = Tile.Containing(level, hashIndex, size);
            var data = await fetch(tile.Path, cancellationToken).ConfigureAwait(false);
            if (data.Length != tile.Width * MerkleHash.Size)
            {
                return Result<long>.Fail($"{tile.Path} has {data.Length} bytes, expected {tile.Width * MerkleHash.Size}.");
            }

            for (var i = 0; i < tile.Width; i++)
            {
                var served = new MerkleHash(data.AsSpan(i * MerkleHash.Size, MerkleHash.Size));
                var computed = expected[(int)(hashIndex + i)];
                if (served != computed)
                {
                    return Result<long>.Fail(
                        $"Hash {i} of {tile.Path} is {served}, but the entries give {computed}.");
                }
            }
        }

        return expected.Count;
    }
}
