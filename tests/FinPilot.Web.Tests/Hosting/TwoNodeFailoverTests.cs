using System.Diagnostics;
using System.Globalization;
using System.Net;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Calls;
using FinPilot.Web.Features.Ledger;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.Hosting;

/// <summary>
/// Several web nodes on one PostgreSQL database (issue 15): two real host processes of the built
/// web project. A cookie and an antiforgery token of one work on the other; each leased job runs on
/// one node; when the ledger's node is killed (<c>kill -9</c>) the other takes the lease within its
/// expiry (the ledger job's: three of its 2 s intervals) and the log grows on without a gap or a fork.
/// </summary>
public sealed class TwoNodeFailoverTests(PostgresServer postgres) : IAsyncDisposable
{
    private const string LedgerJob = "ledger.append";
    private static readonly TimeSpan LedgerLease = TimeSpan.FromSeconds(6);

    private readonly string _work = Directory.CreateTempSubdirectory("finpilot-nodes-").FullName;

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
        }

        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Two_nodes_share_sign_in_and_jobs_and_the_survivor_takes_the_ledger_when_its_node_is_killed()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, postgres);
        var keyFile = Path.Combine(_work, "ledger.key");
        LedgerKey.WriteNewKey(keyFile, "nodes.finpilot.test/log");
        var settings = WebHostProcess.Settings("Postgres", database.ConnectionString, keyFile, _work);

        // A migrates and seeds the demo first; B finds it done. Both run every job (the lease decides).
        await using var a = await WebHostProcess.StartAsync("node A", settings);
        await using var b = await WebHostProcess.StartAsync("node B", settings);
        using var handler = NodeKit.Browser();
        using var onA = NodeKit.Client(handler, a);
        using var onB = NodeKit.Client(handler, b);
        await using var db = NodeKit.Context("Postgres", database.ConnectionString);

        // Each leased job is held by one node, and the ledger's by A, which came first, while A lives.
        var checkpoints = new List<LedgerApi.CheckpointDto>();
        var first = await WaitForAsync(() => NodeKit.CheckpointAsync(onB), c => c is { Size: > 0 }, TimeSpan.FromSeconds(30), "a first checkpoint");
        checkpoints.Add(first!);
        for (var i = 0; i < 4; i++)
        {
            var leases = await db.JobLeases.AsNoTracking().ToListAsync();
            Assert.NotEmpty(leases);
            Assert.All(leases, l => Assert.True(HeldBy(l.Holder, a) || HeldBy(l.Holder, b), $"Lease {l.Name} is held by {l.Holder}, neither node."));
            Assert.True(HeldBy(leases.Single(l => l.Name == LedgerJob).Holder, a), "A started first and renews its ledger lease every pass.");
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        Assert.True(await a.CounterAsync(onA, "finpilot_job_runs", $"job=\"{LedgerJob}\"", "outcome=\"ran\"") > 0, "A ran no ledger pass.");
        Assert.Equal(0d, await b.CounterAsync(onB, "finpilot_job_runs", $"job=\"{LedgerJob}\"", "outcome=\"ran\""));
        Assert.True(await b.CounterAsync(onB, "finpilot_job_runs", $"job=\"{LedgerJob}\"", "outcome=\"skipped\"") > 0, "B never tried the ledger job.");

        // Signed in on A; the cookie works on B, and so does A's antiforgery token (data-protection keys in the database).
        await NodeKit.SignInAsync(onA, DemoUsers.WorkingGroupBeijing);
        using (var inbox = await onB.GetAsync("/inbox"))
        {
            Assert.Equal(HttpStatusCode.OK, inbox.StatusCode);
        }

        var token = await NodeKit.AntiforgeryTokenAsync(onA);
        var beijing = await db.Regions.Where(r => r.Code == "BJ").Select(r => r.Id).SingleAsync();
        using (var refused = await NodeKit.PostAsync(onB, "/api/v1/calls", NodeKit.CallInput(beijing, "无令牌的草稿"), antiforgeryToken: null))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using (var forged = await NodeKit.PostAsync(onB, "/api/v1/calls", NodeKit.CallInput(beijing, "错误令牌的草稿"), antiforgeryToken: token[..^4] + "AAAA"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        }

        // Public records written through B's API are logged (by A's job).
        var published = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            published.Add(await PublishCallAsync(onB, token, beijing, $"节点B公告 {i}"));
        }

        await WaitForLoggedAsync(db, published, TimeSpan.FromSeconds(30));
        var beforeKill = (await NodeKit.CheckpointAsync(onB))!;
        checkpoints.Add(beforeKill);

        // kill -9 the holder. B must hold the ledger's lease within the lease's expiry (and a pass), and log what comes.
        var killedAt = Stopwatch.StartNew();
        a.Kill();
        await WaitForAsync(
            async () => await db.JobLeases.AsNoTracking().Where(l => l.Name == LedgerJob).Select(l => l.Holder).SingleAsync(),
            holder => HeldBy(holder, b),
            LedgerLease + TimeSpan.FromSeconds(20),
            "B taking the ledger lease");
        var takeover = killedAt.Elapsed;
        // The lease runs out 6 s after A's last pass at most; B tries every 2 s. Slack for a loaded machine.
        Assert.True(takeover < LedgerLease + TimeSpan.FromSeconds(10), $"B took the ledger lease {takeover.TotalSeconds:0.0} s after A died (lease {LedgerLease.TotalSeconds} s).");

        var afterKill = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            afterKill.Add(await PublishCallAsync(onB, token, beijing, $"节点A停机后公告 {i}"));
        }

        await WaitForLoggedAsync(db, afterKill, TimeSpan.FromSeconds(30));
        Assert.True(await b.CounterAsync(onB, "finpilot_job_runs", $"job=\"{LedgerJob}\"", "outcome=\"ran\"") > 0, "B never ran the ledger job.");
        var last = await WaitForAsync(() => NodeKit.CheckpointAsync(onB), c => c!.Size > beforeKill.Size, TimeSpan.FromSeconds(20), "a checkpoint signed by B");
        checkpoints.Add(last!);

        // No gap, no fork: the audit passes, and each checkpoint extends the one before (same key throughout).
        Assert.Single(checkpoints.Select(c => c.VerifierKey).Distinct());
        for (var i = 1; i < checkpoints.Count; i++)
        {
            await NodeKit.AssertConsistentAsync(onB, checkpoints[i - 1], checkpoints[i]);
        }

        db.ChangeTracker.Clear();
        await NodeKit.AssertLedgerWholeAsync(db, keyFile);
    }

    private static bool HeldBy(string holder, WebHostProcess node) =>
        holder.Contains(":" + node.ProcessId.ToString(CultureInfo.InvariantCulture) + ":", StringComparison.Ordinal);

    private static async Task<Guid> PublishCallAsync(HttpClient client, string token, int regionId, string title)
    {
        using var created = await NodeKit.PostAsync(client, "/api/v1/calls", NodeKit.CallInput(regionId, title), token);
        var draft = await created.ReadAsync<CallsApi.CallDto>(HttpStatusCode.Created);
        using var publish = await NodeKit.PostAsync(client, $"/api/v1/calls/{draft.Id}/publish", new CallsApi.CallTransition(draft.Version), token);
        await publish.AssertStatusAsync(HttpStatusCode.OK);
        return draft.Id;
    }

    private static async Task WaitForLoggedAsync(FinPilotDbContext db, IReadOnlyCollection<Guid> calls, TimeSpan within)
    {
        var subjects = calls.Select(c => c.ToString()).ToList();
        await WaitForAsync(
            () => db.PublicRecords.AsNoTracking()
                .Where(r => subjects.Contains(r.SubjectId))
                .CountAsync(r => !db.LedgerEntries.Any(e => e.RecordSequence == r.Sequence)),
            waiting => waiting == 0,
            within,
            "the calls' public records to be logged");
        Assert.Equal(calls.Count, await db.PublicRecords.CountAsync(r => subjects.Contains(r.SubjectId)));
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan within, string what)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            Assert.True(watch.Elapsed < within, $"Waited {within.TotalSeconds} s for {what}; last seen: {value}.");
            await Task.Delay(250);
        }
    }
}
