using System.Globalization;
using System.Text;
using FinPilot.Ledger.Checkpoints;
using FinPilot.Ledger.Merkle;
using FinPilot.Ledger.Notes;
using FinPilot.Ledger.Proofs;
using FinPilot.Ledger.Storage;
using FinPilot.Ledger.Tiles;

namespace FinPilot.Ledger.Tests.Interop;

/// <summary>
/// Cross-checks with Go's golang.org/x/mod/sumdb/{note,tlog}: Go verifies what we produce, and
/// we verify what Go produces. Needs Debian packages golang-go and golang-golang-x-mod-dev.
/// </summary>
public sealed class GoInteropTests
{
    private const string Origin = "finpilot.example/interop";
    private const int Size = 500;
    private const int OldSize = 200;
    private const int Index = 123;

    [Fact]
    public async Task Go_verifies_our_notes_proofs_and_tiles()
    {
        var go = GoToolchain.BuildOrStop();
        var dir = await WriteOurLogAsync();

        var (code, output) = go.Run("verify", dir);
        Assert.True(code == 0, output);
        Assert.Contains("OK inclusion", output, StringComparison.Ordinal);
        Assert.Contains("OK consistency", output, StringComparison.Ordinal);
        Assert.Contains("OK tiles", output, StringComparison.Ordinal);

        // The same run must fail once we lie: a different entry is not in the log.
        await File.WriteAllTextAsync(Path.Combine(dir, "entry"), "entry 124", TestContext.Current.CancellationToken);
        var (badCode, badOutput) = go.Run("verify", dir);
        Assert.NotEqual(0, badCode);
        Assert.Contains("tlog.CheckRecord", badOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task We_verify_Go_notes_proofs_and_tiles()
    {
        var go = GoToolchain.BuildOrStop();
        var dir = Directory.CreateTempSubdirectory("finpilot-go-log-").FullName;
        var (code, output) = go.Run("generate", dir);
        Assert.True(code == 0, output);

        string Read(string name) => File.ReadAllText(Path.Combine(dir, name));
        var parameters = Read("params").Split(' ', StringSplitOptions.TrimEntries).Select(long.Parse).ToArray();
        var (size, oldSize, index) = (parameters[0], parameters[1], parameters[2]);
        var trusted = new NoteVerifierSet(NoteKeys.ParseVerifierKey(Read("vkey").Trim()).Value);

        var checkpoint = Checkpoint.Open(Read("checkpoint"), "go.example/log", trusted);
        Assert.True(checkpoint.IsSuccess, checkpoint.Error);
        var old = Checkpoint.Open(Read("old-checkpoint"), "go.example/log", trusted);
        Assert.True(old.IsSuccess, old.Error);
        var root = checkpoint.Value.Checkpoint.RootHash;
        Assert.Equal(size, checkpoint.Value.Checkpoint.Size);

        var inclusion = Hashes(Read("inclusion"));
        var leaf = MerkleHash.Leaf(Encoding.UTF8.GetBytes($"entry {index}"));
        Assert.True(ProofVerifier.VerifyInclusion(index, size, leaf, inclusion, root));
        Assert.False(ProofVerifier.VerifyInclusion(index, size, MerkleHash.Leaf("entry 0"u8), inclusion, root));
        Assert.True(ProofVerifier.VerifyConsistency(oldSize, size, old.Value.Checkpoint.RootHash, root, Hashes(Read("consistency"))));

        // Go wrote the tiles; our tile-only client rebuilds the same root and proofs from them.
        var client = new TiledLogReader(async (path, ct) => await File.ReadAllBytesAsync(Path.Combine(dir, path), ct));
        Assert.Equal(root, (await client.RootAsync(size, TestContext.Current.CancellationToken)).Value);
        Assert.Equal(inclusion, (await client.InclusionProofAsync(index, size, TestContext.Current.CancellationToken)).Value);
        Assert.True(await client.VerifyConsistencyAsync(oldSize, old.Value.Checkpoint.RootHash, size, root, TestContext.Current.CancellationToken));
    }

    private static async Task<string> WriteOurLogAsync()
    {
        var cancel = TestContext.Current.CancellationToken;
        var dir = Directory.CreateTempSubdirectory("finpilot-our-log-").FullName;
        var entries = Enumerable.Range(0, Size).Select(i => Encoding.UTF8.GetBytes($"entry {i}")).ToArray();
        var tree = new LogTree(new InMemoryHashStore());
        await tree.AppendAsync(TestTrees.LeafHashes(entries), cancel);

        var (skey, vkey) = NoteKeys.Generate(Origin);
        using var signer = NoteKeys.ParseSignerKey(skey).Value;
        var root = await tree.RootAsync(Size, cancel);
        var note = new Checkpoint(Origin, Size, root).Sign(signer).Format();
        var oldNote = new Checkpoint(Origin, OldSize, await tree.RootAsync(OldSize, cancel)).Sign(signer).Format();
        var proof = new TlogProof(Index, await tree.InclusionProofAsync(Index, Size, cancel), note, [42]);

        await File.WriteAllTextAsync(Path.Combine(dir, "vkey"), vkey + "\n", cancel);
        await File.WriteAllTextAsync(Path.Combine(dir, "entry"), $"entry {Index}", cancel);
        await File.WriteAllTextAsync(Path.Combine(dir, "entry.tlog-proof"), proof.Format(), cancel);
        await File.WriteAllTextAsync(Path.Combine(dir, "old-checkpoint"), oldNote, cancel);
        var consistency = await tree.ConsistencyProofAsync(OldSize, Size, cancel);
        await File.WriteAllTextAsync(Path.Combine(dir, "consistency"), string.Concat(consistency.Select(h => h.ToBase64() + "\n")), cancel);
        foreach (var tile in Tile.ForGrowth(0, Size))
        {
            var path = Path.Combine(dir, tile.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, await tree.ReadTileAsync(tile, cancel), cancel);
        }

        return dir;
    }

    private static MerkleHash[] Hashes(string lines) =>
        [.. lines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(MerkleHash.FromBase64)];
}
