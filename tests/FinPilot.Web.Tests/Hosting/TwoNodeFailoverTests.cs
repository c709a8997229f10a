using System.Diagnostics;
using System.Net;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Ledger;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.Hosting;

/// <summary>
/// Several web nodes on one PostgreSQL database behind a reverse proxy (issue 15): two real host
/// processes of the built web project and a YARP proxy (<see cref="NodeProxy"/>: TLS, round robin,
/// active health checks) that every browser request goes through. Requests land on both nodes; a
/// cookie and an antiforgery token of one work on the other; each leased job runs on one node; when
/// the ledger's node is killed (<c>kill -9</c>) the proxy takes it out, requests go on to the other
/// node, which takes the lease within its expiry (the ledger job's: three of its 2 s intervals), and
/// the log grows on without a gap or a fork.
/// </summary>
public sealed class TwoNodeFailoverTests(PostgresServer postgres)
{
    private const string LedgerJob = "ledger.append";
    private static readonly TimeSpan LedgerLease = TimeSpan.FromSeconds(6);

    [Fact]
    public async Task Two_nodes_behind_a_proxy_share_sign_in_and_jobs_and_the_survivor_takes_the_ledger_when_its_node_is_killed()
    {
        await using var site = await NodeInstallation.CreateAsync(DatabaseProvider.Postgres, postgres, "nodes.finpilot.test/log");

        // The proxy runs on this machine: the nodes believe its X-Forwarded-For/-Proto, as an installation names its proxy.
        site.Settings["ForwardedHeaders__KnownProxies"] = "127.0.0.1";

        // A migrates and seeds the demo first; B finds it done. Both run every job (the lease decides).
        var a = await site.StartNodeAsync("A");
        var b = await site.StartNodeAsync("B");
        await using var proxy = await NodeProxy.StartAsync(a, b);
        using var handler = proxy.Browser();
        using var browser = proxy.Client(handler);
        using var direct = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        await using var db = site.Context();

        // Each leased job is held by one node, and the ledger's by A, which came first, while A lives.
        var checkpoints = new List<LedgerApi.CheckpointDto>();
        checkpoints.Add((await NodeKit.WaitForAsync(() => NodeKit.CheckpointAsync(browser), c => c is { Size: > 0 }, TimeSpan.FromSeconds(30), "a first checkpoint"))!);
        for (var i = 0; i < 2; i++)
        {
            if (i > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(2));
            }

            var leases = await db.JobLeases.AsNoTracking().ToListAsync();
            Assert.NotEmpty(leases);
            Assert.All(leases, l => Assert.True(NodeKit.HeldBy(l.Holder, a) || NodeKit.HeldBy(l.Holder, b), $"Lease {l.Name} is held by {l.Holder}, neither node."));
            Assert.True(NodeKit.HeldBy(leases.Single(l => l.Name == LedgerJob).Holder, a), "A started first and renews its ledger lease every pass.");
        }

        Assert.True(await a.CounterAsync(direct, "finpilot_job_runs", $"job=\"{LedgerJob}\"", "outcome=\"ran\"") > 0, "A ran no ledger pass.");
        Assert.Equal(0d, await b.CounterAsync(direct, "finpilot_job_runs", $"job=\"{LedgerJob}\"", "outcome=\"ran\""));
        Assert.True(await b.CounterAsync(direct, "finpilot_job_runs", $"job=\"{LedgerJob}\"", "outcome=\"skipped\"") > 0, "B never tried the ledger job.");

        // Signed in through the proxy: round robin sends the login page to one node and the form to
        // the other, so one node's antiforgery token is checked by the other. The proxy speaks TLS and
        // says so in X-Forwarded-Proto, which the nodes believe: the cookie is Secure.
        var cookie = await NodeKit.SignInAsync(browser, DemoUsers.WorkingGroupBeijing);
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        var login = proxy.Answers.Where(r => r.Path == BrowserSession.LoginPath).Select(r => r.Node).ToList();
        Assert.True(login.Count == 2 && login[0] != login[1], $"The login page and its form went to {string.Join(", ", login)}, not one node each.\n{proxy.Log}");
        var answered = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            using var inbox = await browser.GetAsync("/inbox");
            Assert.Equal(HttpStatusCode.OK, inbox.StatusCode);
            answered.Add(NodeProxy.AnsweredBy(inbox));
        }

        Assert.True(answered.Distinct().Order().SequenceEqual(["A", "B"]), $"The signed-in pages came from {string.Join(", ", answered)}, not both nodes.\n{proxy.Log}");

        var token = await NodeKit.AntiforgeryTokenAsync(browser);
        var beijing = await site.RegionIdAsync("BJ");
        foreach (var (title, wrongToken) in new[] { ("无令牌的草稿", (string?)null), ("错误令牌的草稿", token[..^4] + "AAAA") })
        {
            using var refused = await NodeKit.PostAsync(browser, "/api/v1/calls", NodeKit.CallInput(beijing, title), wrongToken);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        // Public records written through the proxy (each call drafted on one node and published on the other) are logged by A's job.
        var published = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            published.Add(await NodeKit.PublishCallAsync(browser, token, beijing, $"代理后公告 {i}"));
        }

        var writers = proxy.Answers.Where(r => r.Method == "POST" && r.IsSuccess).Select(r => r.Node).Distinct().Order().ToList();
        Assert.True(writers.SequenceEqual(["A", "B"]), $"The accepted writes went to {string.Join(", ", writers)}, not both nodes.\n{proxy.Log}");
        await NodeKit.WaitForLoggedAsync(db, published, TimeSpan.FromSeconds(30), () => a.Log);
        var beforeKill = (await NodeKit.CheckpointAsync(browser))!;
        checkpoints.Add(beforeKill);

        // kill -9 the holder. The proxy's health check takes A out; requests through it go on, to B.
        var killedAt = Stopwatch.StartNew();
        a.Kill();
        var outAfter = await proxy.WaitUntilOutAsync(a, TimeSpan.FromSeconds(15));
        Assert.Equal(["B"], proxy.Available());
        var sinceKill = proxy.Answers.Count;
        var afterKill = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            afterKill.Add(await NodeKit.PublishCallAsync(browser, token, beijing, $"节点A停机后公告 {i}"));
        }

        Assert.All(proxy.Answers.Skip(sinceKill), r => Assert.Equal("B", r.Node));

        // B holds the ledger's lease within the lease's expiry (and a pass), and logs what came meanwhile and after.
        await NodeKit.WaitForAsync(
            () => db.JobLeases.AsNoTracking().Where(l => l.Name == LedgerJob).Select(l => l.Holder).SingleAsync(),
            holder => NodeKit.HeldBy(holder, b),
            LedgerLease + TimeSpan.FromSeconds(20),
            "B taking the ledger lease",
            () => b.Log);
        var takeover = killedAt.Elapsed;

        // The lease runs out 6 s after A's last pass at most; B tries every 2 s. Slack for a loaded machine.
        Assert.True(takeover < LedgerLease + TimeSpan.FromSeconds(10), $"B took the ledger lease {takeover.TotalSeconds:0.0} s after A died (lease {LedgerLease.TotalSeconds} s; the proxy took A out after {outAfter.TotalSeconds:0.0} s).");

        await NodeKit.WaitForLoggedAsync(db, afterKill, TimeSpan.FromSeconds(30), () => b.Log);
        checkpoints.Add((await NodeKit.WaitForAsync(() => NodeKit.CheckpointAsync(browser), c => c!.Size > beforeKill.Size, TimeSpan.FromSeconds(20), "a checkpoint signed by B"))!);

        // A pass is counted when it ends, after its records are committed and its checkpoint signed.
        await NodeKit.WaitForAsync(
            () => b.CounterAsync(direct, "finpilot_job_runs", $"job=\"{LedgerJob}\"", "outcome=\"ran\""),
            runs => runs > 0,
            TimeSpan.FromSeconds(10),
            "B's metrics to count a ledger pass it ran");

        // No gap, no fork: each checkpoint extends the one before (same key throughout), and the audit passes.
        await NodeKit.AssertNoForkAsync(browser, checkpoints);
        db.ChangeTracker.Clear();
        await NodeKit.AssertLedgerWholeAsync(db, site.KeyFile);
    }
}
