using FinPilot.Domain.Alerts;
using FinPilot.Domain.Obligations;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Alerts;
using FinPilot.Web.Features.Obligations;
using FinPilot.Web.Tests.Infrastructure;
using FinPilot.Web.Tests.Obligations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace FinPilot.Web.Tests.Alerts;

/// <summary>
/// The rules time breaks, on apps of their own (the tests move the clock by weeks, which wakes every
/// module's job): stale streams and pilots past their end date from the alert clock, with two
/// clocks racing; overdue obligations from the obligation clock.
/// </summary>
public sealed class AlertClockTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task A_stream_with_no_sample_goes_stale_a_sample_resolves_it_and_a_new_gap_raises_it_again(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var pilot = await app.PilotOfAsync(AlertsTestKit.Registry);
        var code = AlertsTestKit.NewCode();
        var terms = AlertsTestKit.Terms(app, AlertsTestKit.Metric(code));
        await app.SetTermsAsync(pilot, terms with { Parameters = terms.Parameters with { StartsOn = app.MonthStart(0), EndsOn = app.Today().AddYears(1) } });

        // Started this month: the first sample is due at the end of it, plus ten days' grace.
        await app.RaceClocksAsync();
        Assert.Empty(await app.AlertsAsync(pilot.Id, RiskRuleKind.StaleStream, code));

        app.Clock.Advance(TimeSpan.FromDays(45));
        await app.RaceClocksAsync();
        await app.RaceClocksAsync();
        var stale = Assert.Single(await app.AlertsAsync(pilot.Id, RiskRuleKind.StaleStream, code));
        Assert.Equal(("none", AlertStatus.Open), (stale.Episode!, stale.Status));

        // A sample arrives: the alert is resolved by the rule, and the stream is fresh.
        await app.FeedAsync(pilot, (code, 7, app.MonthStart(1)));
        var resolved = await app.AlertAsync(stale.Id);
        Assert.Equal((AlertStatus.Resolved, SystemNotes.SampleReceived), (resolved.Status, resolved.ClosingNote!));
        await app.RaceClocksAsync();
        Assert.Single(await app.AlertsAsync(pilot.Id, RiskRuleKind.StaleStream, code));

        // Nothing more for two months: stale again, a new alert for the new gap, and only one.
        app.Clock.Advance(TimeSpan.FromDays(62));
        await app.RaceClocksAsync();
        var all = await app.AlertsAsync(pilot.Id, RiskRuleKind.StaleStream, code);
        Assert.Equal([AlertStatus.Resolved, AlertStatus.Open], all.Select(a => a.Status));

        // Triaged while still stale: not raised again for the same gap.
        await app.ResolveAsync(all[1].Id);
        await app.RaceClocksAsync();
        Assert.Equal(2, (await app.AlertsAsync(pilot.Id, RiskRuleKind.StaleStream, code)).Count);
    }

    [Theory, AllProviders]
    public async Task A_pilot_past_its_end_date_raises_one_alert_and_creates_no_obligation(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var pilot = await app.PilotOfAsync(AlertsTestKit.Yanshan);
        var endsOn = app.Today().AddDays(3);
        var terms = AlertsTestKit.Terms(app);
        await app.SetTermsAsync(pilot, terms with { Parameters = terms.Parameters with { EndsOn = endsOn } });
        var key = endsOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var obligations = await ObligationCountAsync(app, pilot.Id);

        await app.RaceClocksAsync();
        Assert.Empty(await app.AlertsAsync(pilot.Id, RiskRuleKind.PastEndDate, key));

        app.Clock.Advance(TimeSpan.FromDays(5));
        await app.RaceClocksAsync();
        await app.RaceClocksAsync();
        var alert = Assert.Single(await app.AlertsAsync(pilot.Id, RiskRuleKind.PastEndDate, key));
        Assert.Equal((AlertSeverity.Risk, endsOn), (alert.Severity, alert.Evidence.Date!.Value));

        // The alert clock makes no obligation of its own: the exit-or-extension duty is the obligation clock's, one at most.
        Assert.Equal(obligations, await ObligationCountAsync(app, pilot.Id));
        Assert.True(await app.WithDbAsync(db => db.Obligations.CountAsync(o => o.ProjectId == pilot.Id && o.Kind == ObligationKind.ExitOrExtension && o.Subject == key)) <= 1);

        // Resolved while the end date stays past: not raised again for it; an extension that passes too raises a new one.
        await app.ResolveAsync(alert.Id);
        await app.RaceClocksAsync();
        Assert.Single(await app.AlertsAsync(pilot.Id, RiskRuleKind.PastEndDate, key));
        var extended = app.Today().AddDays(2);
        await app.SetTermsAsync(pilot, terms with { Parameters = terms.Parameters with { EndsOn = extended } });
        app.Clock.Advance(TimeSpan.FromDays(4));
        await app.RaceClocksAsync();
        var extendedKey = extended.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var next = Assert.Single(await app.AlertsAsync(pilot.Id, RiskRuleKind.PastEndDate, extendedKey));
        Assert.Equal((extended, AlertStatus.Open), (next.Evidence.Date!.Value, next.Status));

        // Only the alert of the end date in force stays open: the demo plan's own end date's alert (raised at start) was closed when the plan changed.
        Assert.Equal([next.Id], (await app.AlertsAsync(pilot.Id, RiskRuleKind.PastEndDate)).Where(a => a.IsOpen).Select(a => a.Id));
    }

    [Theory, AllProviders]
    public async Task An_overdue_obligation_raises_an_alert_once_and_meeting_it_resolves_the_alert(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var pilot = await app.PilotOfAsync(AlertsTestKit.Jinghua);
        var obligation = await app.AddObligationAsync(pilot, ObligationKind.Disclosure, ObligationTestKit.NewSubject(), app.Clock.GetUtcNow().AddHours(1));
        app.Clock.Advance(TimeSpan.FromHours(2));

        // The obligation clock tells the rules; the host's own clock, woken by the move, may be the one.
        var key = obligation.Id.ToString();
        for (var i = 0; i < 50 && (await app.AlertsAsync(pilot.Id, RiskRuleKind.OverdueObligation, key)).Count == 0; i++)
        {
            await RunObligationClockAsync(app);
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        var alert = Assert.Single(await app.AlertsAsync(pilot.Id, RiskRuleKind.OverdueObligation, key));
        Assert.Equal((nameof(ObligationKind.Disclosure), obligation.Subject), (alert.Evidence.Detail!, alert.Evidence.Subject!));

        // The obligation clock's overdue notice tells of it: the alert adds no message of its own.
        Assert.False(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.Link == AlertRaiser.LinkOf(alert.Id))));

        // Told again (a second node): still one.
        await app.Services.GetRequiredService<AlertListeners>().ObligationOverdueAsync(
            new OverdueObligation(obligation.Id, pilot.Id, pilot.RegionId, obligation.Kind.ToString(), obligation.Subject, obligation.DueAt), CancellationToken.None);
        Assert.Single(await app.AlertsAsync(pilot.Id, RiskRuleKind.OverdueObligation, key));

        // The duty is met: the alert clock resolves the alert. Another overdue duty raises its own.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var book = scope.ServiceProvider.GetRequiredService<ObligationBook>();
            Assert.True(await book.FulfilAsync(pilot.Id, obligation.Kind, obligation.Subject, app.Clock.GetUtcNow(), "test", CancellationToken.None));
            await scope.ServiceProvider.GetRequiredService<FinPilotDbContext>().SaveChangesAsync();
        }

        await app.RaceClocksAsync();
        Assert.Equal((AlertStatus.Resolved, SystemNotes.ObligationClosed), await app.WithDbAsync(async db =>
        {
            var a = await db.Alerts.AsNoTracking().SingleAsync(x => x.Id == alert.Id);
            return (a.Status, a.ClosingNote!);
        }));
    }

    [Theory, AllProviders]
    public async Task A_pass_that_raises_alerts_LeavesNothingTracked(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var first = await app.FreshPilotOfAsync(AlertsTestKit.Jinghua);
        var second = await app.FreshPilotOfAsync(AlertsTestKit.Registry);
        var code = AlertsTestKit.NewCode();

        // Started six months ago with no sample since: stale now, without moving the clock (which would wake the host's clock too).
        var terms = AlertsTestKit.Terms(app, AlertsTestKit.Metric(code));
        await app.SetTermsAsync(first, terms);
        await app.SetTermsAsync(second, terms);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinPilotDbContext>();
        using var watch = new TrackerWatch(db);
        var outcome = await scope.ServiceProvider.GetRequiredService<AlertClock>().RunAsync(TestContext.Current.CancellationToken);

        // Each raise (the alert, its messages, its audit line) is forgotten once saved: no save carries an earlier one's.
        Assert.True(outcome.Stale >= 2, $"{outcome}");
        Assert.True(watch.Saves >= 2, $"{watch.Saves} saves");
        Assert.Equal(0, watch.Carried);
        Assert.Empty(db.ChangeTracker.Entries());
        Assert.Equal(AlertStatus.Open, Assert.Single(await app.AlertsAsync(first.Id, RiskRuleKind.StaleStream, code)).Status);
        Assert.Equal(AlertStatus.Open, Assert.Single(await app.AlertsAsync(second.Id, RiskRuleKind.StaleStream, code)).Status);
    }

    /// <summary>The pilot's obligations other than those the obligation clock schedules itself.</summary>
    private static Task<int> ObligationCountAsync(FinPilotApp app, Guid projectId) =>
        app.WithDbAsync(db => db.Obligations.CountAsync(o => o.ProjectId == projectId && o.Kind != ObligationKind.PeriodicReport && o.Kind != ObligationKind.ExitOrExtension));

    private static Task RunObligationClockAsync(FinPilotApp app) =>
        new ObligationClockJob(app.Services.GetRequiredService<IServiceScopeFactory>(), app.Clock, app.Services.GetRequiredService<ObligationOptions>(),
            NullLogger<ObligationClockJob>.Instance).TryRunAsync(CancellationToken.None);
}
