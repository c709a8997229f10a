using System.Net;
using FinPilot.Domain.Obligations;
using FinPilot.Domain.Supervision;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Demo;
using FinPilot.Web.Tests.Infrastructure;
using FinPilot.Web.Tests.Obligations;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.Supervision;

/// <summary>
/// The demo's supervised year (Beijing's 2021 pilots) as the working group's dashboard and a
/// project's page show it: status, customers against the cap, trend lines, overdue duties, charts.
/// </summary>
public sealed class SupervisionDashboardTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    private const string Blockchain = "基于区块链的私募基金份额登记与转让试点";
    private const string Advisory = "基于人工智能的智能投顾客户适当性管理试点";

    [Theory, AllProviders]
    public async Task The_demo_year_is_supervised_with_reports_samples_and_one_missing_report(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);

        var facts = await app.WithDbAsync(async db =>
        {
            var advisory = await db.Projects.SingleAsync(p => p.Title == Advisory);
            var blockchain = await db.Projects.SingleAsync(p => p.Title == Blockchain);
            var plans = await db.SupervisionPlans.Where(p => p.ProjectId == advisory.Id || p.ProjectId == blockchain.Id).ToListAsync();
            return new
            {
                InForce = plans.Count(p => p.Revision > 0),
                AdvisoryEndpoints = plans.Single(p => p.ProjectId == advisory.Id).Terms.Endpoints.Select(e => e.Url).ToList(),
                AdvisoryReports = await db.PeriodicReports.CountAsync(r => r.ProjectId == advisory.Id),
                BlockchainReports = await db.PeriodicReports.CountAsync(r => r.ProjectId == blockchain.Id),
                AdvisoryOpenReports = await db.Obligations.Where(o => o.ProjectId == advisory.Id && o.Kind == ObligationKind.PeriodicReport && o.Status == ObligationStatus.Open)
                    .Select(o => o.Subject).ToListAsync(),
                BlockchainCustomers = await db.MetricSamples.Where(s => s.ProjectId == blockchain.Id && s.MetricCode == MetricCodes.Customers)
                    .OrderByDescending(s => s.PeriodEnd).Select(s => s.Value).FirstAsync(),
                MachineSent = await db.MetricSamples.CountAsync(s => s.ProjectId == blockchain.Id && s.ClientId != null),
            };
        });

        Assert.Equal(2, facts.InForce);
        Assert.Equal([DemoSupervision.FailingEndpoint], facts.AdvisoryEndpoints);
        Assert.Equal(13, facts.BlockchainReports);
        Assert.Equal(12, facts.AdvisoryReports);
        Assert.Equal(["2022-12"], facts.AdvisoryOpenReports);
        Assert.True(facts.BlockchainCustomers > 500, $"the blockchain pilot ends above its cap of 500, not at {facts.BlockchainCustomers}");
        Assert.True(facts.MachineSent >= 13 * 7, $"a year of machine-sent samples, not {facts.MachineSent}");
    }

    [Theory, AllProviders]
    public async Task The_dashboard_shows_status_customers_against_the_cap_trends_and_overdue_duties(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var wg = await app.SignedInAsync(DemoUsers.WorkingGroupBeijing);

        using var response = await wg.GetAsync("/supervision");
        await response.AssertStatusAsync(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();

        var blockchain = Row(html, Blockchain);
        Assert.Contains("data-testid=\"pilot-status\">风险</span>", blockchain);
        Assert.Contains("<span class=\"over\" title=\"超出上限\">540</span>", blockchain);
        Assert.Contains("<span class=\"muted\"> / 500</span>", blockchain);
        Assert.Contains("<svg class=\"sparkline bad\"", blockchain);
        Assert.Contains("累计服务客户数", blockchain);

        var advisory = Row(html, Advisory);
        Assert.Matches("data-testid=\"overdue\" class=\"over\">[1-9]", advisory);
        Assert.Matches("data-testid=\"open-alerts\" class=\"over\">[1-9]", advisory);
        Assert.DoesNotContain(">customers<", advisory);
    }

    [Theory, AllProviders]
    public async Task The_project_page_lists_obligations_open_first_and_charts_every_metric_in_english_too(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var id = await app.WithDbAsync(db => db.Projects.Where(p => p.Title == Advisory).Select(p => p.Id).SingleAsync());
        using var applicant = await app.SignedInAsync(DemoUsers.Applicant);

        using var response = await applicant.GetAsync($"/supervision/projects/{id}?culture=en");
        await response.AssertStatusAsync(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("data-testid=\"obligations-section\"", html);
        Assert.Contains("data-testid=\"metrics-section\"", html);
        var obligations = html[html.IndexOf("data-testid=\"obligations-section\"", StringComparison.Ordinal)..html.IndexOf("data-testid=\"metrics-section\"", StringComparison.Ordinal)];
        Assert.Contains("Overdue", obligations[..obligations.IndexOf("Fulfilled", StringComparison.Ordinal)]);
        Assert.Equal(6, html.Split("data-testid=\"metric-chart\"").Length - 1);
        Assert.Contains("Response time (95th percentile)", html);
        Assert.Contains("limit 99.5 %", html);
        foreach (var code in new[] { ">customers<", ">latency_p95<", ">PeriodicReport<", ">ExitOrExtension<" })
        {
            Assert.DoesNotContain(code, html);
        }
    }

    /// <summary>The dashboard row of the pilot with this title.</summary>
    [Theory, AllProviders]
    public async Task The_working_groups_own_late_confirmation_is_flagged_beside_the_plan_not_counted_against_the_pilot(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        // A leading digit sorts the pilot onto the dashboard's first page.
        var title = $"0 方案确认逾期 {Guid.NewGuid():N}";
        var id = await app.AdmittedPilotAsync(title);
        var pilot = await app.WithDbAsync(db => db.Projects.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new Pilot(p.Id, p.RegionId, p.LeadOrganisationId, p.Title)).SingleAsync());
        var yesterday = app.Clock.GetUtcNow().AddDays(-1);
        await app.AddObligationAsync(pilot, ObligationKind.PlanConfirmation, Guid.NewGuid().ToString(), yesterday);
        using var wg = await app.SignedInAsync(DemoUsers.WorkingGroupBeijing);

        var row = Row(await wg.Client.GetStringAsync("/supervision"), title);
        Assert.Contains("data-testid=\"overdue\">0</td>", row);
        Assert.Contains("data-testid=\"wg-overdue\">工作组确认已逾期</div>", row);

        await app.AddObligationAsync(pilot, ObligationKind.PeriodicReport, "2020-01", yesterday);
        row = Row(await wg.Client.GetStringAsync("/supervision"), title);
        Assert.Contains("data-testid=\"overdue\" class=\"over\">1</td>", row);
    }

    private static string Row(string html, string title)
    {
        var at = html.IndexOf(title, StringComparison.Ordinal);
        Assert.True(at >= 0, $"the dashboard lists {title}");
        var start = html.LastIndexOf("<tr", at, StringComparison.Ordinal);
        var end = html.IndexOf("</tr>", at, StringComparison.Ordinal);
        return html[start..end];
    }
}
