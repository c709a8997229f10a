using FinPilot.Ledger.Merkle;
using FinPilot.Ledger.Storage;
using FinPilot.Ledger.Tiles;

namespace FinPilot.Ledger.Tests;

public sealed class TileTests
{
    [Theory]
    [InlineData(0, 1234067L, 256, "tile/0/x001/x234/067")]
    [InlineData(1, 0L, 1, "tile/1/000.p/1")]
    [InlineData(3, 5L, 255, "tile/3/005.p/255")]
    [InlineData(0, 1000L, 256, "tile/0/x001/000")]
    [InlineData(63, 999L, 256, "tile/63/999")]
    public void Paths_round_trip(int level, long index, int width, string path)
    {
        var tile = new Tile(level, index, width);
        Assert.Equal(path, tile.Path);
        var parsed = Tile.ParsePath(path);
        Assert.True(parsed.IsSuccess, parsed.Error);
        Assert.Equal((tile, false), parsed.Value);
    }

    [Fact]
    public void Entry_bundle_paths_round_trip()
    {
        var tile = new Tile(0, 1234067, 8);
        Assert.Equal("tile/entries/x001/x234/067.p/8", tile.EntriesPath);
        Assert.Equal((tile, true), Tile.ParsePath(tile.EntriesPath).Value);
        Assert.Throws<InvalidOperationException>(() => new Tile(1, 0, 1).EntriesPath);
    }

    [Theory]
    [InlineData("tile/0/x000/001")]
    [InlineData("tile/0/1")]
    [InlineData("tile/00/001")]
    [InlineData("tile/64/001")]
    [InlineData("tile/0/001.p/0")]
    [InlineData("tile/0/001.p/256")]
    [InlineData("tile/0/001.p/01")]
    [InlineData("tile/0/x001")]
    [InlineData("tile/0/001/002")]
    [InlineData("tiles/0/001")]
    [InlineData("tile/entries")]
    public void Non_canonical_paths_are_rejected(string path) => Assert.False(Tile.ParsePath(path).IsSuccess);

    [Fact]
    public void A_tree_of_70000_has_the_tiles_the_spec_lists()
    {
        // tlog-tiles: 273 full level-0 tiles, a level-0 partial of width 112, one full level-1
        // tile, a level-1 partial of width 17 and a level-2 partial of width 1.
        var tiles = Tile.ForGrowth(0, 70_000);
        Assert.Equal(273, tiles.Count(t => t.Level == 0 && t.IsFull));
        Assert.Contains(new Tile(0, 273, 112), tiles);
        Assert.Equal(new[] { new Tile(1, 0, 256), new Tile(1, 1, 17) }, tiles.Where(t => t.Level == 1));
        Assert.Equal(new[] { new Tile(2, 0, 1) }, tiles.Where(t => t.Level == 2));
        Assert.Equal(273 + 1 + 2 + 1, tiles.Count);
        Assert.Equal(new[] { new Tile(0, 0, 256), new Tile(1, 0, 1) }, Tile.ForGrowth(0, 256));
        Assert.Equal(new[] { new Tile(0, 0, 200) }, Tile.ForGrowth(100, 200));
        Assert.Empty(Tile.ForGrowth(300, 300));
    }

    [Fact]
    public void Entry_bundles_round_trip_and_reject_truncation()
    {
        ReadOnlyMemory<byte>[] entries = [new byte[] { 1, 2, 3 }, Array.Empty<byte>(), new byte[300]];
        var bundle = EntryBundle.Encode(entries);
        Assert.Equal(new byte[] { 0, 3, 1, 2, 3, 0, 0, 1, 44 }, bundle[..9]);
        var decoded = EntryBundle.Decode(bundle);
        Assert.Equal(entries.Select(e => e.ToArray()), decoded.Value.Select(e => e.ToArray()));
        Assert.False(EntryBundle.Decode(bundle.AsMemory(0, bundle.Length - 1)).IsSuccess);
        Assert.False(EntryBundle.Decode(new byte[] { 0 }).IsSuccess);
        Assert.Throws<ArgumentException>(() => EntryBundle.Encode([new byte[70_000]]));
    }

    [Fact]
    public async Task Tile_only_proofs_equal_store_proofs()
    {
        const int Size = 70_000;
        var leaves = Enumerable.Range(0, Size).Select(i => MerkleHash.Leaf(BitConverter.GetBytes(i * 7))).ToArray();
        var tree = new LogTree(new InMemoryHashStore());
        await tree.AppendAsync(leaves, TestContext.Current.CancellationToken);
        var client = new TiledLogReader((path, ct) => ServeTile(tree, path, ct));

        var random = new Random(77);
        long[] sizes = [1, 2, 255, 256, 257, 511, 512, 65_535, 65_536, 65_537, Size, .. Enumerable.Range(0, 20).Select(_ => random.NextInt64(1, Size + 1))];
        foreach (var size in sizes)
        {
            var root = await tree.RootAsync(size, TestContext.Current.CancellationToken);
            Assert.Equal(root, (await client.RootAsync(size, TestContext.Current.CancellationToken)).Value);
            var index = random.NextInt64(size);
            var storeProof = await tree.InclusionProofAsync(index, size, TestContext.Current.CancellationToken);
            Assert.Equal(storeProof, (await client.InclusionProofAsync(index, size, TestContext.Current.CancellationToken)).Value);
            Assert.True(await client.VerifyInclusionAsync(index, leaves[index], size, root, TestContext.Current.CancellationToken));
            Assert.False(await client.VerifyInclusionAsync(index, TestTrees.Flip(leaves[index], 1), size, root, TestContext.Current.CancellationToken));

            var oldSize = random.NextInt64(1, size + 1);
            var oldRoot = await tree.RootAsync(oldSize, TestContext.Current.CancellationToken);
            var storeConsistency = await tree.ConsistencyProofAsync(oldSize, size, TestContext.Current.CancellationToken);
            Assert.Equal(storeConsistency, (await client.ConsistencyProofAsync(oldSize, size, TestContext.Current.CancellationToken)).Value);
            Assert.True(await client.VerifyConsistencyAsync(oldSize, oldRoot, size, root, TestContext.Current.CancellationToken));
            Assert.False(await client.VerifyConsistencyAsync(oldSize, TestTrees.Flip(oldRoot, 2), size, root, TestContext.Current.CancellationToken));
        }

        Assert.True(client.BytesFetched > 0);
    }

    [Fact]
    public async Task A_short_tile_is_a_failed_result()
    {
        var tree = new LogTree(new InMemoryHashStore());
        await tree.AppendAsync(Enumerable.Range(0, 300).Select(i => MerkleHash.Leaf([(byte)i])).ToArray(), TestContext.Current.CancellationToken);
        var client = new TiledLogReader(async (path, ct) => (await ServeTile(tree, path, ct))[..^1]);
        var result = await client.InclusionProofAsync(5, 300, TestContext.Current.CancellationToken);
        Assert.False(result.IsSuccess);
        Assert.Contains("bytes", result.Error, StringComparison.Ordinal);
    }

    private static async ValueTask<byte[]> ServeTile(LogTree tree, string path, CancellationToken cancellationToken)
    {
        var parsed = Tile.ParsePath(path);
        Assert.True(parsed.IsSuccess, parsed.Error);
        Assert.False(parsed.Value.IsEntries);
        return await tree.ReadTileAsync(parsed.Value.Tile, cancellationToken);
    }
}
