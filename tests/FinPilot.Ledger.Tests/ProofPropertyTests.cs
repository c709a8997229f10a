using FinPilot.Ledger.Merkle;

namespace FinPilot.Ledger.Tests;

/// <summary>
/// Seeded random trees: every honest proof verifies and every altered one fails, and the
/// store-backed roots equal a naive RFC 6962 reference.
/// </summary>
public sealed class ProofPropertyTests
{
    [Theory]
    [InlineData(1, 64, 11)]
    [InlineData(65, 160, 12)]
    [InlineData(161, 300, 13)]
    public async Task Every_inclusion_proof_verifies_and_every_alteration_fails(int fromSize, int toSize, int seed)
    {
        var leaves = TestTrees.LeafHashes(TestTrees.Entries(toSize, seed));
        var tree = await TestTrees.BuildAsync(leaves, seed, TestContext.Current.CancellationToken);
        var random = new Random(seed);
        var checkedProofs = 0;
        for (var size = fromSize; size <= toSize; size++)
        {
            var root = await tree.RootAsync(size, TestContext.Current.CancellationToken);
            Assert.Equal(TestTrees.ReferenceRoot(leaves.AsSpan(0, size)), root);
            for (var index = 0; index < size; index++)
            {
                var proof = await tree.InclusionProofAsync(index, size, TestContext.Current.CancellationToken);
                Assert.True(ProofVerifier.VerifyInclusion(index, size, leaves[index], proof, root), $"honest {index}/{size}");
                foreach (var (name, ok) in InclusionAlterations(index, size, leaves[index], proof, root, random))
                {
                    Assert.False(ok, $"{name} accepted for leaf {index} of {size}");
                }

                checkedProofs++;
            }
        }

        Assert.Equal((toSize * (toSize + 1) / 2) - ((fromSize - 1) * fromSize / 2), checkedProofs);
    }

    [Theory]
    [InlineData(1, 100, 21)]
    [InlineData(101, 300, 22)]
    public async Task Every_consistency_proof_verifies_and_every_alteration_fails(int fromSize, int toSize, int seed)
    {
        var leaves = TestTrees.LeafHashes(TestTrees.Entries(toSize, seed));
        var tree = await TestTrees.BuildAsync(leaves, seed, TestContext.Current.CancellationToken);
        var roots = new MerkleHash[toSize + 1];
        for (var size = 1; size <= toSize; size++)
        {
            roots[size] = await tree.RootAsync(size, TestContext.Current.CancellationToken);
        }

        var random = new Random(seed);
        for (var newSize = fromSize; newSize <= toSize; newSize++)
        {
            // All old sizes for small trees; a seeded sample plus the edges for larger ones.
            var oldSizes = newSize <= 100
                ? Enumerable.Range(1, newSize)
                : new[] { 1, newSize - 1, newSize, newSize / 2 }.Concat(Enumerable.Range(0, 12).Select(_ => random.Next(1, newSize + 1)));
            foreach (var oldSize in oldSizes.Distinct())
            {
                var proof = await tree.ConsistencyProofAsync(oldSize, newSize, TestContext.Current.CancellationToken);
                Assert.True(ProofVerifier.VerifyConsistency(oldSize, newSize, roots[oldSize], roots[newSize], proof), $"honest {oldSize}->{newSize}");
                foreach (var (name, ok) in ConsistencyAlterations(oldSize, newSize, proof, roots, random))
                {
                    Assert.False(ok, $"{name} accepted for {oldSize} -> {newSize}");
                }
            }
        }
    }

    [Theory]
    [InlineData(1_000, 31)]
    [InlineData(4_097, 32)]
    [InlineData(70_000, 33)]
    public async Task Larger_trees_give_verifying_proofs_at_random_points(int size, int seed)
    {
        var leaves = Enumerable.Range(0, size).Select(i => MerkleHash.Leaf(BitConverter.GetBytes(i))).ToArray();
        var tree = new Storage.LogTree(new Storage.InMemoryHashStore());
        await tree.AppendAsync(leaves, TestContext.Current.CancellationToken);
        var root = await tree.RootAsync(size, TestContext.Current.CancellationToken);
        Assert.Equal(TestTrees.ReferenceRoot(leaves), root);

        var random = new Random(seed);
        for (var i = 0; i < 50; i++)
        {
            var index = random.Next(size);
            var proof = await tree.InclusionProofAsync(index, size, TestContext.Current.CancellationToken);
            Assert.True(ProofVerifier.VerifyInclusion(index, size, leaves[index], proof, root));
            Assert.False(ProofVerifier.VerifyInclusion(index, size, leaves[(index + 1) % size], proof, root));

            var oldSize = random.Next(1, size + 1);
            var oldRoot = TestTrees.ReferenceRoot(leaves.AsSpan(0, oldSize));
            var consistency = await tree.ConsistencyProofAsync(oldSize, size, TestContext.Current.CancellationToken);
            Assert.True(ProofVerifier.VerifyConsistency(oldSize, size, oldRoot, root, consistency));
            Assert.False(ProofVerifier.VerifyConsistency(oldSize, size, TestTrees.Flip(oldRoot, i), root, consistency));
        }
    }

    private static IEnumerable<(string Name, bool Accepted)> InclusionAlterations(
        long index, long size, MerkleHash leaf, MerkleHash[] proof, MerkleHash root, Random random)
    {
        for (var i = 0; i < proof.Length; i++)
        {
            var flipped = (MerkleHash[])proof.Clone();
            flipped[i] = TestTrees.Flip(flipped[i], random.Next(256));
            yield return ($"bit flip in hash {i}", ProofVerifier.VerifyInclusion(index, size, leaf, flipped, root));
        }

        yield return ("flipped leaf", ProofVerifier.VerifyInclusion(index, size, TestTrees.Flip(leaf, random.Next(256)), proof, root));
        yield return ("flipped root", ProofVerifier.VerifyInclusion(index, size, leaf, proof, TestTrees.Flip(root, random.Next(256))));
        yield return ("index + 1", ProofVerifier.VerifyInclusion(index + 1, size, leaf, proof, root));
        yield return ("index - 1", ProofVerifier.VerifyInclusion(index - 1, size, leaf, proof, root));
        yield return ("index + size", ProofVerifier.VerifyInclusion(index + size, size, leaf, proof, root));
        yield return ("size doubled", ProofVerifier.VerifyInclusion(index, size * 2, leaf, proof, root));
        yield return ("size halved", ProofVerifier.VerifyInclusion(index, size / 2, leaf, proof, root));
        yield return ("extended", ProofVerifier.VerifyInclusion(index, size, leaf, [.. proof, leaf], root));
        yield return ("extended at front", ProofVerifier.VerifyInclusion(index, size, leaf, [leaf, .. proof], root));
        if (proof.Length > 0)
        {
            yield return ("truncated", ProofVerifier.VerifyInclusion(index, size, leaf, proof.AsSpan(0, proof.Length - 1), root));
            yield return ("first dropped", ProofVerifier.VerifyInclusion(index, size, leaf, proof.AsSpan(1), root));
        }

        if (proof.Length > 1)
        {
            var swapped = (MerkleHash[])proof.Clone();
            (swapped[0], swapped[1]) = (swapped[1], swapped[0]);
            yield return ("swapped", ProofVerifier.VerifyInclusion(index, size, leaf, swapped, root));
        }
    }

    private static IEnumerable<(string Name, bool Accepted)> ConsistencyAlterations(
        int oldSize, int newSize, MerkleHash[] proof, MerkleHash[] roots, Random random)
    {
        for (var i = 0; i < proof.Length; i++)
        {
            var flipped = (MerkleHash[])proof.Clone();
            flipped[i] = TestTrees.Flip(flipped[i], random.Next(256));
            yield return ($"bit flip in hash {i}", ProofVerifier.VerifyConsistency(oldSize, newSize, roots[oldSize], roots[newSize], flipped));
        }

        yield return ("flipped old root", ProofVerifier.VerifyConsistency(oldSize, newSize, TestTrees.Flip(roots[oldSize], 3), roots[newSize], proof));
        yield return ("flipped new root", ProofVerifier.VerifyConsistency(oldSize, newSize, roots[oldSize], TestTrees.Flip(roots[newSize], 5), proof));
        if (oldSize > 1)
        {
            yield return ("old size - 1", ProofVerifier.VerifyConsistency(oldSize - 1, newSize, roots[oldSize - 1], roots[newSize], proof));
        }

        if (oldSize < newSize)
        {
            yield return ("old size + 1", ProofVerifier.VerifyConsistency(oldSize + 1, newSize, roots[oldSize + 1], roots[newSize], proof));
            yield return ("new size - 1", ProofVerifier.VerifyConsistency(oldSize, newSize - 1, roots[oldSize], roots[newSize - 1], proof));
        }

        if (newSize + 1 < roots.Length)
        {
            yield return ("new size + 1", ProofVerifier.VerifyConsistency(oldSize, newSize + 1, roots[oldSize], roots[newSize + 1], proof));
        }

        yield return ("extended", ProofVerifier.VerifyConsistency(oldSize, newSize, roots[oldSize], roots[newSize], [.. proof, roots[oldSize]]));
        if (proof.Length > 0)
        {
            yield return ("truncated", ProofVerifier.VerifyConsistency(oldSize, newSize, roots[oldSize], roots[newSize], proof.AsSpan(0, proof.Length - 1)));
            yield return ("first dropped", ProofVerifier.VerifyConsistency(oldSize, newSize, roots[oldSize], roots[newSize], proof.AsSpan(1)));
        }
    }
}
