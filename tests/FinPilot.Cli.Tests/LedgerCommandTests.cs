using System.CommandLine;
using FinPilot.Domain.Disclosure;
using FinPilot.Ledger.Checkpoints;
using FinPilot.Ledger.Merkle;
using FinPilot.Ledger.Notes;
using FinPilot.Ledger.Proofs;
using FinPilot.Ledger.Storage;
using FinPilot.Ledger.Tests.Serving;

namespace FinPilot.Cli.Tests;

/// <summary>
/// The ledger commands, which need no database. They write through the invocation's writers, not
/// the process console, so these tests capture output without touching shared state.
/// </summary>
public sealed class LedgerCommandTests : IDisposable
{
    private const string Origin = "finpilot.example/ledger";

    private readonly string _directory = Directory.CreateTempSubdirectory("finpilot-ledger-").FullName;

    [Fact]
    public async Task Keygen_writes_an_owner_only_key_file_prints_only_the_verifier_key_and_never_overwrites()
    {
        var keyFile = Path.Combine(_directory, "log.key");

        var (exit, output, error) = await RunAsync("ledger", "keygen", "--name", Origin, "--out", keyFile);

        Assert.Equal((0, ""), (exit, error));
        var vkey = output.TrimEnd('\n');
        Assert.DoesNotContain('\n', vkey);
        Assert.DoesNotContain("PRIVATE", output, StringComparison.Ordinal);
        var verifier = NoteKeys.ParseVerifierKey(vkey);
        Assert.True(verifier.IsSuccess, verifier.Error);
        Assert.Equal((Origin, SignatureType.Ed25519), (verifier.Value.Name, verifier.Value.Type));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        }

        var written = await File.ReadAllTextAsync(keyFile);
        using (var signer = NoteKeys.ParseSignerKey(written.TrimEnd('\n')).Value)
        {
            Assert.Equal(vkey, signer.VerifierKey);
        }

        var again = await RunAsync("ledger", "keygen", "--name", Origin, "--out", keyFile);
        Assert.Equal((2, ""), (again.Exit, again.Output));
        Assert.Contains("never overwritten", again.Error, StringComparison.Ordinal);
        Assert.Equal(written, await File.ReadAllTextAsync(keyFile));
    }

    [Fact]
    public async Task Keygen_makes_witness_keys_and_refuses_a_bad_name()
    {
        var (exit, output, _) = await RunAsync("ledger", "keygen", "--name", "witness.example/w1", "--out", Path.Combine(_directory, "w.key"), "--witness");
        var bad = await RunAsync("ledger", "keygen", "--name", "a+b", "--out", Path.Combine(_directory, "bad.key"));

        Assert.Equal(0, exit);
        Assert.Equal(SignatureType.Ed25519Cosignature, NoteKeys.ParseVerifierKey(output.Trim()).Value.Type);
        Assert.Equal(2, bad.Exit);
        Assert.False(File.Exists(Path.Combine(_directory, "bad.key")));
    }

    [Fact]
    public async Task Check_proof_shows_the_entry_of_a_valid_proof_and_matches_its_record()
    {
        using var log = new LogKey();
        const string Payload = """{"title":"试点公告","region":"310000","n":1}""";
        var proof = await ProveAsync(log, 5, 9, Payload);
        var record = Write("record.json", "{ \"n\": 1, \"region\": \"310000\", \"title\": \"试点公告\" }");
        var other = Write("other.json", """{"title":"试点公告","region":"310000","n":2}""");

        var (exit, output, error) = await RunAsync("ledger", "check-proof", Write("p.tlog-proof", proof.Format()), "--key", log.VerifierKey, "--record", record);
        var mismatch = await RunAsync("ledger", "check-proof", Write("p.tlog-proof", proof.Format()), "--key", log.VerifierKey, "--record", other);

        Assert.Equal((0, ""), (exit, error));
        Assert.Contains($"Included: entry 5 of the log {Origin} at tree size 9.", output, StringComparison.Ordinal);
        Assert.Contains("Kind:     Disclosure.NoticePublished", output, StringComparison.Ordinal);
        Assert.Contains("Region:   310000", output, StringComparison.Ordinal);
        Assert.Contains("Subject:  notice-5", output, StringComparison.Ordinal);
        Assert.Contains("Link:     /public/records/5", output, StringComparison.Ordinal);
        Assert.Contains("At:       2026-03-01T08:05:00.0000000+00:00", output, StringComparison.Ordinal);
        Assert.Contains("matches the logged content hash", output, StringComparison.Ordinal);
        Assert.Equal(1, mismatch.Exit);
        Assert.Contains("The record does not match", mismatch.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_proof_rejects_an_altered_entry_another_key_or_a_bad_key()
    {
        using var log = new LogKey();
        using var stranger = new LogKey();
        var proof = await ProveAsync(log, 2, 4, "{}");
        var entry = LedgerEntry.TryParse(proof.Extra)!;
        var altered = proof with { Extra = (entry with { Subject = "notice-99" }).ToBytes() };

        var tampered = await RunAsync("ledger", "check-proof", Write("a.tlog-proof", altered.Format()), "--key", log.VerifierKey);
        var wrongKey = await RunAsync("ledger", "check-proof", Write("b.tlog-proof", proof.Format()), "--key", stranger.VerifierKey);
        var wrongOrigin = await RunAsync("ledger", "check-proof", Write("c.tlog-proof", proof.Format()), "--key", log.VerifierKey, "--origin", "other.example/log");
        var notAKey = await RunAsync("ledger", "check-proof", Write("d.tlog-proof", proof.Format()), "--key", "nonsense");

        Assert.Equal((1, 1, 1, 2), (tampered.Exit, wrongKey.Exit, wrongOrigin.Exit, notAKey.Exit));
        Assert.Contains("Inclusion proof for index 2 does not match the checkpoint", tampered.Error, StringComparison.Ordinal);
        Assert.Equal("", tampered.Output);
        Assert.StartsWith("Proof check failed: ", wrongKey.Error, StringComparison.Ordinal);
        Assert.Contains("expected 'other.example/log'", wrongOrigin.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_proof_with_a_file_finds_its_sha256_in_the_proven_record()
    {
        using var log = new LogKey();
        var pdf = Write("casebook.pdf", "%PDF-1.7 案例集");
        var other = Write("forged.pdf", "%PDF-1.7 伪造");
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(pdf)));
        var payload = $$"""{"docx":{"sha256":"00"},"pdf":{"sha256":"{{sha}}"},"titleZh":"案例集"}""";
        var proof = Write("c.tlog-proof", (await ProveAsync(log, 3, 5, payload)).Format());
        var record = Write("record.json", payload);

        var good = await RunAsync("ledger", "check-proof", proof, "--key", log.VerifierKey, "--record", record, "--file", pdf);
        var forged = await RunAsync("ledger", "check-proof", proof, "--key", log.VerifierKey, "--record", record, "--file", other);
        var noRecord = await RunAsync("ledger", "check-proof", proof, "--key", log.VerifierKey, "--file", pdf);

        Assert.Equal((0, ""), (good.Exit, good.Error));
        Assert.Contains($"(sha256 {sha}) is named in the proven record", good.Output, StringComparison.Ordinal);
        Assert.Equal(1, forged.Exit);
        Assert.Contains("is not the file that was published", forged.Error, StringComparison.Ordinal);
        Assert.Equal(2, noRecord.Exit);
        Assert.Contains("--record", noRecord.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_proof_takes_the_entry_from_a_file_when_the_proof_has_no_extra_line()
    {
        using var log = new LogKey();
        var proof = await ProveAsync(log, 0, 1, "{}");
        var bare = Write("bare.tlog-proof", (proof with { Extra = null }).Format());
        var keyFile = Write("log.vkey", log.VerifierKey + "\n");

        var withoutEntry = await RunAsync("ledger", "check-proof", bare, "--key", keyFile);
        var withEntry = await RunAsync("ledger", "check-proof", bare, "--key", keyFile, "--entry", Write("entry.json", proof.Extra!));

        Assert.Equal((2, 0), (withoutEntry.Exit, withEntry.Exit));
        Assert.Contains("--entry", withoutEntry.Error, StringComparison.Ordinal);
        Assert.Contains("Included: entry 0", withEntry.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_checks_the_served_log_then_its_growth_since_the_saved_checkpoint()
    {
        using var log = new LogKey();
        var entries = Enumerable.Range(0, 1000).Select(i => Entry(i, "{}").ToBytes()).ToArray();
        await using var server = TiledLogServer.Start(await ServedLog.CreateAsync(entries[..300], log.Signer, CancellationToken.None));
        var saved = Path.Combine(_directory, "trusted.checkpoint");

        var full = await RunAsync("ledger", "verify", "--url", server.Prefix.AbsoluteUri, "--key", log.VerifierKey, "--save", saved);
        server.Log = await ServedLog.CreateAsync(entries, log.Signer, CancellationToken.None);
        var since = await RunAsync("ledger", "verify", "--url", server.Prefix.AbsoluteUri.TrimEnd('/'), "--key", log.VerifierKey, "--since", saved, "--save", saved);

        Assert.Equal((0, ""), (full.Exit, full.Error));
        Assert.Contains("Size:     300\n", full.Output, StringComparison.Ordinal);
        Assert.Contains("Verified: 300 entries checked", full.Output, StringComparison.Ordinal);
        Assert.Equal((0, ""), (since.Exit, since.Error));
        Assert.Contains("Verified: consistent from size 300 to 1000", since.Output, StringComparison.Ordinal);
        Assert.Contains($"Root:     {server.Log.Checkpoint.RootHash}", since.Output, StringComparison.Ordinal);
        Assert.Matches("Fetched:  [0-9]+ bytes", since.Output);
        Assert.Equal(server.Log.CheckpointNote, await File.ReadAllTextAsync(saved));
    }

    [Fact]
    public async Task Verify_fails_on_a_fork_or_an_altered_entry_and_reports_an_unreadable_log_as_a_usage_error()
    {
        using var log = new LogKey();
        var entries = Enumerable.Range(0, 600).Select(i => Entry(i, "{}").ToBytes()).ToArray();
        var earlier = await ServedLog.CreateAsync(entries[..400], log.Signer, CancellationToken.None);
        var trusted = Write("trusted.checkpoint", earlier.CheckpointNote);
        var forked = entries.ToArray();
        forked[10] = Entry(10, """{"rewritten":true}""").ToBytes();
        var served = await ServedLog.CreateAsync(forked, log.Signer, CancellationToken.None);
        served.AlteredEntries[450] = Entry(450, """{"altered":true}""").ToBytes();
        await using var server = TiledLogServer.Start(served);
        var url = server.Prefix.AbsoluteUri;

        var fork = await RunAsync("ledger", "verify", "--url", url, "--key", log.VerifierKey, "--since", trusted);
        var alteredEntry = await RunAsync("ledger", "verify", "--url", url, "--key", log.VerifierKey);
        var missing = await RunAsync("ledger", "verify", "--url", new Uri(server.Prefix, "../nothing/").AbsoluteUri, "--key", log.VerifierKey);
        var noUrl = await RunAsync("ledger", "verify", "--key", log.VerifierKey);

        Assert.Equal((1, 1, 2, 2), (fork.Exit, alteredEntry.Exit, missing.Exit, noUrl.Exit));
        Assert.Contains("does not extend the trusted one of size 400", fork.Error, StringComparison.Ordinal);
        Assert.StartsWith("Verification failed: Entry 450 in tile/entries/001 hashes to", alteredEntry.Error, StringComparison.Ordinal);
        Assert.Contains("404", missing.Error, StringComparison.Ordinal);
        Assert.Contains("--url", noUrl.Error, StringComparison.Ordinal);
        Assert.Equal("", fork.Output + alteredEntry.Output);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static LedgerEntry Entry(long record, string payload) => new(
        record, "Disclosure.NoticePublished", "310000", $"notice-{record}", Guid.Parse("6f1c2a4e-0000-4000-8000-000000000001"),
        new DateTimeOffset(2026, 3, 1, 8, (int)(record % 60), 0, TimeSpan.Zero), LedgerEntry.ContentHashOf(payload), $"/public/records/{record}");

    /// <summary>A downloadable proof as the platform makes one: entry <paramref name="index"/> of a
    /// log of <paramref name="size"/> ledger entries, the entry's bytes on the extra line.</summary>
    private static async Task<TlogProof> ProveAsync(LogKey log, long index, int size, string payload)
    {
        var entries = Enumerable.Range(0, size).Select(i => Entry(i, i == index ? payload : "{}").ToBytes()).ToArray();
        var tree = new LogTree(new InMemoryHashStore());
        await tree.AppendAsync(entries.Select(e => MerkleHash.Leaf(e)).ToArray());
        var note = new Checkpoint(Origin, size, await tree.RootAsync(size)).Sign(log.Signer).Format();
        return new TlogProof(index, await tree.InclusionProofAsync(index, size), note, entries[index]);
    }

    private string Write(string name, string text) => Write(name, System.Text.Encoding.UTF8.GetBytes(text));

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var exit = await CliApp.InvokeAsync(args, new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>A log key pair fresh from <see cref="NoteKeys.Generate"/>.</summary>
    private sealed class LogKey : IDisposable
    {
        public LogKey()
        {
            (var signerKey, VerifierKey) = NoteKeys.Generate(Origin);
            Signer = NoteKeys.ParseSignerKey(signerKey).Value;
        }

        public string VerifierKey { get; }

        public Ed25519NoteSigner Signer { get; }

        public void Dispose() => Signer.Dispose();
    }
}
