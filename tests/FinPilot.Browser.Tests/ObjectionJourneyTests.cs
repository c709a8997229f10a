using FinPilot.Browser.Tests.Infrastructure;
using FinPilot.Browser.Tests.Pages;
using FinPilot.Domain.Applications;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FinPilot.Browser.Tests;

/// <summary>
/// Issue 13's upheld-objection path: a member of the public objects to an approved project during its
/// notice, the working group answers and upholds the objection, and the project goes back to the
/// coordination group — on the public notice, on the working group's page and on the applicant's.
/// </summary>
public sealed class ObjectionJourneyTests(BrowserApp app)
{
    private const string Actor = "browser-test";

    [Fact]
    public async Task An_upheld_objection_sends_the_project_back_to_the_coordination_group()
    {
        var title = $"异议成立旅程 {Guid.NewGuid():N}"[..16];
        var projectId = await ApprovedAsync(title);

        var workingGroup = await app.NewPageAsync();
        await new LoginPage(workingGroup).SignInAsync("wg.beijing@demo.finpilot.cn");
        var notices = new NoticePages(workingGroup);
        await notices.DraftAsync("010-66669999");
        await notices.PublishAsync();
        await Assertions.Expect(notices.Status).ToHaveTextAsync("公示中");
        var manageUrl = workingGroup.Url;
        var noticeUrl = manageUrl.Replace("/notices/manage/", "/notices/", StringComparison.Ordinal).Split('?')[0];

        var visitor = await app.NewPageAsync();
        await visitor.GotoAsync(noticeUrl);
        app.Clock.Advance(TimeSpan.FromSeconds(10));
        var publicPage = new NoticePages(visitor);
        await publicPage.ObjectAsync(title, "该项目的客户适当性管理安排不足，可能向风险承受能力低的客户推荐高风险产品。", "王五", "wangwu@example.com");
        await Assertions.Expect(publicPage.Sent).ToBeVisibleAsync();

        await workingGroup.GotoAsync(manageUrl);
        await notices.AnswerAndResolveAsync("经核查，客户适当性管理安排确需完善。", "Upheld", "适当性管理安排需补充，退回协调小组重新审议。");
        await Assertions.Expect(notices.Responses.First).ToContainTextAsync("异议成立");

        // The public notice names the outcome for the project; the applicant sees it back in deliberation.
        await visitor.GotoAsync(noticeUrl);
        var listing = visitor.Locator("[data-testid=notice-project]").Filter(new() { HasText = title });
        await Assertions.Expect(listing.Locator("[data-testid=listing-status]")).ToHaveTextAsync("退回重新审议");
        Assert.Equal(ProjectStage.Deliberation, await WithDbAsync(db => db.Projects.Where(p => p.Id == projectId).Select(p => p.Stage).SingleAsync()));

        var applicant = await app.NewPageAsync();
        await new LoginPage(applicant).SignInAsync("applicant@demo.finpilot.cn");
        await applicant.GotoAsync($"/applications/{projectId}");
        await Assertions.Expect(applicant.Locator("[data-testid=stage]")).ToHaveTextAsync("协调小组审议");

        // The browser tests share one app: the coordination group's next agenda (DecisionJourneyTests) must not find this project.
        await WithDbAsync(async db =>
        {
            var project = await db.Projects.SingleAsync(p => p.Id == projectId);
            Assert.True(project.RejectAfterDeliberation(app.Clock.GetUtcNow(), Actor, "测试结束").Succeeded);
            return await db.SaveChangesAsync();
        });
    }

    /// <summary>A Beijing project of 京华证券 taken by the aggregate through to the coordination group's approval.</summary>
    private async Task<Guid> ApprovedAsync(string title)
    {
        var callId = await app.OpenBeijingCallAsync();
        return await WithDbAsync(async db =>
    {
        var now = app.Clock.GetUtcNow();
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == callId);
        var lead = await db.Organisations.SingleAsync(o => o.NameZh == "京华证券股份有限公司");
        var project = PilotProject.Create(Guid.CreateVersion7(now), call.Id, call.RegionId, lead.Id, ProjectCategory.TechnologyInnovation, title, now, Actor).Value!;
        var version = ApplicationVersionRecord.Open(project.Id, 1, new ApplicationForm
        {
            Name = title,
            Summary = "以大模型为客户提供资产配置建议。",
            Category = ProjectCategory.TechnologyInnovation,
            Scenarios = ["investment-advice"],
            Technologies = ["ai"],
            RegulatoryQuestion = "检验智能投顾的适当性管理边界。",
            CustomerCaps = "仅限专业投资者，不超过 200 户。",
            CustomerLimit = 200,
            DurationMonths = 12,
        }, now, Actor);
        Assert.True(project.Submit(now, Actor, call.ClosesAt).Succeeded);
        version.Freeze(now);
        Assert.True(project.StartScreening(now, Actor).Succeeded);
        Assert.True(project.Accept(now, Actor).Succeeded);
        Assert.True(project.CompleteEvaluation(now, Actor).Succeeded);
        Assert.True(project.Approve(now, Actor).Succeeded);
        db.Projects.Add(project);
        db.ApplicationVersions.Add(version);
        await db.SaveChangesAsync();
        return project.Id;
    });
    }

    private async Task<T> WithDbAsync<T>(Func<FinPilotDbContext, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<FinPilotDbContext>());
    }
}
