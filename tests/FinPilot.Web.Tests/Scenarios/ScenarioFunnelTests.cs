using System.Net;
using ClosedXML.Excel;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Scenarios;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Scenarios;
using FinPilot.Web.Tests.Applications;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static FinPilot.Web.Features.Scenarios.ScenariosApi;

namespace FinPilot.Web.Tests.Scenarios;

/// <summary>The funnel counts a scenario's way from publication to a joint application, for its region's working group and national oversight only, on the API, the page and in XLSX.</summary>
public sealed class ScenarioFunnelTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task The_funnel_counts_offers_interest_matches_and_applications_per_scenario(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var beijing = await app.BeijingAsync();
        var publisher = await app.DemoApplicantOrganisationAsync();
        var company = await app.NewOrganisationAsync("漏斗科技");
        var late = await app.NewOrganisationAsync("迟到科技");
        using var publisherApi = await app.ApiClientAsync(DemoUsers.Applicant);
        using var companyApi = await app.ApiClientAsync(company.Email);
        using var lateApi = await app.ApiClientAsync(late.Email);
        var marker = $"漏斗场景{Guid.NewGuid():N}"[..16];
        var scenario = await ScenarioTestKit.PublishedScenarioAsync(publisherApi, ScenarioTestKit.Scenario(publisher, marker));
        var solution = await ScenarioTestKit.PublishedSolutionAsync(companyApi, ScenarioTestKit.Solution(company.Id, marker + "甲", scenario.Id));
        var other = await ScenarioTestKit.PublishedSolutionAsync(lateApi, ScenarioTestKit.Solution(late.Id, marker + "乙", scenario.Id));
        var interest = new InterestRequest { ScenarioId = scenario.Id, SolutionId = solution.Id };
        var match = await (await companyApi.PostAsync("/api/v1/scenarios/matches", interest)).ReadAsync<MatchDto>();
        await (await publisherApi.PostAsync("/api/v1/scenarios/matches", interest)).AssertStatusAsync(HttpStatusCode.OK);
        await (await lateApi.PostAsync("/api/v1/scenarios/matches", new InterestRequest { ScenarioId = scenario.Id, SolutionId = other.Id })).AssertStatusAsync(HttpStatusCode.OK);
        var callId = await app.OpenBeijingCallAsync($"漏斗征集{Guid.NewGuid():N}"[..14]);
        using var institution = await app.SignedInAsync(DemoUsers.Applicant);
        var matchPage = $"/scenarios/matches/{match.Id}";
        using var started = await institution.SubmitAsync(matchPage, matchPage, new Dictionary<string, string>
        {
            ["_handler"] = "joint",
            ["CallId"] = callId.ToString(),
            ["Category"] = ((int)ProjectCategory.TechnologyInnovation).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);

        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var report = await (await wg.GetAsync($"/api/v1/scenarios/funnel?regionId={beijing}&scenarioId={scenario.Id}")).ReadAsync<FunnelReport>();
        var row = Assert.Single(report.Scenarios.Items);
        Assert.Equal(scenario.Id, row.ScenarioId);
        Assert.Equal(new FunnelCounts(1, 2, 2, 1, 1, 0, 0, 0, 0, 0), row.Counts);
        Assert.Equal(row.Counts, report.Totals);

        // The whole region: at least this one, and the demo's published scenarios.
        var region = await (await wg.GetAsync($"/api/v1/scenarios/funnel?regionId={beijing}&pageSize=5")).ReadAsync<FunnelReport>();
        Assert.True(region.Totals.Published > 1);
        Assert.True(region.Totals.Applied >= 1);

        // XLSX: the totals row, then the scenario's row.
        using var file = await wg.GetAsync($"/api/v1/scenarios/funnel.xlsx?regionId={beijing}");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        using var workbook = new XLWorkbook(await file.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheets.First();
        var line = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == marker);
        Assert.Equal(2, line.Cell(5).GetValue<int>());
        Assert.Equal(1, line.Cell(11).GetValue<int>());

        // Who may not: an applicant, another region's working group, an anonymous caller.
        await (await publisherApi.GetAsync($"/api/v1/scenarios/funnel?regionId={beijing}")).ReadProblemAsync(HttpStatusCode.Forbidden);
        using var shanghai = await app.ApiClientAsync(DemoUsers.WorkingGroupShanghai);
        await (await shanghai.GetAsync($"/api/v1/scenarios/funnel?regionId={beijing}")).ReadProblemAsync(HttpStatusCode.Forbidden);
        var own = await (await shanghai.GetAsync($"/api/v1/scenarios/funnel?scenarioId={scenario.Id}")).ReadAsync<FunnelReport>();
        Assert.Empty(own.Scenarios.Items);
        using var anonymous = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/scenarios/funnel")).StatusCode);
        using var coordination = await app.ApiClientAsync(DemoUsers.Coordination);
        Assert.Single((await (await coordination.GetAsync($"/api/v1/scenarios/funnel?scenarioId={scenario.Id}")).ReadAsync<FunnelReport>()).Scenarios.Items);

        // The page.
        using var wgBrowser = await app.SignedInAsync(DemoUsers.WorkingGroupBeijing);
        Assert.Contains("funnel-totals", await wgBrowser.Client.GetStringAsync("/scenarios/funnel"), StringComparison.Ordinal);
        using var applicantPage = await institution.GetAsync("/scenarios/funnel");
        Assert.Equal(HttpStatusCode.Forbidden, applicantPage.StatusCode);
    }
}
