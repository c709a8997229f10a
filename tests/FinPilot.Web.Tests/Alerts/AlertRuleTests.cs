using System.Net;
using FinPilot.Domain.Alerts;
using FinPilot.Domain.Probing;
using FinPilot.Domain.Supervision;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Alerts;
using FinPilot.Web.Features.Incidents;
using FinPilot.Web.Features.Notifications;
using FinPilot.Web.Features.Probing;
using FinPilot.Web.Tests.Infrastructure;
using FinPilot.Web.Tests.Metrics;
using FinPilot.Web.Tests.Obligations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinPilot.Web.Tests.Alerts;

/// <summary>
/// The rules evaluated as data arrives: each kind raises one open alert per rule and pilot, and a
/// new one once the last is closed. Samples are fed to the module's listener as the ingestion and
/// the report acceptance feed it; one test goes through the ingestion API itself.
/// </summary>
public sealed class AlertRuleTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task A_threshold_raises_once_while_open_and_again_after_it_is_resolved(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var pilot = await app.PilotOfAsync(AlertsTestKit.Registry);
        var code = AlertsTestKit.NewCode();
        await app.SetTermsAsync(pilot, AlertsTestKit.Terms(app, AlertsTestKit.Metric(code, lower: 10, upper: 100)));

        await app.FeedAsync(pilot, (code, 50, app.MonthStart(3)));
        Assert.Empty(await app.AlertsAsync(pilot.Id, RiskRuleKind.Threshold, code));

        await app.FeedAsync(pilot, (code, 150, app.MonthStart(2)));
        await app.FeedAsync(pilot, (code, 5, app.MonthStart(1)));
        var alert = Assert.Single(await app.AlertsAsync(pilot.Id, RiskRuleKind.Threshold, code));
        Assert.Equal((AlertStatus.Open, AlertSeverity.Warning, 150d, 100d), (alert.Status, alert.Severity, alert.Evidence.Observed!.Value, alert.Evidence.Limit!.Value));

        // The working group is told, in words: the metric by its name, never its code.
        var wg = await app.UserIdAsync(DemoUsers.WorkingGroupBeijing);
        var told = Assert.Single(await app.WithDbAsync(db => db.Notifications.AsNoTracking()
            .Where(n => n.UserId == wg && n.Kind == NotificationKind.AlertRaised && n.Link == AlertRaiser.LinkOf(alert.Id)).ToListAsync()));
        Assert.Equal(pilot.Title, told.Values[NotificationValues.Title]);
        Assert.Equal("指标越限", told.Values[AlertTexts.RuleValue]);
        Assert.Contains("测试指标", told.Values[AlertTexts.DetailValue], StringComparison.Ordinal);
        Assert.DoesNotContain(code, told.Values[AlertTexts.DetailValue], StringComparison.Ordinal);

        await app.ResolveAsync(alert.Id);
        await app.FeedAsync(pilot, (code, 200, app.MonthStart(0)));
        // Raised at the same moment of the test clock: compared without their order.
        var all = await app.AlertsAsync(pilot.Id, RiskRuleKind.Threshold, code);
        Assert.Equal([AlertStatus.Open, AlertStatus.Resolved], all.Select(a => a.Status).Order());
    }

    [Theory, AllProviders]
    public async Task A_customer_cap_breach_through_the_ingestion_api_raises_an_alert_the_applicant_hears_of(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var pilot = await app.PilotOfAsync(AlertsTestKit.Jinghua);
        await app.SetTermsAsync(pilot, MetricsTestKit.Terms);
        var (_, secret) = await MetricsTestKit.ClientAsync(app, pilot.OrganisationId);
        using var machine = MetricsTestKit.Machine(app, secret);
        var source = MetricsTestKit.UniqueSource();

        using (var fine = await MetricsTestKit.SendOneAsync(machine, pilot.Id, MetricsTestKit.Event("c1", value: 4000, period: "2026-08", source: source)))
        {
            await fine.AssertStatusAsync(HttpStatusCode.OK);
        }

        Assert.DoesNotContain(await app.AlertsAsync(pilot.Id, RiskRuleKind.CustomerCapBreach), a => a.IsOpen);
        using (var over = await MetricsTestKit.SendBatchAsync(machine, pilot.Id,
            [MetricsTestKit.Event("c2", value: 5200, period: "2026-09", source: source), MetricsTestKit.Event("c3", value: 5300, period: "2026-10", source: source)]))
        {
            await over.AssertStatusAsync(HttpStatusCode.OK);
        }

        var alert = Assert.Single(await app.AlertsAsync(pilot.Id, RiskRuleKind.CustomerCapBreach), a => a.IsOpen);
        Assert.Equal((AlertSeverity.Risk, 5300d, 5000d), (alert.Severity, alert.Evidence.Observed!.Value, alert.Evidence.Limit!.Value));
        var applicant = await app.UserIdAsync(DemoUsers.Applicant);
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == applicant && n.Link == AlertRaiser.LinkOf(alert.Id))));

        await app.ResolveAsync(alert.Id);
        using (var again = await MetricsTestKit.SendOneAsync(machine, pilot.Id, MetricsTestKit.Event("c4", value: 5400, period: "2026-11", source: source,
            change: e => e["time"] = app.Clock.GetUtcNow().AddMinutes(-5).ToString("O"))))
        {
            await again.AssertStatusAsync(HttpStatusCode.OK);
        }

        var reraised = Assert.Single(await app.AlertsAsync(pilot.Id, RiskRuleKind.CustomerCapBreach), a => a.IsOpen);
        Assert.NotEqual(alert.Id, reraised.Id);
    }

    [Theory, AllProviders]
    public async Task The_amount_cap_and_activity_outside_the_window_raise_their_own_alerts(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var pilot = await app.PilotOfAsync(AlertsTestKit.Yanshan);
        var code = AlertsTestKit.NewCode();
        var terms = AlertsTestKit.Terms(app, AlertsTestKit.Metric(code), AlertsTestKit.Metric(MetricCodes.MaxAmountPerCustomer));
        await app.SetTermsAsync(pilot, terms);

        await app.FeedAsync(pilot, (MetricCodes.MaxAmountPerCustomer, 120_000, app.MonthStart(1)));
        var amount = Assert.Single(await app.AlertsAsync(pilot.Id, RiskRuleKind.AmountPerCustomerCapBreach), a => a.IsOpen);
        Assert.Equal(100_000d, amount.Evidence.Limit);

        // A sample for a period after the approved end date (a report's values are not checked as the API checks events).
        var after = new DateOnly(terms.Parameters.EndsOn.Year, terms.Parameters.EndsOn.Month, 1).AddMonths(1);
        await app.FeedAsync(pilot, (code, 1, after));
        var outside = Assert.Single(await app.AlertsAsync(pilot.Id, RiskRuleKind.ActivityOutsideWindow, code));
        Assert.Equal(terms.Parameters.EndsOn, outside.Evidence.Date);

        await app.ResolveAsync(outside.Id);
        await app.FeedAsync(pilot, (code, 1, after.AddMonths(1)));
        Assert.Equal(2, (await app.AlertsAsync(pilot.Id, RiskRuleKind.ActivityOutsideWindow, code)).Count);
    }

    [Theory, AllProviders]
    public async Task A_change_rate_compares_with_the_previous_period_and_follows_the_pilots_own_percentage(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var pilot = await app.PilotOfAsync(AlertsTestKit.Registry);
        var code = AlertsTestKit.NewCode();
        await app.SetTermsAsync(pilot, AlertsTestKit.Terms(app, AlertsTestKit.Metric(code, direction: MetricDirection.HigherIsWorse)));

        // Business pilots default to 50 %: 10 → 14 is not enough, 14 → 30 is.
        await app.FeedAsync(pilot, (code, 10, app.MonthStart(4)));
        await app.FeedAsync(pilot, (code, 14, app.MonthStart(3)));
        Assert.Empty(await app.AlertsAsync(pilot.Id, RiskRuleKind.ChangeRate, code));
        await app.FeedAsync(pilot, (code, 30, app.MonthStart(2)));
        var alert = Assert.Single(await app.AlertsAsync(pilot.Id, RiskRuleKind.ChangeRate, code));
        Assert.Equal((14d, 30d, 50d), (alert.Evidence.Previous!.Value, alert.Evidence.Observed!.Value, alert.Evidence.Limit!.Value));
        await app.ResolveAsync(alert.Id);

        // The working group widens this pilot's change rate to 200 %: 30 → 60 no longer raises; 60 → 200 does.
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        using (var put = await wg.PutAsync($"/api/v1/alerts/projects/{pilot.Id}/rules", new { changeRatePercent = 200 }))
        {
            var rules = await put.ReadAsync<AlertsApi.RulesDto>();
            Assert.True(rules.Overridden);
            Assert.Equal(200, rules.ChangeRatePercent);
        }

        await app.FeedAsync(pilot, (code, 60, app.MonthStart(1)));
        Assert.Single(await app.AlertsAsync(pilot.Id, RiskRuleKind.ChangeRate, code));
        await app.FeedAsync(pilot, (code, 200, app.MonthStart(0)));
        Assert.Equal(2, (await app.AlertsAsync(pilot.Id, RiskRuleKind.ChangeRate, code)).Count);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AlertActions.RulesChanged && a.ResourceId == pilot.Id.ToString())));

        using (var back = await wg.PutAsync($"/api/v1/alerts/projects/{pilot.Id}/rules", new { changeRatePercent = 50 }))
        {
            await back.AssertStatusAsync(HttpStatusCode.OK);
        }
    }

    [Theory, AllProviders]
    public async Task A_rule_the_working_group_turns_off_for_a_pilot_raises_nothing_there(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var pilot = await app.PilotOfAsync(AlertsTestKit.Yanshan);
        var code = AlertsTestKit.NewCode();
        await app.SetTermsAsync(pilot, AlertsTestKit.Terms(app, AlertsTestKit.Metric(code, upper: 1)));
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        using (var off = await wg.PutAsync($"/api/v1/alerts/projects/{pilot.Id}/rules", new { disabled = new[] { "Threshold" } }))
        {
            Assert.Equal([RiskRuleKind.Threshold], (await off.ReadAsync<AlertsApi.RulesDto>()).Disabled);
        }

        await app.FeedAsync(pilot, (code, 5, app.MonthStart(2)));
        Assert.Empty(await app.AlertsAsync(pilot.Id, RiskRuleKind.Threshold, code));

        using (var on = await wg.PutAsync($"/api/v1/alerts/projects/{pilot.Id}/rules", new { disabled = Array.Empty<string>() }))
        {
            await on.AssertStatusAsync(HttpStatusCode.OK);
        }

        await app.FeedAsync(pilot, (code, 5, app.MonthStart(1)));
        Assert.Single(await app.AlertsAsync(pilot.Id, RiskRuleKind.Threshold, code));
    }

    [Theory, AllProviders]
    public async Task Only_the_regions_working_group_sets_a_pilots_rules(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var pilot = await app.PilotOfAsync(AlertsTestKit.Jinghua);
        foreach (var email in new[] { DemoUsers.WorkingGroupShanghai, DemoUsers.Applicant, DemoUsers.Integrity })
        {
            using var client = await app.ApiClientAsync(email);
            using var put = await client.PutAsync($"/api/v1/alerts/projects/{pilot.Id}/rules", new { staleGraceDays = 30 });
            await put.ReadProblemAsync(HttpStatusCode.Forbidden);
        }

        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        using var bad = await wg.PutAsync($"/api/v1/alerts/projects/{pilot.Id}/rules", new { changeRatePercent = 0, staleGraceDays = 400 });
        var problem = await bad.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("changeRatePercent", problem.Errors.Keys);
        Assert.Contains("staleGraceDays", problem.Errors.Keys);
    }

    [Theory, AllProviders]
    public async Task A_severe_incident_raises_an_alert_once_and_a_minor_one_none(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var pilot = await app.PilotOfAsync(AlertsTestKit.Registry);
        var listener = app.Services.GetRequiredService<AlertListeners>();
        var now = app.Clock.GetUtcNow();
        var severe = new ReportedIncident(Guid.NewGuid(), pilot.Id, pilot.RegionId, 1, Severe: true, now.AddHours(-3), now);
        var minor = new ReportedIncident(Guid.NewGuid(), pilot.Id, pilot.RegionId, 4, Severe: false, now.AddHours(-3), now);

        await listener.IncidentReportedAsync(minor, CancellationToken.None);
        await listener.IncidentReportedAsync(severe, CancellationToken.None);
        await listener.IncidentReportedAsync(severe, CancellationToken.None);
        Assert.Empty(await app.AlertsAsync(pilot.Id, RiskRuleKind.SevereIncident, minor.IncidentId.ToString()));
        var alert = Assert.Single(await app.AlertsAsync(pilot.Id, RiskRuleKind.SevereIncident, severe.IncidentId.ToString()));
        Assert.Equal((AlertSeverity.Risk, 1), (alert.Severity, alert.Evidence.Count!.Value));

        // Told again about the same incident after triage: not raised again; another severe incident is.
        await app.ResolveAsync(alert.Id);
        await listener.IncidentReportedAsync(severe, CancellationToken.None);
        Assert.Single(await app.AlertsAsync(pilot.Id, RiskRuleKind.SevereIncident, severe.IncidentId.ToString()));
        var next = severe with { IncidentId = Guid.NewGuid() };
        await listener.IncidentReportedAsync(next, CancellationToken.None);
        Assert.Single(await app.AlertsAsync(pilot.Id, RiskRuleKind.SevereIncident, next.IncidentId.ToString()), a => a.IsOpen);
    }

    [Theory, AllProviders]
    public async Task A_failing_probe_raises_an_alert_that_its_recovery_resolves_and_a_new_failure_raises_again(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var pilot = await app.PilotOfAsync(AlertsTestKit.Jinghua);
        var listener = app.Services.GetRequiredService<AlertListeners>();
        var url = $"https://status.example.cn/{Guid.NewGuid():N}";
        var failing = new ProbeStanding(pilot.Id, pilot.RegionId, url, 3, app.Clock.GetUtcNow(), ProbeFailure.HttpStatus, 503);

        await listener.ProbeFailingAsync(failing, CancellationToken.None);
        await listener.ProbeFailingAsync(failing with { ConsecutiveFailures = 4 }, CancellationToken.None);
        var alert = Assert.Single(await app.AlertsAsync(pilot.Id, RiskRuleKind.ProbeFailing, url));
        Assert.Equal((3, "HttpStatus:503", url), (alert.Evidence.Count!.Value, alert.Evidence.Detail!, alert.Evidence.Subject!));
        Assert.Equal("HTTP 状态 503", ProbeTexts.FromEvidence(alert.Evidence.Detail, System.Globalization.CultureInfo.GetCultureInfo("zh-CN")));
        Assert.Equal("HTTP status 503", ProbeTexts.FromEvidence(alert.Evidence.Detail, System.Globalization.CultureInfo.GetCultureInfo("en")));

        await listener.ProbeRecoveredAsync(failing with { ConsecutiveFailures = 0, LastFailure = null, StatusCode = 200 }, CancellationToken.None);
        var resolved = await app.AlertAsync(alert.Id);
        Assert.Equal((AlertStatus.Resolved, AlertRaiser.SystemActor, SystemNotes.ProbeRecovered), (resolved.Status, resolved.ClosedBy!, resolved.ClosingNote!));

        await listener.ProbeFailingAsync(failing, CancellationToken.None);
        var all = await app.AlertsAsync(pilot.Id, RiskRuleKind.ProbeFailing, url);
        Assert.Equal([AlertStatus.Open, AlertStatus.Resolved], all.Select(a => a.Status).Order());
    }

    [Theory, AllProviders]
    public async Task Raisers_racing_over_one_rule_leave_one_open_alert(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var pilot = await app.PilotOfAsync(AlertsTestKit.Yanshan);
        var key = AlertsTestKit.NewCode();
        var target = new AlertTarget(pilot.Id, pilot.RegionId, pilot.OrganisationId, pilot.Title, []);
        var breach = new Breach(RiskRuleKind.Threshold, key, AlertSeverity.Warning, new AlertEvidence { MetricCode = key, Observed = 1 });

        var raised = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<AlertRaiser>().RaiseAsync(target, breach, CancellationToken.None);
        })));

        Assert.Single(raised, a => a is not null);
        var alert = Assert.Single(await app.AlertsAsync(pilot.Id, RiskRuleKind.Threshold, key));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AlertActions.Raised && a.ResourceId == alert.Id.ToString())));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AlertActions.Raised && a.Details!.Contains(key))));
    }
}
