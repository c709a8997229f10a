using System.Globalization;
using System.Net;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Notifications;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.Localization;

/// <summary>Region and organisation names follow the reader's language in pages, feeds and mails.</summary>
public sealed class ReaderLanguageNamesTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    private const string EnglishCookie = ".AspNetCore.Culture=c%3Den%7Cuic%3Den";

    [Fact]
    public void A_notification_reads_a_name_stored_in_both_languages_in_the_readers()
    {
        var values = new Dictionary<string, string> { ["title"] = "第二批征集", ["region"] = "北京", ["regionEn"] = "Beijing", ["batch"] = "2", ["closesAt"] = "2026-12-31" };

        var english = NotificationTexts.Render(NotificationKind.CallPublished, values, CultureInfo.GetCultureInfo("en"));
        var chinese = NotificationTexts.Render(NotificationKind.CallPublished, values, CultureInfo.GetCultureInfo("zh-CN"));

        Assert.Contains("Beijing", english.Subject + english.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("北京", english.Subject + english.Body, StringComparison.Ordinal);
        Assert.Contains("北京", chinese.Subject + chinese.Body, StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task The_call_feed_names_regions_in_english(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var visitor = app.Anonymous();
        visitor.DefaultRequestHeaders.Add("Cookie", EnglishCookie);
        var feed = await visitor.GetStringAsync("/calls/feed.atom");
        Assert.Contains("Beijing", feed, StringComparison.Ordinal);
        Assert.DoesNotContain("北京 · ", feed, StringComparison.Ordinal);
    }
}
