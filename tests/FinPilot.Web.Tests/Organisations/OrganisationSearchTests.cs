using FinPilot.Web.Data;
using FinPilot.Web.Features.Demo;
using FinPilot.Web.Http;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static FinPilot.Web.Features.Organisations.OrganisationsApi;

namespace FinPilot.Web.Tests.Organisations;

public sealed class OrganisationSearchTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task Pages_cover_every_organisation_once(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var admin = await app.ApiClientAsync(DemoUsers.Admin);
        var stored = await app.WithDbAsync(db => db.Organisations.Select(o => o.Id).ToListAsync());

        var first = await (await admin.GetAsync($"{OrganisationRequests.Path}?pageSize=5&page=1")).ReadAsync<Page<OrganisationDto>>();
        var pages = new List<Page<OrganisationDto>> { first };
        for (var number = 2; number <= first.PageCount; number++)
        {
            pages.Add(await (await admin.GetAsync($"{OrganisationRequests.Path}?pageSize=5&page={number}")).ReadAsync<Page<OrganisationDto>>());
        }

        Assert.Equal(stored.Count, first.Total);
        Assert.Equal((stored.Count + 4) / 5, first.PageCount);
        Assert.All(pages[..^1], p => Assert.Equal(5, p.Items.Count));
        Assert.Equal(pages.Select(p => p.PageNumber), Enumerable.Range(1, first.PageCount));
        Assert.Equal(stored.Order(), pages.SelectMany(p => p.Items).Select(o => o.Id).Order());
    }

    [Theory, AllProviders]
    public async Task Pages_are_stable_when_names_repeat(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var admin = await app.ApiClientAsync(DemoUsers.Admin);
        var name = $"同名机构{Guid.NewGuid():N}";
        var region = await app.RegionIdAsync("NJ");
        var created = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await admin.PostAsync(OrganisationRequests.Path, OrganisationRequests.New(region, nameZh: name));
            created.Add((await response.ReadAsync<OrganisationDto>(System.Net.HttpStatusCode.Created)).Id);
        }

        var seen = new List<Guid>();
        for (var number = 1; number <= 4; number++)
        {
            var page = await (await admin.GetAsync($"{OrganisationRequests.Path}?q={Uri.EscapeDataString(name)}&pageSize=1&page={number}")).ReadAsync<Page<OrganisationDto>>();
            seen.Add(Assert.Single(page.Items).Id);
        }

        Assert.Equal(created.Order(), seen.Order());
    }

    [Theory, AllProviders]
    public async Task Page_size_is_capped(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var admin = await app.ApiClientAsync(DemoUsers.Admin);

        var page = await (await admin.GetAsync($"{OrganisationRequests.Path}?pageSize=100000&page=0")).ReadAsync<Page<OrganisationDto>>();

        Assert.Equal(Page<OrganisationDto>.MaxSize, page.PageSize);
        Assert.Equal(1, page.PageNumber);
    }

    [Theory, AllProviders]
    public async Task Finds_by_part_of_the_chinese_name(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var admin = await app.ApiClientAsync(DemoUsers.Admin);
        var expected = DemoData.Organisations.Where(o => o.NameZh.Contains("证券", StringComparison.Ordinal)).Select(o => o.NameZh).ToList();

        var page = await (await admin.GetAsync($"{OrganisationRequests.Path}?q={Uri.EscapeDataString("证券")}")).ReadAsync<Page<OrganisationDto>>();

        Assert.NotEmpty(expected);
        Assert.All(page.Items, o => Assert.Contains("证券", o.NameZh, StringComparison.Ordinal));
        Assert.Subset(page.Items.Select(o => o.NameZh).ToHashSet(), expected.ToHashSet());
    }

    [Theory, AllProviders]
    public async Task Finds_by_english_name_in_any_case(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var admin = await app.ApiClientAsync(DemoUsers.Admin);

        var page = await (await admin.GetAsync($"{OrganisationRequests.Path}?q=pujiang%20FUTURES")).ReadAsync<Page<OrganisationDto>>();

        Assert.Equal("浦江期货有限公司", Assert.Single(page.Items).NameZh);
    }

    [Theory, AllProviders]
    public async Task Finds_by_credit_code_typed_in_lower_case(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var admin = await app.ApiClientAsync(DemoUsers.Admin);
        var pujiang = await app.DemoOrganisationAsync("MA06PJQ75");

        var page = await (await admin.GetAsync($"{OrganisationRequests.Path}?q={pujiang.CreditCode.ToLowerInvariant()}")).ReadAsync<Page<OrganisationDto>>();

        var found = Assert.Single(page.Items);
        Assert.Equal(pujiang.Id, found.Id);
        Assert.Equal(1, page.Total);
    }

    [Theory, AllProviders]
    public async Task Filters_by_region(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var admin = await app.ApiClientAsync(DemoUsers.Admin);
        var shenzhen = await app.RegionIdAsync("SZ");

        var page = await (await admin.GetAsync($"{OrganisationRequests.Path}?regionId={shenzhen}")).ReadAsync<Page<OrganisationDto>>();

        Assert.Equal(DemoData.Organisations.Count(o => o.RegionCode == "SZ"), page.Total);
        Assert.All(page.Items, o => Assert.Equal(shenzhen, o.RegionId));
    }

    [Theory, AllProviders]
    public async Task Applicant_finds_only_its_own_organisation(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        var jinghua = await app.DemoOrganisationAsync("MA01JHQ20");

        var everything = await (await applicant.GetAsync(OrganisationRequests.Path)).ReadAsync<Page<OrganisationDto>>();
        var others = await (await applicant.GetAsync($"{OrganisationRequests.Path}?q={Uri.EscapeDataString("浦江")}")).ReadAsync<Page<OrganisationDto>>();

        Assert.Equal(jinghua.Id, Assert.Single(everything.Items).Id);
        Assert.Equal(1, everything.Total);
        Assert.Empty(others.Items);
    }
}
