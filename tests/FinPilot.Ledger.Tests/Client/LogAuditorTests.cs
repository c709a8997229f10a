using System.Net;
using FinPilot.Ledger.Client;
using FinPilot.Ledger.Merkle;
using FinPilot.Ledger.Notes;
using FinPilot.Ledger.Tests.Serving;

namespace FinPilot.Ledger.Tests.Client;

/// <summary>The auditor against a real HTTP server serving an in-memory log.</summary>
public sealed class LogAuditorTests
{
    private const string Origin = "finpilot.example/ledger";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(257)]
    [InlineData(1000)]
    [InlineData(70_000)]
    public async Task An_honest_log_verifies_in_full(int size)
    {
        using var key = new LogKey();
        var log = await ServedLog.CreateAsync(TestTrees.Entries(size, size), key.Signer, Token);
        await using var server = TiledLogServer.Start(log);
        using var http = new HttpClient();

        var audit = await key.AuditorFor(http, server).VerifyAllAsync(Token);

        Assert.True(audit.IsSuccess, audit.Error);
        Assert.Equal(size, audit.Value.TreeSize);
        Assert.Equal(size, audit.Value.EntriesChecked);
        Assert.Equal(TestTrees.ReferenceRoot(TestTrees.LeafHashes(log.Entries)), audit.Value.RootHash);
        Assert.Equal(log.CheckpointNote, audit.Value.CheckpointNote);
        Assert.Null(audit.Value.ConsistentFromSize);
        Assert.Equal(server.BytesServed, audit.Value.BytesFetched);
        // Every bundle and every tile of the tree was fetched, and nothing else.
        var expected = Tiles.Tile.ForGrowth(0, size).SelectMany(t => t.Level == 0 ? [t.Path, t.EntriesPath] : new[] { t.Path });
        Assert.Equal(["checkpoint", .. expected.Order(StringComparer.Ordinal)], server.Requests.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_served_entry_that_differs_from_the_logged_one_is_found()
    {
        using var key = new LogKey();
        var log = await ServedLog.CreateAsync(TestTrees.Entries(1000, 3), key.Signer, Token);
        log.AlteredEntries[800] = [.. log.Entries[800], 0x20];
        await using var server = TiledLogServer.Start(log);
        using var http = new HttpClient();

        var audit = await key.AuditorFor(http, server).VerifyAllAsync(Token);

        Assert.False(audit.IsSuccess);
        Assert.StartsWith("Entry 800 in tile/entries/003.p/232 hashes to ", audit.Error, StringComparison.Ordinal);
        Assert.Contains("but tile/0/003.p/232 has", audit.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entries_and_tiles_that_agree_but_not_with_the_signed_root_are_found()
    {
        using var key = new LogKey();
        var signed = await ServedLog.CreateAsync(TestTrees.Entries(300, 4), key.Signer, Token);
        var entries = signed.Entries.ToArray();
        entries[7] = [1, 2, 3];
        var served = await ServedLog.CreateAsync(entries, key.Signer, Token);
        served.CheckpointNote = signed.CheckpointNote;
        await using var server = TiledLogServer.Start(served);
        using var http = new HttpClient();

        var audit = await key.AuditorFor(http, server).VerifyAllAsync(Token);

        Assert.False(audit.IsSuccess);
        Assert.Contains($"but the signed checkpoint's root is {signed.Checkpoint.RootHash}", audit.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tile/1/000.p/3", "Hash 0 of tile/1/000.p/3 is")]
    [InlineData("tile/entries/003.p/232", "tile/entries/003.p/232: Entry bundle ends inside")]
    [InlineData("tile/0/003.p/232", "tile/0/003.p/232 has 7423 bytes, expected 7424.")]
    public async Task A_bad_tile_or_bundle_is_named(string path, string error)
    {
        using var key = new LogKey();
        var log = await ServedLog.CreateAsync(TestTrees.Entries(1000, 5), key.Signer, Token);
        await using var server = TiledLogServer.Start(log);
        server.Rewrite = (served, body) => served == path ? (path.StartsWith("tile/1/", StringComparison.Ordinal) ? Flip(body) : body[..^1]) : body;
        using var http = new HttpClient();

        var audit = await key.AuditorFor(http, server).VerifyAllAsync(Token);

        Assert.False(audit.IsSuccess);
        Assert.Contains(error, audit.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_grown_log_is_consistent_with_an_earlier_checkpoint_and_costs_only_a_few_tiles()
    {
        using var key = new LogKey();
        var entries = TestTrees.Entries(5000, 6);
        var early = await ServedLog.CreateAsync(entries[..1234], key.Signer, Token);
        await using var server = TiledLogServer.Start(early);
        using var http = new HttpClient();
        var first = await key.AuditorFor(http, server).VerifyAllAsync(Token);
        Assert.True(first.IsSuccess, first.Error);

        server.Log = await ServedLog.CreateAsync(entries, key.Signer, Token);
        var served = server.BytesServed;
        server.Requests.Clear();
        var since = await key.AuditorFor(http, server).VerifySinceAsync(first.Value.CheckpointNote, Token);

        Assert.True(since.IsSuccess, since.Error);
        Assert.Equal((5000L, 1234L, 0L), (since.Value.TreeSize, since.Value.ConsistentFromSize!.Value, since.Value.EntriesChecked));
        Assert.Equal(server.BytesServed - served, since.Value.BytesFetched);
        Assert.True(since.Value.BytesFetched < 6 * 8192, $"{since.Value.BytesFetched} bytes");
        Assert.All(server.Requests.Skip(1), p => Assert.Matches("^tile/[0-9]/", p));

        var unchanged = await key.AuditorFor(http, server).VerifySinceAsync(since.Value.CheckpointNote, Token);
        Assert.True(unchanged.IsSuccess, unchanged.Error);
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(server.Log.CheckpointNote), unchanged.Value.BytesFetched);
    }

    [Theory]
    [InlineData(300, 1000, "does not extend the trusted one of size 300")]
    [InlineData(256, 256, "The log forked: two signed checkpoints of size 256 have different roots")]
    [InlineData(500, 400, "The log shrank: it now signs 400 entries, but earlier signed 500.")]
    public async Task A_forked_or_shrunk_log_is_refused(int earlierSize, int laterSize, string error)
    {
        using var key = new LogKey();
        var entries = TestTrees.Entries(Math.Max(earlierSize, laterSize), 7);
        var earlier = await ServedLog.CreateAsync(entries[..earlierSize], key.Signer, Token);
        var rewritten = entries[..laterSize];
        rewritten[5] = [9, 9, 9];
        await using var server = TiledLogServer.Start(await ServedLog.CreateAsync(rewritten, key.Signer, Token));
        using var http = new HttpClient();

        var since = await key.AuditorFor(http, server).VerifySinceAsync(earlier.CheckpointNote, Token);

        Assert.False(since.IsSuccess);
        Assert.Contains(error, since.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_key_or_origin_is_refused()
    {
        using var key = new LogKey();
        using var stranger = new LogKey();
        var log = await ServedLog.CreateAsync(TestTrees.Entries(10, 8), key.Signer, Token);
        await using var server = TiledLogServer.Start(log);
        using var http = new HttpClient();

        var wrongKey = await stranger.AuditorFor(http, server).VerifyAllAsync(Token);
        var wrongOrigin = await LogAuditor.ForUrl(http, server.Prefix, "other.example/log", key.Trusted).VerifyAllAsync(Token);
        var strangerCheckpoint = (await ServedLog.CreateAsync(log.Entries, stranger.Signer, Token)).CheckpointNote;
        var wrongEarlier = await key.AuditorFor(http, server).VerifySinceAsync(strangerCheckpoint, Token);

        Assert.StartsWith("The served checkpoint does not open: ", wrongKey.Error, StringComparison.Ordinal);
        Assert.Contains("'finpilot.example/ledger', expected 'other.example/log'", wrongOrigin.Error, StringComparison.Ordinal);
        Assert.StartsWith("The earlier checkpoint does not open with the trusted key", wrongEarlier.Error, StringComparison.Ordinal);
        Assert.Equal(["checkpoint", "checkpoint"], server.Requests);
    }

    [Fact]
    public async Task A_log_that_cannot_be_read_is_an_exception_not_a_verdict()
    {
        using var key = new LogKey();
        await using var server = TiledLogServer.Start(await ServedLog.CreateAsync(TestTrees.Entries(10, 9), key.Signer, Token));
        using var http = new HttpClient();

        var missing = await Assert.ThrowsAsync<HttpRequestException>(
            () => LogAuditor.ForUrl(http, new Uri(server.Prefix, "../elsewhere"), Origin, key.Trusted).VerifyAllAsync(Token));

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static byte[] Flip(byte[] body)
    {
        var copy = body.ToArray();
        copy[0] ^= 1;
        return copy;
    }

    /// <summary>A fresh log key, as <see cref="NoteKeys.Generate"/> makes them.</summary>
    private sealed class LogKey : IDisposable
    {
        public LogKey()
        {
            var (skey, vkey) = NoteKeys.Generate(Origin);
            Signer = NoteKeys.ParseSignerKey(skey).Value;
            Trusted = new NoteVerifierSet(NoteKeys.ParseVerifierKey(vkey).Value);
        }

        public Ed25519NoteSigner Signer { get; }

        public NoteVerifierSet Trusted { get; }

        public LogAuditor AuditorFor(HttpClient http, TiledLogServer server) => LogAuditor.ForUrl(http, server.Prefix, Origin, Trusted);

        public void Dispose() => Signer.Dispose();
    }
}
