using FinPilot.Browser.Tests.Infrastructure;
using FinPilot.Browser.Tests.Pages;
using FinPilot.Domain.Applications;
using FinPilot.Domain.Calendar;
using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Projects;
using FinPilot.Ledger.Notes;
using FinPilot.Ledger.Proofs;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Applications;
using FinPilot.Web.Features.Disclosure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FinPilot.Browser.Tests;

public sealed class DecisionJourneyTests(BrowserApp app)
{
    private const string Project = "基于联邦学习的跨机构反洗钱监测试点";
    private const string Second = "基于大模型的智能投顾试点";

    [Fact]
    public async Task A_member_votes_the_working_group_publishes_the_public_objects_and_the_project_runs_in_the_register()
    {
        var coordination = await app.NewPageAsync();
        var callId = await app.OpenBeijingCallAsync();
        var projectId = await InDeliberationAsync(Project, callId);
        await InDeliberationAsync(Second, callId);

        await new LoginPage(coordination).SignInAsync("coordination@demo.finpilot.cn");
        var meeting = new MeetingPages(coordination);
        await meeting.ScheduleAsync("第三次协调小组会议");
        await meeting.AddItemAsync("北京工作组建议纳入试点。");
        await meeting.ConveneAsync();
        await Assertions.Expect(meeting.Status).ToHaveTextAsync("召开中");
        // One vote per project; the chair then rejects the second against the vote, and must say why.
        await meeting.VoteApproveAsync();
        await Assertions.Expect(meeting.Ballots).ToContainTextAsync("同意");
        await Assertions.Expect(meeting.Ballots.Locator("li")).ToHaveCountAsync(2);
        await meeting.RejectAsync(Second, "智能投顾的适当性管理方案不足");
        await meeting.RecordResolutionAsync("经表决，同意纳入试点。");
        await Assertions.Expect(meeting.Errors).ToContainTextAsync("须写明理由");
        await meeting.RejectAsync(Second, "智能投顾的适当性管理方案不足", "会前收到该项目客户投诉集中的情况通报");
        await meeting.RecordResolutionAsync("经表决，同意纳入试点第一个项目，第二个项目不予纳入。");
        await Assertions.Expect(meeting.Resolution).ToContainTextAsync(Project);
        await Assertions.Expect(meeting.AgainstMajority).ToContainTextAsync("会前收到该项目客户投诉集中的情况通报");

        var workingGroup = await app.NewPageAsync();
        await new LoginPage(workingGroup).SignInAsync("wg.beijing@demo.finpilot.cn");
        var notices = new NoticePages(workingGroup);
        await notices.DraftAsync("010-66668888");
        await notices.PublishAsync();
        await Assertions.Expect(notices.Status).ToHaveTextAsync("公示中");
        var manageUrl = workingGroup.Url;
        var noticeUrl = manageUrl.Replace("/notices/manage/", "/notices/", StringComparison.Ordinal);

        var visitor = await app.NewPageAsync();
        await visitor.GotoAsync(noticeUrl);
        app.Clock.Advance(TimeSpan.FromSeconds(10));
        var publicPage = new NoticePages(visitor);
        // Approved without conditions: the notice says so rather than leaving the reader to guess.
        await Assertions.Expect(publicPage.Conditions.First).ToHaveTextAsync("无");
        await publicPage.ObjectAsync(Project, "试点客户范围过宽，投资者保护措施需要加强。", "李四", "lisi@example.com");
        await Assertions.Expect(publicPage.Sent).ToBeVisibleAsync();

        await workingGroup.GotoAsync(manageUrl);
        await notices.AnswerAndDismissAsync("客户范围已由协调小组限定，投资者保护措施充分。", "经核实，异议不成立。");
        await Assertions.Expect(notices.Responses.First).ToContainTextAsync("异议不成立");

        // The period ends; the admission job runs.
        var endsAt = await WithDbAsync(db => db.PublicNotices.AsNoTracking().Where(n => n.Listings.Count > 0).OrderByDescending(n => n.CreatedAt).Select(n => n.EndsOn).FirstAsync());
        app.Clock.SetUtcNow(ChinaTime.EndOfDay(endsAt!.Value).AddMinutes(1));
        Assert.True(await app.Services.GetRequiredService<NoticeAdmissionJob>().TryRunAsync(CancellationToken.None));

        await visitor.GotoAsync($"/pilots/{projectId}");
        await Assertions.Expect(visitor.Locator("h1")).ToContainTextAsync(Project);
        await Assertions.Expect(visitor.Locator("body")).ToContainTextAsync("运行中");
        await visitor.GotoAsync("/pilots");
        await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync(Project);

        // Once logged, the visitor downloads the admission's proof from the pilot's page and checks it offline.
        await app.RunLedgerAsync();
        await visitor.GotoAsync($"/pilots/{projectId}");
        var download = await visitor.RunAndWaitForDownloadAsync(() => visitor.GetByTestId("ledger-proof").Last.ClickAsync());
        Assert.EndsWith(TlogProof.FileExtension, download.SuggestedFilename, StringComparison.Ordinal);
        var saved = Path.Combine(Path.GetTempPath(), $"finpilot-browser-{Guid.NewGuid():N}{TlogProof.FileExtension}");
        await download.SaveAsAsync(saved);
        try
        {
            var key = NoteKeys.ParseVerifierKey(app.LedgerKey).Value;
            var proof = TlogProof.Parse(await File.ReadAllTextAsync(saved, TestContext.Current.CancellationToken)).Value;
            var verified = proof.Verify(proof.Extra, key.Name, new NoteVerifierSet(key));
            Assert.True(verified.IsSuccess, verified.Error);
            var entry = LedgerEntry.TryParse(proof.Extra);
            Assert.Equal((NoticeActions.RecordAdmitted, (Guid?)projectId), (entry?.Kind, entry?.Project));
        }
        finally
        {
            File.Delete(saved);
        }
    }

    /// <summary>A Beijing project taken through application, screening and evaluation by the aggregate, ready for the coordination group.</summary>
    private async Task<Guid> InDeliberationAsync(string title, Guid callId)
    {
        return await WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow();
            var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == callId);
            var lead = await db.Organisations.SingleAsync(o => o.NameZh == "京华证券股份有限公司");
            var project = PilotProject.Create(Guid.CreateVersion7(now), call.Id, call.RegionId, lead.Id, ProjectCategory.TechnologyInnovation, title, now, "browser-test").Value!;
            var version = ApplicationVersionRecord.Open(project.Id, 1, new ApplicationForm
            {
                Name = title,
                Summary = "以联邦学习在不交换原始数据的前提下联合识别可疑交易。",
                Category = ProjectCategory.TechnologyInnovation,
                Scenarios = ["risk-control"],
                Technologies = ["privacy-computing"],
                RegulatoryQuestion = "检验跨机构数据协作的合规边界。",
                CustomerCaps = "仅限机构客户，不超过 100 户。",
                CustomerLimit = 100,
                DurationMonths = 12,
            }, now, "browser-test");
            project.Submit(now, "browser-test", call.ClosesAt);
            version.Freeze(now);
            project.StartScreening(now, "browser-test");
            project.Accept(now, "browser-test");
            project.CompleteEvaluation(now, "browser-test");
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
