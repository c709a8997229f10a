using FinPilot.Ledger.Merkle;
using FinPilot.Ledger.Storage;

namespace FinPilot.Ledger.Tests;

public sealed class StoredHashIndexTests
{
    [Fact]
    public void Indexes_follow_append_order_and_split_back()
    {
        // Replay appends: each leaf's hash, then every subtree it completes, in order.
        var expected = new List<SubtreeId>();
        for (long leaf = 0; leaf < 5000; leaf++)
        {
            expected.Add(new SubtreeId(0, leaf));
            for (var level = 1; ((leaf + 1) & ((1L << level) - 1)) == 0; level++)
            {
                expected.Add(new SubtreeId(level, ((leaf + 1) >> level) - 1));
            }

            Assert.Equal(expected.Count, StoredHashIndex.Count(leaf + 1));
        }

        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(i, StoredHashIndex.Of(expected[i]));
            Assert.Equal(expected[i], StoredHashIndex.Split(i));
        }
    }

    [Fact]
    public void Large_indexes_round_trip()
    {
        var random = new Random(5);
        for (var i = 0; i < 1000; i++)
        {
            var level = random.Next(0, 30);
            var index = random.NextInt64(0, 1L << 32);
            var stored = StoredHashIndex.Of(level, index);
            Assert.Equal(new SubtreeId(level, index), StoredHashIndex.Split(stored));
        }
    }

    [Fact]
    public async Task Appends_cost_about_two_hashes_per_leaf_and_batches_agree()
    {
        var leaves = TestTrees.LeafHashes(TestTrees.Entries(1000, 9));
        var oneByOne = new LogTree(new InMemoryHashStore());
        foreach (var leaf in leaves)
        {
            await oneByOne.AppendAsync(new[] { leaf }, TestContext.Current.CancellationToken);
        }

        var batched = await TestTrees.BuildAsync(leaves, 9, TestContext.Current.CancellationToken);
        Assert.Equal(await oneByOne.RootAsync(1000, TestContext.Current.CancellationToken), await batched.RootAsync(1000, TestContext.Current.CancellationToken));
        // 2n − popcount(n) stored hashes: n leaf hashes plus n − popcount(n) node hashes.
        Assert.Equal(1994, StoredHashIndex.Count(1000));
    }

    [Fact]
    public async Task A_stale_writer_is_rejected_without_writing()
    {
        var store = new InMemoryHashStore();
        var tree = new LogTree(store);
        await tree.AppendAsync(new[] { MerkleHash.Leaf([1]) }, TestContext.Current.CancellationToken);
        var stale = StoredHashIndex.Count(1) - StoredHashIndex.Count(0);
        var error = await Assert.ThrowsAsync<ConcurrentAppendException>(async () =>
            await store.AppendStoredHashesAsync(0, 1, new MerkleHash[stale], TestContext.Current.CancellationToken));
        Assert.Equal(1, error.ActualTreeSize);
        Assert.Equal(1, store.TreeSize);
    }
}
