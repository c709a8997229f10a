using FinPilot.Ledger.Merkle;
using FinPilot.Ledger.Tiles;

namespace FinPilot.Ledger.Bench;

/// <summary>
/// How many tile bytes a tile-only client downloads per proof. A count, not a timing, so it
/// runs directly rather than through BenchmarkDotNet.
/// </summary>
internal static class TileBytesReport
{
    public static void Run()
    {
        foreach (var size in Sizes.TreeSizes())
        {
            var (_, tiles) = ProofBenchmarks.BuildLog(size);
            var random = new Random(3);
            const int Samples = 200;

            var before = tiles.BytesFetched;
            for (var i = 0; i < Samples; i++)
            {
                _ = tiles.InclusionProofAsync(random.NextInt64(size), size).AsTask().GetAwaiter().GetResult().Value;
            }

            var inclusion = (tiles.BytesFetched - before) / (double)Samples;
            before = tiles.BytesFetched;
            for (var i = 0; i < Samples; i++)
            {
                _ = tiles.ConsistencyProofAsync(random.NextInt64(1, size), size).AsTask().GetAwaiter().GetResult().Value;
            }

            var consistency = (tiles.BytesFetched - before) / (double)Samples;
            Console.WriteLine($"tree {size:N0}: tile bytes per inclusion proof {inclusion:N0} ({inclusion / MerkleHash.Size:N0} hashes), per consistency proof {consistency:N0}");
        }
    }
}
