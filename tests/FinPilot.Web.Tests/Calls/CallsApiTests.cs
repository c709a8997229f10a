using System.Net;
using FinPilot.Domain.Calls;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Calls;
using FinPilot.Web.Http;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.Calls;

public sealed class CallsApiTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task The_working_group_drafts_publishes_corrects_closes_and_archives_a_call(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        using var anonymous = app.Anonymous();

        var draft = await wg.CreateAsync(CallTestKit.Input(app, await app.RegionIdAsync("BJ"), "生命周期测试公告"));
        Assert.Equal(CallStatus.Draft, draft.Status);
        Assert.Equal("<p>征集正文</p>", draft.BodyHtml);

        var published = await wg.PublishAsync(draft);
        Assert.Equal(CallStatus.Published, published.Status);
        Assert.True(published.IsOpen);
        var seen = await (await anonymous.GetAsync($"/api/v1/calls/{draft.Id}")).ReadAsync<CallsApi.CallDto>();
        Assert.Equal("生命周期测试公告", seen.Title);

        using var corrected = await wg.PostAsync($"/api/v1/calls/{draft.Id}/corrections",
            new CallsApi.CallCorrectionInput(new CallChanges(Contact: "010-8000 0002"), "联系电话有误", published.Version));
        var afterCorrection = await corrected.ReadAsync<CallsApi.CallDto>();
        Assert.Equal("010-8000 0002", afterCorrection.Contact);
        var correction = Assert.Single(afterCorrection.Corrections);
        Assert.Equal("联系电话有误", correction.Note);
        Assert.Equal(["Contact"], correction.ChangedFields);

        using var close = await wg.PostAsync($"/api/v1/calls/{draft.Id}/close", new CallsApi.CallTransition(afterCorrection.Version));
        var closed = await close.ReadAsync<CallsApi.CallDto>();
        Assert.Equal(CallStatus.Closed, closed.Status);
        using var archive = await wg.PostAsync($"/api/v1/calls/{draft.Id}/archive", new CallsApi.CallTransition(null));
        Assert.Equal(CallStatus.Archived, (await archive.ReadAsync<CallsApi.CallDto>()).Status);

        var actions = await app.WithDbAsync(db => db.AuditEntries
            .Where(a => a.ResourceType == "call" && a.ResourceId == draft.Id.ToString()).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal([CallActions.Created, CallActions.Published, CallActions.Corrected, CallActions.Closed, CallActions.Archived], actions);
    }

    [Theory, AllProviders]
    public async Task Another_regions_working_group_cannot_change_a_call(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var call = await app.PublishedAsync(DemoUsers.WorkingGroupBeijing, "BJ", "北京的公告");
        using var shanghai = await app.ApiClientAsync(DemoUsers.WorkingGroupShanghai);

        using var correct = await shanghai.PostAsync($"/api/v1/calls/{call.Id}/corrections",
            new CallsApi.CallCorrectionInput(new CallChanges(Title: "上海改的"), "越权", call.Version));
        using var close = await shanghai.PostAsync($"/api/v1/calls/{call.Id}/close", new CallsApi.CallTransition(call.Version));
        using var create = await shanghai.PostAsync("/api/v1/calls", CallTestKit.Input(app, await app.RegionIdAsync("BJ"), "上海替北京建"));

        await correct.ReadProblemAsync(HttpStatusCode.Forbidden);
        await close.ReadProblemAsync(HttpStatusCode.Forbidden);
        await create.ReadProblemAsync(HttpStatusCode.Forbidden);
        var stored = await app.WithDbAsync(db => db.Calls.AsNoTracking().SingleAsync(c => c.Id == call.Id));
        Assert.Equal(("北京的公告", CallStatus.Published), (stored.Title, stored.Status));
    }

    [Theory, AllProviders]
    public async Task An_applicant_cannot_create_a_call_and_an_anonymous_caller_must_sign_in(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        using var anonymous = app.Anonymous();
        var input = CallTestKit.Input(app, await app.RegionIdAsync("BJ"), "申请人建的");

        using var byApplicant = await applicant.PostAsync("/api/v1/calls", input);
        using var byAnonymous = await anonymous.PostAsync("/api/v1/calls", input);

        await byApplicant.ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Unauthorized, byAnonymous.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Calls.AnyAsync(c => c.Title == "申请人建的")));
    }

    [Theory, AllProviders]
    public async Task Drafts_are_hidden_from_the_public_and_shown_to_their_working_group(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        using var anonymous = app.Anonymous();
        var draft = await wg.CreateAsync(CallTestKit.Input(app, await app.RegionIdAsync("BJ"), "未发布草稿"));

        await (await anonymous.GetAsync($"/api/v1/calls/{draft.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await applicant.GetAsync($"/api/v1/calls/{draft.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/calls/{draft.Id}")).StatusCode);
        await (await wg.GetAsync($"/api/v1/calls/{draft.Id}")).AssertStatusAsync(HttpStatusCode.OK);

        var publicList = await (await anonymous.GetAsync("/api/v1/calls?pageSize=100")).ReadAsync<Page<CallsApi.CallSummaryDto>>();
        var staffList = await (await wg.GetAsync("/api/v1/calls?pageSize=100")).ReadAsync<Page<CallsApi.CallSummaryDto>>();
        Assert.DoesNotContain(publicList.Items, c => c.Status == CallStatus.Draft);
        Assert.Contains(publicList.Items, c => c.Status == CallStatus.Published);
        Assert.Contains(staffList.Items, c => c.Id == draft.Id);
    }

    [Theory, AllProviders]
    public async Task A_change_made_against_a_stale_version_is_refused_with_409(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var draft = await wg.CreateAsync(CallTestKit.Input(app, await app.RegionIdAsync("BJ"), "并发编辑"));
        CallsApi.CallUpdate Edit(string title, Guid version) => new(
            draft.BatchNumber, title, draft.BodyHtml, draft.Directions, draft.EligibleTypes, draft.OpensAt, draft.ClosesAt,
            draft.Materials, draft.Contact, version);

        using var first = await wg.PutAsync($"/api/v1/calls/{draft.Id}", Edit("第一个人改的", draft.Version));
        using var second = await wg.PutAsync($"/api/v1/calls/{draft.Id}", Edit("第二个人改的", draft.Version));

        await first.AssertStatusAsync(HttpStatusCode.OK);
        await second.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("第一个人改的", await app.WithDbAsync(db => db.Calls.Where(c => c.Id == draft.Id).Select(c => c.Title).SingleAsync()));
    }

    [Theory, AllProviders]
    public async Task A_call_that_closes_before_it_opens_is_refused_at_the_close_time(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var input = CallTestKit.Input(app, await app.RegionIdAsync("BJ"), "时间颠倒");

        using var response = await wg.PostAsync("/api/v1/calls", input with { ClosesAt = input.OpensAt.AddHours(-1) });

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("ClosesAt", problem.Errors.Keys);
    }

    [Theory, AllProviders]
    public async Task Publishing_notifies_the_applicants_of_subscribed_organisations_only(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var shanghai = await app.RegionIdAsync("SH");
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        var applicantId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoUsers.Applicant).Select(u => u.Id).SingleAsync());

        // An applicant of an organisation that does not subscribe to Shanghai.
        var outsiderOrganisation = await app.WithDbAsync(db => db.Organisations.Where(o => o.NameZh == "申城证券股份有限公司").Select(o => o.Id).SingleAsync());
        var outsider = await app.CreateUserAsync($"outsider-{provider}@example.cn", Domain.Identity.Role.Applicant, organisationId: outsiderOrganisation);

        await (await applicant.PostAsync($"/api/v1/calls/subscriptions/{shanghai}", new { })).AssertStatusAsync(HttpStatusCode.OK);
        var call = await app.PublishedAsync(DemoUsers.WorkingGroupShanghai, "SH", "上海新公告");
        await (await applicant.DeleteAsync($"/api/v1/calls/subscriptions/{shanghai}")).AssertStatusAsync(HttpStatusCode.NoContent);
        var after = await app.PublishedAsync(DemoUsers.WorkingGroupShanghai, "SH", "取消订阅后的公告");

        var notifications = await app.WithDbAsync(db => db.Notifications
            .Where(n => n.Link == $"/calls/{call.Id}" || n.Link == $"/calls/{after.Id}").ToListAsync());
        var notice = Assert.Single(notifications);
        Assert.Equal((applicantId, Features.Notifications.NotificationKind.CallPublished, $"/calls/{call.Id}"), (notice.UserId, notice.Kind, notice.Link));
        Assert.Equal("上海新公告", notice.Values["title"]);
        Assert.Equal("上海", notice.Values["region"]);
        Assert.DoesNotContain(notifications, n => n.UserId == outsider.User.Id);
    }

    [Theory, AllProviders]
    public async Task The_atom_feed_is_valid_xml_listing_published_calls_newest_first_without_drafts(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var draft = await wg.CreateAsync(CallTestKit.Input(app, await app.RegionIdAsync("BJ"), "订阅源里不应有的草稿"));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var published = await app.PublishedAsync(DemoUsers.WorkingGroupBeijing, "BJ", "订阅源里的新公告");
        using var anonymous = app.Anonymous();

        using var response = await anonymous.GetAsync("/calls/feed.atom");

        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var feed = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync());
        System.Xml.Linq.XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Equal(atom + "feed", feed.Root!.Name);
        var entries = feed.Root.Elements(atom + "entry").ToList();
        Assert.Equal("订阅源里的新公告", entries[0].Element(atom + "title")!.Value);
        Assert.Equal($"urn:uuid:{published.Id}", entries[0].Element(atom + "id")!.Value);
        Assert.DoesNotContain(entries, e => e.Element(atom + "title")!.Value == draft.Title);
    }

    [Theory, AllProviders]
    public async Task The_public_pages_show_published_calls_to_anonymous_readers(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var call = await app.PublishedAsync(DemoUsers.WorkingGroupBeijing, "BJ", "公开页面测试公告");
        using var anonymous = app.Anonymous();

        using var list = await anonymous.GetAsync("/calls?q=公开页面测试");
        using var detail = await anonymous.GetAsync($"/calls/{call.Id}");

        await list.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Contains("公开页面测试公告", await list.Content.ReadAsStringAsync());
        await detail.AssertStatusAsync(HttpStatusCode.OK);
        var html = await detail.Content.ReadAsStringAsync();
        Assert.Contains("数字人民币钱包应用", html);
        Assert.DoesNotContain("<script>alert", html);
    }
}
