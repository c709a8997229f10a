using System.Net;
using FinPilot.Domain.Deliberation;
using FinPilot.Domain.Disposal;
using FinPilot.Domain.Exit;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Disposal;
using FinPilot.Web.Tests.Exit;
using FinPilot.Web.Tests.Infrastructure;
using FinPilot.Web.Tests.Supervision;
using Microsoft.EntityFrameworkCore;
using static FinPilot.Web.Tests.Disposal.DisposalTestKit;

namespace FinPilot.Web.Tests.Disposal;

/// <summary>
/// 提请终止: the working group's proposal goes on a coordination-group meeting's agenda (once), and
/// the item's resolution — carried out by the exit path — terminates the pilot and opens its exit.
/// </summary>
public sealed class DisposalTerminationTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task A_scheduled_termination_proposal_resolved_by_the_coordination_group_terminates_the_pilot(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var projectId = await app.AdmittedPilotAsync($"终止提请 {Guid.NewGuid():N}"[..14]);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        using var chair = await app.ApiClientAsync(DemoUsers.Coordination);
        var opened = await app.OpenCaseAsync(projectId, DisposalLevel.II);
        var meetingId = await app.MeetingAsync(chair, "风险处置终止审议");

        // Nothing to schedule before the working group proposes.
        await (await chair.PostAsync($"{At(opened.Id)}/termination-agenda", new DisposalApi.AgendaRequest { MeetingId = meetingId }))
            .ReadProblemAsync(HttpStatusCode.Conflict);

        var proposed = await (await wg.PostAsync($"{At(opened.Id)}/termination-proposal", new DisposalApi.StepRequest { Reason = "风险无法缓释，建议终止", Version = opened.Version }))
            .ReadAsync<DisposalApi.CaseDto>();
        Assert.Null(proposed.TerminationAgendaItemId);

        // Denials: the working group itself, another region's working group, the institution.
        foreach (var email in new[] { DemoUsers.WorkingGroupBeijing, DemoUsers.WorkingGroupShanghai, DemoUsers.Applicant })
        {
            using var client = await app.ApiClientAsync(email);
            await (await client.PostAsync($"{At(opened.Id)}/termination-agenda", new DisposalApi.AgendaRequest { MeetingId = meetingId }))
                .ReadProblemAsync(HttpStatusCode.Forbidden);
        }

        var scheduled = await (await chair.PostAsync($"{At(opened.Id)}/termination-agenda", new DisposalApi.AgendaRequest { MeetingId = meetingId, View = "提请本次会议审议。" }))
            .ReadAsync<DisposalApi.CaseDto>();
        Assert.Equal(meetingId, scheduled.TerminationMeetingId);
        var meeting = await app.WithDbAsync(db => db.Set<Meeting>().AsNoTracking().SingleAsync(m => m.Id == meetingId));
        var item = Assert.Single(meeting.AgendaItems);
        Assert.Equal((AgendaItemKind.TerminationProposal, scheduled.TerminationAgendaItemId!.Value), (item.Kind, item.Id));
        Assert.Equal([projectId], item.ProjectIds);
        Assert.StartsWith("提请终止试点：终止提请", item.Title);
        Assert.Contains("提请本次会议审议。", item.WorkingGroupView);
        Assert.Contains("II级（重大）", item.WorkingGroupView);
        Assert.Contains("风险无法缓释，建议终止", item.WorkingGroupView);

        // Refused twice: the meeting keeps its one item.
        var twice = await (await chair.PostAsync($"{At(opened.Id)}/termination-agenda", new DisposalApi.AgendaRequest { MeetingId = meetingId }))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("该终止提请已列入会议议程。", twice.Detail);
        Assert.Single((await app.WithDbAsync(db => db.Set<Meeting>().AsNoTracking().SingleAsync(m => m.Id == meetingId))).AgendaItems);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.ResourceId == opened.Id.ToString() && a.Action == DisposalAuditActions.TerminationScheduled)));

        await chair.ResolveAsync(meetingId, item.Id, ProjectOutcome.Approved(projectId), "经审议，终止该试点。");
        Assert.Equal(ProjectStage.Exiting, await app.StageAsync(projectId));
        var exit = await app.WithDbAsync(db => db.ExitCases.AsNoTracking().SingleAsync(c => c.ProjectId == projectId));
        Assert.Equal((ExitMode.Terminated, (Guid?)meetingId), (exit.Mode, exit.TerminationMeetingId));
    }

    [Theory, AllProviders]
    public async Task The_case_page_offers_the_coordination_group_the_open_meetings_and_schedules_when_confirmed(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var projectId = await app.AdmittedPilotAsync($"终止页面 {Guid.NewGuid():N}"[..13]);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        using var chairApi = await app.ApiClientAsync(DemoUsers.Coordination);
        var opened = await app.OpenCaseAsync(projectId);
        await (await wg.PostAsync($"{At(opened.Id)}/termination-proposal", new DisposalApi.StepRequest { Reason = "提请终止", Version = opened.Version }))
            .ReadAsync<DisposalApi.CaseDto>();
        var meetingId = await app.MeetingAsync(chairApi, "终止页面审议会议");
        var page = $"/disposal/{opened.Id}";

        using var workingGroup = await app.SignedInAsync(DemoUsers.WorkingGroupBeijing);
        var wgHtml = await (await workingGroup.GetAsync(page)).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"termination-awaiting\"", wgHtml);
        Assert.DoesNotContain("data-testid=\"schedule-form\"", wgHtml);

        using var chair = await app.SignedInAsync(DemoUsers.Coordination);
        var html = await (await chair.GetAsync(page)).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"schedule-form\"", html);
        Assert.Contains($"value=\"{meetingId}\"", html);
        Assert.Contains("终止页面审议会议", html);

        var unconfirmed = await (await chair.SubmitAsync(page, page, new Dictionary<string, string> { ["_handler"] = "schedule", ["Meeting"] = meetingId.ToString() }))
            .Content.ReadAsStringAsync();
        Assert.Contains("请勾选确认后再提交", unconfirmed);
        Assert.Null(await app.WithDbAsync(db => db.DisposalCases.Where(c => c.Id == opened.Id).Select(c => c.TerminationAgendaItemId).SingleAsync()));

        var confirmed = await chair.SubmitAsync(page, page, new Dictionary<string, string>
        {
            ["_handler"] = "schedule",
            ["Meeting"] = meetingId.ToString(),
            ["View"] = "列入议程",
            ["Confirm"] = "true",
        });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var after = await confirmed.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"termination-on-agenda\"", after);
        Assert.DoesNotContain("data-testid=\"schedule-form\"", after);
        Assert.Equal((Guid?)meetingId, await app.WithDbAsync(db => db.DisposalCases.Where(c => c.Id == opened.Id).Select(c => c.TerminationMeetingId).SingleAsync()));
    }
}
