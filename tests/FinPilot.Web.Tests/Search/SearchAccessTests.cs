using System.Net;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Search;
using FinPilot.Web.Tests.Applications;
using FinPilot.Web.Tests.Calls;
using FinPilot.Web.Tests.Disclosure;
using FinPilot.Web.Tests.Infrastructure;
using FinPilot.Web.Tests.Organisations;

namespace FinPilot.Web.Tests.Search;

/// <summary>
/// The platform search never returns what its user may not open: the same scopes as the pages, in
/// SQL. Staff other than experts may search; applicants and experts are refused (403), anonymous
/// callers are asked to sign in (401).
/// </summary>
public sealed class SearchAccessTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task Each_role_finds_only_what_it_may_open(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var tag = SearchTestKit.NewTag("a");
        using var beijingWg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        using var shanghaiWg = await app.ApiClientAsync(DemoUsers.WorkingGroupShanghai);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        var (beijing, shanghai) = (await CallTestKit.RegionIdAsync(app, "BJ"), await CallTestKit.RegionIdAsync(app, "SH"));

        var publishedCall = await beijingWg.PublishAsync(await beijingWg.CreateAsync(CallTestKit.Input(app, beijing, $"北京征集 {tag}")));
        var beijingDraft = await beijingWg.CreateAsync(CallTestKit.Input(app, beijing, $"北京草稿征集 {tag}"));
        var shanghaiDraft = await shanghaiWg.CreateAsync(CallTestKit.Input(app, shanghai, $"上海草稿征集 {tag}"));
        var application = await applicant.StartAsync(publishedCall.Id, $"北京申报草稿 {tag}");
        var organisation = await (await beijingWg.PostAsync(OrganisationRequests.Path, OrganisationRequests.New(beijing, nameZh: $"北京测试机构 {tag}")))
            .ReadAsync<FinPilot.Web.Features.Organisations.OrganisationsApi.OrganisationDto>(HttpStatusCode.Created);
        var draftNotice = await app.NoticeAsync("BJ", app.Clock.GetUtcNow().AddDays(-1),
            [RegisterTestKit.Summary(application.Id, $"北京公示草稿 {tag}", ProjectCategory.TechnologyInnovation, "payments", "blockchain", "测试")], publish: false);

        var expected = new Dictionary<string, Guid[]>
        {
            [DemoUsers.WorkingGroupBeijing] = [publishedCall.Id, beijingDraft.Id, application.Id, organisation.Id, draftNotice],
            // No Beijing draft, application or notice draft; the published call and organisations (staff read every one) yes.
            [DemoUsers.WorkingGroupShanghai] = [publishedCall.Id, shanghaiDraft.Id, organisation.Id],
            [DemoUsers.Coordination] = [publishedCall.Id, beijingDraft.Id, shanghaiDraft.Id, application.Id, organisation.Id],
            [DemoUsers.Integrity] = [publishedCall.Id, beijingDraft.Id, shanghaiDraft.Id, application.Id, organisation.Id],
            [DemoUsers.Secretariat] = [publishedCall.Id, organisation.Id],
            [DemoUsers.Admin] = [publishedCall.Id, beijingDraft.Id, shanghaiDraft.Id, application.Id, organisation.Id, draftNotice],
        };

        foreach (var (email, ids) in expected)
        {
            using var client = await app.ApiClientAsync(email);
            var found = await client.FindAsync(tag);
            Assert.True(ids.Order().SequenceEqual(found.Items.Select(i => i.Id).Order()), $"{email} found {string.Join(", ", found.Items.Select(i => $"{i.Kind} {i.Title}"))}");
            Assert.Equal(ids.Length, found.Total);
            Assert.Equal(ids.Length, found.Counts.Values.Sum());

            // And each one it finds, it may open.
            using var browser = await app.SignedInAsync(email);
            foreach (var hit in found.Items)
            {
                using var page = await browser.GetAsync(hit.Link);
                Assert.True(page.StatusCode == HttpStatusCode.OK, $"{email} may not open {hit.Kind} {hit.Link}: {(int)page.StatusCode}");
            }
        }
    }

    [Theory, AllProviders]
    public async Task Applicants_and_experts_may_not_search_and_anonymous_callers_must_sign_in(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        foreach (var email in new[] { DemoUsers.Applicant, DemoUsers.Expert })
        {
            using var client = await app.ApiClientAsync(email);
            await (await client.GetAsync("/api/v1/search?q=区块链")).ReadProblemAsync(HttpStatusCode.Forbidden);
            using var browser = await app.SignedInAsync(email);
            await (await browser.GetAsync("/search?q=区块链")).AssertStatusAsync(HttpStatusCode.Forbidden);
            var header = await (await browser.GetAsync("/")).Content.ReadAsStringAsync();
            Assert.DoesNotContain("data-testid=\"header-search\"", header, StringComparison.Ordinal);
        }

        using var anonymous = app.Anonymous();
        await (await anonymous.GetAsync("/api/v1/search?q=区块链")).AssertStatusAsync(HttpStatusCode.Unauthorized);
        var login = await anonymous.GetAsync("/search?q=区块链");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
    }

    [Theory, AllProviders]
    public async Task Bad_input_is_a_problem_and_the_page_shows_what_is_found(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var tooLong = await (await wg.GetAsync($"/api/v1/search?q={new string('链', PlatformSearch.MaxQueryLength + 1)}")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("q", tooLong.Errors.Keys);
        await (await wg.GetAsync($"/api/v1/search?q={new string('链', PlatformSearch.MaxQueryLength)}")).AssertStatusAsync(HttpStatusCode.OK);
        var kind = await (await wg.GetAsync("/api/v1/search?q=abc&kind=Nothing")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("kind", kind.Errors.Keys);
        Assert.Empty((await wg.FindAsync("   ")).Items);

        var tag = SearchTestKit.NewTag("p");
        var call = await app.PublishedAsync(DemoUsers.WorkingGroupBeijing, "BJ", $"区块链页面征集 {tag}");
        using var browser = await app.SignedInAsync(DemoUsers.WorkingGroupBeijing);
        using var response = await browser.GetAsync($"/search?q={Uri.EscapeDataString("区块链 " + tag)}");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"calls/{call.Id}", html, StringComparison.Ordinal);
        Assert.Contains("<mark>区块链</mark>", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"header-search\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Call<", html, StringComparison.Ordinal);
    }
}
