using System.Net;
using FinPilot.Domain.Alerts;
using FinPilot.Domain.Obligations;
using FinPilot.Domain.PlanChanges;
using FinPilot.Domain.Supervision;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Notifications;
using FinPilot.Web.Features.PlanChanges;
using FinPilot.Web.Features.Supervision;
using FinPilot.Web.Tests.Alerts;
using FinPilot.Web.Tests.Infrastructure;
using FinPilot.Web.Tests.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinPilot.Web.Tests.PlanChanges;

/// <summary>
/// 方案变更 (minor path): the institution requests, the rule routes it and says why, the region's working
/// group decides, and the approved change becomes a revision of the plan from its effective date — the
/// alert rules check the new cap from that day on. Every denial at the edge.
/// </summary>
public sealed class PlanChangeMinorTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task A_minor_change_is_routed_to_the_working_group_and_applies_from_its_effective_date_for_the_alert_rules(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (pilot, plan) = await app.PilotAsync("一般变更");
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);

        // Lowering the cap and extending by three months (the configured limit) is minor; the preview says so before anything is saved.
        var proposal = app.Proposal(plan, customerCap: 200, extensionMonths: 3, inDays: 5);
        var preview = await (await applicant.PostAsync($"/api/v1/plan-changes/projects/{pilot.Id}/preview", proposal)).ReadAsync<PlanChangesApi.PreviewDto>();
        Assert.Equal((ChangeRoute.Minor, 3), (preview.Route, preview.MinorMaxExtensionMonths));
        Assert.Equal([RouteReason.WithinMinorLimits], preview.RouteReasons);
        Assert.Equal([PlanField.CustomerCap, PlanField.EndsOn], preview.ChangedFields);

        var change = await applicant.RequestAsync(pilot.Id, proposal);
        Assert.Equal((PlanChangeStatus.AwaitingWorkingGroup, 300, 200), (change.Status, change.Current.CustomerCap, change.Proposed.CustomerCap));
        Assert.True(change.Allowed.Withdraw);
        await (await applicant.PostAsync($"/api/v1/plan-changes/projects/{pilot.Id}", proposal)).ReadProblemAsync(HttpStatusCode.Conflict);
        var seenByWg = await wg.GetChangeAsync(change.Id);
        Assert.Equal((true, false), (seenByWg.Allowed.Decide, seenByWg.Allowed.Withdraw));

        // The working group's decision is owed within working days, and it is told.
        var wgId = await app.UserIdAsync(DemoUsers.WorkingGroupBeijing);
        var owed = await app.WithDbAsync(db => db.Obligations.AsNoTracking().SingleAsync(o => o.ProjectId == pilot.Id && o.Kind == ObligationKind.PlanChangeReview));
        Assert.Equal((ObligationStatus.Open, change.Id.ToString()), (owed.Status, owed.Subject));
        Assert.True(owed.DueAt > app.Clock.GetUtcNow().AddDays(14));
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == wgId && n.Kind == NotificationKind.PlanChangeRequested && n.Link == PlanChangeNotices.LinkOf(change.Id))));

        await (await wg.PostAsync($"/api/v1/plan-changes/{change.Id}/decision", new PlanChangesApi.DecisionRequest(true, " ", change.Version))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var approved = await (await wg.PostAsync($"/api/v1/plan-changes/{change.Id}/decision", new PlanChangesApi.DecisionRequest(true, "降低客户上限并小幅延期，属一般变更，同意。", change.Version)))
            .ReadAsync<PlanChangesApi.PlanChangeDto>();
        Assert.Equal((PlanChangeStatus.Approved, (DateTimeOffset?)null), (approved.Status, approved.AppliedAt));
        await (await wg.PostAsync($"/api/v1/plan-changes/{change.Id}/decision", new PlanChangesApi.DecisionRequest(false, "再议", approved.Version))).ReadProblemAsync(HttpStatusCode.Conflict);
        var applicantId = await app.UserIdAsync(DemoUsers.Applicant);
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == applicantId && n.Kind == NotificationKind.PlanChangeApproved && n.Link == PlanChangeNotices.LinkOf(change.Id))));
        Assert.Equal(ObligationStatus.Fulfilled, (await app.WithDbAsync(db => db.Obligations.AsNoTracking().SingleAsync(o => o.Id == owed.Id))).Status);

        // Before the effective date the old cap (300) binds: 250 customers raise nothing.
        await app.FeedAsync(pilot, (MetricCodes.Customers, 250, app.MonthStart(0)));
        Assert.Empty(await app.AlertsAsync(pilot.Id, RiskRuleKind.CustomerCapBreach));
        await RunEffectJobAsync(app);
        Assert.Equal(1, (await PlanOfAsync(app, pilot.Id)).Revision);

        // From the effective date the plan is a new revision with the new cap, and the same count breaches it.
        app.Clock.Advance(TimeSpan.FromDays(5));
        await RunEffectJobAsync(app);
        var revised = await PlanOfAsync(app, pilot.Id);
        Assert.Equal((2, 200, plan.Terms.Parameters.EndsOn.AddMonths(3)), (revised.Revision, revised.Terms.Parameters.CustomerCap, revised.Terms.Parameters.EndsOn));
        Assert.Equal(plan.Terms.Metrics.Count, revised.Terms.Metrics.Count);
        await app.FeedAsync(pilot, (MetricCodes.Customers, 250, app.MonthStart(0)));
        var alert = Assert.Single(await app.AlertsAsync(pilot.Id, RiskRuleKind.CustomerCapBreach));
        Assert.Equal(200d, alert.Evidence.Limit);

        // The register's history: both revisions with their parameters; the change's audit trail.
        var history = await (await applicant.GetAsync($"/api/v1/plan-changes/projects/{pilot.Id}")).ReadAsync<PilotPlanView>();
        Assert.Equal([300, 200], history.History.Select(h => h.Parameters.CustomerCap ?? 0));
        Assert.Equal(200, history.Current!.CustomerCap);
        var actions = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.ResourceId == change.Id.ToString()).OrderBy(a => a.Id).Select(a => new { a.Action, a.ActorName, a.RegionId }).ToListAsync());
        Assert.Equal([PlanChangeActions.Requested, PlanChangeActions.Approved, PlanChangeActions.Applied], actions.Select(a => a.Action));
        Assert.Equal(PlanChangeActions.SystemActor, actions[^1].ActorName);
        Assert.All(actions, a => Assert.Equal(pilot.RegionId, a.RegionId));
        var applied = await applicant.GetChangeAsync(change.Id);
        Assert.Equal(2, applied.AppliedRevision);
    }

    [Theory, AllProviders]
    public async Task Only_the_lead_institution_requests_and_only_the_regions_working_group_decides(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (pilot, plan) = await app.PilotAsync("变更权限");
        var proposal = app.Proposal(plan, customerCap: 250);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        using var other = await app.OtherApplicantAsync();
        using var shanghai = await app.ApiClientAsync(DemoUsers.WorkingGroupShanghai);
        using var integrity = await app.ApiClientAsync(DemoUsers.Integrity);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var url = $"/api/v1/plan-changes/projects/{pilot.Id}";

        await other.PostAsync(url, proposal).AssertDeniedAsync();
        await integrity.PostAsync(url, proposal).AssertDeniedAsync();
        await wg.PostAsync(url, proposal).AssertDeniedAsync();
        await shanghai.PostAsync(url, proposal).AssertDeniedAsync();
        await other.GetAsync(url).AssertDeniedAsync();
        await shanghai.GetAsync(url).AssertDeniedAsync();

        var change = await applicant.RequestAsync(pilot.Id, proposal);
        var decision = $"/api/v1/plan-changes/{change.Id}/decision";
        var approve = new PlanChangesApi.DecisionRequest(true, "同意", change.Version);
        await shanghai.PostAsync(decision, approve).AssertDeniedAsync();
        await integrity.PostAsync(decision, approve).AssertDeniedAsync();
        await applicant.PostAsync(decision, approve).AssertDeniedAsync();
        await other.PostAsync(decision, approve).AssertDeniedAsync();
        await other.GetAsync($"/api/v1/plan-changes/{change.Id}").AssertDeniedAsync();
        await shanghai.GetAsync($"/api/v1/plan-changes/{change.Id}").AssertDeniedAsync();
        await other.PostAsync($"/api/v1/plan-changes/{change.Id}/withdraw", new PlanChangesApi.VersionRequest(change.Version)).AssertDeniedAsync();
        await wg.PostAsync($"/api/v1/plan-changes/{change.Id}/withdraw", new PlanChangesApi.VersionRequest(change.Version)).AssertDeniedAsync();

        // Integrity officers read (and see no action); lists are scoped to the caller.
        var read = await integrity.GetChangeAsync(change.Id);
        Assert.Equal(new PlanChangeAllowed(false, false, false), read.Allowed);
        var mine = await (await applicant.GetAsync($"/api/v1/plan-changes/?projectId={pilot.Id}")).ReadAsync<FinPilot.Web.Http.Page<PlanChangeRow>>();
        Assert.Equal(change.Id, Assert.Single(mine.Items).Id);
        var theirs = await (await other.GetAsync($"/api/v1/plan-changes/?projectId={pilot.Id}")).ReadAsync<FinPilot.Web.Http.Page<PlanChangeRow>>();
        Assert.Empty(theirs.Items);
        await shanghai.GetAsync($"/api/v1/plan-changes/?regionId={pilot.RegionId}").AssertDeniedAsync();

        // Nothing was decided by the refused calls; the institution withdraws, and the review step is waived.
        var withdrawn = await (await applicant.PostAsync($"/api/v1/plan-changes/{change.Id}/withdraw", new PlanChangesApi.VersionRequest(change.Version)))
            .ReadAsync<PlanChangesApi.PlanChangeDto>();
        Assert.Equal(PlanChangeStatus.Withdrawn, withdrawn.Status);
        Assert.Equal(ObligationStatus.Waived, (await app.WithDbAsync(db => db.Obligations.AsNoTracking()
            .SingleAsync(o => o.ProjectId == pilot.Id && o.Kind == ObligationKind.PlanChangeReview))).Status);
        Assert.Equal(1, (await PlanOfAsync(app, pilot.Id)).Revision);
    }

    [Theory, AllProviders]
    public async Task A_request_that_changes_nothing_or_starts_in_the_past_is_refused_with_field_messages(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (pilot, plan) = await app.PilotAsync("变更校验");
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        var url = $"/api/v1/plan-changes/projects/{pilot.Id}";

        var same = await (await applicant.PostAsync(url, app.Proposal(plan))).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(same.Detail ?? string.Join(";", same.Errors.Values.SelectMany(v => v)));
        var past = await (await applicant.PostAsync(url, app.Proposal(plan, customerCap: 100, inDays: -1))).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("EffectiveOn", past.Errors.Keys, StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain("PlanChange.", string.Join(";", past.Errors.Values.SelectMany(v => v)), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.PlanChanges.AnyAsync(c => c.ProjectId == pilot.Id)));
    }

    private static async Task RunEffectJobAsync(FinPilotApp app) =>
        Assert.True(await app.Services.GetRequiredService<PlanChangeEffectJob>().TryRunAsync(CancellationToken.None), "The plan-change job could not take its lease.");

    private static Task<SupervisionPlan> PlanOfAsync(FinPilotApp app, Guid projectId) =>
        app.WithDbAsync(db => db.SupervisionPlans.AsNoTracking().SingleAsync(p => p.ProjectId == projectId));
}
