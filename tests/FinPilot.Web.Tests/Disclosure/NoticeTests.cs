using System.Net;
using FinPilot.Domain.Calendar;
using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Calendar;
using FinPilot.Web.Features.Disclosure;
using FinPilot.Web.Tests.Evaluation;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinPilot.Web.Tests.Disclosure;

public sealed class NoticeTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task A_notice_counts_its_period_in_working_days_past_a_holiday_and_admits_at_the_end(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var project = await app.ApprovedAsync("公示入箱");
        var notice = await wg.DraftNoticeAsync(app, project);
        // Approved, with only a draft notice: the project waits for its notice.
        Assert.Equal("待公示", await app.StageTagAsync($"/applications/{project}", DemoUsers.Applicant));
        Assert.Equal("待公示", await app.StageTagAsync($"/screening/{project}", DemoUsers.WorkingGroupBeijing));

        // The next two working days become holidays: the period must step over them.
        var today = ChinaTime.DateOf(app.Clock.GetUtcNow());
        var calendar = await app.CalendarAsync();
        var holidays = new[] { calendar.AddWorkingDays(today, 1), calendar.AddWorkingDays(today, 2) };
        await app.AddHolidaysAsync(holidays);
        await (await wg.PostAsync($"/api/v1/notices/manage/{notice.Id}/publish", new NoticesApi.VersionRequest(notice.Version))).AssertStatusAsync(HttpStatusCode.NoContent);

        var published = await (await app.Anonymous().GetAsync($"/api/v1/notices/{notice.Id}")).ReadAsync<NoticesApi.NoticeDto>();
        var expected = (await app.CalendarAsync()).AddWorkingDays(today, 5);
        Assert.Equal(expected, published.EndsOn);
        Assert.True(expected > calendar.AddWorkingDays(today, 5));
        Assert.Equal(ProjectStage.PublicNotice, await app.StageAsync(project));
        Assert.Equal("公示中", await app.StageTagAsync($"/applications/{project}", DemoUsers.Applicant));
        Assert.Equal("公示中", await app.StageTagAsync($"/screening/{project}", DemoUsers.WorkingGroupBeijing));

        // Not yet: a minute before the end of the last day.
        app.Clock.SetUtcNow(ChinaTime.EndOfDay(expected).AddMinutes(-1));
        await app.RunAdmissionAsync();
        Assert.Equal(ProjectStage.PublicNotice, await app.StageAsync(project));

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await app.RunAdmissionAsync();
        var admitted = await app.WithDbAsync(db => db.Projects.SingleAsync(p => p.Id == project));
        Assert.Equal(ProjectStage.Running, admitted.Stage);
        Assert.Equal(expected.AddDays(1), admitted.StartsOn);
        Assert.Equal(500, admitted.CustomerLimit);
        var events = await app.WithDbAsync(db => db.PublicEvents.Where(e => e.ProjectId == project).OrderBy(e => e.At).Select(e => e.Kind).ToListAsync());
        Assert.Equal([PublicEventKind.NoticePublished, PublicEventKind.Admitted], events);
        var kinds = await app.WithDbAsync(db => db.PublicRecords.Where(r => r.SubjectId == project.ToString() || r.SubjectId == notice.Id.ToString()).Select(r => r.Kind).ToListAsync());
        Assert.Contains(NoticeActions.RecordPublished, kinds);
        Assert.Contains(NoticeActions.RecordAdmitted, kinds);
        await app.RemoveHolidaysAsync(holidays);
    }

    [Theory, AllProviders]
    public async Task An_upheld_objection_sends_the_project_back_to_deliberation(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var project = await app.ApprovedAsync("公示异议");

        // Test clients share one network address; a day on, other tests' submissions no longer count against it.
        app.Clock.Advance(TimeSpan.FromDays(1));
        var notice = await wg.PublishedNoticeAsync(app, project);
        using var visitor = app.Anonymous();
        var token = await visitor.FormTokenAsync();
        app.Clock.Advance(TimeSpan.FromSeconds(5));

        var anonymous = await (await visitor.PostAsync($"/api/v1/notices/{notice.Id}/responses",
            new NoticesApi.ResponseRequest(PublicResponseKind.Objection, project, "该项目的客户保护安排不充分，存在风险。", null, null, token, null))).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Name", anonymous.Errors.Keys);
        Assert.Contains("Contact", anonymous.Errors.Keys);
        await (await visitor.PostAsync($"/api/v1/notices/{notice.Id}/responses",
            new NoticesApi.ResponseRequest(PublicResponseKind.Comment, null, "支持该项目，期待早日落地。", null, null, token, null))).AssertStatusAsync(HttpStatusCode.Created);
        var objection = await (await visitor.PostAsync($"/api/v1/notices/{notice.Id}/responses",
                new NoticesApi.ResponseRequest(PublicResponseKind.Objection, project, "该项目的客户保护安排不充分，存在风险。", "张三", "zhangsan@example.com", token, null)))
            .ReadAsync<NoticesApi.ResponseDto>(HttpStatusCode.Created);

        // Once released, the public sees the objection but never who made it.
        var manage = $"/api/v1/notices/manage/{notice.Id}/responses/{objection.Id}";
        await (await wg.PostAsync($"{manage}/release", new { })).AssertStatusAsync(HttpStatusCode.NoContent);
        var shown = await (await visitor.GetAsync($"/api/v1/notices/{notice.Id}")).ReadAsync<NoticesApi.NoticeDto>();
        Assert.Contains(shown.Responses, r => r.Id == objection.Id);
        Assert.All(shown.Responses, r => { Assert.Null(r.Contact); Assert.Null(r.Name); });

        await (await wg.PostAsync($"{manage}/resolve", new NoticesApi.ResolveRequest(ObjectionOutcome.Upheld, "异议成立"))).AssertStatusAsync(HttpStatusCode.BadRequest);
        await (await wg.PostAsync($"{manage}/answer", new NoticesApi.AnswerRequest("经核查，客户保护安排确需完善。"))).AssertStatusAsync(HttpStatusCode.NoContent);
        await (await wg.PostAsync($"{manage}/resolve", new NoticesApi.ResolveRequest(ObjectionOutcome.Upheld, "客户保护安排需补充"))).AssertStatusAsync(HttpStatusCode.NoContent);

        Assert.Equal(ProjectStage.Deliberation, await app.StageAsync(project));
        var after = await (await visitor.GetAsync($"/api/v1/notices/{notice.Id}")).ReadAsync<NoticesApi.NoticeDto>();
        Assert.Equal(ListingStatus.SentBack, after.Projects.Single().Status);
        var sentBack = await app.WithDbAsync(db => db.PublicEvents.SingleAsync(e => e.ProjectId == project && e.Kind == PublicEventKind.SentBackToDeliberation));
        Assert.Equal(($"异议成立，退回协调小组重新审议：{notice.Title}", $"Objection upheld, back to deliberation: {notice.Title}"), (sentBack.TitleZh, sentBack.TitleEn));
        // The project's step is named from resources in each language; its note is the working group's own.
        var step = (await app.WithDbAsync(db => db.Projects.SingleAsync(p => p.Id == project))).Timeline[^1];
        Assert.Equal((ProjectTrigger.SendBackToDeliberation, "客户保护安排需补充"), (step.Trigger, step.Note));
        // One audit line per step with a response, each from the notice's events.
        foreach (var action in new[] { NoticeActions.Released, NoticeActions.Answered, NoticeActions.Resolved })
        {
            var line = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == action && e.ResourceId == notice.Id.ToString()));
            Assert.Contains(objection.Id.ToString(), line.Details ?? string.Empty, StringComparison.Ordinal);
        }
        app.Clock.Advance(TimeSpan.FromDays(30));
        await app.RunAdmissionAsync();
        Assert.Equal(ProjectStage.Deliberation, await app.StageAsync(project));

        // Approved anew, it waits for a new notice: the one that sent it back no longer counts.
        await app.WithDbAsync(async db =>
        {
            var sentBackProject = await db.Projects.SingleAsync(p => p.Id == project);
            Assert.True(sentBackProject.Approve(app.Clock.GetUtcNow(), "test", null).Succeeded);
            return await db.SaveChangesAsync();
        });
        Assert.Equal("待公示", await app.StageTagAsync($"/applications/{project}", DemoUsers.Applicant));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await wg.PublishedNoticeAsync(app, project);
        Assert.Equal("公示中", await app.StageTagAsync($"/applications/{project}", DemoUsers.Applicant));
    }

    [Theory, AllProviders]
    public async Task The_public_cannot_see_an_unpublished_notice_and_strangers_cannot_run_one(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var project = await app.ApprovedAsync("公示权限");
        var notice = await wg.DraftNoticeAsync(app, project);
        using var visitor = app.Anonymous();

        await (await visitor.GetAsync($"/api/v1/notices/{notice.Id}")).AssertStatusAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(notice.Id, (await (await visitor.GetAsync("/api/v1/notices")).ReadAsync<List<NoticesApi.NoticeDto>>()).Select(n => n.Id));
        await (await visitor.PostAsync($"/api/v1/notices/{notice.Id}/responses",
            new NoticesApi.ResponseRequest(PublicResponseKind.Comment, null, "提前看到的草稿意见。", null, null, await visitor.FormTokenAsync(), null))).AssertStatusAsync(HttpStatusCode.NotFound);
        using var shanghai = await app.ApiClientAsync(DemoUsers.WorkingGroupShanghai);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        await (await shanghai.PostAsync($"/api/v1/notices/manage/{notice.Id}/publish", new NoticesApi.VersionRequest(notice.Version))).AssertStatusAsync(HttpStatusCode.Forbidden);
        await (await applicant.PostAsync($"/api/v1/notices/manage/{notice.Id}/publish", new NoticesApi.VersionRequest(notice.Version))).AssertStatusAsync(HttpStatusCode.Forbidden);
        await (await visitor.PostAsync($"/api/v1/notices/manage/{notice.Id}/publish", new NoticesApi.VersionRequest(notice.Version))).AssertStatusAsync(HttpStatusCode.Unauthorized);
        var beijing = await app.WithDbAsync(db => db.Regions.Where(r => r.Code == "BJ").Select(r => r.Id).SingleAsync());
        await (await shanghai.GetAsync($"/api/v1/notices/manage/candidates/{beijing}")).AssertStatusAsync(HttpStatusCode.Forbidden);
    }

    [Theory, AllProviders]
    public async Task Robots_are_turned_away_by_the_honeypot_the_form_clock_and_the_rate_limit(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var project = await app.ApprovedAsync("公示防刷");
        var notice = await wg.PublishedNoticeAsync(app, project);

        // Test clients share one network address; a day on, earlier tests' submissions no longer count against it.
        app.Clock.Advance(TimeSpan.FromDays(1));
        using var visitor = app.Anonymous();
        var token = await visitor.FormTokenAsync();
        var url = $"/api/v1/notices/{notice.Id}/responses";
        NoticesApi.ResponseRequest Comment(string? honeypot = null, string? formToken = null) =>
            new(PublicResponseKind.Comment, null, "这是一条关于该试点项目的公众意见。", null, null, formToken ?? token, honeypot);

        await (await visitor.PostAsync(url, Comment())).AssertStatusAsync(HttpStatusCode.Conflict);
        app.Clock.Advance(TimeSpan.FromSeconds(5));
        await (await visitor.PostAsync(url, Comment(honeypot: "http://spam"))).AssertStatusAsync(HttpStatusCode.Conflict);
        await (await visitor.PostAsync(url, Comment(formToken: "forged"))).AssertStatusAsync(HttpStatusCode.Conflict);
        for (var i = 0; i < 5; i++)
        {
            await (await visitor.PostAsync(url, Comment())).AssertStatusAsync(HttpStatusCode.Created);
        }

        using (var limited = await visitor.PostAsync(url, Comment()))
        {
            await limited.AssertStatusAsync(HttpStatusCode.TooManyRequests);

            // Retry-After says when the window frees up: positive, and no longer than the day-long window.
            Assert.InRange(limited.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        }

        var stored = await app.WithDbAsync(db => db.PublicNotices.AsNoTracking().SingleAsync(n => n.Id == notice.Id));
        Assert.Equal(5, stored.Responses.Count);
    }
}

/// <summary>Shortcuts for the notice tests: projects approved by deliberation, notices drafted and published.</summary>
internal static class NoticeTestKit
{
    /// <summary>A project of its own call taken through evaluation, then approved by the coordination group through the aggregate.</summary>
    public static async Task<Guid> ApprovedAsync(this FinPilotApp app, string title, IReadOnlyList<string>? conditions = null)
    {
        var (_, projects) = await app.InEvaluationAsync(title + " 征集", [title]);
        var id = projects[0];
        await app.WithDbAsync(async db =>
        {
            var project = await db.Projects.SingleAsync(p => p.Id == id);
            var now = app.Clock.GetUtcNow();
            Assert.True(project.CompleteEvaluation(now, "test").Succeeded);
            Assert.True(project.Approve(now, "test", conditions).Succeeded);
            return await db.SaveChangesAsync();
        });
        return id;
    }

    public static async Task<NoticesApi.NoticeDto> DraftNoticeAsync(this HttpClient wg, FinPilotApp app, Guid project)
    {
        var beijing = await app.WithDbAsync(db => db.Regions.Where(r => r.Code == "BJ").Select(r => r.Id).SingleAsync());
        var candidates = await (await wg.GetAsync($"/api/v1/notices/manage/candidates/{beijing}")).ReadAsync<List<PublicProjectSummary>>();
        var summary = candidates.Single(c => c.ProjectId == project);
        return await (await wg.PostAsync("/api/v1/notices/manage", new NoticesApi.NoticeRequest(beijing,
                new PublicNoticeContent($"公示 {summary.Name}", "现将拟纳入试点的项目予以公示。", "010-88880000", [summary]))))
            .ReadAsync<NoticesApi.NoticeDto>(HttpStatusCode.Created);
    }

    public static async Task<NoticesApi.NoticeDto> PublishedNoticeAsync(this HttpClient wg, FinPilotApp app, Guid project)
    {
        var notice = await wg.DraftNoticeAsync(app, project);
        await (await wg.PostAsync($"/api/v1/notices/manage/{notice.Id}/publish", new NoticesApi.VersionRequest(notice.Version))).AssertStatusAsync(HttpStatusCode.NoContent);
        return notice;
    }

    /// <summary>The stage a signed-in user reads on a project's page.</summary>
    public static async Task<string> StageTagAsync(this FinPilotApp app, string path, string email)
    {
        using var session = await app.SignedInAsync(email);
        var html = System.Net.WebUtility.HtmlDecode(await (await session.GetAsync(path)).Content.ReadAsStringAsync());
        var match = System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"stage\">([^<]*)<");
        Assert.True(match.Success, $"No stage on {path}");
        return match.Groups[1].Value.Trim();
    }

    public static async Task<string> FormTokenAsync(this HttpClient client) =>
        (await (await client.GetAsync("/api/v1/notices/form-token")).ReadAsync<TokenDto>()).Token;

    public static Task<ProjectStage> StageAsync(this FinPilotApp app, Guid project) =>
        app.WithDbAsync(db => db.Projects.Where(p => p.Id == project).Select(p => p.Stage).SingleAsync());

    public static async Task RunAdmissionAsync(this FinPilotApp app) =>
        Assert.True(await app.Services.GetRequiredService<NoticeAdmissionJob>().TryRunAsync(CancellationToken.None));

    public static async Task<WorkingDayCalendar> CalendarAsync(this FinPilotApp app) =>
        await app.Services.GetRequiredService<WorkingCalendarProvider>().GetAsync();

    public static async Task AddHolidaysAsync(this FinPilotApp app, IEnumerable<DateOnly> dates)
    {
        await app.WithDbAsync(async db =>
        {
            db.CalendarDays.AddRange(dates.Select(d => CalendarDayRecord.From(new CalendarDay(d, CalendarDayKind.Holiday, "测试假日"))));
            return await db.SaveChangesAsync();
        });
        app.Services.GetRequiredService<WorkingCalendarProvider>().Invalidate();
    }

    public static async Task RemoveHolidaysAsync(this FinPilotApp app, IEnumerable<DateOnly> dates)
    {
        var list = dates.ToList();
        await app.WithDbAsync(db => db.CalendarDays.Where(d => list.Contains(d.Date)).ExecuteDeleteAsync());
        app.Services.GetRequiredService<WorkingCalendarProvider>().Invalidate();
    }

    public sealed record TokenDto(string Token);
}
