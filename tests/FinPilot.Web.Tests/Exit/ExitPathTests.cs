using System.Net;
using FinPilot.Domain.Calendar;
using FinPilot.Domain.Deliberation;
using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Evaluation;
using FinPilot.Domain.Exit;
using FinPilot.Domain.Obligations;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Calendar;
using FinPilot.Web.Features.Evaluation;
using FinPilot.Web.Features.Exit;
using FinPilot.Web.Features.Notifications;
using FinPilot.Web.Tests.Alerts;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinPilot.Web.Tests.Exit;

/// <summary>
/// 退出 end to end: a completed pilot through self-assessment, checklist, audit with a question back,
/// the expert opinion, the tier proposal and the coordination group's confirmation; each step an
/// obligation with its working-day deadline and a public record.
/// </summary>
public sealed class ExitPathTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    private const string ConflictedExpert = "expert.equity@demo.finpilot.cn";

    [Theory, AllProviders]
    public async Task A_completed_pilot_exits_through_every_step_and_is_tiered(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var projectId = await app.RunningPilotAsync("试点完成退出");
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        using var chair = await app.ApiClientAsync(DemoUsers.Coordination);
        var project = await app.WithDbAsync(db => db.Projects.AsNoTracking().SingleAsync(p => p.Id == projectId));

        // The obligation clock's exit-or-extension duty for the approved end date is answered by applying for completion.
        await app.WithDbAsync(async db =>
        {
            db.Obligations.Add(Obligation.Create(projectId, project.RegionId, project.LeadOrganisationId, ObligationKind.ExitOrExtension, "2099-12-31",
                app.Clock.GetUtcNow().AddDays(30), app.Clock.GetUtcNow()).ValueOrThrow());
            return await db.SaveChangesAsync();
        });

        var exit = await applicant.ApplyAsync(projectId, ExitTestKit.Completion());
        var calendar = await app.WithScopeAsync(sp => sp.GetRequiredService<WorkingCalendarProvider>().GetAsync());
        Assert.Equal((ExitMode.Completed, ExitStatus.SelfAssessment), (exit.Mode, exit.Status));
        Assert.Equal(ProjectStage.Exiting, await app.StageAsync(projectId));
        var duties = await app.WithDbAsync(db => db.Obligations.AsNoTracking().Where(o => o.ProjectId == projectId).ToListAsync());
        Assert.Equal(ObligationStatus.Fulfilled, duties.Single(o => o.Kind == ObligationKind.ExitOrExtension).Status);
        var selfAssessment = duties.Single(o => o.Kind == ObligationKind.ExitSelfAssessment);
        Assert.Equal(ObligationRules.ExitStepDue(exit.OpenedAt, calendar, 15), selfAssessment.DueAt);
        await (await applicant.PostAsync($"/api/v1/exits/projects/{projectId}", ExitTestKit.Completion())).ReadProblemAsync(HttpStatusCode.Conflict);

        // The checklist must be complete before the audit.
        var filled = await applicant.FillAsync(exit, leaveOut: ChecklistItemKind.CompensationSettled);
        Assert.Equal([ChecklistItemKind.CompensationSettled], filled.MissingChecklistItems);
        var blocked = await (await applicant.PostAsync($"/api/v1/exits/{exit.Id}/submit", new ExitsApi.VersionRequest(filled.Version))).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("客户权益保护清单", blocked.Detail, StringComparison.Ordinal);
        filled = await (await applicant.PutAsync($"/api/v1/exits/{exit.Id}/checklist/{ChecklistItemKind.CompensationSettled}",
            new ExitsApi.ChecklistRequest { Done = true, Evidence = "赔偿 3 笔已结清", Version = filled.Version })).ReadAsync<ExitsApi.ExitDto>();
        var submitted = await applicant.SubmitAsync(filled);
        Assert.Equal(ExitStatus.Audit, submitted.Status);
        Assert.Equal(ObligationStatus.Fulfilled, (await app.WithDbAsync(db => db.Obligations.AsNoTracking()
            .SingleAsync(o => o.ProjectId == projectId && o.Kind == ObligationKind.ExitSelfAssessment))).Status);

        // A question back re-opens the self-assessment and is an obligation to answer within 5 working days.
        var asked = await (await wg.PostAsync($"/api/v1/exits/{exit.Id}/questions", new ExitsApi.TextRequest("请补充投诉办结证明", submitted.Version))).ReadAsync<ExitsApi.ExitDto>();
        Assert.Equal(ExitStatus.SelfAssessment, asked.Status);
        var answerDuty = await app.WithDbAsync(db => db.Obligations.AsNoTracking().SingleAsync(o => o.ProjectId == projectId && o.Kind == ObligationKind.ExitAnswer));
        Assert.Equal((ObligationStatus.Open, asked.Questions.Single().DueAt), (answerDuty.Status, answerDuty.DueAt));
        Assert.Equal(ObligationRules.ExitStepDue(asked.Questions.Single().AskedAt, calendar, 5), answerDuty.DueAt);
        await (await applicant.PostAsync($"/api/v1/exits/{exit.Id}/submit", new ExitsApi.VersionRequest(asked.Version))).ReadProblemAsync(HttpStatusCode.Conflict);
        var answered = await (await applicant.PostAsync($"/api/v1/exits/{exit.Id}/questions/1/answer", new ExitsApi.TextRequest("已补充办结证明", asked.Version)))
            .ReadAsync<ExitsApi.ExitDto>();
        var resubmitted = await applicant.SubmitAsync(answered);
        var accepted = await wg.AcceptAsync(resubmitted);
        Assert.Equal(ExitStatus.ExpertReview, accepted.Status);

        // The expert opinion keeps a conflicted expert out.
        var started = await (await wg.PostAsync($"/api/v1/exits/{exit.Id}/review", new ExitsApi.VersionRequest(accepted.Version))).ReadAsync<ExitsApi.ExitDto>();
        var conflictedId = await app.UserIdAsync(ConflictedExpert);
        await app.WithDbAsync(async db =>
        {
            db.ConflictDeclarations.Add(new ConflictDeclaration
            {
                Id = Guid.NewGuid(),
                ExpertUserId = conflictedId,
                Kind = ConflictDeclarationKind.Organisation,
                OrganisationId = project.LeadOrganisationId,
                Text = "曾任申报机构顾问",
                DeclaredAt = app.Clock.GetUtcNow(),
            });
            return await db.SaveChangesAsync();
        });
        var refused = await (await wg.PostAsync($"/api/v1/exits/{exit.Id}/review/reviewers", new ExitsApi.AssignRequest(conflictedId, started.Version)))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("回避", refused.Detail, StringComparison.Ordinal);
        var forwarded = await app.ReviewAndForwardAsync(wg, started, 9, 9, 9);
        Assert.Equal(ExitStatus.AwaitingCoordinationGroup, forwarded.Status);
        var proposal = forwarded.Proposal!;
        Assert.Equal((TierFormula.Version, 9m, ExitTier.Exemplary), (proposal.FormulaVersion, proposal.Inputs.ExpertAverage, proposal.Tier));
        Assert.Equal(ExitMode.Completed, proposal.Inputs.Mode);
        Assert.True(await app.WithDbAsync(db => db.Obligations.AnyAsync(o => o.ProjectId == projectId && o.Kind == ObligationKind.ExitConfirmation && o.Status == ObligationStatus.Open)));

        // The coordination group overrides only with a reason, then its resolution confirms the exit.
        await (await chair.PostAsync($"/api/v1/exits/{exit.Id}/tier", new ExitsApi.TierRequest { Tier = ExitTier.Good, Version = forwarded.Version }))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        var decided = await (await chair.PostAsync($"/api/v1/exits/{exit.Id}/tier", new ExitsApi.TierRequest { Tier = ExitTier.Good, Reason = "客户告知不够及时", Version = forwarded.Version }))
            .ReadAsync<ExitsApi.ExitDto>();
        Assert.True(decided.TierDecision!.Overridden);
        var meetingId = await app.MeetingAsync(chair, "试点退出确认会议");
        var scheduled = await (await chair.PostAsync($"/api/v1/exits/{exit.Id}/agenda", new ExitsApi.AgendaRequest(meetingId))).ReadAsync<ExitsApi.ExitDto>();
        await chair.ResolveAsync(meetingId, scheduled.AgendaItemId!.Value, ProjectOutcome.Approved(projectId), "经审议，确认该试点完成退出。");

        var done = await applicant.GetExitAsync(exit.Id);
        Assert.Equal((ExitStatus.Exited, (ExitTier?)ExitTier.Good), (done.Status, done.Tier));
        Assert.Equal(ProjectStage.Exited, await app.StageAsync(projectId));
        Assert.Null(done.Review);
        Assert.NotNull(done.ReviewSummary);
        Assert.All(await app.WithDbAsync(db => db.Obligations.AsNoTracking().Where(o => o.ProjectId == projectId && o.Kind >= ObligationKind.ExitSelfAssessment).ToListAsync()),
            o => Assert.Equal(ObligationStatus.Fulfilled, o.Status));

        // Every step is on the public timeline and in the ledger; the tier is public.
        var events = await app.WithDbAsync(db => db.PublicEvents.AsNoTracking().Where(e => e.ProjectId == projectId).Select(e => e.Kind).ToListAsync());
        Assert.Equal(
            [PublicEventKind.Exit, PublicEventKind.ExitRequested, PublicEventKind.ExitStep, PublicEventKind.ExitStep, PublicEventKind.ExitStep, PublicEventKind.TierAssigned],
            events.Where(k => k >= PublicEventKind.ExitRequested || k == PublicEventKind.Exit).Order().ToList());
        var tierEvent = await app.WithDbAsync(db => db.PublicEvents.AsNoTracking().SingleAsync(e => e.ProjectId == projectId && e.Kind == PublicEventKind.TierAssigned));
        Assert.Equal(("分层分类结果：良好", "Tier: Good"), (tierEvent.TitleZh, tierEvent.TitleEn));
        Assert.True(await app.WithDbAsync(db => db.PublicRecords.AnyAsync(r => r.Kind == ExitActions.RecordTier)));
        var applicantId = await app.UserIdAsync(DemoUsers.Applicant);
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == applicantId && n.Kind == NotificationKind.ExitConfirmed)));

        // The record for the casebook.
        var summary = await app.WithScopeAsync(sp => sp.GetRequiredService<ExitQueries>().SummaryAsync(projectId));
        Assert.Equal((ExitTier?)ExitTier.Good, summary!.Tier);
    }

    [Theory, AllProviders]
    public async Task A_withdrawal_needs_the_confirmation_and_a_transition_plan_and_is_public(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var projectId = await app.RunningPilotAsync("主动退出");
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);

        var unconfirmed = await (await applicant.PostAsync($"/api/v1/exits/projects/{projectId}", ExitTestKit.Withdrawal(confirmed: false))).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Confirmed", unconfirmed.Errors.Keys);
        await (await applicant.PostAsync($"/api/v1/exits/projects/{projectId}", ExitTestKit.Withdrawal() with { TransitionPlan = null }))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        await (await applicant.PostAsync($"/api/v1/exits/projects/{projectId}", ExitTestKit.Completion() with { Mode = ExitMode.Terminated }))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(ProjectStage.Running, await app.StageAsync(projectId));

        var exit = await applicant.ApplyAsync(projectId, ExitTestKit.Withdrawal());
        Assert.Equal((ExitMode.Withdrawn, "存量客户迁移至持牌业务，提前三十日告知。"), (exit.Mode, exit.TransitionPlan));
        Assert.Equal((ProjectStage.Exiting, (ExitMode?)ExitMode.Withdrawn),
            await app.WithDbAsync(db => db.Projects.Where(p => p.Id == projectId).Select(p => new ValueTuple<ProjectStage, ExitMode?>(p.Stage, p.ExitMode)).SingleAsync()));
        var published = await app.WithDbAsync(db => db.PublicEvents.AsNoTracking().SingleAsync(e => e.ProjectId == projectId && e.Kind == PublicEventKind.ExitRequested));
        Assert.Equal("机构申请主动退出试点", published.TitleZh);
        var wgId = await app.UserIdAsync(DemoUsers.WorkingGroupBeijing);
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == wgId && n.Kind == NotificationKind.ExitRequested)));
    }

    [Theory, AllProviders]
    public async Task An_approved_termination_proposal_terminates_the_pilot_and_opens_its_exit(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var projectId = await app.RunningPilotAsync("终止试点");
        var rejectedId = await app.RunningPilotAsync("终止未获通过");
        using var chair = await app.ApiClientAsync(DemoUsers.Coordination);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);

        var meetingId = await app.MeetingAsync(chair, "风险处置审议会议");
        foreach (var id in new[] { projectId, rejectedId })
        {
            await (await chair.PostAsync($"/api/v1/meetings/{meetingId}/items",
                new Web.Features.Deliberation.DeliberationApi.ItemRequest(AgendaItemKind.TerminationProposal, "提请终止试点", [id], "工作组提请终止。")))
                .AssertStatusAsync(HttpStatusCode.NoContent);
        }

        var items = (await app.WithDbAsync(db => db.Set<Meeting>().AsNoTracking().SingleAsync(m => m.Id == meetingId))).AgendaItems;
        await chair.ResolveAsync(meetingId, items[0].Id, ProjectOutcome.Approved(projectId), "经审议，终止该试点。");
        await (await chair.PostAsync($"/api/v1/meetings/{meetingId}/items/{items[1].Id}/votes", new Web.Features.Deliberation.DeliberationApi.VoteRequest(VoteChoice.Reject, "不同意", null)))
            .AssertStatusAsync(HttpStatusCode.NoContent);
        await (await chair.PostAsync($"/api/v1/meetings/{meetingId}/items/{items[1].Id}/resolution",
            new Web.Features.Deliberation.DeliberationApi.ResolutionRequest([ProjectOutcome.Rejected(rejectedId, "风险已缓释")], "经审议，不终止。")))
            .AssertStatusAsync(HttpStatusCode.NoContent);

        Assert.Equal(ProjectStage.Exiting, await app.StageAsync(projectId));
        Assert.Equal(ProjectStage.Running, await app.StageAsync(rejectedId));
        var exit = await app.WithDbAsync(db => db.ExitCases.AsNoTracking().SingleAsync(c => c.ProjectId == projectId));
        Assert.Equal((ExitMode.Terminated, ExitStatus.SelfAssessment, (Guid?)meetingId), (exit.Mode, exit.Status, exit.TerminationMeetingId));
        Assert.False(await app.WithDbAsync(db => db.ExitCases.AnyAsync(c => c.ProjectId == rejectedId)));
        Assert.True(await app.WithDbAsync(db => db.Obligations.AnyAsync(o => o.ProjectId == projectId && o.Kind == ObligationKind.ExitSelfAssessment && o.Status == ObligationStatus.Open)));
        Assert.True(await app.WithDbAsync(db => db.PublicEvents.AnyAsync(e => e.ProjectId == projectId && e.Kind == PublicEventKind.Termination)));

        // The institution completes the path like any other; a terminated pilot's tier is proposed as failed whatever its scores.
        var seen = await applicant.GetExitAsync(exit.Id);
        Assert.True(seen.Allowed.SelfAssess);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var accepted = await wg.AcceptAsync(await applicant.SubmitAsync(await applicant.FillAsync(seen)));
        var forwarded = await app.ReviewAndForwardAsync(wg, accepted, 10, 10, 10);
        Assert.Equal(ExitTier.Failed, forwarded.Proposal!.Tier);
        var exitMeeting = await app.MeetingAsync(chair, "终止试点退出确认");
        var scheduled = await (await chair.PostAsync($"/api/v1/exits/{exit.Id}/agenda", new ExitsApi.AgendaRequest(exitMeeting))).ReadAsync<ExitsApi.ExitDto>();
        await chair.ResolveAsync(exitMeeting, scheduled.AgendaItemId!.Value, ProjectOutcome.Approved(projectId), "确认终止退出。");
        Assert.Equal(ProjectStage.Exited, await app.StageAsync(projectId));
        Assert.Equal((ExitTier?)ExitTier.Failed, (await applicant.GetExitAsync(exit.Id)).Tier);
    }
}
