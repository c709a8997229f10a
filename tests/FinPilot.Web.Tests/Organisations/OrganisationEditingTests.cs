using System.Net;
using System.Net.Http.Headers;
using FinPilot.Web.Data;
using FinPilot.Web.Tests.Infrastructure;
using static FinPilot.Web.Features.Organisations.OrganisationsApi;

namespace FinPilot.Web.Tests.Organisations;

public sealed class OrganisationEditingTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task Admin_registers_an_organisation(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var admin = await app.ApiClientAsync(DemoUsers.Admin);
        var region = await app.RegionIdAsync("GZ");
        var code = CreditCodes.NewValid("440100");

        using var response = await admin.PostAsync(OrganisationRequests.Path, OrganisationRequests.New(region, code.ToLowerInvariant(), "羊城数据科技有限公司"));

        var created = await response.ReadAsync<OrganisationDto>(HttpStatusCode.Created);
        Assert.Equal($"{OrganisationRequests.Path}/{created.Id}", response.Headers.Location?.OriginalString);
        var read = await (await admin.GetAsync($"{OrganisationRequests.Path}/{created.Id}")).ReadAsync<OrganisationDto>();
        Assert.Equal("羊城数据科技有限公司", read.NameZh);
        Assert.Equal(code, read.CreditCode);
        Assert.Equal(region, read.RegionId);
        Assert.Equal("李雷", Assert.Single(read.Contacts).Name);
        Assert.Equal(created.Version, read.Version);
    }

    [Theory, AllProviders]
    public async Task Bad_credit_code_is_explained_in_chinese_by_default(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var admin = await app.ApiClientAsync(DemoUsers.Admin);
        var body = OrganisationRequests.New(await app.RegionIdAsync("BJ"), CreditCodes.WithWrongCheckCharacter(CreditCodes.NewValid()));

        using var response = await admin.PostAsync(OrganisationRequests.Path, body);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("校验位", Assert.Single(problem.Errors["CreditCode"]), StringComparison.Ordinal);
        Assert.Equal("提交的内容有误，请按提示修改。", problem.Title);
    }

    [Theory, AllProviders]
    public async Task Bad_credit_code_is_explained_in_english_when_asked(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var admin = await app.ApiClientAsync(DemoUsers.Admin);
        admin.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        var body = OrganisationRequests.New(await app.RegionIdAsync("BJ"), "91110000MA01JHQ2O");

        using var response = await admin.PostAsync(OrganisationRequests.Path, body);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        var message = Assert.Single(problem.Errors["CreditCode"]);
        Assert.Contains("18 characters", message, StringComparison.Ordinal);
        Assert.DoesNotContain(message, c => c >= '\u4e00' && c <= '\u9fff');
    }

    [Theory, AllProviders]
    public async Task Every_invalid_field_is_reported_at_once(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var admin = await app.ApiClientAsync(DemoUsers.Admin);
        var body = new { nameZh = "", nameEn = "X", type = "TechnologyCompany", licensed = false, creditCode = "123", regionId = await app.RegionIdAsync("BJ") };

        using var response = await admin.PostAsync(OrganisationRequests.Path, body);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["CreditCode", "NameZh"], problem.Errors.Keys.Order());
    }

    [Theory, AllProviders]
    public async Task Update_saves_the_change_and_issues_a_new_version(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var admin = await app.ApiClientAsync(DemoUsers.Admin);
        var created = await admin.CreateAsync(await app.RegionIdAsync("SZ"));

        using var response = await admin.PutAsync($"{OrganisationRequests.Path}/{created.Id}", OrganisationRequests.Renamed(created, "鹏城隐私计算有限公司"));

        var updated = await response.ReadAsync<OrganisationDto>();
        Assert.Equal("鹏城隐私计算有限公司", updated.NameZh);
        Assert.NotEqual(created.Version, updated.Version);
        var read = await (await admin.GetAsync($"{OrganisationRequests.Path}/{created.Id}")).ReadAsync<OrganisationDto>();
        Assert.Equal("鹏城隐私计算有限公司", read.NameZh);
    }

    [Theory, AllProviders]
    public async Task A_change_made_against_a_stale_version_gets_409(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var first = await app.ApiClientAsync(DemoUsers.Admin);
        using var second = await app.ApiClientAsync(DemoUsers.WorkingGroupShanghai);
        var created = await first.CreateAsync(await app.RegionIdAsync("SH"));

        // Both read the same version; the first to save wins and the second must reload.
        using var saved = await first.PutAsync($"{OrganisationRequests.Path}/{created.Id}", OrganisationRequests.Renamed(created, "第一次修改"));
        using var stale = await second.PutAsync($"{OrganisationRequests.Path}/{created.Id}", OrganisationRequests.Renamed(created, "第二次修改"));

        await saved.AssertStatusAsync(HttpStatusCode.OK);
        await stale.ReadProblemAsync(HttpStatusCode.Conflict);
        var read = await (await first.GetAsync($"{OrganisationRequests.Path}/{created.Id}")).ReadAsync<OrganisationDto>();
        Assert.Equal("第一次修改", read.NameZh);
    }

    [Theory, AllProviders]
    public async Task A_credit_code_already_registered_is_refused(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var admin = await app.ApiClientAsync(DemoUsers.Admin);
        var jinghua = await app.DemoOrganisationAsync("MA01JHQ20");

        using var response = await admin.PostAsync(OrganisationRequests.Path, OrganisationRequests.New(await app.RegionIdAsync("BJ"), jinghua.CreditCode));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("已有机构使用该统一社会信用代码。", Assert.Single(problem.Errors["CreditCode"]));
    }

    [Theory, AllProviders]
    public async Task Changing_to_another_organisations_credit_code_is_refused(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var admin = await app.ApiClientAsync(DemoUsers.Admin);
        var created = await admin.CreateAsync(await app.RegionIdAsync("BJ"));
        var jinghua = await app.DemoOrganisationAsync("MA01JHQ20");

        using var response = await admin.PutAsync($"{OrganisationRequests.Path}/{created.Id}", OrganisationRequests.Renamed(created, created.NameZh, creditCode: jinghua.CreditCode));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.Errors.ContainsKey("CreditCode"));
    }

    [Theory, AllProviders]
    public async Task Unknown_region_is_refused(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var admin = await app.ApiClientAsync(DemoUsers.Admin);

        using var response = await admin.PostAsync(OrganisationRequests.Path, OrganisationRequests.New(regionId: 9999));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.Errors.ContainsKey("RegionId"));
    }

    [Theory, AllProviders]
    public async Task Missing_organisation_is_404(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var admin = await app.ApiClientAsync(DemoUsers.Admin);

        using var response = await admin.GetAsync($"{OrganisationRequests.Path}/{Guid.NewGuid()}");

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }
}
