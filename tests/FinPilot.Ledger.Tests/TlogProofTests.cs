using FinPilot.Ledger.Checkpoints;
using FinPilot.Ledger.Merkle;
using FinPilot.Ledger.Notes;
using FinPilot.Ledger.Proofs;
using FinPilot.Ledger.Storage;

namespace FinPilot.Ledger.Tests;

public sealed class TlogProofTests
{
    private const string Origin = "finpilot.example/ledger";

    [Fact]
    public async Task Proofs_round_trip_through_text_and_verify()
    {
        var (proof, entries, trusted) = await MakeProofAsync(73, 109);
        var text = proof.Format();
        Assert.StartsWith("c2sp.org/tlog-proof@v1\nextra AQID\nindex 73\n", text, StringComparison.Ordinal);
        var parsed = TlogProof.Parse(text);
        Assert.True(parsed.IsSuccess, parsed.Error);
        Assert.Equal(text, parsed.Value.Format());
        var verified = parsed.Value.Verify(entries[73], Origin, trusted);
        Assert.True(verified.IsSuccess, verified.Error);
        Assert.Equal(109, verified.Value.Checkpoint.Size);

        Assert.False(parsed.Value.Verify(entries[72], Origin, trusted).IsSuccess);
        Assert.False((parsed.Value with { Index = 72 }).Verify(entries[73], Origin, trusted).IsSuccess);
        Assert.False(parsed.Value.Verify(entries[73], "other.example/log", trusted).IsSuccess);
        Assert.False(parsed.Value.Verify(entries[73], Origin, new NoteVerifierSet()).IsSuccess);
    }

    [Fact]
    public async Task Altered_proof_text_fails_to_parse_or_verify()
    {
        var (proof, entries, trusted) = await MakeProofAsync(0, 1);
        var text = proof.Format();
        Assert.True(TlogProof.Parse(text).Value.Verify(entries[0], Origin, trusted).IsSuccess);
        string[] altered =
        [
            text.Replace("c2sp.org/tlog-proof@v1", "c2sp.org/tlog-proof@v2", StringComparison.Ordinal),
            text.Replace("index 0", "index 00", StringComparison.Ordinal),
            text.Replace("index 0", "index -1", StringComparison.Ordinal),
            text.Replace("index 0\n", "index 0\nnot-base64\n", StringComparison.Ordinal),
            text.Replace("index 0\n\n", "index 0\n", StringComparison.Ordinal),
        ];
        foreach (var bad in altered)
        {
            var parsed = TlogProof.Parse(bad);
            Assert.False(parsed.IsSuccess && parsed.Value.Verify(entries[0], Origin, trusted).IsSuccess, bad);
        }
    }

    [Fact]
    public async Task Proofs_without_extra_data_omit_the_line()
    {
        var (proof, _, _) = await MakeProofAsync(3, 4);
        var text = (proof with { Extra = null }).Format();
        Assert.StartsWith("c2sp.org/tlog-proof@v1\nindex 3\n", text, StringComparison.Ordinal);
        Assert.Null(TlogProof.Parse(text).Value.Extra);
    }

    private static async Task<(TlogProof Proof, byte[][] Entries, NoteVerifierSet Trusted)> MakeProofAsync(long index, int size)
    {
        var entries = TestTrees.Entries(size, size);
        var tree = new LogTree(new InMemoryHashStore());
        await tree.AppendAsync(TestTrees.LeafHashes(entries), TestContext.Current.CancellationToken);
        using var log = new Ed25519NoteSigner(Origin, CheckpointTests.Seed(9));
        var root = await tree.RootAsync(size, TestContext.Current.CancellationToken);
        var note = new Checkpoint(Origin, size, root).Sign(log).Format();
        var path = await tree.InclusionProofAsync(index, size, TestContext.Current.CancellationToken);
        var trusted = new NoteVerifierSet(NoteKeys.ParseVerifierKey(log.VerifierKey).Value);
        return (new TlogProof(index, path, note, [1, 2, 3]), entries, trusted);
    }
}
