using FinPilot.Domain.Calendar;
using FinPilot.Domain.Obligations;
using FinPilot.Domain.Supervision;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Notifications;
using FinPilot.Web.Features.Obligations;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace FinPilot.Web.Tests.Obligations;

/// <summary>
/// The obligation clock on its own apps (it moves the clock by weeks), with clocks racing each
/// other over one database: two job instances in this process share the lease holder, so both run
/// at once, as two nodes would after a lease expired mid-run; the host's own job joins in too.
/// </summary>
public sealed class ObligationClockTests(ObligationClockApps apps) : IClassFixture<ObligationClockApps>
{
    [Theory, AllProviders]
    public async Task Each_reminder_and_notice_goes_out_once_though_clocks_race_every_day(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var pilot = await app.FreshPilotOfAsync(ObligationTestKit.JinghuaCode);
        var calendar = await app.CalendarAsync();
        var subject = ObligationTestKit.NewSubject();
        var due = ChinaTime.EndOfDay(calendar.AddWorkingDays(app.Today(), 7));
        var obligation = await app.AddObligationAsync(pilot, ObligationKind.MetricFreshness, subject, due);
        var applicant = await UserIdAsync(app, DemoUsers.Applicant);
        var workingGroup = await UserIdAsync(app, DemoUsers.WorkingGroupBeijing);
        var shanghai = await UserIdAsync(app, DemoUsers.WorkingGroupShanghai);

        // Seven working days ahead, then five after the due day: at most 13 working days, under 25 calendar days.
        for (var day = 0; day < 25; day++)
        {
            await RaceAsync(app);
            var sent = await NotificationsAsync(app, applicant, subject);
            Assert.True(sent.Count <= 4, $"day {day}: {sent.Count} messages");
            app.Clock.Advance(TimeSpan.FromDays(1));
        }

        await RaceAsync(app);
        var toApplicant = await NotificationsAsync(app, applicant, subject);
        Assert.Equal(2, toApplicant.Count(n => n.Kind == NotificationKind.ObligationDueSoon));
        Assert.Equal(2, toApplicant.Count(n => n.Kind == NotificationKind.ObligationOverdue));
        Assert.All(toApplicant, n => Assert.Equal(ObligationClock.ApplicantLink, n.Link));

        // The working group hears only of what is late; another region's hears nothing.
        var toWorkingGroup = await NotificationsAsync(app, workingGroup, subject);
        Assert.Equal([NotificationKind.ObligationOverdue, NotificationKind.ObligationOverdue], toWorkingGroup.Select(n => n.Kind));
        Assert.Empty(await NotificationsAsync(app, shanghai, subject));

        var stored = await app.ObligationAsync(obligation.Id);
        Assert.Equal([-5, -1, 1, 5], stored.RemindersSent);

        // The due day and the duty are in the message, in the reader's language (the demo users read Chinese).
        var first = toApplicant.OrderBy(n => n.CreatedAt).First();
        Assert.Equal(ChinaTime.DateOf(due).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), first.Values[NotificationValues.Due]);
        Assert.Equal($"指标“{subject}”的数据报送", first.Values[NotificationValues.Duty]);
        Assert.Equal(pilot.Title, first.Values[NotificationValues.Title]);
    }

    [Theory, AllProviders]
    public async Task Overdue_listeners_are_told_once_on_the_first_run_after_the_due_time(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var pilot = await app.FreshPilotOfAsync(ObligationTestKit.RegistryCode);
        var obligation = await app.AddObligationAsync(pilot, ObligationKind.IncidentReport, ObligationTestKit.NewSubject(), app.Clock.GetUtcNow().AddHours(2));

        await RaceAsync(app);
        Assert.Equal(0, apps.Listener.CallsFor(obligation.Id));
        Assert.Null((await app.ObligationAsync(obligation.Id)).OverdueNotifiedAt);

        // Moving the clock also wakes the host's own clock job, which may mark the obligation and tell
        // the listeners a moment after the runs here return: wait for that (bounded), then check it was once.
        app.Clock.Advance(TimeSpan.FromHours(3));
        await RaceAsync(app);
        for (var i = 0; i < 50 && apps.Listener.CallsFor(obligation.Id) == 0; i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        await RaceAsync(app);
        Assert.Equal(1, apps.Listener.CallsFor(obligation.Id));
        var stored = await app.ObligationAsync(obligation.Id);
        Assert.NotNull(stored.OverdueNotifiedAt);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == ObligationActions.Overdue && a.ResourceId == obligation.Id.ToString())));
    }

    [Theory, AllProviders]
    public async Task A_listener_that_fails_is_told_again_on_the_next_run(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var pilot = await app.FreshPilotOfAsync(ObligationTestKit.RegistryCode);
        var obligation = await app.AddObligationAsync(pilot, ObligationKind.IncidentReport, ObligationTestKit.NewSubject(), app.Clock.GetUtcNow().AddHours(1));
        apps.Listener.FailOnceFor(obligation.Id);
        app.Clock.Advance(TimeSpan.FromHours(2));

        // The host's own job may be the one that fails, and be giving the claim back while ours look:
        // a few runs in a row see it through.
        for (var run = 0; run < 10 && apps.Listener.CallsFor(obligation.Id) == 0; run++)
        {
            await RunOnceAsync(app);
            await Task.Delay(50);
        }

        await RunOnceAsync(app);
        Assert.Equal(1, apps.Listener.FailuresFor(obligation.Id));
        Assert.Equal(1, apps.Listener.CallsFor(obligation.Id));
        Assert.NotNull((await app.ObligationAsync(obligation.Id)).OverdueNotifiedAt);
    }

    [Theory, AllProviders]
    public async Task Periodic_reports_are_scheduled_once_per_period_from_the_plan_start_with_the_exit_step(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var pilot = await app.FreshPilotOfAsync("MA03YJJ42");
        var today = app.Today();
        var startsOn = new DateOnly(today.Year, today.Month, 10).AddMonths(-3);
        var endsOn = today.AddYears(1);
        await app.ConfirmPlanAsync(pilot, ObligationTestKit.Terms(ReportFrequency.Monthly, startsOn, endsOn));

        await RaceAsync(app);
        await RaceAsync(app);

        var calendar = await app.CalendarAsync();
        var expected = ReportPeriod.Upto(startsOn, app.Today(), ReportFrequency.Monthly).ToList();
        var reports = await app.WithDbAsync(db => db.Obligations.AsNoTracking()
            .Where(o => o.ProjectId == pilot.Id && o.Kind == ObligationKind.PeriodicReport).ToListAsync());
        Assert.Equal(expected.Select(p => p.Subject), reports.OrderBy(r => r.DueAt).Select(r => r.Subject));
        Assert.True(expected.Count >= 4);
        Assert.All(reports, r => Assert.Equal(ObligationRules.ReportDue(expected.Single(p => p.Subject == r.Subject).End, ReportFrequency.Monthly, calendar), r.DueAt));
        Assert.All(reports, r => Assert.Equal((pilot.RegionId, pilot.OrganisationId), (r.RegionId, r.OrganisationId)));

        var exit = await app.WithDbAsync(db => db.Obligations.AsNoTracking()
            .SingleAsync(o => o.ProjectId == pilot.Id && o.Kind == ObligationKind.ExitOrExtension));
        Assert.Equal((ObligationClock.ExitSubject(endsOn), ObligationRules.ExitOrExtensionDue(endsOn, calendar)), (exit.Subject, exit.DueAt));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a =>
            a.Action == ObligationActions.Scheduled && a.ResourceType == AuditResource.Project.Name && a.ResourceId == pilot.Id.ToString())));
    }

    [Theory, AllProviders]
    public async Task A_quarterly_plan_gets_quarters_and_a_pilot_past_its_end_date_no_periods_after_it(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var pilot = await app.FreshPilotOfAsync(ObligationTestKit.JinghuaCode);
        var today = app.Today();
        var startsOn = today.AddMonths(-14);
        var endsOn = today.AddMonths(-5);
        await app.ConfirmPlanAsync(pilot, ObligationTestKit.Terms(ReportFrequency.Quarterly, startsOn, endsOn));

        await RaceAsync(app);

        var subjects = await app.WithDbAsync(db => db.Obligations.AsNoTracking()
            .Where(o => o.ProjectId == pilot.Id && o.Kind == ObligationKind.PeriodicReport).Select(o => o.Subject).ToListAsync());
        Assert.Equal(ReportPeriod.Upto(startsOn, endsOn, ReportFrequency.Quarterly).Select(p => p.Subject).Order(), subjects.Order());
        Assert.All(subjects, s => Assert.Contains("-Q", s, StringComparison.Ordinal));
    }

    [Theory, AllProviders]
    public async Task A_pass_that_schedules_reminds_and_tells_LeavesNothingTracked(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var calendar = await app.CalendarAsync();
        var today = app.Today();
        var startsOn = new DateOnly(today.Year, today.Month, 1).AddMonths(-2);
        var pilots = new[] { await app.FreshPilotOfAsync(ObligationTestKit.JinghuaCode), await app.FreshPilotOfAsync(ObligationTestKit.RegistryCode) };
        var reminded = new List<Obligation>();
        var overdue = new List<Obligation>();
        foreach (var pilot in pilots)
        {
            await app.ConfirmPlanAsync(pilot, ObligationTestKit.Terms(ReportFrequency.Monthly, startsOn, today.AddYears(1)));

            // Due on the next working day (its reminder is due today), and an hour ago (overdue, not yet told); the clock stays still.
            reminded.Add(await app.AddObligationAsync(pilot, ObligationKind.MetricFreshness, ObligationTestKit.NewSubject(), ChinaTime.EndOfDay(calendar.AddWorkingDays(today, 1))));
            overdue.Add(await app.AddObligationAsync(pilot, ObligationKind.IncidentReport, ObligationTestKit.NewSubject(), app.Clock.GetUtcNow().AddHours(-1)));
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinPilotDbContext>();
        using var watch = new TrackerWatch(db);
        await scope.ServiceProvider.GetRequiredService<ObligationClock>().RunAsync(TestContext.Current.CancellationToken);

        // Each schedule, reminder and claim is forgotten once saved: no save carries an earlier one's, and nothing is left.
        Assert.True(watch.Saves >= 6, $"{watch.Saves} saves");
        Assert.Equal(0, watch.Carried);
        Assert.Empty(db.ChangeTracker.Entries());

        // And the pass did its work: each pilot's reports scheduled, each reminder recorded, each overdue duty told.
        foreach (var pilot in pilots)
        {
            Assert.True(await app.WithDbAsync(d => d.Obligations.CountAsync(o => o.ProjectId == pilot.Id && o.Kind == ObligationKind.PeriodicReport)) >= 2);
        }

        foreach (var obligation in reminded)
        {
            Assert.Contains(-1, (await app.ObligationAsync(obligation.Id)).RemindersSent);
        }

        foreach (var obligation in overdue)
        {
            Assert.NotNull((await app.ObligationAsync(obligation.Id)).OverdueNotifiedAt);
            Assert.Equal(1, apps.Listener.CallsFor(obligation.Id));
        }
    }

    private static async Task RaceAsync(FinPilotApp app)
    {
        var jobs = Enumerable.Range(0, 2).Select(_ => NewJob(app)).ToList();
        var ran = await Task.WhenAll(jobs.Select(job => Task.Run(() => job.TryRunAsync(CancellationToken.None))));
        Assert.All(ran, Assert.True);
    }

    private static Task RunOnceAsync(FinPilotApp app) => NewJob(app).TryRunAsync(CancellationToken.None);

    private static ObligationClockJob NewJob(FinPilotApp app) =>
        new(app.Services.GetRequiredService<IServiceScopeFactory>(), app.Clock, app.Services.GetRequiredService<ObligationOptions>(), NullLogger<ObligationClockJob>.Instance);

    private static Task<string> UserIdAsync(FinPilotApp app, string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private static Task<List<Notification>> NotificationsAsync(FinPilotApp app, string userId, string subject) =>
        app.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.UserId == userId && n.ValuesJson.Contains(subject)).ToListAsync());
}
