using FinPilot.Ledger.Merkle;
using FinPilot.Ledger.Storage;

namespace FinPilot.Ledger.Tests;

/// <summary>
/// The Certificate Transparency reference vectors (CT's merkle_tree_test, reused as
/// transparency-dev/merkle testonly/constants.go and proof/verify_test.go).
/// </summary>
public sealed class MerkleVectorTests
{
    private static readonly byte[][] Inputs =
    [
        [], [0x00], [0x10], [0x20, 0x21], [0x30, 0x31], [0x40, 0x41, 0x42, 0x43],
        Convert.FromHexString("5051525354555657"), Convert.FromHexString("606162636465666768696a6b6c6d6e6f"),
    ];

    private static readonly string[] Roots =
    [
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ];

    // (leaf index, tree size, proof). The published vectors number leaves from 1; these are 0-based.
    public static TheoryData<long, long, string[]> InclusionVectors => new()
    {
        { 0, 1, [] },
        { 0, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7", "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"] },
        { 5, 8, ["bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b", "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0", "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"] },
        { 2, 3, ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"] },
        { 1, 5, ["6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d", "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"] },
    };

    public static TheoryData<long, long, string[]> ConsistencyVectors => new()
    {
        { 1, 1, [] },
        { 1, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7", "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"] },
        { 6, 8, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a", "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0", "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"] },
        { 2, 5, ["5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"] },
    };

    [Fact]
    public void Leaf_and_node_hashes_use_the_domain_separation_prefixes()
    {
        // Published in transparency-dev/merkle rfc6962_test.go.
        Assert.Equal("395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56", MerkleHash.Leaf("L123456"u8).ToHex());
        var node = MerkleHash.Node(new MerkleHash(Pad("N123")), new MerkleHash(Pad("N456")));
        Assert.NotEqual(MerkleHash.Leaf(Pad("N123")), node);
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", MerkleHash.EmptyTree.ToHex());
    }

    [Fact]
    public async Task Roots_of_every_prefix_match_the_published_vectors()
    {
        var tree = new LogTree(new InMemoryHashStore());
        Assert.Equal(Roots[0], (await tree.RootAsync(0, TestContext.Current.CancellationToken)).ToHex());
        foreach (var input in Inputs)
        {
            await tree.AppendAsync(new[] { MerkleHash.Leaf(input) }, TestContext.Current.CancellationToken);
        }

        for (var size = 0; size <= Inputs.Length; size++)
        {
            Assert.Equal(Roots[size], (await tree.RootAsync(size, TestContext.Current.CancellationToken)).ToHex());
        }
    }

    [Theory]
    [MemberData(nameof(InclusionVectors))]
    public async Task Inclusion_proofs_match_and_verify(long index, long size, string[] expected)
    {
        var tree = await Build();
        var proof = await tree.InclusionProofAsync(index, size, TestContext.Current.CancellationToken);
        Assert.Equal(expected, proof.Select(h => h.ToHex()));
        var hashes = expected.Select(MerkleHash.FromHex).ToArray();
        Assert.True(ProofVerifier.VerifyInclusion(index, size, MerkleHash.Leaf(Inputs[index]), hashes, MerkleHash.FromHex(Roots[size])));
    }

    [Theory]
    [MemberData(nameof(ConsistencyVectors))]
    public async Task Consistency_proofs_match_and_verify(long oldSize, long newSize, string[] expected)
    {
        var tree = await Build();
        var proof = await tree.ConsistencyProofAsync(oldSize, newSize, TestContext.Current.CancellationToken);
        Assert.Equal(expected, proof.Select(h => h.ToHex()));
        var hashes = expected.Select(MerkleHash.FromHex).ToArray();
        Assert.True(ProofVerifier.VerifyConsistency(
            oldSize, newSize, MerkleHash.FromHex(Roots[oldSize]), MerkleHash.FromHex(Roots[newSize]), hashes));
    }

    [Fact]
    public void Degenerate_proof_requests_are_rejected()
    {
        var leaf = MerkleHash.Leaf([]);
        Assert.False(ProofVerifier.VerifyInclusion(0, 0, leaf, [], MerkleHash.EmptyTree));
        Assert.False(ProofVerifier.VerifyInclusion(-1, 1, leaf, [], leaf));
        Assert.False(ProofVerifier.VerifyConsistency(0, 1, MerkleHash.EmptyTree, leaf, []));
        Assert.False(ProofVerifier.VerifyConsistency(2, 1, leaf, leaf, []));
        Assert.True(ProofVerifier.VerifyConsistency(1, 1, leaf, leaf, []));
        Assert.False(ProofVerifier.VerifyConsistency(1, 1, leaf, leaf, [leaf]));
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleProofs.Inclusion(1, 1, _ => leaf));
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleProofs.Consistency(0, 1, _ => leaf));
    }

    private static async Task<LogTree> Build()
    {
        var tree = new LogTree(new InMemoryHashStore());
        await tree.AppendAsync(TestTrees.LeafHashes(Inputs), TestContext.Current.CancellationToken);
        return tree;
    }

    private static byte[] Pad(string text)
    {
        var bytes = new byte[MerkleHash.Size];
        System.Text.Encoding.ASCII.GetBytes(text).CopyTo(bytes, 0);
        return bytes;
    }
}
