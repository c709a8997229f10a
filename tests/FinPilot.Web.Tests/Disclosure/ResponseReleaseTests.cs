using System.Net;
using FinPilot.Domain.Disclosure;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Disclosure;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.Disclosure;

/// <summary>Comments and objections reach the public only once the working group has released them (issue 14).</summary>
public sealed class ResponseReleaseTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task A_response_is_shown_on_the_page_and_the_api_only_once_released_and_never_with_its_senders_details(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var project = await app.ApprovedAsync("公示放行");
        var notice = await wg.PublishedNoticeAsync(app, project);

        // A network of its own, so other tests' submissions do not count against its rate limit.
        using var visitor = app.Anonymous();
        visitor.DefaultRequestHeaders.Add(RemoteAddressFromHeader.Header, $"10.14.{Random.Shared.Next(1, 250)}.{Random.Shared.Next(1, 250)}");
        var token = await visitor.FormTokenAsync();
        app.Clock.Advance(TimeSpan.FromSeconds(5));
        var tag = Guid.NewGuid().ToString("N")[..8];
        var commentText = $"一条尚未审阅的意见，可能含有不实内容 {tag}";
        var objectionText = $"牵头机构的客户保护安排不充分 {tag}";
        var url = $"/api/v1/notices/{notice.Id}/responses";
        var comment = await (await visitor.PostAsync(url, new NoticesApi.ResponseRequest(PublicResponseKind.Comment, null, commentText, null, null, token, null)))
            .ReadAsync<NoticesApi.ResponseDto>(HttpStatusCode.Created);
        var objection = await (await visitor.PostAsync(url, new NoticesApi.ResponseRequest(PublicResponseKind.Objection, project, objectionText, "李四", $"lisi.{tag}@example.com", token, null)))
            .ReadAsync<NoticesApi.ResponseDto>(HttpStatusCode.Created);

        // Not released: neither the API, the page nor the feed shows them; the working group sees both.
        await AssertPublicShowsAsync(app, notice.Id, shown: [], hidden: [commentText, objectionText]);
        var managed = (await (await wg.GetAsync("/api/v1/notices/manage")).ReadAsync<List<NoticesApi.NoticeDto>>()).Single(n => n.Id == notice.Id);
        Assert.Equal(new[] { comment.Id, objection.Id }.Order(), managed.Responses.Select(r => r.Id).Order());
        Assert.All(managed.Responses, r => Assert.Null(r.ReleasedAt));

        // Only the notice's own working group may release.
        var release = $"/api/v1/notices/manage/{notice.Id}/responses/{comment.Id}/release";
        using var shanghai = await app.ApiClientAsync(DemoUsers.WorkingGroupShanghai);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        await (await shanghai.PostAsync(release, null)).AssertStatusAsync(HttpStatusCode.Forbidden);
        await (await applicant.PostAsync(release, null)).AssertStatusAsync(HttpStatusCode.Forbidden);
        await (await visitor.PostAsync(release, null)).AssertStatusAsync(HttpStatusCode.Unauthorized);
        await (await wg.PostAsync($"/api/v1/notices/manage/{notice.Id}/responses/{Guid.NewGuid()}/release", null)).AssertStatusAsync(HttpStatusCode.NotFound);
        await AssertPublicShowsAsync(app, notice.Id, shown: [], hidden: [commentText, objectionText]);

        await (await wg.PostAsync(release, null)).AssertStatusAsync(HttpStatusCode.NoContent);
        await (await wg.PostAsync(release, null)).AssertStatusAsync(HttpStatusCode.Conflict);
        await AssertPublicShowsAsync(app, notice.Id, shown: [commentText], hidden: [objectionText]);

        // A released objection shows its text, never who objected nor how to reach them.
        await (await wg.PostAsync($"/api/v1/notices/manage/{notice.Id}/responses/{objection.Id}/release", null)).AssertStatusAsync(HttpStatusCode.NoContent);
        var shown = await AssertPublicShowsAsync(app, notice.Id, shown: [commentText, objectionText], hidden: ["李四", $"lisi.{tag}@example.com"]);
        Assert.All(shown.Responses, r => Assert.Equal((null, null), (r.Name, r.Contact)));
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == NoticeActions.Released && e.ResourceId == notice.Id.ToString())));
    }

    /// <summary>The notice as the public reads it (API, page, feed): each of <paramref name="shown"/> there, none of <paramref name="hidden"/>.</summary>
    private static async Task<NoticesApi.NoticeDto> AssertPublicShowsAsync(FinPilotApp app, Guid noticeId, string[] shown, string[] hidden)
    {
        using var reader = app.Anonymous();
        var api = await (await reader.GetAsync($"/api/v1/notices/{noticeId}")).ReadAsync<NoticesApi.NoticeDto>();
        var page = await reader.GetStringAsync($"/notices/{noticeId}");
        var feed = await reader.GetStringAsync(PilotFeed.Path);
        var list = await reader.GetStringAsync("/api/v1/notices");
        Assert.Equal(shown.Order(StringComparer.Ordinal), api.Responses.Select(r => r.Text).Order(StringComparer.Ordinal));
        foreach (var text in shown)
        {
            Assert.Contains(text, page, StringComparison.Ordinal);
        }

        foreach (var text in hidden)
        {
            Assert.DoesNotContain(text, page, StringComparison.Ordinal);
            Assert.DoesNotContain(text, feed, StringComparison.Ordinal);
            Assert.DoesNotContain(text, list, StringComparison.Ordinal);
            Assert.DoesNotContain(api.Responses, r => r.Text.Contains(text, StringComparison.Ordinal) || r.Name == text || r.Contact == text);
        }

        return api;
    }
}
