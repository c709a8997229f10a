using FinPilot.Ledger.Merkle;
using FinPilot.Ledger.Storage;

namespace FinPilot.Ledger.Tests;

/// <summary>Seeded test trees and an independent, deliberately naive RFC 6962 reference.</summary>
internal static class TestTrees
{
    public static byte[][] Entries(int count, int seed)
    {
        var random = new Random(seed);
        var entries = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            entries[i] = new byte[random.Next(0, 40)];
            random.NextBytes(entries[i]);
        }

        return entries;
    }

    public static MerkleHash[] LeafHashes(IEnumerable<byte[]> entries) => [.. entries.Select(e => MerkleHash.Leaf(e))];

    /// <summary>Builds a log by appending in random batch sizes, so batch boundaries get exercised too.</summary>
    public static async Task<LogTree> BuildAsync(MerkleHash[] leaves, int seed, CancellationToken cancellationToken)
    {
        var tree = new LogTree(new InMemoryHashStore());
        var random = new Random(seed);
        var done = 0;
        while (done < leaves.Length)
        {
            var batch = Math.Min(leaves.Length - done, random.Next(1, 40));
            await tree.AppendAsync(leaves.AsMemory(done, batch), cancellationToken);
            done += batch;
        }

        return tree;
    }

    /// <summary>MTH straight from RFC 6962 §2.1's recursive definition.</summary>
    public static MerkleHash ReferenceRoot(ReadOnlySpan<MerkleHash> leaves)
    {
        if (leaves.Length == 0)
        {
            return MerkleHash.EmptyTree;
        }

        if (leaves.Length == 1)
        {
            return leaves[0];
        }

        var k = 1;
        while (k * 2 < leaves.Length)
        {
            k *= 2;
        }

        return MerkleHash.Node(ReferenceRoot(leaves[..k]), ReferenceRoot(leaves[k..]));
    }

    public static MerkleHash Flip(MerkleHash hash, int bit)
    {
        var bytes = hash.Span.ToArray();
        bytes[bit / 8 % MerkleHash.Size] ^= (byte)(1 << (bit % 8));
        return new MerkleHash(bytes);
    }
}
