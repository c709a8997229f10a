using System.Net;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Notifications;
using FinPilot.Web.Http;
using FinPilot.Web.Tests.Infrastructure;

namespace FinPilot.Web.Tests.Notifications;

/// <summary>The inbox through the API and the pages: each person sees, reads and opens only their own.</summary>
public sealed class InboxTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task The_api_lists_only_the_callers_notifications_newest_first(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (me, email) = await app.NewPersonAsync("reader");
        var (other, _) = await app.NewPersonAsync("other");
        var older = await app.NotifyAsync(me, NotificationKind.ApplicationAccepted, "较早的项目");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var newer = await app.NotifyAsync(me, NotificationKind.ApplicationRejected, "较新的项目");
        await app.NotifyAsync(other, NotificationKind.ApplicationAccepted, "别人的项目");
        using var client = await app.ApiClientAsync(email);

        var page = await (await client.GetAsync("/api/v1/notifications")).ReadAsync<Page<NotificationsApi.NotificationDto>>();

        Assert.Equal([newer, older], page.Items.Select(n => n.Id));
        Assert.Equal(2, page.Total);
        Assert.Equal("申报未通过形式审查：较新的项目", page.Items[0].Subject);
        Assert.Equal("您的申报项目“较新的项目”未通过形式审查，原因见申报页面。", page.Items[0].Body);
        Assert.All(page.Items, n => Assert.Null(n.ReadAt));
    }

    [Theory, AllProviders]
    public async Task The_api_speaks_the_callers_language(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (me, email) = await app.NewPersonAsync("english");
        await app.NotifyAsync(me, NotificationKind.ReturnedForSupplement, "数字人民币钱包");
        using var client = await app.ApiClientAsync(email);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var page = await (await client.GetAsync("/api/v1/notifications")).ReadAsync<Page<NotificationsApi.NotificationDto>>();

        Assert.Equal("Supplement required: 数字人民币钱包", Assert.Single(page.Items).Subject);
    }

    [Theory, AllProviders]
    public async Task Another_users_notification_is_not_found_and_stays_unread(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (_, email) = await app.NewPersonAsync("snoop");
        var (victim, _) = await app.NewPersonAsync("victim");
        var theirs = await app.NotifyAsync(victim, NotificationKind.ApplicationAccepted, "别人的项目");
        using var client = await app.ApiClientAsync(email);
        using var session = await app.SignedInAsync(email);

        using var read = await client.PostAsync($"/api/v1/notifications/{theirs}/read", null);
        using var opened = await session.GetAsync($"/inbox/{theirs}");
        using var all = await client.PostAsync("/api/v1/notifications/read-all", null);

        await read.ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, opened.StatusCode);
        Assert.Equal(0, (await all.ReadAsync<NotificationsApi.MarkedDto>()).Marked);
        Assert.Null((await app.StoredAsync(theirs)).ReadAt);
    }

    [Theory, AllProviders]
    public async Task One_and_then_all_are_marked_read(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (me, email) = await app.NewPersonAsync("marker");
        var first = await app.NotifyAsync(me, NotificationKind.ApplicationAccepted, "甲");
        await app.NotifyAsync(me, NotificationKind.ApplicationAccepted, "乙");
        await app.NotifyAsync(me, NotificationKind.ApplicationAccepted, "丙");
        using var client = await app.ApiClientAsync(email);

        var marked = await (await client.PostAsync($"/api/v1/notifications/{first}/read", null)).ReadAsync<NotificationsApi.NotificationDto>();
        var unread = await (await client.GetAsync("/api/v1/notifications?unread=true")).ReadAsync<Page<NotificationsApi.NotificationDto>>();
        var all = await (await client.PostAsync("/api/v1/notifications/read-all", null)).ReadAsync<NotificationsApi.MarkedDto>();
        var after = await (await client.GetAsync("/api/v1/notifications?unread=true")).ReadAsync<Page<NotificationsApi.NotificationDto>>();

        Assert.Equal(app.Clock.GetUtcNow(), marked.ReadAt);
        Assert.Equal(2, unread.Total);
        Assert.DoesNotContain(unread.Items, n => n.Id == first);
        Assert.Equal(2, all.Marked);
        Assert.Equal(0, after.Total);
    }

    [Theory, AllProviders]
    public async Task The_inbox_page_marks_unread_counts_them_and_opening_one_follows_its_link(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (me, email) = await app.NewPersonAsync("pages");
        var opened = await app.NotifyAsync(me, NotificationKind.ApplicationAccepted, "区块链仓单", "/applications/42");
        await app.NotifyAsync(me, NotificationKind.ApplicationRejected, "私募份额转让");
        using var session = await app.SignedInAsync(email);

        var before = await session.Client.GetStringAsync("/inbox");
        using var open = await session.GetAsync($"/inbox/{opened}");
        var after = await session.Client.GetStringAsync("/inbox");

        Assert.Contains("申报已通过形式审查：区块链仓单", before, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(before, "data-testid=\"unread-marker\""));
        Assert.Contains("data-testid=\"unread-count\">2<", before, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        Assert.Equal("/applications/42", open.Headers.Location?.OriginalString);
        Assert.NotNull((await app.StoredAsync(opened)).ReadAt);
        Assert.Equal(1, CountOf(after, "data-testid=\"unread-marker\""));
        Assert.Contains("data-testid=\"unread-count\">1<", after, StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task The_inbox_page_forms_mark_one_and_all_read(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (me, email) = await app.NewPersonAsync("forms");
        var one = await app.NotifyAsync(me, NotificationKind.ApplicationAccepted, "甲");
        var two = await app.NotifyAsync(me, NotificationKind.ApplicationAccepted, "乙");
        using var session = await app.SignedInAsync(email);

        var page = await session.Client.GetStringAsync("/inbox");
        var markOne = NotificationTestData.FormFields(page, "inbox");
        markOne["MarkId"] = one.ToString();
        using var markedOne = await session.Client.PostAsync("/inbox", new FormUrlEncodedContent(markOne));
        var oneAfter = await app.StoredAsync(one);
        var twoAfterOne = await app.StoredAsync(two);
        page = await session.Client.GetStringAsync("/inbox");
        using var markedAll = await session.Client.PostAsync("/inbox", new FormUrlEncodedContent(NotificationTestData.FormFields(page, "mark-all-read")));

        Assert.Equal(HttpStatusCode.Redirect, markedOne.StatusCode);
        Assert.NotNull(oneAfter.ReadAt);
        Assert.Null(twoAfterOne.ReadAt);
        Assert.Equal(HttpStatusCode.Redirect, markedAll.StatusCode);
        Assert.Contains("marked=1", markedAll.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.NotNull((await app.StoredAsync(two)).ReadAt);
    }

    private static int CountOf(string text, string part) =>
        (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}
