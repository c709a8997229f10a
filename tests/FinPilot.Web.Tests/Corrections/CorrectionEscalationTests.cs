using System.Net;
using FinPilot.Domain.Calendar;
using FinPilot.Domain.Corrections;
using FinPilot.Domain.Disposal;
using FinPilot.Domain.Obligations;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Corrections;
using FinPilot.Web.Features.Disposal;
using FinPilot.Web.Features.Notifications;
using FinPilot.Web.Tests.Infrastructure;
using FinPilot.Web.Tests.Obligations;
using FinPilot.Web.Tests.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FinPilot.Web.Features.Corrections.CorrectionsApi;

namespace FinPilot.Web.Tests.Corrections;

/// <summary>
/// The escalation ladder on its own apps (it moves the clock by weeks): counted in working days of
/// the calendar past the due day, each rung climbed and announced once though two clocks race.
/// </summary>
public sealed class CorrectionEscalationTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task An_unanswered_order_is_escalated_then_a_disposal_proposed_once_each_though_clocks_race(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var projectId = await app.AdmittedPilotAsync($"整改升级 {Guid.NewGuid():N}"[..14]);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var order = await (await wg.PostAsync($"/api/v1/supervision/projects/{projectId}/corrections", new IssueRequest
        {
            Findings = "未按期报送定期报告。",
            Breach = "监管方案：月度报告。",
            RequiredActions = "补报并说明原因。",
            Severity = CorrectionSeverity.Minor,
            WorkingDays = 1,
        })).ReadAsync<CorrectionDto>(HttpStatusCode.Created);
        var calendar = await app.CalendarAsync();
        var dueDay = ChinaTime.DateOf(order.DueAt);
        var coordination = await UserIdAsync(app, DemoUsers.Coordination);
        var workingGroup = await UserIdAsync(app, DemoUsers.WorkingGroupBeijing);

        // The fourth working day after the due day: overdue, not yet escalated.
        await MoveToAsync(app, calendar.AddWorkingDays(dueDay, 4));
        await RaceAsync(app);
        Assert.Equal(CorrectionEscalation.None, (await OrderAsync(app, order.Id)).Escalation);

        // The fifth: escalated, the coordination group and the working group told once however often the clocks run.
        await MoveToAsync(app, calendar.AddWorkingDays(dueDay, 5));
        await RaceAsync(app);
        await RaceAsync(app);
        Assert.Equal(CorrectionEscalation.Escalated, (await OrderAsync(app, order.Id)).Escalation);
        Assert.Equal(1, await CountAsync(app, coordination, order.Id, NotificationKind.CorrectionEscalated));
        Assert.Equal(1, await CountAsync(app, workingGroup, order.Id, NotificationKind.CorrectionEscalated));

        // The tenth: a disposal is proposed, once.
        await MoveToAsync(app, calendar.AddWorkingDays(dueDay, 10));
        await RaceAsync(app);
        await RaceAsync(app);
        var stored = await OrderAsync(app, order.Id);
        Assert.Equal(CorrectionEscalation.DisposalProposed, stored.Escalation);
        Assert.Equal(1, await CountAsync(app, workingGroup, order.Id, NotificationKind.CorrectionDisposalProposed));
        Assert.Equal(1, await CountAsync(app, coordination, order.Id, NotificationKind.CorrectionEscalated));
        Assert.Equal([CorrectionStepKind.Issued, CorrectionStepKind.Escalated, CorrectionStepKind.DisposalProposed], stored.Steps.Select(s => s.Kind));
        var audited = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().CountAsync(a => a.ResourceId == order.Id.ToString() && a.Action == CorrectionActions.Escalated));
        Assert.Equal(2, audited);

        // The last rung proposed one disposal case at the lowest level, sourced from the order, with no checklist yet.
        var proposed = Assert.Single(await app.WithDbAsync(db => db.DisposalCases.AsNoTracking()
            .Where(c => c.Source == DisposalSource.CorrectionOrder && c.SourceId == order.Id).ToListAsync()));
        Assert.Equal((DisposalCaseStatus.Proposed, DisposalLevel.IV, 0, projectId), (proposed.Status, proposed.Level, proposed.Actions.Count, proposed.ProjectId));
        Assert.Contains("未按期报送定期报告。", proposed.Summary);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.ResourceId == proposed.Id.ToString() && a.Action == DisposalAuditActions.Proposed)));

        // The working group owes its answer on the proposal, once.
        var owed = Assert.Single(await app.WithDbAsync(db => db.Obligations.AsNoTracking()
            .Where(o => o.ProjectId == projectId && o.Kind == ObligationKind.DisposalProposalReview).ToListAsync()));
        Assert.Equal((ObligationStatus.Open, proposed.Id.ToString("N")), (owed.Status, owed.Subject));
        Assert.Equal(ObligationDuty.WorkingGroup, ObligationRules.DutyOf(owed.Kind));

        // Clocks running again later never propose a second one.
        await MoveToAsync(app, calendar.AddWorkingDays(dueDay, 12));
        await RaceAsync(app);
        Assert.Equal(1, await app.WithDbAsync(db => db.DisposalCases.CountAsync(c => c.SourceId == order.Id)));

        // The order's page links to the case; the institution cannot confirm it, the working group does and the level's checklist opens.
        using var page = await app.SignedInAsync(DemoUsers.WorkingGroupBeijing);
        var html = await (await page.GetAsync($"/corrections/{order.Id}")).Content.ReadAsStringAsync();
        Assert.Contains($"href=\"disposal/{proposed.Id}\"", html);
        var caseHtml = await (await page.GetAsync($"/disposal/{proposed.Id}")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"confirm-form\"", caseHtml);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        await (await applicant.PostAsync($"/api/v1/disposal/cases/{proposed.Id}/confirm", new DisposalApi.ConfirmRequest { AffectedCustomers = 10, Version = proposed.Version }))
            .ReadProblemAsync(HttpStatusCode.Forbidden);
        using var shanghai = await app.ApiClientAsync(DemoUsers.WorkingGroupShanghai);
        await (await shanghai.PostAsync($"/api/v1/disposal/cases/{proposed.Id}/confirm", new DisposalApi.ConfirmRequest { AffectedCustomers = 10, Version = proposed.Version }))
            .ReadProblemAsync(HttpStatusCode.Forbidden);
        var confirmed = await (await wg.PostAsync($"/api/v1/disposal/cases/{proposed.Id}/confirm", new DisposalApi.ConfirmRequest { AffectedCustomers = 10, Version = proposed.Version }))
            .ReadAsync<DisposalApi.CaseDto>();
        Assert.Equal((DisposalCaseStatus.Open, DisposalLevel.IV, 10), (confirmed.Status, confirmed.Level, confirmed.AffectedCustomers));
        Assert.Equal(ObligationStatus.Fulfilled, await app.WithDbAsync(db => db.Obligations.AsNoTracking()
            .Where(o => o.ProjectId == projectId && o.Kind == ObligationKind.DisposalProposalReview).Select(o => o.Status).SingleAsync()));
        Assert.NotEmpty(confirmed.Actions);
        await (await wg.PostAsync($"/api/v1/disposal/cases/{proposed.Id}/confirm", new DisposalApi.ConfirmRequest { AffectedCustomers = 10, Version = confirmed.Version }))
            .ReadProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory, AllProviders]
    public async Task A_pass_that_escalates_orders_LeavesNothingTracked(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var projectId = await app.AdmittedPilotAsync($"整改跟踪 {Guid.NewGuid():N}"[..14]);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var orders = new List<CorrectionDto>();
        for (var i = 0; i < 2; i++)
        {
            orders.Add(await (await wg.PostAsync($"/api/v1/supervision/projects/{projectId}/corrections", new IssueRequest
            {
                Findings = "未按期报送定期报告。",
                Breach = "监管方案：月度报告。",
                RequiredActions = "补报并说明原因。",
                Severity = CorrectionSeverity.Minor,
                WorkingDays = 1,
            })).ReadAsync<CorrectionDto>(HttpStatusCode.Created));
        }

        // Due six working days ago (moved back in the record, not by the clock, which would wake the host's clock too): past the first rung.
        var calendar = await app.CalendarAsync();
        var dueAt = ChinaTime.EndOfDay(ObligationRules.WorkingDaysBefore(app.Today(), 6, calendar)).ToUniversalTime();
        var ids = orders.Select(o => o.Id).ToList();
        await app.WithDbAsync(db => db.CorrectionOrders.Where(o => ids.Contains(o.Id)).ExecuteUpdateAsync(u => u.SetProperty(o => o.DueAt, dueAt)));

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinPilotDbContext>();
        using var watch = new TrackerWatch(db);
        var climbed = await scope.ServiceProvider.GetRequiredService<CorrectionEscalationClock>().RunAsync(TestContext.Current.CancellationToken);

        // Each rung (the order, its messages, its audit line) is forgotten once saved.
        Assert.True(climbed >= 2, $"{climbed} climbed");
        Assert.Equal(0, watch.Carried);
        Assert.Empty(db.ChangeTracker.Entries());
        foreach (var id in ids)
        {
            Assert.Equal(CorrectionEscalation.Escalated, (await OrderAsync(app, id)).Escalation);
        }
    }

    private static async Task MoveToAsync(FinPilotApp app, DateOnly day)
    {
        var target = ChinaTime.StartOfDay(day).AddHours(10).ToUniversalTime();
        var now = app.Clock.GetUtcNow();
        Assert.True(target > now, $"the clock only moves forward: {target} is before {now}");
        app.Clock.Advance(target - now);
    }

    private static Task RaceAsync(FinPilotApp app) =>
        Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<CorrectionEscalationClock>().RunAsync(CancellationToken.None);
        }));

    private static Task<CorrectionOrder> OrderAsync(FinPilotApp app, Guid id) =>
        app.WithDbAsync(db => db.CorrectionOrders.AsNoTracking().SingleAsync(o => o.Id == id));

    private static Task<int> CountAsync(FinPilotApp app, string userId, Guid orderId, NotificationKind kind) =>
        app.WithDbAsync(db => db.Notifications.AsNoTracking().CountAsync(n => n.UserId == userId && n.Kind == kind && n.Link == $"/corrections/{orderId}"));

    private static Task<string> UserIdAsync(FinPilotApp app, string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
}
