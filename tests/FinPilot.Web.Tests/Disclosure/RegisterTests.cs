using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Disclosure;
using FinPilot.Web.Http;
using FinPilot.Web.Tests.Infrastructure;

namespace FinPilot.Web.Tests.Disclosure;

/// <summary>
/// The public register (试点名录): pages, API and feed, read by anonymous visitors. Each app gets one
/// small world of its own (<see cref="World"/>), which the tests only read; answers of the API and
/// the feed are cached for a minute per address, so every test asks with a query of its own.
/// </summary>
public sealed class RegisterTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    // One world per app (per provider), built by the first test that needs it.
    private static readonly ConcurrentDictionary<FinPilotApp, Lazy<Task<World>>> Worlds = new();

    [Theory, AllProviders]
    public async Task The_list_filters_by_region_category_technology_and_status(DatabaseProvider provider)
    {
        var (app, w) = await WorldAsync(provider);
        using var anonymous = app.Anonymous();

        Assert.Equal([w.Running, w.OnNotice], await ListedAsync(anonymous, w, "region=BJ"));
        Assert.Equal([w.Suspended], await ListedAsync(anonymous, w, "region=sh"));
        Assert.Equal([w.Suspended], await ListedAsync(anonymous, w, "category=PublicService"));
        Assert.Equal([w.OnNotice], await ListedAsync(anonymous, w, "technology=privacy-computing"));
        Assert.Equal([w.Running], await ListedAsync(anonymous, w, "status=Running"));
        Assert.Equal([w.OnNotice], await ListedAsync(anonymous, w, "status=OnPublicNotice"));
        Assert.Equal([w.Suspended], await ListedAsync(anonymous, w, $"callId={w.ShanghaiCall}"));
        Assert.Empty(await ListedAsync(anonymous, w, "region=BJ&status=Suspended"));

        // The newest public event first: the Shanghai project was admitted last.
        Assert.Equal([w.Suspended, w.Running, w.OnNotice], await ListedAsync(anonymous, w, string.Empty));
    }

    [Theory, AllProviders]
    public async Task A_search_in_Chinese_or_English_finds_names_lead_and_statement(DatabaseProvider provider)
    {
        var (app, w) = await WorldAsync(provider);
        using var anonymous = app.Anonymous();

        Assert.Equal([w.OnNotice], await ListedAsync(anonymous, w, "q=隐私计算投顾"));
        Assert.Equal([w.Suspended], await ListedAsync(anonymous, w, "q=支付证券交易结算"));
        Assert.Equal([w.Running], await ListedAsync(anonymous, w, "q=blockchain"));
        Assert.Equal([w.Running], await ListedAsync(anonymous, w, "q=区块链"));
        Assert.Equal([w.Suspended, w.Running, w.OnNotice], await ListedAsync(anonymous, w, "q=jinghua%20securities"));
        Assert.Equal([w.Suspended, w.Running, w.OnNotice], await ListedAsync(anonymous, w, "q=京华证券"));
        Assert.Empty(await ListedAsync(anonymous, w, "q=jinghua%20nowhere"));
    }

    [Theory, AllProviders]
    public async Task The_page_shows_the_statement_and_the_timeline_oldest_first(DatabaseProvider provider)
    {
        var (app, w) = await WorldAsync(provider);
        using var anonymous = app.Anonymous();

        using var response = await anonymous.GetAsync($"/pilots/{w.Running}");

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<h1>{w.Name(w.Running)}</h1>", html);
        Assert.Contains($"data-testid=\"pilot-lead\">{RegisterTestKit.LeadNameZh}</dd>", html);
        Assert.Contains("data-testid=\"pilot-tested\">私募基金份额在区块链上登记与转让</dd>", html);
        Assert.Contains("合格投资者，不超过 200 户", html);
        Assert.Contains("data-testid=\"pilot-technologies\">区块链</dd>", html);
        Assert.Contains("data-testid=\"pilot-scenarios\">交易</dd>", html);
        Assert.Contains("data-testid=\"pilot-region\">北京</dd>", html);
        Assert.Contains("data-testid=\"pilot-status\">运行中</span>", html);
        Assert.Contains("12 个月", html);
        var notice = html.IndexOf($"{w.Name(w.Running)} 拟入箱公示", StringComparison.Ordinal);
        var admitted = html.IndexOf($"{w.Name(w.Running)} 入箱", StringComparison.Ordinal);
        Assert.True(notice > 0 && admitted > notice, "the notice comes before the admission");
        Assert.Contains($"href=\"notices/{w.BeijingNotice}\"", html);
    }

    [Theory, AllProviders]
    public async Task The_English_page_names_everything_in_English(DatabaseProvider provider)
    {
        var (app, w) = await WorldAsync(provider);
        using var anonymous = app.Anonymous();

        using var response = await anonymous.GetAsync($"/pilots/{w.Running}?culture=en");

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"pilot-technologies\">Blockchain</dd>", html);
        Assert.Contains("data-testid=\"pilot-scenarios\">Trading</dd>", html);
        Assert.Contains("data-testid=\"pilot-region\">Beijing</dd>", html);
        Assert.Contains("data-testid=\"pilot-status\">Running</span>", html);
        Assert.Contains(">Business innovation<", html);
        Assert.Contains($"data-testid=\"pilot-lead\">{WebUtility.HtmlEncode(RegisterTestKit.LeadNameEn)}</dd>", html);
        Assert.Contains("12 months", html);
        Assert.Contains($"{w.Name(w.Running)}: admitted", html);
        Assert.DoesNotContain("运行中", html);
        Assert.DoesNotContain(">区块链<", html);
    }

    [Theory, AllProviders]
    public async Task The_api_answers_as_the_pages_do(DatabaseProvider provider)
    {
        var (app, w) = await WorldAsync(provider);
        using var anonymous = app.Anonymous();

        var page = await (await anonymous.GetAsync($"/api/v1/pilots?q={w.Tag}&region=BJ&technology=blockchain")).ReadAsync<Page<PilotsApi.PilotSummaryDto>>();
        var listed = Assert.Single(page.Items);
        Assert.Equal((w.Running, PilotStatus.Running, "BJ", ProjectCategory.BusinessInnovation), (listed.Id, listed.Status, listed.Region.Code, listed.Category));
        Assert.Equal(RegisterTestKit.LeadNameEn, listed.LeadNameEn);

        using var english = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/pilots/{w.Running}");
        english.Headers.AcceptLanguage.ParseAdd("en");
        var pilot = await (await anonymous.SendAsync(english)).ReadAsync<PilotsApi.PilotDto>();
        Assert.Equal(w.Name(w.Running), pilot.Name);
        Assert.Equal(RegisterTestKit.LeadNameZh, pilot.LeadName);
        Assert.Equal([("blockchain", "Blockchain")], pilot.Technologies.Select(t => (t.Code, t.Name)));
        Assert.Equal([("trading", "Trading")], pilot.Scenarios.Select(s => (s.Code, s.Name)));
        Assert.Equal(("Beijing", "Running"), (pilot.Region.Name, pilot.StatusName));
        Assert.Equal([PublicEventKind.NoticePublished, PublicEventKind.Admitted], pilot.Timeline.Select(e => e.Kind));
        Assert.Equal($"{w.Name(w.Running)}: admitted", pilot.Timeline[1].Title);
        Assert.Equal($"/notices/{w.BeijingNotice}", pilot.Timeline[0].Link);

        var chinese = await (await anonymous.GetAsync($"/api/v1/pilots/{w.Suspended}")).ReadAsync<PilotsApi.PilotDto>();
        Assert.Equal(("上海", "暂停", "数字人民币"), (chinese.Region.Name, chinese.StatusName, chinese.Technologies.Single().Name));

        // The same address in another language is another answer, cached or not.
        using var again = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/pilots/{w.Suspended}");
        again.Headers.AcceptLanguage.ParseAdd("en");
        var inEnglish = await (await anonymous.SendAsync(again)).ReadAsync<PilotsApi.PilotDto>();
        Assert.Equal(("Shanghai", "Suspended", "Digital RMB"), (inEnglish.Region.Name, inEnglish.StatusName, inEnglish.Technologies.Single().Name));
    }

    [Theory, AllProviders]
    public async Task The_feed_of_a_region_holds_only_its_events_linking_to_the_pilots(DatabaseProvider provider)
    {
        var (app, w) = await WorldAsync(provider);
        using var anonymous = app.Anonymous();

        var shanghai = await FeedAsync(anonymous, $"region=SH&test={w.Tag}");
        var beijing = await FeedAsync(anonymous, $"region=BJ&test={w.Tag}");
        var all = await FeedAsync(anonymous, $"test={w.Tag}");

        Assert.Equal([$"{w.Name(w.Suspended)} 入箱", $"{w.Name(w.Suspended)} 拟入箱公示"], Mine(shanghai, w).Select(e => e.Title));
        Assert.All(Mine(shanghai, w), e => Assert.Equal($"http://localhost/pilots/{w.Suspended}", e.Link));
        Assert.Equal(w.ShanghaiAdmittedAt, Mine(shanghai, w)[0].Updated);
        Assert.Equal(
            new[] { $"{w.Name(w.Running)} 入箱", $"{w.Name(w.Running)} 拟入箱公示", $"{w.Name(w.OnNotice)} 拟入箱公示" }.Order(),
            Mine(beijing, w).Select(e => e.Title).Order());
        Assert.DoesNotContain(beijing, e => e.Link.EndsWith(w.Suspended.ToString(), StringComparison.Ordinal));
        Assert.Equal(5, Mine(all, w).Count);
        Assert.Equal(Mine(all, w).Select(e => e.Updated).OrderDescending(), Mine(all, w).Select(e => e.Updated));
    }

    [Theory, AllProviders]
    public async Task A_project_before_its_notice_is_public_is_nowhere(DatabaseProvider provider)
    {
        var (app, w) = await WorldAsync(provider);
        using var anonymous = app.Anonymous();
        Guid[] invisible = [w.Hidden, w.WithdrawnNotice];

        var page = await anonymous.GetStringAsync($"/pilots?q={w.Tag}");
        var api = await (await anonymous.GetAsync($"/api/v1/pilots?q={w.Tag}&pageSize=100")).ReadAsync<Page<PilotsApi.PilotSummaryDto>>();
        var feed = await FeedAsync(anonymous, $"test={w.Tag}-hidden");

        Assert.Contains(w.Name(w.Running), page);
        foreach (var id in invisible)
        {
            Assert.DoesNotContain(w.Name(id), page);
            Assert.DoesNotContain(api.Items, p => p.Id == id);
            Assert.DoesNotContain(feed, e => e.Title.Contains(w.Name(id), StringComparison.Ordinal) || e.Link.EndsWith(id.ToString(), StringComparison.Ordinal));
            using var detail = await anonymous.GetAsync($"/pilots/{id}");
            await detail.AssertStatusAsync(HttpStatusCode.NotFound);
            Assert.DoesNotContain(w.Name(id), await detail.Content.ReadAsStringAsync());
            using var json = await anonymous.GetAsync($"/api/v1/pilots/{id}");
            await json.ReadProblemAsync(HttpStatusCode.NotFound);
        }

        using var unknown = await anonymous.GetAsync($"/api/v1/pilots/{Guid.NewGuid()}");
        await unknown.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, AllProviders]
    public async Task Anonymous_answers_are_cached_for_a_minute_and_signed_in_ones_are_not(DatabaseProvider provider)
    {
        // A project of its own, not the shared world's, since it becomes public halfway through.
        var app = await apps.StartAsync(provider);
        var tag = "C" + Guid.NewGuid().ToString("N")[..8];
        using var anonymous = app.Anonymous();
        using var signedIn = await app.ApiClientAsync(DemoUsers.Integrity);
        var (_, projects) = await app.ScreenedAsync("SH", DemoUsers.WorkingGroupShanghai, $"缓存测试征集 {tag}", [$"缓存测试 {tag}"]);
        var address = $"/api/v1/pilots?q={tag}";
        var before = await (await anonymous.GetAsync(address)).ReadAsync<Page<PilotsApi.PilotSummaryDto>>();

        await app.NoticeAsync("SH", app.Clock.GetUtcNow(), [RegisterTestKit.Summary(projects[0], $"缓存测试 {tag}", ProjectCategory.PublicService, "operations", "cloud", "云上测试")]);
        await app.SetStageAsync(projects[0], ProjectStage.PublicNotice);
        var cached = await (await anonymous.GetAsync(address)).ReadAsync<Page<PilotsApi.PilotSummaryDto>>();
        var otherAddress = await (await anonymous.GetAsync(address + "&page=1")).ReadAsync<Page<PilotsApi.PilotSummaryDto>>();
        var fresh = await (await signedIn.GetAsync(address)).ReadAsync<Page<PilotsApi.PilotSummaryDto>>();

        Assert.Empty(before.Items);
        Assert.Empty(cached.Items);
        Assert.Equal([projects[0]], otherAddress.Items.Select(p => p.Id));
        Assert.Equal([projects[0]], fresh.Items.Select(p => p.Id));
    }

    [Theory, AllProviders]
    public async Task The_register_is_in_the_OpenAPI_document_and_the_navigation(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var anonymous = app.Anonymous();

        using var document = JsonDocument.Parse(await anonymous.GetStringAsync("/openapi/v1.json"));
        var home = await anonymous.GetStringAsync("/");

        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name.TrimEnd('/')).ToList();
        Assert.Contains("/api/v1/pilots", paths);
        Assert.Contains("/api/v1/pilots/{id}", paths);
        Assert.Contains("data-testid=\"nav-pilots\"", home);
    }

    /// <summary>The ids the list page and the API both give for <paramref name="filters"/> among this world's projects, in their order.</summary>
    private static async Task<IReadOnlyList<Guid>> ListedAsync(HttpClient anonymous, World w, string filters)
    {
        var query = $"q={Uri.EscapeDataString(w.Tag)}" + (filters.Length == 0 ? string.Empty : "&" + filters);
        if (filters.StartsWith("q=", StringComparison.Ordinal))
        {
            query = $"{filters}%20{Uri.EscapeDataString(w.Tag)}";
        }

        var api = await (await anonymous.GetAsync($"/api/v1/pilots?{query}")).ReadAsync<Page<PilotsApi.PilotSummaryDto>>();
        using var response = await anonymous.GetAsync($"/pilots?{query}");
        await response.AssertStatusAsync(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        var onPage = w.Visible.Where(id => html.Contains($"href=\"pilots/{id}\"", StringComparison.Ordinal))
            .OrderBy(id => html.IndexOf($"href=\"pilots/{id}\"", StringComparison.Ordinal)).ToList();
        var ids = api.Items.Select(p => p.Id).ToList();
        Assert.Equal(ids, onPage);
        return ids;
    }

    private static async Task<IReadOnlyList<(string Title, string Link, DateTimeOffset Updated)>> FeedAsync(HttpClient anonymous, string query)
    {
        using var response = await anonymous.GetAsync($"/pilots/feed.atom?{query}");
        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. feed.Root!.Elements(Atom + "entry").Select(e => (
            e.Element(Atom + "title")!.Value,
            e.Element(Atom + "link")!.Attribute("href")!.Value,
            DateTimeOffset.Parse(e.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture)))];
    }

    private static List<(string Title, string Link, DateTimeOffset Updated)> Mine(IReadOnlyList<(string Title, string Link, DateTimeOffset Updated)> feed, World w) =>
        [.. feed.Where(e => e.Title.Contains(w.Tag, StringComparison.Ordinal))];

    private async Task<(FinPilotApp App, World World)> WorldAsync(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        return (app, await Worlds.GetOrAdd(app, a => new Lazy<Task<World>>(() => World.BuildAsync(a))).Value);
    }

    /// <summary>
    /// Three public pilots — running and on notice in Beijing, suspended in Shanghai — and two that
    /// must stay unseen: one only on a draft notice, one whose only notice was withdrawn.
    /// </summary>
    private sealed record World(
        string Tag, Guid ShanghaiCall, Guid BeijingNotice, DateTimeOffset ShanghaiAdmittedAt,
        Guid Running, Guid OnNotice, Guid Suspended, Guid Hidden, Guid WithdrawnNotice)
    {
        public IReadOnlyList<Guid> Visible => [Running, OnNotice, Suspended];

        public string Name(Guid id) =>
            id == Running ? $"区块链私募份额转让 {Tag}"
            : id == OnNotice ? $"隐私计算投顾画像 {Tag}"
            : id == Suspended ? $"数字人民币证券结算 {Tag}"
            : id == Hidden ? $"尚未公示的项目 {Tag}"
            : $"撤回公示的项目 {Tag}";

        public static async Task<World> BuildAsync(FinPilotApp app)
        {
            var tag = "R" + Guid.NewGuid().ToString("N")[..8];
            var (_, beijing) = await app.ScreenedAsync("BJ", DemoUsers.WorkingGroupBeijing, $"名录测试征集 {tag}", [$"甲 {tag}", $"乙 {tag}", $"丙 {tag}", $"丁 {tag}"]);
            var (shanghaiCall, shanghai) = await app.ScreenedAsync("SH", DemoUsers.WorkingGroupShanghai, $"名录测试征集 {tag}", [$"戊 {tag}"]);
            var w = new World(tag, shanghaiCall, Guid.Empty, default, beijing[0], beijing[1], shanghai[0], beijing[2], beijing[3]);
            // Whole seconds, as the feed writes them.
            var t0 = new DateTimeOffset(app.Clock.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero).AddDays(-40).AddHours(2);

            var beijingNotice = await app.NoticeAsync("BJ", t0,
            [
                RegisterTestKit.Summary(w.Running, w.Name(w.Running), ProjectCategory.BusinessInnovation, "trading", "blockchain", "私募基金份额在区块链上登记与转让"),
                RegisterTestKit.Summary(w.OnNotice, w.Name(w.OnNotice), ProjectCategory.TechnologyInnovation, "investment-advice", "privacy-computing", "以多源数据隐私计算形成投顾客户画像"),
            ]);
            await app.NoticeAsync("SH", t0.AddDays(1),
                [RegisterTestKit.Summary(w.Suspended, w.Name(w.Suspended), ProjectCategory.PublicService, "operations", "digital-rmb", "以数字人民币支付证券交易结算")]);
            await app.NoticeAsync("BJ", t0.AddDays(2),
                [RegisterTestKit.Summary(w.WithdrawnNotice, w.Name(w.WithdrawnNotice), ProjectCategory.BusinessInnovation, "trading", "blockchain", "误发的公示")], withdraw: true);
            await app.NoticeAsync("BJ", t0.AddDays(3),
                [RegisterTestKit.Summary(w.Hidden, w.Name(w.Hidden), ProjectCategory.BusinessInnovation, "trading", "blockchain", "还在草稿里的公示")], publish: false);

            await app.EventAsync(w.Running, PublicEventKind.Admitted, t0.AddDays(15), $"{w.Name(w.Running)} 入箱", $"{w.Name(w.Running)}: admitted");
            var shanghaiAdmittedAt = t0.AddDays(16);
            await app.EventAsync(w.Suspended, PublicEventKind.Admitted, shanghaiAdmittedAt, $"{w.Name(w.Suspended)} 入箱", $"{w.Name(w.Suspended)}: admitted");
            await app.SetStageAsync(w.Running, ProjectStage.Running);
            await app.SetStageAsync(w.OnNotice, ProjectStage.PublicNotice);
            await app.SetStageAsync(w.Suspended, ProjectStage.Suspended);
            await app.SetStageAsync(w.WithdrawnNotice, ProjectStage.PublicNotice);
            return w with { BeijingNotice = beijingNotice, ShanghaiAdmittedAt = shanghaiAdmittedAt };
        }
    }
}
