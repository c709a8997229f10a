using System.Net;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Search;
using FinPilot.Web.Tests.Applications;
using FinPilot.Web.Tests.Infrastructure;

namespace FinPilot.Web.Tests.Search;

/// <summary>
/// Applications and projects in the platform search: found by their application's summary and their
/// organisation's names as well as their title, shown with the time they last changed.
/// These tests move their own apps' clock.
/// </summary>
public sealed class SearchProjectTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task A_project_is_found_by_a_word_of_its_summary_and_by_its_organisations_name(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var tag = SearchTestKit.NewTag("p");
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        var title = $"存证申报 {tag}";
        var project = (await applicant.StartAsync(await app.OpenBeijingCallAsync($"检索征集 {tag}"), title)).Id;
        await applicant.SaveAsync(project, ApplicationTestKit.CompleteForm(title) with { Summary = $"以联邦学习识别可疑交易，服务中小机构。{tag}" });
        await applicant.UploadMaterialsAsync(project);
        await (await applicant.PostAsync($"/api/v1/applications/{project}/submit", new { })).AssertStatusAsync(HttpStatusCode.OK);

        async Task<IReadOnlyList<Guid>> FoundAsync(string q) => [.. (await wg.FindAsync(q + " " + tag, kind: "Application")).Items.Select(i => i.Id)];

        Assert.Equal([project], await FoundAsync("联邦学习"));
        Assert.Equal([project], await FoundAsync("可疑交易"));
        Assert.Equal([project], await FoundAsync("京华证券"));
        Assert.Equal([project], await FoundAsync("jinghua securities"));
        Assert.Empty(await FoundAsync("区块链"));

        // The snippet is short: the organisation and the start of the summary.
        var hit = Assert.Single((await wg.FindAsync("联邦学习 " + tag)).Items);
        Assert.StartsWith("京华证券股份有限公司：以联邦学习", hit.Snippet, StringComparison.Ordinal);
        Assert.True(hit.Snippet.Length <= SearchExcerpt.Length, hit.Snippet);

        // An admitted demo pilot: by its institution and a word of its summary, neither in its title.
        var pilot = Assert.Single((await wg.FindAsync("京诚证券 投资者保护", kind: "Project")).Items);
        Assert.Equal("基于知识图谱的上市公司信息披露智能审核试点", pilot.Title);
    }

    [Theory, AllProviders]
    public async Task An_applications_updated_time_is_its_last_change(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var tag = SearchTestKit.NewTag("u");
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        var title = $"更新时间申报 {tag}";
        var call = await app.OpenBeijingCallAsync($"更新时间征集 {tag}");

        async Task<DateTimeOffset> UpdatedAsync() => Assert.Single((await wg.FindAsync(tag, kind: "Application")).Items).UpdatedAt;

        var created = app.Clock.GetUtcNow();
        var project = (await applicant.StartAsync(call, title)).Id;
        AssertNear(created, await UpdatedAsync());

        app.Clock.Advance(TimeSpan.FromMinutes(10));
        await applicant.SaveAsync(project, ApplicationTestKit.CompleteForm(title));
        AssertNear(created.AddMinutes(10), await UpdatedAsync());

        app.Clock.Advance(TimeSpan.FromMinutes(10));
        await applicant.UploadMaterialsAsync(project);
        await (await applicant.PostAsync($"/api/v1/applications/{project}/submit", new { })).AssertStatusAsync(HttpStatusCode.OK);
        AssertNear(created.AddMinutes(20), await UpdatedAsync());
    }

    // The databases keep microseconds at most.
    private static void AssertNear(DateTimeOffset expected, DateTimeOffset actual) =>
        Assert.True(Math.Abs((expected - actual).TotalMilliseconds) < 1, $"expected {expected:O}, got {actual:O}");
}
