using BenchmarkDotNet.Attributes;
using FinPilot.Ledger.Merkle;
using FinPilot.Ledger.Storage;
using FinPilot.Ledger.Tiles;

namespace FinPilot.Ledger.Bench;

/// <summary>Proof construction in a log of <see cref="TreeSize"/> leaves, from the store and from tiles.</summary>
[MemoryDiagnoser]
public class ProofBenchmarks
{
    private LogTree _tree = null!;
    private TiledLogReader _tiles = null!;
    private Random _random = null!;

    [ParamsSource(nameof(TreeSizes))]
    public int TreeSize { get; set; }

    public static IEnumerable<int> TreeSizes() => Sizes.TreeSizes();

    [GlobalSetup]
    public void Setup()
    {
        (_tree, _tiles) = BuildLog(TreeSize);
        _random = new Random(2);
    }

    [Benchmark]
    public async Task<MerkleHash[]> InclusionProof() =>
        await _tree.InclusionProofAsync(_random.NextInt64(TreeSize), TreeSize);

    [Benchmark]
    public async Task<MerkleHash[]> ConsistencyProof() =>
        await _tree.ConsistencyProofAsync(_random.NextInt64(1, TreeSize), TreeSize);

    [Benchmark]
    public async Task<Result<MerkleHash[]>> InclusionProofFromTiles() =>
        await _tiles.InclusionProofAsync(_random.NextInt64(TreeSize), TreeSize);

    [Benchmark]
    public async Task<Result<MerkleHash[]>> ConsistencyProofFromTiles() =>
        await _tiles.ConsistencyProofAsync(_random.NextInt64(1, TreeSize), TreeSize);

    internal static (LogTree Tree, TiledLogReader Tiles) BuildLog(int size)
    {
        var tree = new LogTree(new InMemoryHashStore());
        var batch = new MerkleHash[100_000];
        for (var start = 0; start < size; start += batch.Length)
        {
            var count = Math.Min(batch.Length, size - start);
            for (var i = 0; i < count; i++)
            {
                batch[i] = MerkleHash.Leaf(BitConverter.GetBytes((long)(start + i)));
            }

            tree.AppendAsync(batch.AsMemory(0, count)).AsTask().GetAwaiter().GetResult();
        }

        // Tiles are served straight from the store: this measures proof building, not I/O.
        var tiles = new TiledLogReader(async (path, ct) => await tree.ReadTileAsync(Tile.ParsePath(path).Value.Tile, ct));
        return (tree, tiles);
    }
}
