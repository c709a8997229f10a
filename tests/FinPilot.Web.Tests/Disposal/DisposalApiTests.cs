using System.Net;
using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Disposal;
using FinPilot.Domain.Obligations;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Disclosure;
using FinPilot.Web.Features.Disposal;
using FinPilot.Web.Features.Ledger;
using FinPilot.Web.Features.Notifications;
using FinPilot.Web.Http;
using FinPilot.Web.Tests.Infrastructure;
using FinPilot.Web.Tests.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FinPilot.Web.Tests.Disposal.DisposalTestKit;

namespace FinPilot.Web.Tests.Disposal;

/// <summary>风险处置 over the API: a case's checklist and obligations, suspension and resumption in public, notices, compensation and closure.</summary>
public sealed class DisposalApiTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    // A pilot in the register (its notice and admission are public), led by the demo applicant's institution; only this class's first test moves it.
    private const string RegisteredPilot = "基于人工智能的智能投顾客户适当性管理试点";

    [Theory, AllProviders]
    public async Task A_level_III_case_suspends_and_resumes_the_pilot_on_its_public_timeline_and_in_the_ledger(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var projectId = await app.WithDbAsync(db => db.Projects.Where(p => p.Title == RegisteredPilot).Select(p => p.Id).SingleAsync());
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);

        var opened = await app.OpenCaseAsync(projectId);
        Assert.Equal([DisposalActionKind.SuspendPilot, DisposalActionKind.CustomerNotification, DisposalActionKind.Compensation], opened.Actions.Select(a => a.Kind));
        Assert.Equal(1, opened.PlanVersion);
        var duties = await app.WithDbAsync(db => db.Obligations.AsNoTracking().Where(o => o.ProjectId == projectId && o.Subject.StartsWith(opened.Id.ToString("N"))).ToListAsync());
        Assert.Equal(
            [(ObligationKind.DisposalInstitutionAction, ObligationStatus.Open), (ObligationKind.DisposalInstitutionAction, ObligationStatus.Open), (ObligationKind.DisposalWorkingGroupAction, ObligationStatus.Open)],
            duties.Select(o => (o.Kind, o.Status)).Order());

        var suspended = await (await wg.PostAsync($"{At(opened.Id)}/suspend", new DisposalApi.StepRequest { Reason = "暂停新增客户与交易，待风险排查", Version = opened.Version }))
            .ReadAsync<DisposalApi.CaseDto>();
        Assert.Equal(ProjectStage.Suspended, suspended.ProjectStage);
        Assert.Equal(DisposalActionState.Done, suspended.Actions.Single(a => a.Kind == DisposalActionKind.SuspendPilot).State);
        Assert.Equal(ObligationStatus.Fulfilled, await app.WithDbAsync(db => db.Obligations.Where(o => o.Subject == $"{opened.Id:N}/SuspendPilot").Select(o => o.Status).SingleAsync()));
        await (await wg.PostAsync($"{At(opened.Id)}/suspend", new DisposalApi.StepRequest { Reason = "再次", Version = suspended.Version })).ReadProblemAsync(HttpStatusCode.Conflict);

        app.Clock.Advance(TimeSpan.FromMinutes(10));
        var resumed = await (await wg.PostAsync($"{At(opened.Id)}/resume", new DisposalApi.StepRequest { Reason = "排查完毕，恢复运行", Version = suspended.Version }))
            .ReadAsync<DisposalApi.CaseDto>();
        Assert.Equal(ProjectStage.Running, resumed.ProjectStage);
        Assert.NotNull(resumed.ResumedAt);

        using var anonymous = app.Anonymous();
        var pilot = await (await anonymous.GetAsync($"/api/v1/pilots/{projectId}")).ReadAsync<PilotsApi.PilotDto>();
        Assert.Contains(pilot.Timeline, e => e.Kind == PublicEventKind.Suspended && e.Title == "试点暂停（风险处置III级（较大））");
        Assert.Contains(pilot.Timeline, e => e.Kind == PublicEventKind.Resumed && e.Title == "试点恢复运行");
        var html = await (await anonymous.GetAsync($"/pilots/{projectId}")).Content.ReadAsStringAsync();
        Assert.Contains("试点暂停（风险处置III级（较大））", html);

        // The demo's own disposal of this pilot is public too: only this case's records.
        var caseSubject = opened.Id.ToString("N");
        var records = await app.WithDbAsync(db => db.PublicRecords.AsNoTracking()
            .Where(r => r.ProjectId == projectId && (r.Kind == DisposalAuditActions.RecordSuspension || r.Kind == DisposalAuditActions.RecordResumption)
                && r.SubjectId.StartsWith(caseSubject)).ToListAsync());
        Assert.Equal(2, records.Count);
        Assert.Contains("暂停新增客户与交易", records.Single(r => r.Kind == DisposalAuditActions.RecordSuspension).Payload);
        Assert.True(await app.Services.GetRequiredService<LedgerJob>().TryRunAsync(CancellationToken.None));
        var sequences = records.Select(r => r.Sequence).ToList();
        Assert.Equal(2, await app.WithDbAsync(db => db.LedgerEntries.CountAsync(e => sequences.Contains(e.RecordSequence))));

        // Each step is audited from the case's events, and the project's moves from the project's.
        var audited = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.ResourceId == opened.Id.ToString()).Select(a => a.Action).ToListAsync());
        Assert.Equal([DisposalAuditActions.Opened, DisposalAuditActions.Resumed, DisposalAuditActions.Suspended], audited.Order());
        var applicant = await UserIdAsync(app, DemoUsers.Applicant);
        var told = await app.WithDbAsync(db => db.Notifications.AsNoTracking()
            .Where(n => n.UserId == applicant && n.Link == DisposalNotifications.Link(opened.Id)).Select(n => n.Kind).ToListAsync());
        Assert.Equal([NotificationKind.DisposalOpened, NotificationKind.DisposalPilotSuspended, NotificationKind.DisposalPilotResumed], told.Order());
    }

    [Theory, AllProviders]
    public async Task A_case_closes_only_once_every_action_is_done_or_waived(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var projectId = await app.AdmittedPilotAsync("风险处置测试 结案");
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        using var institution = await app.ApiClientAsync(DemoUsers.Applicant);
        var c = await app.OpenCaseAsync(projectId, DisposalLevel.III, affected: 50);

        var refused = await (await wg.PostAsync($"{At(c.Id)}/close", new DisposalApi.StepRequest { Reason = "处置完毕", Version = c.Version })).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("3", refused.Detail);

        c = await (await institution.PostAsync($"{At(c.Id)}/notices", new DisposalApi.NoticeRequest { Channel = NoticeChannel.Sms, Count = 30, Version = c.Version })).ReadAsync<DisposalApi.CaseDto>();
        Assert.Equal(DisposalActionState.Open, c.Actions.Single(a => a.Kind == DisposalActionKind.CustomerNotification).State);
        c = await (await institution.PostAsync($"{At(c.Id)}/notices", new DisposalApi.NoticeRequest { Channel = NoticeChannel.Phone, Count = 20, Version = c.Version })).ReadAsync<DisposalApi.CaseDto>();
        Assert.Equal((50, DisposalActionState.Done), (c.CustomersNotified, c.Actions.Single(a => a.Kind == DisposalActionKind.CustomerNotification).State));

        c = await (await institution.PostAsync($"{At(c.Id)}/compensation", new DisposalApi.CompensationRequest { ClaimsReceived = 6, AmountPaid = 12_000.50m, ClaimsClosed = 4, Version = c.Version }))
            .ReadAsync<DisposalApi.CaseDto>();
        await (await wg.PostAsync($"{At(c.Id)}/actions/Compensation/complete", new DisposalApi.StepRequest { Version = c.Version })).ReadProblemAsync(HttpStatusCode.Conflict);
        c = await (await institution.PostAsync($"{At(c.Id)}/compensation", new DisposalApi.CompensationRequest { AmountPaid = 3_000m, ClaimsClosed = 2, Version = c.Version }))
            .ReadAsync<DisposalApi.CaseDto>();
        Assert.Equal((6, 15_000.50m, 6), (c.ClaimsReceived, c.AmountPaid, c.ClaimsClosed));
        c = await (await wg.PostAsync($"{At(c.Id)}/actions/Compensation/complete", new DisposalApi.StepRequest { Version = c.Version })).ReadAsync<DisposalApi.CaseDto>();

        var noReason = await (await wg.PostAsync($"{At(c.Id)}/actions/SuspendPilot/waive", new DisposalApi.StepRequest { Reason = " ", Version = c.Version })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("reason", noReason.Errors.Keys);
        c = await (await wg.PostAsync($"{At(c.Id)}/actions/SuspendPilot/waive", new DisposalApi.StepRequest { Reason = "风险已隔离，无需暂停", Version = c.Version })).ReadAsync<DisposalApi.CaseDto>();
        var closed = await (await wg.PostAsync($"{At(c.Id)}/close", new DisposalApi.StepRequest { Reason = "客户均已告知并赔付，结案。", Version = c.Version })).ReadAsync<DisposalApi.CaseDto>();

        Assert.Equal((DisposalCaseStatus.Closed, "客户均已告知并赔付，结案。"), (closed.Status, closed.Conclusion));
        var duties = await app.WithDbAsync(db => db.Obligations.AsNoTracking().Where(o => o.Subject.StartsWith(c.Id.ToString("N"))).ToListAsync());
        Assert.Equal([ObligationStatus.Fulfilled, ObligationStatus.Fulfilled, ObligationStatus.Waived], duties.Select(o => o.Status).Order());
        Assert.Equal("风险已隔离，无需暂停", duties.Single(o => o.Status == ObligationStatus.Waived).WaiveReason);
        await (await institution.PostAsync($"{At(c.Id)}/notices", new DisposalApi.NoticeRequest { Channel = NoticeChannel.Sms, Count = 1, Version = closed.Version }))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(ProjectStage.Running, closed.ProjectStage);

        // The closed case's page shows the working group no empty "处置操作" panel.
        using var page = await app.SignedInAsync(DemoUsers.WorkingGroupBeijing);
        var html = await (await page.GetAsync($"/disposal/{c.Id}")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"case-conclusion\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"steps\"", html, StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task Raising_the_level_adds_its_actions_and_a_termination_proposal_reaches_the_coordination_group(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var projectId = await app.AdmittedPilotAsync("风险处置测试 升级");
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var c = await app.OpenCaseAsync(projectId, DisposalLevel.IV, affected: 0);
        Assert.Equal([DisposalActionKind.CustomerNotification], c.Actions.Select(a => a.Kind));

        await (await wg.PostAsync($"{At(c.Id)}/level", new DisposalApi.RaiseRequest { Level = DisposalLevel.IV, Reason = "同级", Version = c.Version })).ReadProblemAsync(HttpStatusCode.BadRequest);
        var raised = await (await wg.PostAsync($"{At(c.Id)}/level", new DisposalApi.RaiseRequest { Level = DisposalLevel.I, Reason = "风险外溢至合作机构", Version = c.Version }))
            .ReadAsync<DisposalApi.CaseDto>();
        Assert.Equal(DisposalLevel.I, raised.Level);
        Assert.Equal(
            [DisposalActionKind.SuspendPilot, DisposalActionKind.CustomerNotification, DisposalActionKind.Compensation, DisposalActionKind.TerminationProposal],
            raised.Actions.Select(a => a.Kind).Order());
        Assert.Equal(4, await app.WithDbAsync(db => db.Obligations.CountAsync(o => o.Subject.StartsWith(c.Id.ToString("N")))));

        var proposed = await (await wg.PostAsync($"{At(c.Id)}/termination-proposal", new DisposalApi.StepRequest { Reason = "机构已无力持续经营", Version = raised.Version }))
            .ReadAsync<DisposalApi.CaseDto>();
        Assert.Equal(DisposalActionState.Done, proposed.Actions.Single(a => a.Kind == DisposalActionKind.TerminationProposal).State);
        var coordination = await UserIdAsync(app, DemoUsers.Coordination);
        var notice = await app.WithDbAsync(db => db.Notifications.AsNoTracking()
            .SingleAsync(n => n.UserId == coordination && n.Kind == NotificationKind.DisposalTerminationProposed && n.Link == DisposalNotifications.Link(c.Id)));
        Assert.Equal("机构已无力持续经营", notice.Values[NotificationValues.Reason]);
    }

    [Theory, AllProviders]
    public async Task Each_role_outside_its_part_is_refused(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var projectId = await app.AdmittedPilotAsync("风险处置测试 权限");
        var c = await app.OpenCaseAsync(projectId);
        using var other = await app.OtherApplicantAsync();
        var step = new DisposalApi.StepRequest { Reason = "理由", Version = c.Version };

        // The working group's steps: not another region's working group, the institution, integrity officers, the coordination group, another institution.
        foreach (var email in new[] { DemoUsers.WorkingGroupShanghai, DemoUsers.Applicant, DemoUsers.Integrity, DemoUsers.Coordination })
        {
            using var client = await app.ApiClientAsync(email);
            await client.PostAsync(CasesOf(projectId), Open()).AssertDeniedAsync();
            foreach (var path in new[] { "suspend", "resume", "close", "termination-proposal", "actions/SuspendPilot/waive", "actions/Compensation/complete" })
            {
                await client.PostAsync($"{At(c.Id)}/{path}", step).AssertDeniedAsync();
            }

            await client.PostAsync($"{At(c.Id)}/level", new DisposalApi.RaiseRequest { Level = DisposalLevel.I, Reason = "升级", Version = c.Version }).AssertDeniedAsync();
        }

        await other.PostAsync($"{At(c.Id)}/suspend", step).AssertDeniedAsync();

        // The institution's records: not the working group, integrity officers, another institution.
        foreach (var email in new[] { DemoUsers.WorkingGroupBeijing, DemoUsers.Integrity })
        {
            using var client = await app.ApiClientAsync(email);
            await client.PostAsync($"{At(c.Id)}/notices", new DisposalApi.NoticeRequest { Channel = NoticeChannel.Sms, Count = 1, Version = c.Version }).AssertDeniedAsync();
            await client.PostAsync($"{At(c.Id)}/compensation", new DisposalApi.CompensationRequest { ClaimsReceived = 1, Version = c.Version }).AssertDeniedAsync();
        }

        await other.PostAsync($"{At(c.Id)}/notices", new DisposalApi.NoticeRequest { Channel = NoticeChannel.Sms, Count = 1, Version = c.Version }).AssertDeniedAsync();

        // Reading: another institution and another region's working group are refused; national readers are not.
        using var shanghai = await app.ApiClientAsync(DemoUsers.WorkingGroupShanghai);
        await other.GetAsync(At(c.Id)).AssertDeniedAsync();
        await shanghai.GetAsync(At(c.Id)).AssertDeniedAsync();
        var beijing = await app.WithDbAsync(db => db.Regions.Where(r => r.Code == "BJ").Select(r => r.Id).SingleAsync());
        await shanghai.GetAsync($"/api/v1/disposal/cases?regionId={beijing}").AssertDeniedAsync();
        Assert.Empty((await (await shanghai.GetAsync($"/api/v1/disposal/cases?projectId={projectId}")).ReadAsync<Page<DisposalRow>>()).Items);
        Assert.Empty((await (await other.GetAsync($"/api/v1/disposal/cases?projectId={projectId}")).ReadAsync<Page<DisposalRow>>()).Items);
        foreach (var email in new[] { DemoUsers.Integrity, DemoUsers.Coordination, DemoUsers.Admin, DemoUsers.Applicant })
        {
            using var client = await app.ApiClientAsync(email);
            Assert.Equal(c.Id, (await (await client.GetAsync(At(c.Id))).ReadAsync<DisposalApi.CaseDto>()).Id);
            Assert.Equal([c.Id], (await (await client.GetAsync($"/api/v1/disposal/cases?projectId={projectId}")).ReadAsync<Page<DisposalRow>>()).Items.Select(r => r.Id));
        }

        // Nothing refused changed the case or the pilot.
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var after = await (await wg.GetAsync(At(c.Id))).ReadAsync<DisposalApi.CaseDto>();
        Assert.Equal((c.Version, ProjectStage.Running), (after.Version, after.ProjectStage));
    }

    [Theory, AllProviders]
    public async Task A_case_names_a_source_of_its_own_pilot_and_opens_only_on_an_admitted_one(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var projectId = await app.AdmittedPilotAsync("风险处置测试 来源");
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);

        var foreign = Open() with { Source = DisposalSource.Incident, SourceId = Guid.NewGuid() };
        await (await wg.PostAsync(CasesOf(projectId), foreign)).ReadProblemAsync(HttpStatusCode.NotFound);
        var missing = await (await wg.PostAsync(CasesOf(projectId), Open() with { Source = DisposalSource.Alert, Summary = "" })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["sourceId", "summary"], missing.Errors.Keys.Order());
        await (await wg.PostAsync(CasesOf(Guid.NewGuid()), Open())).ReadProblemAsync(HttpStatusCode.NotFound);

        // A correction order must exist and be the pilot's own: an unknown id and another pilot's order are refused.
        var otherPilot = await app.AdmittedPilotAsync("风险处置测试 他案");
        var othersOrder = await IssueOrderAsync(wg, otherPilot);
        await (await wg.PostAsync(CasesOf(projectId), Open() with { Source = DisposalSource.CorrectionOrder, SourceId = Guid.NewGuid() })).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await wg.PostAsync(CasesOf(projectId), Open() with { Source = DisposalSource.CorrectionOrder, SourceId = othersOrder })).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.False(await app.WithDbAsync(db => db.DisposalCases.AnyAsync(c => c.ProjectId == projectId)));

        var order = await IssueOrderAsync(wg, projectId);
        var fromOrder = await (await wg.PostAsync(CasesOf(projectId), Open() with { Source = DisposalSource.CorrectionOrder, SourceId = order }))
            .ReadAsync<DisposalApi.CaseDto>(HttpStatusCode.Created);
        Assert.Equal((DisposalSource.CorrectionOrder, order), (fromOrder.Source, fromOrder.SourceId));
    }

    private static async Task<Guid> IssueOrderAsync(HttpClient wg, Guid projectId) =>
        (await (await wg.PostAsync($"/api/v1/supervision/projects/{projectId}/corrections", new Features.Corrections.CorrectionsApi.IssueRequest
        {
            Findings = "客户数量超过批准上限。",
            Breach = "试点方案：客户数量上限 300 户。",
            RequiredActions = "停止新增客户。",
            Severity = Domain.Corrections.CorrectionSeverity.Moderate,
            WorkingDays = 10,
            MustRectify = false,
        })).ReadAsync<Features.Corrections.CorrectionsApi.CorrectionDto>(HttpStatusCode.Created)).Id;

    private static Task<string> UserIdAsync(FinPilotApp app, string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
}
