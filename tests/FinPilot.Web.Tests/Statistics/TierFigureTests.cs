using FinPilot.Domain.Deliberation;
using FinPilot.Domain.Exit;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Statistics;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Statistics;
using FinPilot.Web.Tests.Disclosure;
using FinPilot.Web.Tests.Exit;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.Statistics;

/// <summary>FP-I-005: a pilot's exit tier counts once the coordination group's confirmation is public, in SQL and in a recompute alike.</summary>
public sealed class TierFigureTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task A_confirmed_tier_is_counted_and_published_in_the_register_dataset(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var before = StatisticsWorld.Value(await StatisticsWorld.FiguresAsync(app), Indicators.ExitedByTier, nameof(ExitTier.Exemplary));
        var projectId = await app.RunningPilotAsync("统计分层");
        var title = await app.WithDbAsync(db => db.Projects.Where(p => p.Id == projectId).Select(p => p.Title).SingleAsync());
        await app.NoticeAsync("BJ", app.Clock.GetUtcNow(), [RegisterTestKit.Summary(projectId, title, ProjectCategory.PublicService, "trading", "ai", "分层")]);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        using var chair = await app.ApiClientAsync(DemoUsers.Coordination);

        var exit = await applicant.ApplyAsync(projectId, ExitTestKit.Completion());
        var accepted = await wg.AcceptAsync(await applicant.SubmitAsync(await applicant.FillAsync(exit)));
        var forwarded = await app.ReviewAndForwardAsync(wg, accepted, 9, 9, 9);
        Assert.Equal(ExitTier.Exemplary, forwarded.Proposal!.Tier);

        // Proposed is not public: nothing counts until the resolution confirms it.
        Assert.Equal(before, StatisticsWorld.Value(await StatisticsWorld.FiguresAsync(app), Indicators.ExitedByTier, nameof(ExitTier.Exemplary)));
        var meetingId = await app.MeetingAsync(chair, "统计分层确认会议");
        var scheduled = await (await chair.PostAsync($"/api/v1/exits/{exit.Id}/agenda", new FinPilot.Web.Features.Exit.ExitsApi.AgendaRequest(meetingId)))
            .ReadAsync<FinPilot.Web.Features.Exit.ExitsApi.ExitDto>();
        await chair.ResolveAsync(meetingId, scheduled.AgendaItemId!.Value, ProjectOutcome.Approved(projectId), "确认该试点完成退出。");

        var figures = await StatisticsWorld.FiguresAsync(app);
        Assert.Equal(before + 1, StatisticsWorld.Value(figures, Indicators.ExitedByTier, nameof(ExitTier.Exemplary)));
        Assert.Equal(figures, await StatisticsWorld.RecomputedAsync(app));

        using var anonymous = app.Anonymous();
        var register = await anonymous.GetStringAsync("/api/v1/statistics/datasets/register.json");
        using var json = System.Text.Json.JsonDocument.Parse(register);
        var row = json.RootElement.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("project_id").GetGuid() == projectId);
        Assert.Equal(nameof(ExitTier.Exemplary), row.GetProperty("tier").GetString());
        var recomputed = await StatisticsRecompute.FromSiteAsync(anonymous, anonymous.BaseAddress!);
        Assert.Empty(recomputed.Differences);

        anonymous.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var page = await anonymous.GetStringAsync("/statistics");
        Assert.Contains("退出项目分层分类", page, StringComparison.Ordinal);
        Assert.Contains("示范", page, StringComparison.Ordinal);
    }
}
