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
public sealed class CrashUnderLoadTests(PostgresServer postgres)
{
    private const int Workers = 3;
    private const int Kills = 3;

    [Fact]
    public async Task Acknowledged_writes_survive_kill_9_under_load_and_the_ledger_never_goes_back()
    {
        await using var site = await NodeInstallation.CreateAsync(DatabaseProvider.Sqlite, postgres, "crash.finpilot.test/log");
        var node = await site.StartNodeAsync("node");
        using var handler = NodeKit.Browser();
        using var client = NodeKit.Client(handler, node);
        await NodeKit.SignInAsync(client, DemoUsers.WorkingGroupBeijing);
        var token = await NodeKit.AntiforgeryTokenAsync(client);
        var beijing = await site.RegionIdAsync("BJ");

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
                if (await NodeKit.TryCheckpointAsync(client) is { } seen)
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
        await using (var db = site.Context())
        {
            var draftIds = drafts.ToList();
            var stored = await db.Calls.AsNoTracking().Where(c => draftIds.Contains(c.Id)).Select(c => new { c.Id, c.Status }).ToListAsync();
            Assert.Equal(draftIds.Order(), stored.Select(c => c.Id).Order());
            var publishedIds = published.Select(p => p.ToString()).ToList();
            Assert.All(stored.Where(c => publishedIds.Contains(c.Id.ToString())), c => Assert.Equal(CallStatus.Published, c.Status));

            await NodeKit.WaitForLoggedAsync(db, [.. published], TimeSpan.FromSeconds(30), () => node.Log);
            await NodeKit.AssertLedgerWholeAsync(db, site.KeyFile);
        }

        // No checkpoint seen went back or forked: each extends the one seen before it, up to the last.
        checkpoints.Add((await NodeKit.CheckpointAsync(client))!);
        await NodeKit.AssertNoForkAsync(client, checkpoints);
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
}
