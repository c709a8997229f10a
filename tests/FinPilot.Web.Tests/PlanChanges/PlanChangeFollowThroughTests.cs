using FinPilot.Domain.Obligations;
using FinPilot.Domain.PlanChanges;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Obligations;
using FinPilot.Web.Features.PlanChanges;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinPilot.Web.Tests.PlanChanges;

/// <summary>
/// What an applied change carries beyond the plan: the project's own planned end and customer limit
/// follow it, and an extension retires the exit-or-extension obligation of the old end date so the
/// obligation clock owes one for the new date.
/// </summary>
public sealed class PlanChangeFollowThroughTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task An_applied_extension_moves_the_projects_end_and_limit_and_the_exit_obligation_to_the_new_date(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (pilot, plan) = await app.PilotAsync("变更跟随");
        var oldEnd = plan.Terms.Parameters.EndsOn;
        await RunObligationClockAsync(app);
        var oldExit = await ExitAsync(app, pilot.Id, oldEnd);
        Assert.Equal(ObligationStatus.Open, oldExit.Status);

        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var change = await applicant.RequestAsync(pilot.Id, app.Proposal(plan, customerCap: 200, extensionMonths: 3, inDays: 2));
        await (await wg.PostAsync($"/api/v1/plan-changes/{change.Id}/decision", new PlanChangesApi.DecisionRequest(true, "同意延期三个月并降低上限。", change.Version)))
            .ReadAsync<PlanChangesApi.PlanChangeDto>();

        // Approved but not yet effective: the project and the obligation are as they were.
        var before = await app.WithDbAsync(db => db.Projects.AsNoTracking().Where(p => p.Id == pilot.Id).Select(p => new { p.PlannedEndOn, p.CustomerLimit }).SingleAsync());
        Assert.NotEqual((oldEnd.AddMonths(3), 200), (before.PlannedEndOn ?? default, before.CustomerLimit ?? 0));
        Assert.Equal(ObligationStatus.Open, (await ExitAsync(app, pilot.Id, oldEnd)).Status);

        app.Clock.Advance(TimeSpan.FromDays(2));
        Assert.True(await app.Services.GetRequiredService<PlanChangeEffectJob>().TryRunAsync(CancellationToken.None), "The plan-change job could not take its lease.");
        Assert.Equal(PlanChangeStatus.Approved, (await applicant.GetChangeAsync(change.Id)).Status);
        Assert.NotNull((await applicant.GetChangeAsync(change.Id)).AppliedAt);

        var after = await app.WithDbAsync(db => db.Projects.AsNoTracking().Where(p => p.Id == pilot.Id).Select(p => new { p.PlannedEndOn, p.CustomerLimit }).SingleAsync());
        Assert.Equal((oldEnd.AddMonths(3), 200), (after.PlannedEndOn ?? default, after.CustomerLimit ?? 0));
        var waived = await ExitAsync(app, pilot.Id, oldEnd);
        Assert.Equal(ObligationStatus.Waived, waived.Status);
        Assert.Contains(change.Id.ToString(), waived.WaiveReason, StringComparison.Ordinal);

        // The clock owes the exit step of the new end date (once, however often it runs).
        await RunObligationClockAsync(app);
        await RunObligationClockAsync(app);
        var fresh = await ExitAsync(app, pilot.Id, oldEnd.AddMonths(3));
        Assert.Equal(ObligationStatus.Open, fresh.Status);
        Assert.Equal(2, await app.WithDbAsync(db => db.Obligations.CountAsync(o => o.ProjectId == pilot.Id && o.Kind == ObligationKind.ExitOrExtension)));
    }

    [Theory, AllProviders]
    public async Task A_change_that_keeps_the_end_date_leaves_the_exit_obligation_open(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (pilot, plan) = await app.PilotAsync("变更不延期");
        var end = plan.Terms.Parameters.EndsOn;
        await RunObligationClockAsync(app);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var change = await applicant.RequestAsync(pilot.Id, app.Proposal(plan, customerCap: 150));
        var decided = await (await wg.PostAsync($"/api/v1/plan-changes/{change.Id}/decision", new PlanChangesApi.DecisionRequest(true, "同意降低上限。", change.Version)))
            .ReadAsync<PlanChangesApi.PlanChangeDto>();
        Assert.NotNull(decided.AppliedAt);

        var project = await app.WithDbAsync(db => db.Projects.AsNoTracking().SingleAsync(p => p.Id == pilot.Id));
        Assert.Equal((end, 150), (project.PlannedEndOn ?? default, project.CustomerLimit ?? 0));
        Assert.Equal(ObligationStatus.Open, (await ExitAsync(app, pilot.Id, end)).Status);
    }

    private static async Task RunObligationClockAsync(FinPilotApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ObligationClock>().RunAsync(CancellationToken.None);
    }

    private static Task<Obligation> ExitAsync(FinPilotApp app, Guid projectId, DateOnly endsOn) =>
        app.WithDbAsync(db => db.Obligations.AsNoTracking()
            .SingleAsync(o => o.ProjectId == projectId && o.Kind == ObligationKind.ExitOrExtension && o.Subject == ObligationClock.ExitSubject(endsOn)));
}
