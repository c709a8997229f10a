using System.Net;
using FinPilot.Web.Data;
using FinPilot.Web.Tests.Infrastructure;

namespace FinPilot.Web.Tests.Supervision;

/// <summary>The supervision pages: the working group's dashboard, the project page's sections, the applicant's view, refusals.</summary>
public sealed class SupervisionPageTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task The_working_group_sees_its_regions_pilots_and_the_project_page_in_sections_without_code_names(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (projectId, _) = await app.SupervisedPilotAsync("页面测试试点");
        using var wg = await app.SignedInAsync(DemoUsers.WorkingGroupBeijing);

        using var dashboard = await wg.GetAsync("/supervision");
        await dashboard.AssertStatusAsync(HttpStatusCode.OK);
        var html = await dashboard.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"dashboard\"", html);
        Assert.Contains($"href=\"supervision/projects/{projectId}\"", html);

        using var page = await wg.GetAsync($"/supervision/projects/{projectId}");
        await page.AssertStatusAsync(HttpStatusCode.OK);
        var project = await page.Content.ReadAsStringAsync();
        foreach (var section in new[] { "plan-section", "reports-section", "disclosures-section", "plan-form", "own-disclosure-form", "plan-history" })
        {
            Assert.Contains($"data-testid=\"{section}\"", project);
        }

        Assert.Contains("data-testid=\"plan-state\">已生效</span>", project);
        Assert.Contains("data-testid=\"plan-frequency\">按月</dd>", project);
        Assert.Contains("按申报方案确认", project);
        Assert.DoesNotContain("data-testid=\"disclosure-form\"", project);
        foreach (var code in new[] { ">InForce<", ">Monthly<", ">Gauge<", ">HigherIsBetter<", ">Draft<" })
        {
            Assert.DoesNotContain(code, project);
        }
    }

    [Theory, AllProviders]
    public async Task The_applicant_sees_its_own_pilots_and_may_write_but_not_confirm(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (projectId, _) = await app.SupervisedPilotAsync("申报机构页面测试");
        using var applicant = await app.SignedInAsync(DemoUsers.Applicant);

        var home = await (await applicant.GetAsync("/supervision?culture=en")).Content.ReadAsStringAsync();
        var page = await (await applicant.GetAsync($"/supervision/projects/{projectId}?culture=en")).Content.ReadAsStringAsync();

        Assert.Contains("data-testid=\"my-pilots\"", home);
        Assert.DoesNotContain("data-testid=\"dashboard\"", home);
        Assert.Contains("data-testid=\"disclosure-form\"", page);
        Assert.Contains("data-testid=\"start-report\"", page);
        Assert.DoesNotContain("data-testid=\"plan-form\"", page);
        Assert.Contains(">In force</span>", page);
    }

    [Theory, AllProviders]
    public async Task Another_regions_working_group_is_refused_the_page_and_the_dashboard(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (projectId, _) = await app.SupervisedPilotAsync("页面拒绝测试");
        using var shanghai = await app.SignedInAsync(DemoUsers.WorkingGroupShanghai);
        using var api = await app.ApiClientAsync(DemoUsers.WorkingGroupShanghai);
        var beijing = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Regions, r => r.Code == "BJ"));

        using var page = await shanghai.GetAsync($"/supervision/projects/{projectId}");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.DoesNotContain("页面拒绝测试", html);
        await api.GetAsync($"/api/v1/supervision/dashboard?region={beijing.Id}").AssertDeniedAsync();
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        await applicant.GetAsync($"/api/v1/supervision/dashboard?region={beijing.Id}").AssertDeniedAsync();
        using var coordination = await app.ApiClientAsync(DemoUsers.Coordination);
        await (await coordination.GetAsync($"/api/v1/supervision/dashboard?region={beijing.Id}")).AssertStatusAsync(HttpStatusCode.OK);
    }
}
