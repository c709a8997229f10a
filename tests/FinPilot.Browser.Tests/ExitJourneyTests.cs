using FinPilot.Browser.Tests.Infrastructure;
using FinPilot.Browser.Tests.Pages;
using FinPilot.Domain.Applications;
using FinPilot.Domain.Common;
using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Exit;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Organisations;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Applications;
using FinPilot.Web.Features.Calendar;
using FinPilot.Web.Features.Disclosure;
using FinPilot.Web.Features.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FinPilot.Browser.Tests;

/// <summary>
/// Issue 18's exit journey through the pages, on a pilot of its own (a fresh institution and applicant, listed on a
/// notice and admitted, set up through the services): the institution applies to complete, fills the self-assessment
/// and the customer-protection checklist and submits; the working group audits and starts the expert review; the
/// experts submit their sheets; the working group forwards with the formula's tier; the coordination group confirms
/// the tier and resolves the exit at a meeting; the pilot's public page shows the exit and the tier.
/// </summary>
public sealed class ExitJourneyTests(BrowserApp app)
{
    private static readonly string[] Experts = ["expert@demo.finpilot.cn", "expert.legal@demo.finpilot.cn", "expert.finance@demo.finpilot.cn"];

    [Fact]
    public async Task A_running_pilot_exits_through_the_pages_and_its_public_page_shows_the_exit_and_the_tier()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var title = $"退出旅程试点 {marker}";
        var (projectId, applicantEmail) = await ListedRunningPilotAsync(title, marker);

        // 自测自评 and the checklist, by the institution.
        var institution = await app.NewPageAsync();
        await new LoginPage(institution).SignInAsync(applicantEmail);
        await institution.GotoAsync($"pilots/{projectId}/exit");
        await institution.Locator("[data-testid=apply] input[name=Mode][value=Completed]").CheckAsync();
        await institution.Locator("#reasons").FillAsync("测试计划已全部执行，试点目标达成。");
        await institution.Locator("[data-testid=confirm-apply]").CheckAsync();
        await institution.Locator("[data-testid=apply-submit]").ClickAsync();
        await Assertions.Expect(institution.Locator("[data-testid=exit-overview]")).ToBeVisibleAsync();
        var exitPath = await institution.Locator("[data-testid=open-case]").GetAttributeAsync("href");
        Assert.NotNull(exitPath);

        var fields = institution.Locator("[data-testid=assessment-form] textarea");
        var count = await fields.CountAsync();
        Assert.True(count >= 12, $"The self-assessment has {count} fields.");
        for (var i = 0; i < count; i++)
        {
            await fields.Nth(i).FillAsync($"自评第 {i + 1} 项：达到预期。");
        }

        await institution.Locator("[data-testid=assessment-submit]").ClickAsync();
        await Assertions.Expect(institution.Locator("[data-testid=done]")).ToBeVisibleAsync();
        var items = institution.Locator("[data-testid=checklist-form] [data-testid=checklist-field]");
        var itemCount = await items.CountAsync();
        Assert.True(itemCount >= 6, $"The checklist has {itemCount} items.");
        for (var i = 0; i < itemCount; i++)
        {
            await items.Nth(i).Locator("input[type=checkbox]").CheckAsync();
            await items.Nth(i).Locator("textarea").FillAsync($"第 {i + 1} 项已完成，证明材料已归档。");
        }

        await institution.Locator("[data-testid=checklist-submit]").ClickAsync();
        await Assertions.Expect(institution.Locator("[data-testid=checklist-form]")).ToContainTextAsync("清单已齐全");
        await Assertions.Expect(institution.Locator("[data-testid=form-errors]")).ToHaveCountAsync(0);
        await institution.Locator("[data-testid=submit-audit]").ClickAsync();
        await Assertions.Expect(institution.Locator("[data-testid=exit-overview] [data-testid=status]")).ToHaveTextAsync("工作组审核");
        await Assertions.Expect(institution.Locator("[data-testid=assessment-form]")).ToHaveCountAsync(0);

        // 审核 and the start of 专家论证, by the working group.
        var workingGroup = await app.NewPageAsync();
        await new LoginPage(workingGroup).SignInAsync("wg.beijing@demo.finpilot.cn");
        await workingGroup.GotoAsync(exitPath);
        await workingGroup.Locator("#accept-note").FillAsync("材料齐全，审核通过。");
        await workingGroup.Locator("[data-testid=accept-submit]").ClickAsync();
        await Assertions.Expect(workingGroup.Locator("[data-testid=audit-note]")).ToBeVisibleAsync();
        await workingGroup.Locator("[data-testid=start-review-submit]").ClickAsync();
        var seated = 0;
        foreach (var expert in Experts)
        {
            await workingGroup.Locator("#expert").SelectOptionAsync(await UserIdAsync(expert));
            await workingGroup.Locator("[data-testid=assign-submit]").ClickAsync();
            await Assertions.Expect(workingGroup.Locator("[data-testid=reviewer-row]")).ToHaveCountAsync(++seated);
            await Assertions.Expect(workingGroup.Locator("[data-testid=form-errors]")).ToHaveCountAsync(0);
        }

        // Each expert's sheet.
        foreach (var email in Experts)
        {
            var expert = await app.NewPageAsync();
            await new LoginPage(expert).SignInAsync(email);
            await expert.GotoAsync($"{exitPath}/review/sheet");
            var criteria = expert.Locator("[data-testid=sheet] [data-testid=criterion]");
            for (var i = 0; i < await criteria.CountAsync(); i++)
            {
                await criteria.Nth(i).Locator("input[type=number]").FillAsync("9");
                await criteria.Nth(i).Locator("textarea").FillAsync("论证充分，效果良好。");
            }

            await expert.Locator("input[name=Recommendation][value=Recommend]").CheckAsync();
            await expert.Locator("#opinion").FillAsync("同意退出。");
            await expert.Locator("[data-testid=confirm-sheet]").CheckAsync();
            await expert.Locator("[data-testid=sheet-submit]").ClickAsync();
            await Assertions.Expect(expert.Locator("[data-testid=sheet-submitted]")).ToBeVisibleAsync();
            await expert.Context.CloseAsync();
        }

        // The working group forwards with the formula's proposal.
        // (A GET: reloading would post the last form again.)
        await workingGroup.GotoAsync(exitPath);
        await workingGroup.Locator("#forward-view").FillAsync("工作组建议确认试点完成退出。");
        await workingGroup.Locator("[data-testid=forward] input[name=Confirm]").CheckAsync();
        await workingGroup.Locator("[data-testid=forward-submit]").ClickAsync();
        await Assertions.Expect(workingGroup.Locator("[data-testid=proposal]")).ToBeVisibleAsync();
        await Assertions.Expect(workingGroup.Locator("[data-testid=forward-note]")).ToBeVisibleAsync();
        await Assertions.Expect(workingGroup.Locator("[data-testid=forwarded-by]")).ToContainTextAsync("提请协调小组审议");

        // 结果确认 by the coordination group: the tier as proposed, the item on a meeting, voted and resolved.
        var coordination = await app.NewPageAsync();
        await new LoginPage(coordination).SignInAsync("coordination@demo.finpilot.cn");
        var meetingTitle = $"退出确认会议 {marker}";
        var meeting = new MeetingPages(coordination);
        await meeting.ScheduleAsync(meetingTitle);
        var meetingUrl = coordination.Url;
        await coordination.GotoAsync(exitPath);
        var tierValue = await coordination.Locator("#tier").InputValueAsync();
        var tier = Enum.Parse<ExitTier>(tierValue);
        await coordination.Locator("[data-testid=decide-tier] input[name=Confirm]").CheckAsync();
        await coordination.Locator("[data-testid=decide-tier-submit]").ClickAsync();
        await Assertions.Expect(coordination.Locator("[data-testid=done]")).ToBeVisibleAsync();
        await Assertions.Expect(coordination.Locator("[data-testid=form-errors]")).ToHaveCountAsync(0);
        var option = await coordination.Locator("#meeting option").Filter(new() { HasText = meetingTitle }).GetAttributeAsync("value");
        Assert.NotNull(option);
        await coordination.Locator("#meeting").SelectOptionAsync(option);
        await coordination.Locator("[data-testid=schedule] input[name=Confirm]").CheckAsync();
        await coordination.Locator("[data-testid=schedule-submit]").ClickAsync();
        await Assertions.Expect(coordination.Locator("[data-testid=on-agenda]")).ToBeVisibleAsync();

        await coordination.GotoAsync(meetingUrl);
        await meeting.ConveneAsync();
        await Assertions.Expect(meeting.Status).ToHaveTextAsync("召开中");
        await meeting.VoteApproveAsync();
        await meeting.RecordResolutionAsync($"经审议，确认{title}完成退出。");
        await Assertions.Expect(meeting.Errors).ToHaveCountAsync(0);
        await Assertions.Expect(meeting.Resolution).ToContainTextAsync(title);

        var tierZh = TierZh(tier);
        await coordination.GotoAsync(exitPath);
        await Assertions.Expect(coordination.Locator("[data-testid=exit-detail] [data-testid=tier]")).ToHaveTextAsync(tierZh);
        Assert.Equal(ProjectStage.Exited, await StageAsync(projectId));

        // The public page: the exit and the tier on the timeline, for anyone.
        var visitor = await app.NewPageAsync();
        await visitor.GotoAsync($"pilots/{projectId}");
        var events = visitor.Locator("[data-testid=pilot-timeline] [data-testid=pilot-event]");
        await Assertions.Expect(events.Filter(new() { HasText = "协调小组确认试点退出" })).ToHaveCountAsync(1);
        await Assertions.Expect(events.Filter(new() { HasText = $"分层分类结果：{tierZh}" })).ToHaveCountAsync(1);
    }

    private static string TierZh(ExitTier tier) => tier switch
    {
        ExitTier.Exemplary => "示范",
        ExitTier.Good => "良好",
        ExitTier.Qualified => "合格",
        _ => "不合格",
    };

    private async Task<string> UserIdAsync(string email)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<FinPilotDbContext>().Users.AsNoTracking().Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private async Task<ProjectStage> StageAsync(Guid projectId)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<FinPilotDbContext>().Projects.AsNoTracking()
            .Where(p => p.Id == projectId).Select(p => p.Stage).SingleAsync();
    }

    /// <summary>
    /// A pilot of a new institution with an applicant account of its own, on a published notice of Beijing and admitted
    /// three months ago (so it is in the public register and running), as the demo seeder makes its pilots.
    /// </summary>
    private async Task<(Guid ProjectId, string ApplicantEmail)> ListedRunningPilotAsync(string title, string marker)
    {
        const string actor = "exit-journey";
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<FinPilotDbContext>();
        var beijing = await db.Regions.SingleAsync(r => r.Code == "BJ");
        var call = await db.Calls.Where(c => c.RegionId == beijing.Id).OrderBy(c => c.BatchNumber).FirstAsync();
        var organisation = Organisation.Create(
            new OrganisationDetails($"退出旅程科技有限公司{marker}", $"Exit Journey Tech {marker}", OrganisationType.TechnologyCompany, false, CreditCode(), beijing.Id),
            Guid.CreateVersion7()).ValueOrThrow();
        db.Organisations.Add(organisation);

        var now = app.Clock.GetUtcNow();
        var applied = call.ClosesAt.AddDays(-30);
        var project = PilotProject.Create(Guid.CreateVersion7(), call.Id, call.RegionId, organisation.Id, ProjectCategory.BusinessInnovation, title, applied, actor).ValueOrThrow();
        var version = ApplicationVersionRecord.Open(project.Id, 1, new ApplicationForm { Name = title, TestScope = "北京地区，仅限专业投资者。", CustomerLimit = 300, DurationMonths = 12 }, applied, actor);
        project.Submit(applied, actor, call.ClosesAt).OrThrow();
        version.Freeze(applied);
        project.StartScreening(applied, actor).OrThrow();
        project.Accept(applied, actor).OrThrow();
        project.CompleteEvaluation(applied, actor).OrThrow();
        project.Approve(applied, actor).OrThrow();
        db.Projects.Add(project);
        db.ApplicationVersions.Add(version);

        var records = new PublicRecordWriter(db);
        var published = now.AddDays(-120);
        var summary = new PublicProjectSummary(project.Id, title, organisation.NameZh, [], ProjectCategory.BusinessInnovation, [], [],
            "检验新技术在该业务场景下的合规边界。", "仅限专业投资者，不超过 300 户。", 12)
        {
            LeadType = organisation.Type,
        };
        var notice = PublicNotice.Create(Guid.CreateVersion7(published), beijing.Id,
            new PublicNoticeContent($"退出旅程测试公示 {marker}", "拟入箱项目公示。", "010-8000 0001", [summary]), published, actor).ValueOrThrow();
        notice.Publish(published, actor, await services.GetRequiredService<WorkingCalendarProvider>().GetAsync()).OrThrow();
        db.PublicNotices.Add(notice);
        records.Write(
            PublicRecord.Create(NoticeActions.RecordPublished, notice.Id.ToString(), published, new { notice.Id, notice.Title, notice.EndsOn, projects = new[] { summary } }),
            beijing.Id,
            [new PublicEvent(project.Id, PublicEventKind.NoticePublished, published, $"公示：{notice.Title}", $"Public notice: {notice.Title}", $"/notices/{notice.Id}")]);

        var admitted = now.AddDays(-90);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var starts = today.AddMonths(-3);
        project.Admit(admitted, actor, new PilotStart(starts, starts.AddYears(1).AddDays(-1), 300)).OrThrow();
        notice.Admit(project.Id, admitted, actor).OrThrow();
        records.Write(
            PublicRecord.Create(NoticeActions.RecordAdmitted, project.Id.ToString(), admitted, new { noticeId = notice.Id, projectId = project.Id }),
            beijing.Id,
            [new PublicEvent(project.Id, PublicEventKind.Admitted, admitted, "公示期满，入箱启动试点", "Admitted after public notice", $"/pilots/{project.Id}")]);
        notice.Close(admitted).OrThrow();
        await db.SaveChangesAsync();

        var email = $"exit.{marker}@example.cn";
        var users = services.GetRequiredService<UserAdministration>().AsSystem();
        var created = await users.CreateAsync(new NewUser(email, $"退出旅程申请人 {marker}", LoginPage.DemoPassword));
        Assert.True(created.Succeeded, string.Join("; ", created.Errors));
        var granted = await users.GrantAsync(created.Value!.User.Id, Role.Applicant, null, organisation.Id);
        Assert.True(granted.Succeeded, string.Join("; ", granted.Errors));
        return (project.Id, email);
    }

    /// <summary>A valid unified social credit code (91 + Beijing's division + a random body + its check character).</summary>
    private static string CreditCode()
    {
        var first17 = "91110000" + string.Concat(Enumerable.Range(0, 9).Select(_ => (char)('0' + Random.Shared.Next(10))));
        return first17 + UnifiedSocialCreditCode.CheckCharacter(first17);
    }
}
