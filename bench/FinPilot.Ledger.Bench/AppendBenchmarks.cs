using BenchmarkDotNet.Attributes;
using FinPilot.Ledger.Merkle;
using FinPilot.Ledger.Storage;

namespace FinPilot.Ledger.Bench;

/// <summary>Building a whole log by batched appends; results are per appended leaf.</summary>
[MemoryDiagnoser]
public class AppendBenchmarks
{
    private const int BatchSize = 1000;
    private byte[][] _entries = [];

    [ParamsSource(nameof(TreeSizes))]
    public int TreeSize { get; set; }

    public static IEnumerable<int> TreeSizes() => Sizes.TreeSizes();

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _entries = new byte[TreeSize][];
        for (var i = 0; i < TreeSize; i++)
        {
            _entries[i] = new byte[64];
            random.NextBytes(_entries[i]);
        }
    }

    /// <summary>Leaf hashing plus tree maintenance: the full cost of logging an entry.</summary>
    [Benchmark(OperationsPerInvoke = 1)]
    public async Task<long> AppendAllEntries()
    {
        var tree = new LogTree(new InMemoryHashStore());
        var batch = new MerkleHash[BatchSize];
        for (var start = 0; start < TreeSize; start += BatchSize)
        {
            var count = Math.Min(BatchSize, TreeSize - start);
            for (var i = 0; i < count; i++)
            {
                batch[i] = MerkleHash.Leaf(_entries[start + i]);
            }

            await tree.AppendAsync(batch.AsMemory(0, count));
        }

        return await tree.GetTreeSizeAsync();
    }
}
