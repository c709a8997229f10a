using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Statistics;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Statistics;
using FinPilot.Web.Tests.Disclosure;
using FinPilot.Web.Tests.Exit;
using FinPilot.Web.Tests.Infrastructure;
using FinPilot.Web.Tests.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinPilot.Web.Tests.Statistics;

/// <summary>
/// Statistics snapshots: taken by a leased job at a ledger checkpoint from the records logged up to it,
/// logged themselves, and recomputable from the open data by <c>finpilot stats recompute --checkpoint</c>.
/// </summary>
public sealed class SnapshotTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task A_snapshot_is_logged_and_recomputes_from_the_events_up_to_its_checkpoint_only(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var world = await StatisticsWorld.CreateAsync(app);
        await app.RunLedgerAsync();

        // Admitted after the checkpoint was signed and not yet logged: today's figures count it, the snapshot does not.
        // (The clock stands still here, so no job of the app's own logs it meanwhile.)
        await app.EventAsync(world.Shanghai[1], PublicEventKind.Admitted, app.Clock.GetUtcNow(), $"统计丁 {world.Tag} 入箱", null);
        var size = await app.WithDbAsync(db => db.LedgerCheckpoints.MaxAsync(c => c.Size));
        Assert.Equal(size, (await app.WithScopeAsync(sp => sp.GetRequiredService<StatisticsSnapshots>().TakeNowAsync()))?.CheckpointSize);
        await app.RunLedgerAsync();
        using var anonymous = app.Anonymous();

        var published = await (await anonymous.GetAsync($"/api/v1/statistics/snapshots/{size}")).ReadAsync<StatisticsApi.SnapshotDto>();
        var snapshotFigures = published.Figures.Select(f => new Figure(f.Indicator, f.Key, f.Value)).ToList();
        Assert.Equal(
            StatisticsWorld.Value(await StatisticsWorld.FiguresAsync(app), Indicators.PilotsByRegion, "SH") - 1,
            StatisticsWorld.Value(snapshotFigures, Indicators.PilotsByRegion, "SH"));
        Assert.NotNull(published.LedgerIndex);
        Assert.True(published.LedgerIndex >= size, "The snapshot's own record is logged after the checkpoint it names.");
        var entry = await app.DownloadVerifiedEntryAsync(anonymous, published.LedgerIndex!.Value);
        Assert.Equal(StatisticsSnapshotRecord.RecordKind, entry.Kind);
        Assert.Equal(LedgerEntry.ContentHashOf(published.Content), entry.ContentSha256);
        Assert.Equal(string.Empty, entry.Region);

        var result = await StatisticsRecompute.FromSnapshotAsync(anonymous, anonymous.BaseAddress!, size);

        Assert.Null(result.LedgerProblem);
        Assert.Empty(result.Differences);
        Assert.Equal(size, result.CheckpointSize);
        Assert.True(result.Agrees);
    }

    [Theory, AllProviders]
    public async Task An_altered_snapshot_figure_is_caught_by_the_ledger_and_by_the_recompute(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        await StatisticsWorld.CreateAsync(app);
        var snapshot = await TakeSnapshotAsync(app);
        await app.RunLedgerAsync();
        using var tampered = app.CreateDefaultClient(new AlterSnapshot(Indicators.PilotsByRegion, "BJ"));

        var result = await StatisticsRecompute.FromSnapshotAsync(tampered, tampered.BaseAddress!, snapshot.CheckpointSize);

        Assert.NotNull(result.LedgerProblem);
        Assert.Contains("is not the record logged", result.LedgerProblem, StringComparison.Ordinal);
        var difference = Assert.Single(result.Differences);
        Assert.Equal((Indicators.PilotsByRegion, "BJ"), (difference.Indicator, difference.Key));
        Assert.False(result.Agrees);
    }

    [Theory, AllProviders]
    public async Task The_job_takes_one_snapshot_per_checkpoint_and_waits_for_the_interval(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var first = await TakeSnapshotAsync(app);
        var job = app.Services.GetRequiredService<StatisticsSnapshotJob>();

        // The ledger moved on (it logged the snapshot), but a day has not passed: nothing new.
        await app.RunLedgerAsync();
        Assert.True(await job.TryRunAsync(CancellationToken.None));
        Assert.Equal(first.CheckpointSize, await LatestSizeAsync(app));

        // A day later, at a newer checkpoint: a new snapshot; run again at once, still one.
        app.Clock.Advance(TimeSpan.FromHours(25));
        await app.RunLedgerAsync();
        Assert.True(await job.TryRunAsync(CancellationToken.None));
        Assert.True(await job.TryRunAsync(CancellationToken.None));
        var latest = await LatestSizeAsync(app);
        Assert.True(latest > first.CheckpointSize);
        Assert.Equal(1, await app.WithDbAsync(db => db.StatisticsSnapshots.CountAsync(s => s.CheckpointSize == latest)));
    }

    [Theory, AllProviders]
    public async Task The_snapshot_pages_list_and_show_the_figures_by_name(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        await StatisticsWorld.CreateAsync(app);
        var snapshot = await TakeSnapshotAsync(app);
        await app.RunLedgerAsync();
        using var anonymous = app.Anonymous();
        anonymous.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var list = await anonymous.GetStringAsync("/statistics/snapshots");
        Assert.Contains($"statistics/snapshots/{snapshot.CheckpointSize}\"", list, StringComparison.Ordinal);
        Assert.Contains("监管链第", list, StringComparison.Ordinal);

        var page = await anonymous.GetStringAsync($"/statistics/snapshots/{snapshot.CheckpointSize}");
        Assert.Contains("北京", page, StringComparison.Ordinal);
        Assert.Contains(snapshot.RootHash, page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"snapshot-ledger\"", page, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/statistics/snapshots/999999999")).StatusCode);
        await (await anonymous.GetAsync("/api/v1/statistics/snapshots/999999999")).ReadProblemAsync(HttpStatusCode.NotFound);
        var rows = await (await anonymous.GetAsync("/api/v1/statistics/snapshots?page=1&pageSize=5")).ReadAsync<FinPilot.Web.Http.Page<StatisticsApi.SnapshotRowDto>>();
        Assert.Contains(rows.Items, r => r.CheckpointSize == snapshot.CheckpointSize && r.LedgerIndex is not null);
    }

    /// <summary>Logs what waits and takes a snapshot at the new checkpoint (the clock stands still, so no job interferes).</summary>
    private static async Task<StatisticsSnapshotRecord> TakeSnapshotAsync(FinPilotApp app)
    {
        await app.RunLedgerAsync();
        var size = await app.WithDbAsync(db => db.LedgerCheckpoints.MaxAsync(c => c.Size));
        var taken = await app.WithScopeAsync(sp => sp.GetRequiredService<StatisticsSnapshots>().TakeNowAsync());
        Assert.Equal(size, taken?.CheckpointSize);
        return taken!;
    }

    private static Task<long> LatestSizeAsync(FinPilotApp app) => app.WithDbAsync(db => db.StatisticsSnapshots.MaxAsync(s => s.CheckpointSize));

    /// <summary>Adds one to one figure of a snapshot's content on its way to the client, as a tampered mirror would.</summary>
    private sealed class AlterSnapshot(string indicator, string key) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (!request.RequestUri!.AbsolutePath.StartsWith("/api/v1/statistics/snapshots/", StringComparison.Ordinal))
            {
                return response;
            }

            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
            var content = JsonNode.Parse((string)body["content"]!)!;
            var figure = content["figures"]!.AsArray().Single(f => (string?)f!["indicator"] == indicator && (string?)f!["key"] == key)!;
            figure["value"] = (decimal)figure["value"]! + 1;
            body["content"] = content.ToJsonString();
            response.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            return response;
        }
    }
}
