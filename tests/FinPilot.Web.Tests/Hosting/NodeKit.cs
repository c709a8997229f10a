using System.Net;
using System.Net.Http.Json;
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
    /// </summary>
    public static HttpMessageHandler Browser() => new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = true,
        CookieContainer = new CookieContainer(),
        PooledConnectionLifetime = TimeSpan.FromSeconds(30),
    };

    public static HttpClient Client(HttpMessageHandler handler, WebHostProcess node) =>
        new(handler, disposeHandler: false) { BaseAddress = node.Address, Timeout = TimeSpan.FromSeconds(30) };

    public static async Task SignInAsync(HttpClient client, string email)
    {
        using var response = await new BrowserSession(client).LogInAsync(email, FinPilotApp.DemoPassword);
        Assert.True(
            response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(BrowserSession.AuthCookie + "=", StringComparison.Ordinal)),
            $"{email} could not sign in at {client.BaseAddress}: {(int)response.StatusCode} {response.Headers.Location}");
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

    public static async Task<LedgerApi.CheckpointDto?> CheckpointAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/v1/ledger");
        return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<LedgerApi.CheckpointDto>(HttpResponses.Json) : null;
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

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*\\bvalue=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
