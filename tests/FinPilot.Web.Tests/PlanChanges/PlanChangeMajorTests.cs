using System.Net;
using FinPilot.Domain.Alerts;
using FinPilot.Domain.Calendar;
using FinPilot.Domain.Deliberation;
using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Obligations;
using FinPilot.Domain.PlanChanges;
using FinPilot.Domain.Supervision;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Deliberation;
using FinPilot.Web.Features.Notifications;
using FinPilot.Web.Features.PlanChanges;
using FinPilot.Web.Tests.Alerts;
using FinPilot.Web.Tests.Infrastructure;
using FinPilot.Web.Tests.Supervision;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.PlanChanges;

/// <summary>
/// 方案变更 (major path): raising the cap goes to the coordination group; it is put on a meeting's
/// agenda as a MajorPlanChange item, and the item's resolution approves or rejects the change. An
/// approved major change is a public record on the pilot's timeline and the new cap binds the rules.
/// </summary>
public sealed class PlanChangeMajorTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task A_major_change_is_decided_by_the_coordination_groups_resolution_and_published(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (pilot, plan) = await app.PilotAsync("重大变更");
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        using var chair = await app.ApiClientAsync(DemoUsers.Coordination);

        var change = await applicant.RequestAsync(pilot.Id, app.Proposal(plan, customerCap: 600));
        Assert.Equal((ChangeRoute.Major, PlanChangeStatus.AwaitingExpertReview), (change.Route, change.Status));
        Assert.Equal([RouteReason.CustomerCapRaised], change.RouteReasons);
        var chairId = await app.UserIdAsync(DemoUsers.Coordination);
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == chairId && n.Kind == NotificationKind.MajorPlanChangeRequested)));
        Assert.False((await chair.GetChangeAsync(change.Id)).Allowed.Schedule);
        change = await app.ReviewAndForwardAsync(wg, change, "工作组认为风险可控，建议同意。");
        Assert.Equal(PlanChangeStatus.AwaitingCoordinationGroup, change.Status);
        Assert.True((await chair.GetChangeAsync(change.Id)).Allowed.Schedule);

        // The working group does not decide a major change.
        await (await wg.PostAsync($"/api/v1/plan-changes/{change.Id}/decision", new PlanChangesApi.DecisionRequest(true, "同意", change.Version)))
            .ReadProblemAsync(HttpStatusCode.Conflict);

        var today = ChinaTime.DateOf(app.Clock.GetUtcNow());
        var meeting = await (await chair.PostAsync("/api/v1/meetings", new MeetingDetails("方案变更审议会议", today, new TimeOnly(9, 30), chairId, [chairId])))
            .ReadAsync<DeliberationApi.MeetingDto>(HttpStatusCode.Created);
        var agenda = $"/api/v1/plan-changes/{change.Id}/agenda";
        await wg.PostAsync(agenda, new PlanChangesApi.AgendaRequest(meeting.Id, "工作组意见")).AssertDeniedAsync();
        await applicant.PostAsync(agenda, new PlanChangesApi.AgendaRequest(meeting.Id, "申请")).AssertDeniedAsync();
        var scheduled = await (await chair.PostAsync(agenda, new PlanChangesApi.AgendaRequest(meeting.Id, "工作组认为风险可控，建议同意提高客户上限。")))
            .ReadAsync<PlanChangesApi.PlanChangeDto>();
        Assert.Equal(meeting.Id, scheduled.MeetingId);
        Assert.NotNull(scheduled.AgendaItemId);

        // The agenda item carries what the chair wrote, the working group's view and the expert review's summary.
        var view = (await app.WithDbAsync(db => db.Set<Meeting>().AsNoTracking().SingleAsync(m => m.Id == meeting.Id))).AgendaItems.Single().WorkingGroupView;
        Assert.Contains("工作组认为风险可控，建议同意提高客户上限。", view, StringComparison.Ordinal);
        Assert.Contains("工作组意见：工作组认为风险可控，建议同意。", view, StringComparison.Ordinal);
        Assert.Contains("专家评审汇总：3 位专家评分", view, StringComparison.Ordinal);
        Assert.Contains("变更必要性 8.0", view, StringComparison.Ordinal);
        Assert.Contains("建议通过 3 票", view, StringComparison.Ordinal);
        await (await chair.PostAsync(agenda, new PlanChangesApi.AgendaRequest(meeting.Id, "再次"))).ReadProblemAsync(HttpStatusCode.Conflict);
        await (await applicant.PostAsync($"/api/v1/plan-changes/{change.Id}/withdraw", new PlanChangesApi.VersionRequest(scheduled.Version)))
            .ReadProblemAsync(HttpStatusCode.Conflict);

        var item = scheduled.AgendaItemId!.Value;
        await (await chair.PostAsync($"/api/v1/meetings/{meeting.Id}/convene", new { })).AssertStatusAsync(HttpStatusCode.NoContent);
        await (await chair.PostAsync($"/api/v1/meetings/{meeting.Id}/items/{item}/votes", new DeliberationApi.VoteRequest(VoteChoice.Approve, "同意", null)))
            .AssertStatusAsync(HttpStatusCode.NoContent);
        await (await chair.PostAsync($"/api/v1/meetings/{meeting.Id}/items/{item}/resolution",
            new DeliberationApi.ResolutionRequest([ProjectOutcome.Approved(pilot.Id)], "经审议，同意将客户数量上限提高至 600 户。"))).AssertStatusAsync(HttpStatusCode.NoContent);

        // The project did not move; the change is approved and, effective today, is already the plan.
        var decided = await applicant.GetChangeAsync(change.Id);
        Assert.Equal((PlanChangeStatus.Approved, "经审议，同意将客户数量上限提高至 600 户。", 2), (decided.Status, decided.DecisionNote, decided.AppliedRevision));
        Assert.Equal(Domain.Projects.ProjectStage.Running, await app.WithDbAsync(db => db.Projects.Where(p => p.Id == pilot.Id).Select(p => p.Stage).SingleAsync()));
        var terms = await app.WithDbAsync(db => db.SupervisionPlans.AsNoTracking().Where(p => p.ProjectId == pilot.Id).Select(p => p.Terms).SingleAsync());
        Assert.Equal(600, terms.Parameters.CustomerCap);
        Assert.Equal(ObligationStatus.Fulfilled, (await app.WithDbAsync(db => db.Obligations.AsNoTracking()
            .SingleAsync(o => o.ProjectId == pilot.Id && o.Kind == ObligationKind.PlanChangeReview && o.Subject == change.Id.ToString()))).Status);

        // A public record in the ledger and an entry on the pilot's public timeline, titled from resources in both languages.
        Assert.True(await app.WithDbAsync(db => db.PublicRecords.AnyAsync(r => r.Kind == PlanChangeActions.RecordMajorChange && r.SubjectId == change.Id.ToString())));
        var published = await app.WithDbAsync(db => db.PublicEvents.AsNoTracking().Where(e => e.ProjectId == pilot.Id && e.Kind == PublicEventKind.PlanChanged).ToListAsync());
        var entry = Assert.Single(published);
        Assert.Contains("重大方案变更", entry.TitleZh, StringComparison.Ordinal);
        Assert.Contains("major plan change", entry.TitleEn, StringComparison.Ordinal);
        Assert.Contains(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), entry.TitleZh, StringComparison.Ordinal);

        // 500 customers were a breach of the old cap (300) and are within the new one.
        await app.FeedAsync(pilot, (MetricCodes.Customers, 500, app.MonthStart(0)));
        Assert.Empty(await app.AlertsAsync(pilot.Id, RiskRuleKind.CustomerCapBreach));
        var actions = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.ResourceId == change.Id.ToString()).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(
            [
                PlanChangeActions.Requested, PlanChangeActions.ReviewStarted, PlanChangeActions.ReviewerAssigned, PlanChangeActions.ReviewerAssigned,
                PlanChangeActions.ReviewerAssigned, PlanChangeActions.ReviewSubmitted, PlanChangeActions.ReviewSubmitted, PlanChangeActions.ReviewSubmitted,
                PlanChangeActions.ReviewCompleted, PlanChangeActions.Forwarded, PlanChangeActions.PutOnAgenda, PlanChangeActions.Approved, PlanChangeActions.Applied,
            ],
            actions);
        Assert.All(await app.WithDbAsync(db => db.Obligations.AsNoTracking().Where(o => o.ProjectId == pilot.Id && o.Kind == ObligationKind.PlanChangeReview).ToListAsync()),
            o => Assert.Equal(ObligationStatus.Fulfilled, o.Status));
    }

    [Theory, AllProviders]
    public async Task A_rejecting_resolution_leaves_the_plan_as_it_was_and_publishes_nothing(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (pilot, plan) = await app.PilotAsync("重大变更否决");
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        using var chair = await app.ApiClientAsync(DemoUsers.Coordination);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var change = await applicant.RequestAsync(pilot.Id, app.Proposal(plan, scope: "扩大至全国个人投资者"));
        Assert.Equal([RouteReason.ScopeChanged], change.RouteReasons);
        await app.ReviewAndForwardAsync(wg, change);
        var chairId = await app.UserIdAsync(DemoUsers.Coordination);
        var today = ChinaTime.DateOf(app.Clock.GetUtcNow());
        var meeting = await (await chair.PostAsync("/api/v1/meetings", new MeetingDetails("方案变更审议会议二", today, new TimeOnly(14, 0), chairId, [chairId])))
            .ReadAsync<DeliberationApi.MeetingDto>(HttpStatusCode.Created);

        // An item added on the meeting page (not through the change) is matched to the project's change awaiting the group.
        await (await chair.PostAsync($"/api/v1/meetings/{meeting.Id}/items",
            new DeliberationApi.ItemRequest(AgendaItemKind.MajorPlanChange, "扩大测试范围", [pilot.Id], "工作组认为风险较大。"))).AssertStatusAsync(HttpStatusCode.NoContent);
        var item = (await app.WithDbAsync(db => db.Set<Meeting>().AsNoTracking().SingleAsync(m => m.Id == meeting.Id))).AgendaItems.Single().Id;
        await (await chair.PostAsync($"/api/v1/meetings/{meeting.Id}/convene", new { })).AssertStatusAsync(HttpStatusCode.NoContent);
        await (await chair.PostAsync($"/api/v1/meetings/{meeting.Id}/items/{item}/votes", new DeliberationApi.VoteRequest(VoteChoice.Reject, "不同意", null)))
            .AssertStatusAsync(HttpStatusCode.NoContent);
        await (await chair.PostAsync($"/api/v1/meetings/{meeting.Id}/items/{item}/resolution",
            new DeliberationApi.ResolutionRequest([ProjectOutcome.Rejected(pilot.Id, "扩大范围的风险尚未评估充分")], "经审议，不同意扩大测试范围。"))).AssertStatusAsync(HttpStatusCode.NoContent);

        var decided = await applicant.GetChangeAsync(change.Id);
        Assert.Equal((PlanChangeStatus.Rejected, "扩大范围的风险尚未评估充分", item), (decided.Status, decided.DecisionNote, decided.AgendaItemId!.Value));
        Assert.Equal(1, await app.WithDbAsync(db => db.SupervisionPlans.Where(p => p.ProjectId == pilot.Id).Select(p => p.Revision).SingleAsync()));
        Assert.False(await app.WithDbAsync(db => db.PublicRecords.AnyAsync(r => r.Kind == PlanChangeActions.RecordMajorChange && r.SubjectId == change.Id.ToString())));
        var applicantId = await app.UserIdAsync(DemoUsers.Applicant);
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == applicantId && n.Kind == NotificationKind.PlanChangeRejected && n.Link == PlanChangeNotices.LinkOf(change.Id))));
    }
}
