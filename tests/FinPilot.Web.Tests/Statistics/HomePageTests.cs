using FinPilot.Domain.Disclosure;
using FinPilot.Web.Data;
using FinPilot.Web.Tests.Calls;
using FinPilot.Web.Tests.Disclosure;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.Statistics;

/// <summary>The public home page: open calls, notices in their objection period, the latest admissions and exits, figures, the ledger.</summary>
public sealed class HomePageTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task A_visitor_sees_open_calls_notices_in_their_period_the_latest_admissions_and_exits_and_no_drafts(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var world = await StatisticsWorld.CreateAsync(app);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var draftCall = await wg.CreateAsync(CallTestKit.Input(app, await app.RegionIdAsync("BJ"), $"未发布征集 {world.Tag}", openDays: 1));
        // A call closing within the hour comes first among the open calls.
        var closing = await wg.PublishAsync(await wg.CreateAsync(CallTestKit.Input(app, await app.RegionIdAsync("BJ"), $"即将截止 {world.Tag}", openDays: 0) with
        {
            ClosesAt = app.Clock.GetUtcNow().AddMinutes(30),
        }));
        using var anonymous = app.Anonymous();

        var html = await anonymous.GetStringAsync("/");

        Assert.Contains("data-testid=\"home-figures\"", html);
        Assert.Contains($"href=\"calls/{closing.Id}\"", html);
        Assert.DoesNotContain($"未发布征集 {world.Tag}", html);
        Assert.DoesNotContain(draftCall.Id.ToString(), html);
        Assert.Contains("data-testid=\"home-ledger\"", html);
        Assert.Contains("data-testid=\"home-notices\"", html);
        Assert.Contains("login", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory, AllProviders]
    public async Task The_latest_admissions_and_exits_come_from_public_events_newest_first(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var world = await StatisticsWorld.CreateAsync(app);
        using var anonymous = app.Anonymous();

        var html = await anonymous.GetStringAsync("/");

        // The world's exit is the newest public event of all (200 days ahead), then its admissions.
        var exit = html.IndexOf($"统计乙 {world.Tag} 退出", StringComparison.Ordinal);
        var admitted = html.IndexOf($"统计乙 {world.Tag} 入箱", StringComparison.Ordinal);
        Assert.True(exit > 0 && admitted > exit, "the exit first, then the admission");
        Assert.DoesNotContain($"统计丙 {world.Tag} 暂停", html);
        var pilot = await app.WithDbAsync(db => db.RegisterPilots.Where(p => p.ProjectId == world.Beijing[1]).Select(p => p.Name).SingleAsync());
        Assert.Contains($"href=\"pilots/{world.Beijing[1]}\">{System.Net.WebUtility.HtmlEncode(pilot)}</a>", html);

        // The world's notices are in their objection period; a later admission in English shows its English title.
        Assert.Contains("金融科技创新试点拟入箱项目公示", html);
        app.Clock.Advance(TimeSpan.FromDays(60));
        await app.EventAsync(world.Shanghai[1], PublicEventKind.Admitted, app.Clock.GetUtcNow(), $"统计丁 {world.Tag} 入箱", $"Pilot D {world.Tag} admitted");
        var later = await anonymous.GetStringAsync("/?culture=en");
        Assert.Contains($"Pilot D {world.Tag} admitted", later);
    }
}
