using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using FinPilot.Domain.Calls;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Calls;
using FinPilot.Web.Features.Ledger;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.Hosting;

/// <summary>
/// Crash safety under load (issue 15): a web host process on SQLite takes a stream of writes (call
/// drafts saved and published, each publication a public record the ledger logs) and is killed with
/// <c>kill -9</c> three times and restarted. Every write it acknowledged is there afterwards, the
/// sign-in cookie outlives each restart, the ledger audit passes and no checkpoint goes back.
/// </summary>
public sealed class CrashUnderLoadTests(PostgresServer postgres) : IAsyncDisposable
{
    private const int Workers = 3;
    private const int Kills = 3;

    private readonly string _work = Directory.CreateTempSubdirectory("finpilot-crash-").FullName;

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
    public async Task Acknowledged_writes_survive_kill_9_under_load_and_the_ledger_never_goes_back()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, postgres);
        var keyFile = Path.Combine(_work, "ledger.key");
        LedgerKey.WriteNewKey(keyFile, "crash.finpilot.test/log");
        var settings = WebHostProcess.Settings("Sqlite", database.ConnectionString, keyFile, _work);

        await using var node = await WebHostProcess.StartAsync("node", settings);
        using var handler = NodeKit.Browser();
        using var client = NodeKit.Client(handler, node);
        await NodeKit.SignInAsync(client, DemoUsers.WorkingGroupBeijing);
        var token = await NodeKit.AntiforgeryTokenAsync(client);
        int beijing;
        await using (var db = NodeKit.Context("Sqlite", database.ConnectionString))
        {
            beijing = await db.Regions.Where(r => r.Code == "BJ").Select(r => r.Id).SingleAsync();
        }

        var drafts = new ConcurrentBag<Guid>();
        var published = new ConcurrentBag<Guid>();
        var checkpoints = new List<LedgerApi.CheckpointDto>();
        for (var round = 0; round <= Kills; round++)
        {
            if (round > 0)
            {
                await node.StartAsync();

                // The cookie and the antiforgery token outlive the process (keys in the database).
                using var inbox = await client.GetAsync("/inbox");
                Assert.Equal(HttpStatusCode.OK, inbox.StatusCode);
            }

            using var stop = new CancellationTokenSource();
            var load = Enumerable.Range(0, Workers)
                .Select(w => Task.Run(() => WriteAsync(client, token, beijing, $"r{round}w{w}", drafts, published, stop.Token)))
                .ToList();
            var watch = Stopwatch.StartNew();

            // Killed at a different moment each time: mid-request, mid-append or mid-checkpoint.
            var runFor = TimeSpan.FromSeconds(round < Kills ? 2.5 + (0.9 * round) : 3);
            while (watch.Elapsed < runFor)
            {
                if (await TryCheckpointAsync(client) is { } seen)
                {
                    if (checkpoints.Count > 0)
                    {
                        Assert.True(seen.Size >= checkpoints[^1].Size, $"The checkpoint went back from {checkpoints[^1].Size} to {seen.Size} in round {round}.");
                    }

                    checkpoints.Add(seen);
                }

                await Task.Delay(200);
            }

            if (round < Kills)
            {
                node.Kill();
            }

            await stop.CancelAsync();
            await Task.WhenAll(load);
        }

        Assert.NotEmpty(published);

        // Everything acknowledged is there, and every publication's public record gets logged.
        await using (var db = NodeKit.Context("Sqlite", database.ConnectionString))
        {
            var draftIds = drafts.ToList();
            var stored = await db.Calls.AsNoTracking().Where(c => draftIds.Contains(c.Id)).Select(c => new { c.Id, c.Status }).ToListAsync();
            Assert.Equal(draftIds.Order(), stored.Select(c => c.Id).Order());
            var publishedIds = published.Select(p => p.ToString()).ToList();
            Assert.All(stored.Where(c => publishedIds.Contains(c.Id.ToString())), c => Assert.Equal(CallStatus.Published, c.Status));

            var watch = Stopwatch.StartNew();
            while (true)
            {
                var records = await db.PublicRecords.AsNoTracking().Where(r => publishedIds.Contains(r.SubjectId)).Select(r => r.Sequence).ToListAsync();
                var unlogged = records.Count - await db.LedgerEntries.CountAsync(e => records.Contains(e.RecordSequence));
                if (records.Count >= publishedIds.Count && unlogged == 0)
                {
                    break;
                }

                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"{records.Count} records of {publishedIds.Count} publications, {unlogged} not logged after 30 s.\n{node.Log}");
                await Task.Delay(250);
            }

            await NodeKit.AssertLedgerWholeAsync(db, keyFile);
        }

        var last = (await NodeKit.CheckpointAsync(client))!;
        checkpoints.Add(last);
        foreach (var size in checkpoints.Select(c => c.Size).Distinct().Where(s => s > 0))
        {
            var seen = checkpoints.First(c => c.Size == size);
            await NodeKit.AssertConsistentAsync(client, seen, last);
        }
    }

    /// <summary>One writer: saves a draft, publishes every other one; keeps only what was answered 2xx.</summary>
    private static async Task WriteAsync(
        HttpClient client, string token, int regionId, string name, ConcurrentBag<Guid> drafts, ConcurrentBag<Guid> published, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            if (NodeKit.NextCall(regionId, $"崩溃测试 {name}-{i}") is not { } input)
            {
                return;
            }

            try
            {
                using var created = await NodeKit.PostAsync(client, "/api/v1/calls", input, token);
                if (!created.IsSuccessStatusCode)
                {
                    continue;
                }

                var draft = (await created.Content.ReadFromJsonAsync<CallsApi.CallDto>(HttpResponses.Json))!;
                drafts.Add(draft.Id);
                if (i % 2 == 1)
                {
                    continue;
                }

                using var publish = await NodeKit.PostAsync(client, $"/api/v1/calls/{draft.Id}/publish", new CallsApi.CallTransition(draft.Version), token);
                if (publish.IsSuccessStatusCode)
                {
                    published.Add(draft.Id);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or System.Text.Json.JsonException)
            {
                // The process died under the request: not acknowledged, so nothing is promised.
                await Task.Delay(50, CancellationToken.None);
            }
        }
    }

    private static async Task<LedgerApi.CheckpointDto?> TryCheckpointAsync(HttpClient client)
    {
        try
        {
            return await NodeKit.CheckpointAsync(client);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }
}
