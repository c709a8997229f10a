using System.Net;
using FinPilot.Domain.Alerts;
using FinPilot.Domain.Identity;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Alerts;
using FinPilot.Web.Http;
using FinPilot.Web.Tests.Infrastructure;
using FinPilot.Web.Tests.Obligations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinPilot.Web.Tests.Alerts;

/// <summary>Triage through the API and the pages: who may do what, the transition table at the edge, lists paged and filtered in SQL.</summary>
public sealed class AlertTriageTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task The_working_group_acknowledges_then_escalates_with_a_reason_and_a_closed_alert_stays_closed(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var alert = await RaiseAsync(app, AlertsTestKit.Jinghua);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);

        using (var ack = await wg.PostAsync($"/api/v1/alerts/{alert.Id}/acknowledge", new { }))
        {
            Assert.Equal(AlertStatus.Acknowledged, (await ack.ReadAsync<AlertsApi.AlertDto>()).Status);
        }

        using (var stale = await wg.PostAsync($"/api/v1/alerts/{alert.Id}/resolve", new { note = "旧版本", version = alert.Version }))
        {
            await stale.ReadProblemAsync(HttpStatusCode.Conflict);
        }

        using (var noReason = await wg.PostAsync($"/api/v1/alerts/{alert.Id}/escalate", new { reason = " " }))
        {
            Assert.Contains("reason", (await noReason.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors.Keys);
        }

        using (var escalate = await wg.PostAsync($"/api/v1/alerts/{alert.Id}/escalate", new { reason = "客户数持续超限，需整改" }))
        {
            var dto = await escalate.ReadAsync<AlertsApi.AlertDto>();
            Assert.Equal((AlertStatus.Escalated, "客户数持续超限，需整改"), (dto.Status, dto.ClosingNote!));
        }

        using (var again = await wg.PostAsync($"/api/v1/alerts/{alert.Id}/acknowledge", new { }))
        {
            await again.ReadProblemAsync(HttpStatusCode.Conflict);
        }

        Assert.Equal(
            [AlertActions.Acknowledged, AlertActions.Escalated],
            await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.ResourceId == alert.Id.ToString() && a.Action != AlertActions.Raised)
                .OrderBy(a => a.Id).Select(a => a.Action).ToListAsync()));
    }

    [Theory, AllProviders]
    public async Task Dismissing_needs_a_reason_and_an_open_alert_may_be_resolved_directly(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var first = await RaiseAsync(app, AlertsTestKit.Registry);
        var second = await RaiseAsync(app, AlertsTestKit.Registry);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);

        using (var bad = await wg.PostAsync($"/api/v1/alerts/{first.Id}/dismiss", new { }))
        {
            Assert.Contains("reason", (await bad.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors.Keys);
        }

        using (var dismiss = await wg.PostAsync($"/api/v1/alerts/{first.Id}/dismiss", new { reason = "报送口径错误，已更正" }))
        {
            Assert.Equal(AlertStatus.Dismissed, (await dismiss.ReadAsync<AlertsApi.AlertDto>()).Status);
        }

        using (var resolve = await wg.PostAsync($"/api/v1/alerts/{second.Id}/resolve", new { }))
        {
            Assert.Equal(AlertStatus.Resolved, (await resolve.ReadAsync<AlertsApi.AlertDto>()).Status);
        }

        using var missing = await wg.PostAsync($"/api/v1/alerts/{Guid.NewGuid()}/resolve", new { });
        await missing.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, AllProviders]
    public async Task Another_regions_working_group_may_neither_read_nor_triage(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var alert = await RaiseAsync(app, AlertsTestKit.Jinghua);
        using var shanghai = await app.ApiClientAsync(DemoUsers.WorkingGroupShanghai);

        using (var read = await shanghai.GetAsync($"/api/v1/alerts/{alert.Id}"))
        {
            await read.ReadProblemAsync(HttpStatusCode.Forbidden);
        }

        foreach (var step in new[] { "acknowledge", "resolve", "dismiss", "escalate" })
        {
            using var response = await shanghai.PostAsync($"/api/v1/alerts/{alert.Id}/{step}", new { reason = "越权", note = "越权" });
            await response.ReadProblemAsync(HttpStatusCode.Forbidden);
        }

        using (var list = await shanghai.GetAsync($"/api/v1/alerts?regionId={alert.RegionId}"))
        {
            await list.ReadProblemAsync(HttpStatusCode.Forbidden);
        }

        using (var own = await shanghai.GetAsync("/api/v1/alerts"))
        {
            Assert.DoesNotContain((await own.ReadAsync<Page<AlertsApi.AlertDto>>()).Items, a => a.Id == alert.Id);
        }

        Assert.Equal(AlertStatus.Open, (await app.AlertAsync(alert.Id)).Status);
    }

    [Theory, AllProviders]
    public async Task The_applicant_reads_its_organisations_alerts_but_may_not_triage_them(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var alert = await RaiseAsync(app, AlertsTestKit.Jinghua);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);

        using (var read = await applicant.GetAsync($"/api/v1/alerts/{alert.Id}"))
        {
            Assert.Equal(alert.Id, (await read.ReadAsync<AlertsApi.AlertDto>()).Id);
        }

        foreach (var step in new[] { "acknowledge", "resolve", "dismiss", "escalate" })
        {
            using var response = await applicant.PostAsync($"/api/v1/alerts/{alert.Id}/{step}", new { reason = "自行关闭", note = "自行关闭" });
            await response.ReadProblemAsync(HttpStatusCode.Forbidden);
        }

        // Integrity officers read everything and triage nothing.
        using var integrity = await app.ApiClientAsync(DemoUsers.Integrity);
        using (var read = await integrity.GetAsync($"/api/v1/alerts/{alert.Id}"))
        {
            await read.AssertStatusAsync(HttpStatusCode.OK);
        }

        using (var ack = await integrity.PostAsync($"/api/v1/alerts/{alert.Id}/acknowledge", new { }))
        {
            await ack.ReadProblemAsync(HttpStatusCode.Forbidden);
        }

        Assert.Equal(AlertStatus.Open, (await app.AlertAsync(alert.Id)).Status);
    }

    [Theory, AllProviders]
    public async Task Another_organisations_applicant_may_not_read_the_alert_nor_find_it_in_a_list(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var alert = await RaiseAsync(app, AlertsTestKit.Jinghua);
        var registry = await app.PilotOfAsync(AlertsTestKit.Registry);
        var email = $"registry-{Guid.NewGuid():N}@example.cn";
        await app.CreateUserAsync(email, Role.Applicant, organisationId: registry.OrganisationId);
        using var other = await app.ApiClientAsync(email);

        using (var read = await other.GetAsync($"/api/v1/alerts/{alert.Id}"))
        {
            await read.ReadProblemAsync(HttpStatusCode.Forbidden);
        }

        using (var named = await other.GetAsync($"/api/v1/alerts?organisationId={alert.OrganisationId}"))
        {
            await named.ReadProblemAsync(HttpStatusCode.Forbidden);
        }

        using (var own = await other.GetAsync("/api/v1/alerts"))
        {
            var page = await own.ReadAsync<Page<AlertsApi.AlertDto>>();
            Assert.All(page.Items, a => Assert.Equal(registry.OrganisationId, a.OrganisationId));
        }
    }

    [Theory, AllProviders]
    public async Task The_list_filters_and_pages_in_sql_open_first(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var raised = new List<Alert>();
        for (var i = 0; i < 5; i++)
        {
            raised.Add(await RaiseAsync(app, AlertsTestKit.Yanshan, RiskRuleKind.ChangeRate));
            app.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        await app.ResolveAsync(raised[4].Id);
        var projectId = raised[0].ProjectId;
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);

        var first = await (await wg.GetAsync($"/api/v1/alerts?projectId={projectId}&kind=ChangeRate&pageSize=2")).ReadAsync<Page<AlertsApi.AlertDto>>();
        Assert.Equal((5, 2, 1), (first.Total, first.Items.Count, first.PageNumber));

        // Open first, newest first: the resolved one, though the newest, comes last.
        Assert.Equal([raised[3].Id, raised[2].Id], first.Items.Select(a => a.Id));
        var last = await (await wg.GetAsync($"/api/v1/alerts?projectId={projectId}&kind=ChangeRate&pageSize=2&page=3")).ReadAsync<Page<AlertsApi.AlertDto>>();
        Assert.Equal([raised[4].Id], last.Items.Select(a => a.Id));

        var open = await (await wg.GetAsync($"/api/v1/alerts?projectId={projectId}&kind=ChangeRate&status=Open")).ReadAsync<Page<AlertsApi.AlertDto>>();
        Assert.Equal(4, open.Total);
        Assert.All(open.Items, a => Assert.Equal(AlertStatus.Open, a.Status));
        var resolved = await (await wg.GetAsync($"/api/v1/alerts?regionId={raised[0].RegionId}&projectId={projectId}&status=Resolved&kind=ChangeRate")).ReadAsync<Page<AlertsApi.AlertDto>>();
        Assert.Equal([raised[4].Id], resolved.Items.Select(a => a.Id));

        using var bad = await wg.GetAsync("/api/v1/alerts?kind=Nonsense&status=7");
        var problem = await bad.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("kind", problem.Errors.Keys);
        Assert.Contains("status", problem.Errors.Keys);

        // The dashboard's status column: open alerts and the gravest per pilot.
        await using var scope = app.Services.CreateAsyncScope();
        var counts = await scope.ServiceProvider.GetRequiredService<AlertQueries>().OpenCountsByProjectAsync([projectId, Guid.NewGuid()]);
        var count = counts[projectId];
        Assert.True(count.Count >= 4);
        Assert.Single(counts);
    }

    [Theory, AllProviders]
    public async Task The_pages_show_the_evidence_in_words_and_the_triage_buttons_only_to_the_working_group(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var pilot = await app.PilotOfAsync(AlertsTestKit.Jinghua);
        var code = AlertsTestKit.NewCode();
        var metric = AlertsTestKit.Metric(code, upper: 10);
        await app.SetTermsAsync(pilot, AlertsTestKit.Terms(app, metric, AlertsTestKit.Metric(FinPilot.Domain.Supervision.MetricCodes.Customers)));
        await app.FeedAsync(pilot, (code, 12, app.MonthStart(1)));
        var alert = Assert.Single(await app.AlertsAsync(pilot.Id, RiskRuleKind.Threshold, code));

        using var wg = await app.SignedInAsync(DemoUsers.WorkingGroupBeijing);
        var page = await wg.Client.GetStringAsync($"/alerts/{alert.Id}");
        Assert.Contains(metric.NameZh, page, StringComparison.Ordinal);
        Assert.Contains("指标越限", page, StringComparison.Ordinal);
        Assert.DoesNotContain(code, page, StringComparison.Ordinal);
        Assert.DoesNotContain(">Threshold<", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"acknowledge\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"escalate\"", page, StringComparison.Ordinal);
        var list = await wg.Client.GetStringAsync("/alerts?kind=Threshold");
        Assert.Contains(alert.Id.ToString(), list, StringComparison.Ordinal);

        using var applicant = await app.SignedInAsync(DemoUsers.Applicant);
        var theirs = await applicant.Client.GetStringAsync($"/alerts/{alert.Id}");
        Assert.Contains(metric.NameZh, theirs, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"triage\"", theirs, StringComparison.Ordinal);

        using var shanghai = await app.SignedInAsync(DemoUsers.WorkingGroupShanghai);
        using (var refused = await shanghai.GetAsync($"/alerts/{alert.Id}"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.DoesNotContain(metric.NameZh, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var rules = await shanghai.GetAsync($"/alerts/projects/{pilot.Id}/rules"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, rules.StatusCode);
        }

        var form = await wg.Client.GetStringAsync($"/alerts/projects/{pilot.Id}/rules");
        Assert.Contains("data-testid=\"save-rules\"", form, StringComparison.Ordinal);
    }

    /// <summary>An alert of a rule key of its own on the pilot, raised as the rules raise them.</summary>
    private static async Task<Alert> RaiseAsync(FinPilotApp app, string organisationCode, RiskRuleKind kind = RiskRuleKind.CustomerCapBreach)
    {
        var pilot = await app.PilotOfAsync(organisationCode);
        var key = AlertsTestKit.NewCode();
        await using var scope = app.Services.CreateAsyncScope();
        var alert = await scope.ServiceProvider.GetRequiredService<AlertRaiser>().RaiseAsync(
            new AlertTarget(pilot.Id, pilot.RegionId, pilot.OrganisationId, pilot.Title, []),
            new Breach(kind, key, RiskRules.SeverityOf(kind), new AlertEvidence { MetricCode = key, Observed = 1200, Limit = 1000 }),
            CancellationToken.None);
        Assert.NotNull(alert);
        return alert;
    }
}
