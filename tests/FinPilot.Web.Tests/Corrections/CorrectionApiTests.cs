using System.Net;
using FinPilot.Domain.Alerts;
using FinPilot.Domain.Corrections;
using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Obligations;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Corrections;
using FinPilot.Web.Features.Disclosure;
using FinPilot.Web.Features.Notifications;
using FinPilot.Web.Http;
using FinPilot.Web.Tests.Infrastructure;
using FinPilot.Web.Tests.Obligations;
using FinPilot.Web.Tests.Supervision;
using Microsoft.EntityFrameworkCore;
using static FinPilot.Web.Features.Corrections.CorrectionsApi;

namespace FinPilot.Web.Tests.Corrections;

/// <summary>
/// 纠偏 end to end over HTTP: the working group orders, the institution answers, the working group
/// rejects and then closes; the pilot rectifies and runs again; obligations, notices, public records
/// and the audit trail follow; everyone else is refused.
/// </summary>
public sealed class CorrectionApiTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    private static string OrdersOf(Guid projectId) => $"/api/v1/supervision/projects/{projectId}/corrections";

    private static IssueRequest Order(bool mustRectify = true, Guid? alertId = null) => new()
    {
        Findings = "客户数量超过批准上限。",
        Breach = "试点方案：客户数量上限 300 户。",
        RequiredActions = "停止新增客户，压降至上限以内并提交客户清单。",
        Severity = CorrectionSeverity.Moderate,
        WorkingDays = 10,
        MustRectify = mustRectify,
        AlertId = alertId,
    };

    [Theory, AllProviders]
    public async Task An_order_is_answered_rejected_answered_again_and_closed_and_the_pilot_runs_again(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var projectId = await app.AdmittedPilotAsync($"整改全流程 {Guid.NewGuid():N}"[..16]);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        var calendar = await app.CalendarAsync();

        var order = await (await wg.PostAsync(OrdersOf(projectId), Order())).ReadAsync<CorrectionDto>(HttpStatusCode.Created);
        Assert.Equal((CorrectionStatus.AwaitingPlan, CorrectionSource.Direct), (order.Status, order.Source));
        Assert.Equal(ObligationRules.Precise(calendar.DeadlineAfter(app.Clock.GetUtcNow(), 10)), order.DueAt);
        Assert.Equal(ProjectStage.Rectifying, await StageAsync(app, projectId));
        var first = await ObligationAsync(app, projectId, $"{order.Id:N}:1");
        Assert.Equal((ObligationStatus.Open, order.DueAt), (first.Status, first.DueAt));
        var applicantId = await UserIdAsync(app, DemoUsers.Applicant);
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == applicantId && n.Kind == NotificationKind.CorrectionOrdered && n.Link == $"/corrections/{order.Id}")));

        order = await (await applicant.PostAsync($"/api/v1/corrections/{order.Id}/plan", new TextRequest { Text = "一周内停止新增并压降。", Version = order.Version })).ReadAsync<CorrectionDto>();
        order = await (await applicant.PostAsync($"/api/v1/corrections/{order.Id}/evidence", new TextRequest { Text = "客户数已降至 290 户。", Version = order.Version })).ReadAsync<CorrectionDto>();
        Assert.Equal(CorrectionStatus.AwaitingVerification, order.Status);
        Assert.Equal(ObligationStatus.Fulfilled, (await ObligationAsync(app, projectId, $"{order.Id:N}:1")).Status);

        // A stale version is refused; the rejection opens a new deadline as a new obligation.
        await (await wg.PostAsync($"/api/v1/corrections/{order.Id}/verification", new VerifyRequest { Verdict = CorrectionVerdict.Close, Text = "通过", Version = Guid.NewGuid() }))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        order = await (await wg.PostAsync($"/api/v1/corrections/{order.Id}/verification",
            new VerifyRequest { Verdict = CorrectionVerdict.Reject, Text = "缺少客户清单。", WorkingDays = 5, Version = order.Version })).ReadAsync<CorrectionDto>();
        Assert.Equal((CorrectionStatus.AwaitingEvidence, 2, 1), (order.Status, order.Round, order.Extensions));
        Assert.Equal(ObligationStatus.Open, (await ObligationAsync(app, projectId, $"{order.Id:N}:2")).Status);
        Assert.Equal(ProjectStage.Rectifying, await StageAsync(app, projectId));

        order = await (await applicant.PostAsync($"/api/v1/corrections/{order.Id}/evidence", new TextRequest { Text = "附客户清单。", Version = order.Version })).ReadAsync<CorrectionDto>();
        order = await (await wg.PostAsync($"/api/v1/corrections/{order.Id}/verification",
            new VerifyRequest { Verdict = CorrectionVerdict.Close, Text = "经核验已整改到位。", Version = order.Version })).ReadAsync<CorrectionDto>();
        Assert.Equal((CorrectionStatus.Closed, "经核验已整改到位。"), (order.Status, order.Conclusion));
        Assert.Equal(ProjectStage.Running, await StageAsync(app, projectId));

        var actions = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.ResourceId == order.Id.ToString()).Select(a => a.Action).ToListAsync());
        Assert.Equal(1, actions.Count(a => a == CorrectionActions.Issued));
        Assert.Equal(3, actions.Count(a => a == CorrectionActions.Answered));
        Assert.Equal(2, actions.Count(a => a == CorrectionActions.Verified));
    }

    [Theory, AllProviders]
    public async Task The_pilot_runs_again_only_when_its_last_order_that_requires_rectification_ends(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var projectId = await app.AdmittedPilotAsync($"两份整改 {Guid.NewGuid():N}"[..14]);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);

        var one = await (await wg.PostAsync(OrdersOf(projectId), Order())).ReadAsync<CorrectionDto>(HttpStatusCode.Created);
        var two = await (await wg.PostAsync(OrdersOf(projectId), Order())).ReadAsync<CorrectionDto>(HttpStatusCode.Created);
        var light = await (await wg.PostAsync(OrdersOf(projectId), Order(mustRectify: false))).ReadAsync<CorrectionDto>(HttpStatusCode.Created);
        Assert.False(light.MustRectify);

        await (await wg.PostAsync($"/api/v1/corrections/{one.Id}/revocation", new TextRequest { Text = "重复下发。", Version = one.Version })).ReadAsync<CorrectionDto>();
        Assert.Equal(ProjectStage.Rectifying, await StageAsync(app, projectId));
        var revoked = await (await wg.PostAsync($"/api/v1/corrections/{two.Id}/revocation", new TextRequest { Text = "已由新通知替代。", Version = two.Version })).ReadAsync<CorrectionDto>();
        Assert.Equal(CorrectionStatus.Revoked, revoked.Status);
        Assert.Equal(ObligationStatus.Waived, (await ObligationAsync(app, projectId, $"{two.Id:N}:1")).Status);

        // The order that lets the pilot keep running does not hold it in rectification.
        Assert.Equal(ProjectStage.Running, await StageAsync(app, projectId));
    }

    [Fact]
    public async Task An_open_alert_escalates_into_an_order_and_a_closed_or_foreign_alert_does_not()
    {
        var app = await apps.StartAsync(DatabaseProvider.Sqlite);
        var projectId = await app.AdmittedPilotAsync($"预警升级 {Guid.NewGuid():N}"[..14]);
        var other = await app.AdmittedPilotAsync($"预警他项 {Guid.NewGuid():N}"[..14]);
        var alertId = await RaiseAlertAsync(app, projectId);
        var foreign = await RaiseAlertAsync(app, other);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);

        var problem = await (await wg.PostAsync(OrdersOf(projectId), Order(alertId: foreign))).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(ProjectStage.Running, await StageAsync(app, projectId));

        var order = await (await wg.PostAsync(OrdersOf(projectId), Order(alertId: alertId))).ReadAsync<CorrectionDto>(HttpStatusCode.Created);
        Assert.Equal((CorrectionSource.Alert, alertId), (order.Source, order.AlertId));
        var alert = await app.WithDbAsync(db => db.Alerts.AsNoTracking().SingleAsync(a => a.Id == alertId));
        Assert.Equal(AlertStatus.Escalated, alert.Status);

        await (await wg.PostAsync(OrdersOf(projectId), Order(alertId: alertId))).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.NotNull(problem);
    }

    [Theory, AllProviders]
    public async Task A_disclosed_order_and_its_closure_are_on_the_public_timeline_and_in_the_ledger_source(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var projectId = await app.AdmittedPilotAsync($"整改公开 {Guid.NewGuid():N}"[..14]);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);

        var order = await (await wg.PostAsync(OrdersOf(projectId), Order())).ReadAsync<CorrectionDto>(HttpStatusCode.Created);
        Assert.Empty(await EventsAsync(app, projectId));
        order = await (await wg.PostAsync($"/api/v1/corrections/{order.Id}/disclosure", new VersionRequest { Version = order.Version })).ReadAsync<CorrectionDto>();
        Assert.True(order.Disclosed);
        await (await wg.PostAsync($"/api/v1/corrections/{order.Id}/disclosure", new VersionRequest { Version = order.Version })).ReadProblemAsync(HttpStatusCode.Conflict);

        order = await (await applicant.PostAsync($"/api/v1/corrections/{order.Id}/plan", new TextRequest { Text = "计划", Version = order.Version })).ReadAsync<CorrectionDto>();
        order = await (await applicant.PostAsync($"/api/v1/corrections/{order.Id}/evidence", new TextRequest { Text = "证明", Version = order.Version })).ReadAsync<CorrectionDto>();
        await (await wg.PostAsync($"/api/v1/corrections/{order.Id}/verification", new VerifyRequest { Verdict = CorrectionVerdict.Close, Text = "已整改。", Version = order.Version }))
            .ReadAsync<CorrectionDto>();

        var events = await EventsAsync(app, projectId);
        Assert.Equal([PublicEventKind.CorrectionOrdered, PublicEventKind.CorrectionClosed], events.Select(e => e.Kind));
        Assert.StartsWith("监管部门责令整改", events[0].TitleZh, StringComparison.Ordinal);
        Assert.StartsWith("Correction ordered", events[0].TitleEn, StringComparison.Ordinal);
        var kinds = await app.WithDbAsync(db => db.PublicRecords.AsNoTracking().Where(r => r.ProjectId == projectId).Select(r => r.Kind).ToListAsync());
        Assert.Equal([CorrectionActions.RecordOrder, CorrectionActions.RecordClosure], kinds.Order(StringComparer.Ordinal).Reverse());
    }

    [Theory, AllProviders]
    public async Task Only_the_working_group_of_the_region_acts_and_only_the_institution_answers(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var projectId = await app.AdmittedPilotAsync($"整改拒绝 {Guid.NewGuid():N}"[..14]);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        using var shanghai = await app.ApiClientAsync(DemoUsers.WorkingGroupShanghai);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        using var other = await app.OtherApplicantAsync();
        using var integrity = await app.ApiClientAsync(DemoUsers.Integrity);
        using var coordination = await app.ApiClientAsync(DemoUsers.Coordination);

        foreach (var client in new[] { shanghai, applicant, other, integrity, coordination })
        {
            await (await client.PostAsync(OrdersOf(projectId), Order())).ReadProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PostAsync($"/api/v1/supervision/projects/{projectId}/tolerances", new ToleranceRequest
            {
                Deviation = "偏差",
                Rationale = "理由",
                Conditions = "条件",
                ExpiresOn = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(30),
            })).ReadProblemAsync(HttpStatusCode.Forbidden);
        }

        var order = await (await wg.PostAsync(OrdersOf(projectId), Order())).ReadAsync<CorrectionDto>(HttpStatusCode.Created);
        var plan = new TextRequest { Text = "计划", Version = order.Version };
        foreach (var client in new[] { wg, shanghai, other, integrity })
        {
            await (await client.PostAsync($"/api/v1/corrections/{order.Id}/plan", plan)).ReadProblemAsync(HttpStatusCode.Forbidden);
        }

        foreach (var client in new[] { shanghai, applicant, integrity })
        {
            await (await client.PostAsync($"/api/v1/corrections/{order.Id}/revocation", new TextRequest { Text = "撤销", Version = order.Version }))
                .ReadProblemAsync(HttpStatusCode.Forbidden);
        }

        // Readers: the institution, the coordination group and integrity officers see it; another institution and region do not.
        foreach (var client in new[] { applicant, integrity, coordination })
        {
            (await client.GetAsync($"/api/v1/corrections/{order.Id}")).EnsureSuccessStatusCode();
        }

        await (await other.GetAsync($"/api/v1/corrections/{order.Id}")).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await shanghai.GetAsync($"/api/v1/corrections/{order.Id}")).ReadProblemAsync(HttpStatusCode.Forbidden);
        var shanghaiList = await (await shanghai.GetAsync($"/api/v1/corrections?projectId={projectId}")).ReadAsync<Page<CorrectionRow>>();
        Assert.Empty(shanghaiList.Items);
        var mine = await (await applicant.GetAsync($"/api/v1/corrections?projectId={projectId}&open=true")).ReadAsync<Page<CorrectionRow>>();
        Assert.Equal(order.Id, Assert.Single(mine.Items).Id);
    }

    [Fact]
    public async Task Bad_input_gets_field_errors_in_the_readers_language_and_changes_nothing()
    {
        var app = await apps.StartAsync(DatabaseProvider.Sqlite);
        var projectId = await app.AdmittedPilotAsync($"整改校验 {Guid.NewGuid():N}"[..14]);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);

        var problem = await (await wg.PostAsync(OrdersOf(projectId), new IssueRequest { WorkingDays = 0, MustRectify = true })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["breach", "findings", "requiredActions", "severity", "workingDays"], problem.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("工作日", problem.Errors["workingDays"].Single(), StringComparison.Ordinal);
        Assert.Equal(ProjectStage.Running, await StageAsync(app, projectId));
        Assert.False(await app.WithDbAsync(db => db.CorrectionOrders.AnyAsync(o => o.ProjectId == projectId)));
        await (await wg.PostAsync(OrdersOf(Guid.NewGuid()), Order())).ReadProblemAsync(HttpStatusCode.NotFound);

        // An otherwise valid order with too many (or too few) working days is refused on that field alone, with the bounds.
        foreach (var days in new[] { CorrectionOrder.MaxWorkingDays + 1, -3 })
        {
            var tooMany = await (await wg.PostAsync(OrdersOf(projectId), Order() with { WorkingDays = days })).ReadProblemAsync(HttpStatusCode.BadRequest);
            Assert.Equal(["workingDays"], tooMany.Errors.Keys);
            Assert.Contains(CorrectionOrder.MaxWorkingDays.ToString(System.Globalization.CultureInfo.InvariantCulture), tooMany.Errors["workingDays"].Single(), StringComparison.Ordinal);
        }

        Assert.False(await app.WithDbAsync(db => db.CorrectionOrders.AnyAsync(o => o.ProjectId == projectId)));
    }

    [Theory, AllProviders]
    public async Task A_tolerated_deviation_has_a_review_due_on_its_expiry_and_is_renewed_then_revoked(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var projectId = await app.AdmittedPilotAsync($"容错认定 {Guid.NewGuid():N}"[..14]);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        using var integrity = await app.ApiClientAsync(DemoUsers.Integrity);
        var today = app.Today();

        var tolerated = await (await wg.PostAsync($"/api/v1/supervision/projects/{projectId}/tolerances", new ToleranceRequest
        {
            Deviation = "系统切换期间单日交易额偶超上限。",
            Rationale = "属于试点探索范围内的技术性偏差。",
            Conditions = "每周报送交易额；不得连续三日超限。",
            ExpiresOn = today.AddDays(20),
        })).ReadAsync<ToleranceDto>(HttpStatusCode.Created);
        var review = await ObligationAsync(app, projectId, $"{tolerated.Id:N}:1");
        Assert.Equal((ObligationKind.ToleranceReview, ObligationDuty.WorkingGroup), (review.Kind, ObligationRules.DutyOf(review.Kind)));
        Assert.Equal(today.AddDays(20), Domain.Calendar.ChinaTime.DateOf(review.DueAt));

        // Integrity officers see it; they may not review it.
        (await integrity.GetAsync($"/api/v1/tolerances/{tolerated.Id}")).EnsureSuccessStatusCode();
        await (await integrity.PostAsync($"/api/v1/tolerances/{tolerated.Id}/review", new ReviewRequest { Decision = ToleranceDecision.End, Note = "结束", Version = tolerated.Version }))
            .ReadProblemAsync(HttpStatusCode.Forbidden);

        tolerated = await (await wg.PostAsync($"/api/v1/tolerances/{tolerated.Id}/review",
            new ReviewRequest { Decision = ToleranceDecision.Renew, Note = "条件仍满足，续期。", ExpiresOn = today.AddDays(50), Version = tolerated.Version })).ReadAsync<ToleranceDto>();
        Assert.Equal((2, today.AddDays(50)), (tolerated.Term, tolerated.ExpiresOn));
        Assert.Equal(ObligationStatus.Fulfilled, (await ObligationAsync(app, projectId, $"{tolerated.Id:N}:1")).Status);
        Assert.Equal(ObligationStatus.Open, (await ObligationAsync(app, projectId, $"{tolerated.Id:N}:2")).Status);

        tolerated = await (await wg.PostAsync($"/api/v1/tolerances/{tolerated.Id}/review",
            new ReviewRequest { Decision = ToleranceDecision.Revoke, Note = "连续三日超限，条件未满足。", Version = tolerated.Version })).ReadAsync<ToleranceDto>();
        Assert.Equal(ToleranceStatus.Revoked, tolerated.Status);
        Assert.Equal(ObligationStatus.Fulfilled, (await ObligationAsync(app, projectId, $"{tolerated.Id:N}:2")).Status);
    }

    [Fact]
    public async Task The_demo_has_a_closed_order_and_a_renewed_then_ended_tolerance_on_the_blockchain_pilot()
    {
        var app = await apps.StartAsync(DatabaseProvider.Sqlite);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var orders = await (await wg.GetAsync("/api/v1/corrections?status=Closed&pageSize=100")).ReadAsync<Page<CorrectionRow>>();
        var order = Assert.Single(orders.Items, o => o.ProjectTitle.Contains("区块链", StringComparison.Ordinal));
        var stored = await (await wg.GetAsync($"/api/v1/corrections/{order.Id}")).ReadAsync<CorrectionDto>();
        Assert.Equal(
            [CorrectionStepKind.Issued, CorrectionStepKind.PlanSubmitted, CorrectionStepKind.EvidenceSubmitted, CorrectionStepKind.Closed],
            stored.Steps.Select(s => s.Kind));

        var tolerances = await (await wg.GetAsync($"/api/v1/tolerances?projectId={order.ProjectId}")).ReadAsync<Page<ToleranceRow>>();
        var tolerance = Assert.Single(tolerances.Items);
        Assert.Equal((ToleranceStatus.Ended, 2), (tolerance.Status, tolerance.Term));
    }

    private static Task<ProjectStage> StageAsync(FinPilotApp app, Guid projectId) =>
        app.WithDbAsync(db => db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => p.Stage).SingleAsync());

    private static Task<Obligation> ObligationAsync(FinPilotApp app, Guid projectId, string subject) =>
        app.WithDbAsync(db => db.Obligations.AsNoTracking().SingleAsync(o => o.ProjectId == projectId && o.Subject == subject));

    private static Task<string> UserIdAsync(FinPilotApp app, string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private static async Task<List<PublicEventRecord>> EventsAsync(FinPilotApp app, Guid projectId) =>
        [.. (await app.WithDbAsync(db => db.PublicEvents.AsNoTracking().Where(e => e.ProjectId == projectId).ToListAsync())).OrderBy(e => e.At).ThenBy(e => e.Kind)];

    private static Task<Guid> RaiseAlertAsync(FinPilotApp app, Guid projectId) =>
        app.WithDbAsync(async db =>
        {
            var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == projectId);
            var alert = Alert.Raise(project.Id, project.RegionId, project.LeadOrganisationId, RiskRuleKind.CustomerCapBreach, "customers", null, AlertSeverity.Risk,
                new AlertEvidence(), app.Clock.GetUtcNow()).ValueOrThrow();
            db.Alerts.Add(alert);
            await db.SaveChangesAsync();
            return alert.Id;
        });
}
