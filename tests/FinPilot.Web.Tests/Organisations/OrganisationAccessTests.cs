using System.Net;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Organisations;
using FinPilot.Web.Tests.Infrastructure;
using static FinPilot.Web.Features.Organisations.OrganisationsApi;

namespace FinPilot.Web.Tests.Organisations;

/// <summary>Working groups act in their own region only; applicants see their own organisation only.</summary>
public sealed class OrganisationAccessTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task Shanghai_working_group_updates_a_shanghai_organisation(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var admin = await app.ApiClientAsync(DemoUsers.Admin);
        using var shanghai = await app.ApiClientAsync(DemoUsers.WorkingGroupShanghai);
        var organisation = await admin.CreateAsync(await app.RegionIdAsync("SH"));

        using var response = await shanghai.PutAsync($"{OrganisationRequests.Path}/{organisation.Id}", OrganisationRequests.Renamed(organisation, "上海工作组改名"));

        Assert.Equal("上海工作组改名", (await response.ReadAsync<OrganisationDto>()).NameZh);
    }

    [Theory, AllProviders]
    public async Task Shanghai_working_group_cannot_update_a_beijing_organisation(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var admin = await app.ApiClientAsync(DemoUsers.Admin);
        using var shanghai = await app.ApiClientAsync(DemoUsers.WorkingGroupShanghai);
        var organisation = await admin.CreateAsync(await app.RegionIdAsync("BJ"));

        using var response = await shanghai.PutAsync($"{OrganisationRequests.Path}/{organisation.Id}", OrganisationRequests.Renamed(organisation, "越权修改"));

        await response.ReadProblemAsync(HttpStatusCode.Forbidden);
        var read = await (await admin.GetAsync($"{OrganisationRequests.Path}/{organisation.Id}")).ReadAsync<OrganisationDto>();
        Assert.Equal(organisation.NameZh, read.NameZh);
    }

    [Theory, AllProviders]
    public async Task Shanghai_working_group_cannot_move_an_organisation_to_beijing(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var admin = await app.ApiClientAsync(DemoUsers.Admin);
        using var shanghai = await app.ApiClientAsync(DemoUsers.WorkingGroupShanghai);
        var organisation = await admin.CreateAsync(await app.RegionIdAsync("SH"));
        var beijing = await app.RegionIdAsync("BJ");

        using var response = await shanghai.PutAsync($"{OrganisationRequests.Path}/{organisation.Id}", OrganisationRequests.Renamed(organisation, organisation.NameZh, regionId: beijing));

        await response.ReadProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, AllProviders]
    public async Task Working_group_registers_in_its_own_region_only(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var shanghai = await app.ApiClientAsync(DemoUsers.WorkingGroupShanghai);

        using var own = await shanghai.PostAsync(OrganisationRequests.Path, OrganisationRequests.New(await app.RegionIdAsync("SH")));
        using var other = await shanghai.PostAsync(OrganisationRequests.Path, OrganisationRequests.New(await app.RegionIdAsync("BJ")));

        await own.AssertStatusAsync(HttpStatusCode.Created);
        await other.ReadProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, AllProviders]
    public async Task Applicant_sees_its_own_organisation_but_not_another(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        var jinghua = await app.DemoOrganisationAsync("MA01JHQ20");
        var yanshan = await app.DemoOrganisationAsync("MA03YJJ42");

        using var own = await applicant.GetAsync($"{OrganisationRequests.Path}/{jinghua.Id}");
        using var other = await applicant.GetAsync($"{OrganisationRequests.Path}/{yanshan.Id}");
        using var otherMembers = await applicant.GetAsync($"{OrganisationRequests.Path}/{yanshan.Id}/members");

        Assert.Equal(jinghua.Id, (await own.ReadAsync<OrganisationDto>()).Id);
        await other.ReadProblemAsync(HttpStatusCode.Forbidden);
        await otherMembers.ReadProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, AllProviders]
    public async Task Applicant_cannot_change_even_its_own_organisation(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        var jinghua = await app.DemoOrganisationAsync("MA01JHQ20");
        var read = await (await applicant.GetAsync($"{OrganisationRequests.Path}/{jinghua.Id}")).ReadAsync<OrganisationDto>();

        using var update = await applicant.PutAsync($"{OrganisationRequests.Path}/{jinghua.Id}", OrganisationRequests.Renamed(read, "自行改名"));
        using var create = await applicant.PostAsync(OrganisationRequests.Path, OrganisationRequests.New(read.RegionId));

        await update.ReadProblemAsync(HttpStatusCode.Forbidden);
        await create.ReadProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, AllProviders]
    public async Task Applicant_is_listed_as_member_of_its_organisation(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        var jinghua = await app.DemoOrganisationAsync("MA01JHQ20");

        var members = await (await applicant.GetAsync($"{OrganisationRequests.Path}/{jinghua.Id}/members")).ReadAsync<List<OrganisationMember>>();

        Assert.Equal(DemoUsers.Applicant, Assert.Single(members).Email);
    }
}
