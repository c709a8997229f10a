using FinPilot.Ledger.Merkle;
using FinPilot.Ledger.Storage;

namespace FinPilot.Ledger.Tests.Client;

public sealed class TreeFrontierTests
{
    [Fact]
    public async Task Roots_and_completed_subtrees_match_the_stored_tree_at_every_size()
    {
        var leaves = TestTrees.LeafHashes(TestTrees.Entries(600, 11));
        var tree = await TestTrees.BuildAsync(leaves, 11, TestContext.Current.CancellationToken);
        var completed = new List<(SubtreeId Id, MerkleHash Hash)>();
        var frontier = new TreeFrontier((id, hash) => completed.Add((id, hash)));
        Assert.Equal(MerkleHash.EmptyTree, frontier.Root());

        foreach (var leaf in leaves)
        {
            frontier.Append(leaf);
            Assert.Equal(await tree.RootAsync(frontier.Size, TestContext.Current.CancellationToken), frontier.Root());
        }

        // Every interior complete subtree is reported once, with the hash the store keeps for it.
        Assert.Equal(600 - 4, completed.Count);
        var store = (InMemoryHashStore)tree.Store;
        var stored = new MerkleHash[1];
        foreach (var (id, hash) in completed)
        {
            store.ReadStoredHashes([StoredHashIndex.Of(id)], stored);
            Assert.Equal(stored[0], hash);
        }
    }
}
