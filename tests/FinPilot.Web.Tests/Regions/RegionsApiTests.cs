using System.Net;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Demo;
using FinPilot.Web.Tests.Infrastructure;
using static FinPilot.Web.Features.Regions.RegionsApi;

namespace FinPilot.Web.Tests.Regions;

public sealed class RegionsApiTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task Lists_the_pilot_regions(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);

        var regions = await (await applicant.GetAsync("/api/v1/regions")).ReadAsync<List<RegionDto>>();

        // Listed in the order they were added; another test of this class may have added one after these.
        Assert.Equal(DemoData.Regions.Select(r => (r.Code, r.NameZh, r.NameEn)), regions.Take(DemoData.Regions.Length).Select(r => (r.Code, r.NameZh, r.NameEn)));
        Assert.Equal(new DateOnly(2021, 12, 1), regions.Single(r => r.Code == "SH").ApprovedOn);
    }

    [Theory, AllProviders]
    public async Task Admin_adds_a_region_and_others_cannot(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var admin = await app.ApiClientAsync(DemoUsers.Admin);
        using var workingGroup = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var body = new { code = "cq", nameZh = "重庆", nameEn = "Chongqing", approvedOn = "2022-06-01" };

        using var refused = await workingGroup.PostAsync("/api/v1/regions", body);
        using var created = await admin.PostAsync("/api/v1/regions", body);
        using var duplicate = await admin.PostAsync("/api/v1/regions", body);

        await refused.ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("CQ", (await created.ReadAsync<RegionDto>(HttpStatusCode.Created)).Code);
        Assert.True((await duplicate.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors.ContainsKey("Code"));
    }

    [Theory, AllProviders]
    public async Task Missing_region_is_404(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var admin = await app.ApiClientAsync(DemoUsers.Admin);

        using var response = await admin.GetAsync("/api/v1/regions/9999");

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }
}
