using System.Globalization;
using System.Net;
using FinPilot.Domain.Calendar;
using FinPilot.Domain.Deliberation;
using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Applications;
using FinPilot.Web.Features.Deliberation;
using FinPilot.Web.Features.Disclosure;
using FinPilot.Web.Features.Notifications;
using FinPilot.Web.Features.Notifications.Mail;
using FinPilot.Web.Tests.Applications;
using FinPilot.Web.Tests.Deliberation;
using FinPilot.Web.Tests.Disclosure;
using FinPilot.Web.Tests.Evaluation;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.Notifications;

/// <summary>
/// The messages people would expect on the way from evaluation to admission: each reaches the
/// right people (and nobody of another region), is of its own kind, and reads in the recipient's
/// language with its values filled in.
/// </summary>
public sealed class ExpectedNotificationTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    [Theory, AllProviders]
    public async Task The_coordination_group_hears_when_a_completed_round_sends_projects_to_deliberation(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var secretariat = await app.ApiClientAsync(DemoUsers.Secretariat);
        var (callId, projects) = await app.InEvaluationAsync("待审议通知 征集", ["待审议通知甲"]);
        var round = await app.OpenedRoundAsync(secretariat, callId);
        foreach (var assignment in round.Assignments)
        {
            using var expert = await app.ApiClientAsync(await app.EmailOfAsync(assignment.ExpertUserId));
            await expert.ScoreAsync(assignment.Id, EvaluationTestKit.Sheet(8));
        }

        Assert.Empty(await app.SentAsync(NotificationKind.ProjectAwaitsDeliberation, "待审议通知甲"));
        var current = await secretariat.RoundAsync(round.Id);
        await (await secretariat.PostAsync($"/api/v1/evaluation/rounds/{round.Id}/complete", new FinPilot.Web.Features.Evaluation.EvaluationApi.VersionRequest(current.Version)))
            .AssertStatusAsync(HttpStatusCode.NoContent);

        Assert.Equal(ProjectStage.Deliberation, await app.StageAsync(projects[0]));
        var sent = Assert.Single(await app.SentAsync(NotificationKind.ProjectAwaitsDeliberation, "待审议通知甲"));
        Assert.Equal(await app.UserIdAsync(DemoUsers.Coordination), sent.UserId);
        Assert.Equal("/deliberation", sent.Link);
        Assert.Equal("待协调小组审议：待审议通知甲", NotificationTexts.Render(sent, Chinese).Subject);
        Assert.Contains("(Beijing)", NotificationTexts.Render(sent, English).Body, StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task The_working_group_of_the_region_hears_when_an_approved_project_waits_for_its_notice(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (_, projects) = await app.InEvaluationAsync("待公示通知 征集", ["待公示通知甲", "待公示通知乙"]);
        await app.CompleteEvaluationAsync(projects);
        using var chair = await app.ApiClientAsync(DemoUsers.Coordination);
        var chairId = await app.UserIdAsync(DemoUsers.Coordination);
        var today = ChinaTime.DateOf(app.Clock.GetUtcNow());
        var meeting = await (await chair.PostAsync("/api/v1/meetings", new MeetingDetails("待公示通知会议", today, new TimeOnly(9, 30), chairId, [chairId])))
            .ReadAsync<DeliberationApi.MeetingDto>(HttpStatusCode.Created);
        await (await chair.PostAsync($"/api/v1/meetings/{meeting.Id}/items", new DeliberationApi.ItemRequest(AgendaItemKind.Admission, "待公示通知入箱", projects, "建议纳入。")))
            .AssertStatusAsync(HttpStatusCode.NoContent);
        var item = (await chair.GetMeetingAsync(meeting.Id)).Items.Single().Id;
        await (await chair.PostAsync($"/api/v1/meetings/{meeting.Id}/convene", new { })).AssertStatusAsync(HttpStatusCode.NoContent);
        await (await chair.PostAsync($"/api/v1/meetings/{meeting.Id}/items/{item}/votes", new DeliberationApi.VoteRequest(VoteChoice.Approve, null, null, projects[0])))
            .AssertStatusAsync(HttpStatusCode.NoContent);
        await (await chair.PostAsync($"/api/v1/meetings/{meeting.Id}/items/{item}/votes", new DeliberationApi.VoteRequest(VoteChoice.Reject, null, null, projects[1])))
            .AssertStatusAsync(HttpStatusCode.NoContent);
        await (await chair.PostAsync($"/api/v1/meetings/{meeting.Id}/items/{item}/resolution",
            new DeliberationApi.ResolutionRequest([ProjectOutcome.Approved(projects[0]), ProjectOutcome.Rejected(projects[1], "监管启发不足")], "经表决。")))
            .AssertStatusAsync(HttpStatusCode.NoContent);

        var sent = Assert.Single(await app.SentAsync(NotificationKind.ProjectAwaitsNotice, "待公示通知甲"));
        Assert.Equal(await app.UserIdAsync(DemoUsers.WorkingGroupBeijing), sent.UserId);
        Assert.Equal("/notices/manage", sent.Link);
        Assert.Equal("Awaiting public notice: 待公示通知甲", NotificationTexts.Render(sent, English).Subject);
        // The rejected project waits for nothing; Shanghai's working group hears of no Beijing project.
        Assert.Empty(await app.SentAsync(NotificationKind.ProjectAwaitsNotice, "待公示通知乙"));
        Assert.DoesNotContain(await app.UserIdAsync(DemoUsers.WorkingGroupShanghai), (await app.SentAsync(NotificationKind.ProjectAwaitsNotice, "待公示通知甲")).Select(n => n.UserId));
    }

    [Theory, AllProviders]
    public async Task The_applicant_hears_of_its_notice_and_its_admission_and_the_working_group_of_the_period_end_once(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var project = await app.ApprovedAsync("公示通知");
        var notice = await wg.DraftNoticeAsync(app, project);
        Assert.Empty(await app.SentAsync(NotificationKind.ProjectOnNotice, "公示通知"));
        await (await wg.PostAsync($"/api/v1/notices/manage/{notice.Id}/publish", new NoticesApi.VersionRequest(notice.Version))).AssertStatusAsync(HttpStatusCode.NoContent);

        var applicant = await app.UserIdAsync(DemoUsers.Applicant);
        var published = await (await app.Anonymous().GetAsync($"/api/v1/notices/{notice.Id}")).ReadAsync<NoticesApi.NoticeDto>();
        var onNotice = Assert.Single(await app.SentAsync(NotificationKind.ProjectOnNotice, "公示通知"));
        Assert.Equal((applicant, $"/notices/{notice.Id}"), (onNotice.UserId, onNotice.Link));
        Assert.Equal(
            $"Your project “公示通知” is listed on the public notice “{notice.Title}”, open until {published.EndsOn:yyyy-MM-dd}.",
            NotificationTexts.Render(onNotice, English).Body.Split(" If ")[0]);

        app.Clock.SetUtcNow(ChinaTime.EndOfDay(published.EndsOn!.Value).AddMinutes(1));
        await app.RunAdmissionAsync();
        await app.RunAdmissionAsync();

        var ended = Assert.Single(await app.WithDbAsync(db => db.Notifications.AsNoTracking()
            .Where(n => n.Kind == NotificationKind.NoticePeriodEnded && n.Link == $"/notices/manage/{notice.Id}").ToListAsync()));
        Assert.Equal(await app.UserIdAsync(DemoUsers.WorkingGroupBeijing), ended.UserId);
        Assert.Equal($"公示期满：{notice.Title}", NotificationTexts.Render(ended, Chinese).Subject);
        var admitted = Assert.Single(await app.SentAsync(NotificationKind.ProjectAdmitted, "公示通知"));
        Assert.Equal(applicant, admitted.UserId);
        Assert.Contains($"starts on {published.EndsOn.Value.AddDays(1):yyyy-MM-dd}", NotificationTexts.Render(admitted, English).Body, StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task An_objection_reaches_the_applicant_and_its_answer_and_resolution_reach_the_objector_in_their_language(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var project = await app.ApprovedAsync("异议通知");

        // Test clients share one network address; a day on, other tests' submissions no longer count against it.
        app.Clock.Advance(TimeSpan.FromDays(1));
        var notice = await wg.PublishedNoticeAsync(app, project);
        using var visitor = app.Anonymous();
        var token = await visitor.FormTokenAsync();
        app.Clock.Advance(TimeSpan.FromSeconds(5));
        var address = $"objector-{Guid.NewGuid():N}@example.com";
        var objection = await (await visitor.PostAsync($"/api/v1/notices/{notice.Id}/responses?culture=en",
                new NoticesApi.ResponseRequest(PublicResponseKind.Objection, project, "The customer protection arrangements are inadequate.", "Jane Doe", address, token, null)))
            .ReadAsync<NoticesApi.ResponseDto>(HttpStatusCode.Created);
        var byPhone = await (await visitor.PostAsync($"/api/v1/notices/{notice.Id}/responses",
                new NoticesApi.ResponseRequest(PublicResponseKind.Objection, project, "该项目的客户保护安排不充分，存在风险。", "李四", "138 0013 8000", token, null)))
            .ReadAsync<NoticesApi.ResponseDto>(HttpStatusCode.Created);

        // The applicant hears of both objections, neither who made them nor what they say.
        var concerns = await app.SentAsync(NotificationKind.ObjectionConcernsProject, "异议通知");
        Assert.Equal(2, concerns.Count);
        var applicant = await app.UserIdAsync(DemoUsers.Applicant);
        Assert.All(concerns, n => Assert.Equal(applicant, n.UserId));
        Assert.DoesNotContain("Jane", NotificationTexts.Render(concerns[0], English).Body, StringComparison.Ordinal);
        Assert.Empty(await app.MailsToAsync(address));

        var manage = $"/api/v1/notices/manage/{notice.Id}/responses";
        await (await wg.PostAsync($"{manage}/{objection.Id}/answer", new NoticesApi.AnswerRequest("经核查，客户保护安排确需完善。"))).AssertStatusAsync(HttpStatusCode.NoContent);
        await (await wg.PostAsync($"{manage}/{byPhone.Id}/answer", new NoticesApi.AnswerRequest("已电话联系。"))).AssertStatusAsync(HttpStatusCode.NoContent);
        var answered = Assert.Single(await app.MailsToAsync(address));
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal((NotificationKind.ObjectionAnswered, "en", $"/notices/{notice.Id}"), (answered.Kind, answered.Culture, answered.Link));

        await (await wg.PostAsync($"{manage}/{byPhone.Id}/resolve", new NoticesApi.ResolveRequest(ObjectionOutcome.Dismissed, "不成立"))).AssertStatusAsync(HttpStatusCode.NoContent);
        await (await wg.PostAsync($"{manage}/{objection.Id}/resolve", new NoticesApi.ResolveRequest(ObjectionOutcome.Upheld, "客户保护安排需补充"))).AssertStatusAsync(HttpStatusCode.NoContent);
        var mails = await app.MailsToAsync(address);
        Assert.Equal([NotificationKind.ObjectionAnswered, NotificationKind.ObjectionResolved], mails.Select(m => m.Kind));
        // Only the objector who left an e-mail address is mailed; the one who left a phone number is called.
        Assert.Equal(2, await app.WithDbAsync(db => db.AddressedNotifications.CountAsync(n => n.Link == $"/notices/{notice.Id}")));

        var options = new MailOptions { SiteUrl = "https://finpilot.example.cn" };
        var answer = NotificationMail.Compose(mails[0], options, app.Clock.GetUtcNow());
        Assert.Equal($"Your objection was answered: {notice.Title}", answer.Subject);
        Assert.Contains("经核查，客户保护安排确需完善。", answer.TextBody, StringComparison.Ordinal);
        Assert.Equal([address], answer.To.Mailboxes.Select(m => m.Address));
        var resolved = NotificationMail.Compose(mails[1], options, app.Clock.GetUtcNow());
        Assert.Contains("has been resolved: Upheld. Note: 客户保护安排需补充", resolved.TextBody, StringComparison.Ordinal);
        Assert.Contains($"https://finpilot.example.cn/notices/{notice.Id}", resolved.TextBody, StringComparison.Ordinal);

        // Upheld, the project is back before the coordination group, which is told.
        Assert.Equal(ProjectStage.Deliberation, await app.StageAsync(project));
        var back = Assert.Single(await app.SentAsync(NotificationKind.ProjectAwaitsDeliberation, "异议通知"));
        Assert.Equal(await app.UserIdAsync(DemoUsers.Coordination), back.UserId);
    }

    [Theory, AllProviders]
    public async Task The_working_group_is_told_a_resubmission_after_supplement_is_a_resubmission(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var id = await app.SubmittedAsync(applicant, "补正重报通知");
        await (await wg.PostAsync($"/api/v1/screening/{id}/start", new { })).AssertStatusAsync(HttpStatusCode.NoContent);
        await (await wg.PostAsync($"/api/v1/screening/{id}/return", new ScreeningApi.SupplementRequestDto(["数据安全评估报告"], 5))).AssertStatusAsync(HttpStatusCode.NoContent);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await applicant.SaveAsync(id, ApplicationTestKit.CompleteForm("补正重报通知") with { RiskAssessment = "补充：数据安全评估已完成。" });
        await (await applicant.PostAsync($"/api/v1/applications/{id}/submit", new { })).AssertStatusAsync(HttpStatusCode.OK);

        var workingGroup = await app.UserIdAsync(DemoUsers.WorkingGroupBeijing);
        var told = await app.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.Link == $"/screening/{id}" && n.UserId == workingGroup)
            .OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).ToListAsync());
        Assert.Equal([NotificationKind.ApplicationSubmitted, NotificationKind.ApplicationResubmitted], told.Select(n => n.Kind));
        Assert.StartsWith("Resubmitted after supplement: 补正重报通知", NotificationTexts.Render(told[1], English).Subject, StringComparison.Ordinal);
        Assert.Equal("补正后重新提交：补正重报通知", NotificationTexts.Render(told[1], Chinese).Subject);
    }
}

internal static class ExpectedNotificationKit
{
    /// <summary>Notifications of <paramref name="kind"/> about the thing titled <paramref name="title"/>, oldest first.</summary>
    public static async Task<List<Notification>> SentAsync(this FinPilotApp app, NotificationKind kind, string title) =>
        (await app.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.Kind == kind).ToListAsync()))
        .Where(n => n.Values.GetValueOrDefault(NotificationValues.Title) == title).OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).ToList();

    public static Task<List<AddressedNotification>> MailsToAsync(this FinPilotApp app, string address) =>
        app.WithDbAsync(db => db.AddressedNotifications.AsNoTracking().Where(n => n.Address == address).OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).ToListAsync());

    public static Task<string> UserIdAsync(this FinPilotApp app, string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
}
