using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using FinPilot.Domain.Organisations;
using FinPilot.Ledger.Merkle;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Calls;
using FinPilot.Web.Features.Ledger;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;

namespace FinPilot.Web.Tests.Hosting;

/// <summary>What the tests of web host processes do to them over HTTP, and read back from their database.</summary>
internal static partial class NodeKit
{
    public const string AntiforgeryHeader = "RequestVerificationToken";

    // Batch numbers are unique per region and at most Call.MaxBatchNumber (999); the demo's are below 100.
    private static int _batch = 99;

    /// <summary>
    /// One browser's cookies for every node: the nodes all answer on 127.0.0.1, and a cookie is
    /// the host's whatever the port, so a cookie one node set is sent to the others as well.
    /// Over HTTPS it trusts <paramref name="trusted"/> (a test proxy's self-signed certificate) only.
    /// </summary>
    public static HttpMessageHandler Browser(X509Certificate2? trusted = null) => new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = true,
        CookieContainer = new CookieContainer(),
        PooledConnectionLifetime = TimeSpan.FromSeconds(30),
        SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                trusted is not null && certificate is not null && certificate.GetCertHashString() == trusted.GetCertHashString(),
        },
    };

    public static HttpClient Client(HttpMessageHandler handler, WebHostProcess node) =>
        new(handler, disposeHandler: false) { BaseAddress = node.Address, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Signs in with the login form; the sign-in cookie as it was set (<c>Set-Cookie</c>, attributes and all).</summary>
    public static async Task<string> SignInAsync(HttpClient client, string email)
    {
        using var response = await new BrowserSession(client).LogInAsync(email, FinPilotApp.DemoPassword);
        var cookie = response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.FirstOrDefault(c => c.StartsWith(BrowserSession.AuthCookie + "=", StringComparison.Ordinal))
            : null;
        Assert.True(cookie is not null, $"{email} could not sign in at {client.BaseAddress}: {(int)response.StatusCode} {response.Headers.Location}");
        return cookie;
    }

    /// <summary>The antiforgery request token of the signed-in user, from a page's sign-out form.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/");
        var match = AntiforgeryField().Match(page);
        Assert.True(match.Success, $"The home page at {client.BaseAddress} has no antiforgery field.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>A complete call with the next batch number, or null when the numbers are used up.</summary>
    public static CallsApi.CallInput? NextCall(int regionId, string title) =>
        Interlocked.Increment(ref _batch) is var batch && batch <= FinPilot.Domain.Calls.Call.MaxBatchNumber ? CallInput(regionId, batch, title) : null;

    public static CallsApi.CallInput CallInput(int regionId, string title) =>
        NextCall(regionId, title) ?? throw new InvalidOperationException("The batch numbers are used up.");

    private static CallsApi.CallInput CallInput(int regionId, int batch, string title)
    {
        var now = DateTimeOffset.UtcNow;
        return new CallsApi.CallInput(
            regionId, batch, title, "<p>多节点测试</p>", ["数字人民币钱包应用"],
            [OrganisationType.TechnologyCompany], now.AddHours(-1), now.AddDays(30), ["申请书"], "010-8000 0001");
    }

    /// <summary>Posts JSON as a signed-in browser's script does: the cookie and the antiforgery header.</summary>
    public static Task<HttpResponseMessage> PostAsync<T>(HttpClient client, string path, T body, string? antiforgeryToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: HttpResponses.Json) };
        if (antiforgeryToken is not null)
        {
            request.Headers.Add(AntiforgeryHeader, antiforgeryToken);
        }

        return client.SendAsync(request);
    }

    /// <summary>Drafts a call and publishes it (a public record for the ledger), asserting each step; the call's id.</summary>
    public static async Task<Guid> PublishCallAsync(HttpClient client, string token, int regionId, string title)
    {
        using var created = await PostAsync(client, "/api/v1/calls", CallInput(regionId, title), token);
        var draft = await created.ReadAsync<CallsApi.CallDto>(HttpStatusCode.Created);
        using var publish = await PostAsync(client, $"/api/v1/calls/{draft.Id}/publish", new CallsApi.CallTransition(draft.Version), token);
        await publish.AssertStatusAsync(HttpStatusCode.OK);
        return draft.Id;
    }

    public static async Task<LedgerApi.CheckpointDto?> CheckpointAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/v1/ledger");
        return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<LedgerApi.CheckpointDto>(HttpResponses.Json) : null;
    }

    /// <summary>The checkpoint, or null while no node answers (killed, restarting).</summary>
    public static async Task<LedgerApi.CheckpointDto?> TryCheckpointAsync(HttpClient client)
    {
        try
        {
            return await CheckpointAsync(client);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>
    /// The checkpoints, in the order they were seen, are one log: one key, the size never goes
    /// back, and each is proved (by the node's consistency proof) an extension of the one before.
    /// </summary>
    public static async Task AssertNoForkAsync(HttpClient client, IReadOnlyList<LedgerApi.CheckpointDto> seen)
    {
        Assert.NotEmpty(seen);
        Assert.Single(seen.Select(c => c.VerifierKey).Distinct());
        var distinct = seen.Where((c, i) => i == 0 || c.Size != seen[i - 1].Size || c.RootHash != seen[i - 1].RootHash).ToList();
        for (var i = 1; i < distinct.Count; i++)
        {
            await AssertConsistentAsync(client, distinct[i - 1], distinct[i]);
        }
    }

    /// <summary>Checks, with the node's own consistency proof, that the tree of <paramref name="older"/> is a prefix of that of <paramref name="newer"/>: no fork.</summary>
    public static async Task AssertConsistentAsync(HttpClient client, LedgerApi.CheckpointDto older, LedgerApi.CheckpointDto newer)
    {
        Assert.True(newer.Size >= older.Size, $"The checkpoint went back from {older.Size} to {newer.Size}.");
        if (older.Size == 0 || older.Size == newer.Size)
        {
            Assert.Equal(older.RootHash, newer.RootHash);
            return;
        }

        var proof = await (await client.GetAsync($"/api/v1/ledger/proof/consistency?old={older.Size}&new={newer.Size}"))
            .ReadAsync<LedgerApi.ProofDto>();
        var hashes = proof.Hashes.Select(MerkleHash.FromBase64).ToArray();
        Assert.True(
            ProofVerifier.VerifyConsistency(older.Size, newer.Size, MerkleHash.FromBase64(older.RootHash), MerkleHash.FromBase64(newer.RootHash), hashes),
            $"Checkpoint {newer.Size} is not an extension of checkpoint {older.Size}: the log forked.");
    }

    public static FinPilotDbContext Context(string provider, string connectionString) => provider == "Postgres"
        ? new PostgresFinPilotDbContext(new DbContextOptionsBuilder<PostgresFinPilotDbContext>().UseNpgsql(connectionString).Options)
        : new SqliteFinPilotDbContext(new DbContextOptionsBuilder<SqliteFinPilotDbContext>().UseSqlite(connectionString).Options);

    /// <summary>What <c>finpilot ledger audit</c> reports, over the database, with the log's key file.</summary>
    public static async Task<LedgerAuditReport> AuditAsync(FinPilotDbContext db, string keyFile)
    {
        using var key = new LedgerKey(
            new LedgerOptions { KeyFile = keyFile },
            new HostingEnvironment { EnvironmentName = "Production", ContentRootPath = Path.GetTempPath() },
            TimeProvider.System,
            NullLogger<LedgerKey>.Instance);
        return await new LedgerAudit(db, key).RunAsync();
    }

    /// <summary>The ledger has no hole and no repeat: entries 0…size−1, each record once, checkpoints by time never smaller.</summary>
    public static async Task AssertLedgerWholeAsync(FinPilotDbContext db, string keyFile)
    {
        var report = await AuditAsync(db, keyFile);
        Assert.True(report.Findings.Count == 0, "ledger audit: " + string.Join("; ", report.Findings.Select(f => f.ToString())));
        var size = await db.LedgerTree.Select(t => t.Size).SingleAsync();
        Assert.Equal(size, await db.LedgerEntries.LongCountAsync());
        Assert.Equal(size, await db.LedgerEntries.Select(e => e.RecordSequence).Distinct().LongCountAsync());
        Assert.Equal(size == 0 ? null : size - 1, await db.LedgerEntries.MaxAsync(e => (long?)e.Index));
        var checkpoints = await db.LedgerCheckpoints.OrderBy(c => c.Id).Select(c => c.Size).ToListAsync();
        Assert.Equal(checkpoints.Order(), checkpoints);
    }

    /// <summary>Waits until every call's public record is in the database and logged.</summary>
    public static async Task WaitForLoggedAsync(FinPilotDbContext db, IReadOnlyCollection<Guid> calls, TimeSpan within, Func<string>? context = null)
    {
        var subjects = calls.Select(c => c.ToString()).ToList();
        await WaitForAsync(
            async () =>
            {
                var records = await db.PublicRecords.AsNoTracking().Where(r => subjects.Contains(r.SubjectId)).Select(r => new { r.SubjectId, r.Sequence }).ToListAsync();
                var sequences = records.Select(r => r.Sequence).ToList();
                var logged = await db.LedgerEntries.CountAsync(e => sequences.Contains(e.RecordSequence));
                return (Calls: records.Select(r => r.SubjectId).Distinct().Count(), Records: records.Count, Unlogged: records.Count - logged);
            },
            seen => seen.Calls == subjects.Count && seen.Unlogged == 0,
            within,
            $"the public records of {subjects.Count} calls to be there and logged",
            context);
    }

    /// <summary>Reads until <paramref name="done"/>, every 250 ms, failing after <paramref name="within"/> with the last value (and <paramref name="context"/>, such as a node's log).</summary>
    public static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan within, string what, Func<string>? context = null)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            Assert.True(watch.Elapsed < within, $"Waited {within.TotalSeconds} s for {what}; last seen: {value}.\n{context?.Invoke()}");
            await Task.Delay(250);
        }
    }

    /// <summary>Whether a job lease's holder (<c>machine:pid:guid</c>) is <paramref name="node"/>'s process.</summary>
    public static bool HeldBy(string holder, WebHostProcess node) =>
        holder.Contains(":" + node.ProcessId.ToString(CultureInfo.InvariantCulture) + ":", StringComparison.Ordinal);

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*\\bvalue=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
