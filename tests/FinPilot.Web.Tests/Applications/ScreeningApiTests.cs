using System.Net;
using FinPilot.Domain.Applications;
using FinPilot.Domain.Calendar;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Applications;
using FinPilot.Web.Features.Notifications;
using FinPilot.Web.Http;
using FinPilot.Web.Tests.Calls;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.Applications;

public sealed class ScreeningApiTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task The_working_group_returns_an_application_for_supplement_and_accepts_the_supplemented_version(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var id = await app.SubmittedAsync(applicant, "补正流程");

        await (await wg.PostAsync($"/api/v1/screening/{id}/start", new { })).AssertStatusAsync(HttpStatusCode.NoContent);
        await (await wg.PostAsync($"/api/v1/screening/{id}/return", new ScreeningApi.SupplementRequestDto(["数据安全评估报告"], 5))).AssertStatusAsync(HttpStatusCode.NoContent);

        var returned = await applicant.GetApplicationAsync(id);
        var expectedDue = OfficialHolidaySchedules.Calendar.AddWorkingDays(ChinaTime.DateOf(app.Clock.GetUtcNow()), 5);
        Assert.Equal((ProjectStage.ReturnedForSupplement, 2, true), (returned.Project.Stage, returned.Version, returned.CanEdit));
        Assert.Equal(expectedDue, returned.SupplementRequest!.DueOn);
        Assert.Equal(CallTestKit.Materials.Order(), returned.Attachments.Select(a => a.Material).Order());
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.Kind == NotificationKind.ReturnedForSupplement && n.Link == $"/applications/{id}")));

        await applicant.SaveAsync(id, ApplicationTestKit.CompleteForm("补正流程") with { RiskAssessment = "补充：数据安全评估已完成。" });
        await (await applicant.PostAsync($"/api/v1/applications/{id}/submit", new { })).AssertStatusAsync(HttpStatusCode.OK);
        var diff = await (await wg.GetAsync($"/api/v1/applications/{id}/diff?from=1&to=2")).ReadAsync<VersionDiff>();
        Assert.Equal(nameof(ApplicationForm.RiskAssessment), Assert.Single(diff.Fields).Field);
        Assert.Empty(diff.Attachments);

        await (await wg.PostAsync($"/api/v1/screening/{id}/start", new { })).AssertStatusAsync(HttpStatusCode.NoContent);
        var incomplete = await (await wg.PostAsync($"/api/v1/screening/{id}/accept", new ScreeningApi.NoteRequest(null))).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Checklist", incomplete.Errors.Keys);
        var checklist = await (await wg.GetAsync($"/api/v1/screening/{id}/checklist")).ReadAsync<ScreeningApi.ChecklistDto>();
        await (await wg.PutAsync($"/api/v1/screening/{id}/checklist", new ScreeningApi.ChecklistRequest(checklist.Items))).AssertStatusAsync(HttpStatusCode.NoContent);
        await (await wg.PostAsync($"/api/v1/screening/{id}/accept", new ScreeningApi.NoteRequest("材料齐全"))).AssertStatusAsync(HttpStatusCode.NoContent);

        var accepted = await applicant.GetApplicationAsync(id);
        Assert.Equal(ProjectStage.Evaluation, accepted.Project.Stage);
        Assert.Equal(
            [ProjectTrigger.Submit, ProjectTrigger.StartScreening, ProjectTrigger.ReturnForSupplement, ProjectTrigger.Resubmit, ProjectTrigger.StartScreening, ProjectTrigger.Accept],
            accepted.Timeline.Select(e => e.Trigger));
        var audited = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.ResourceId == id.ToString()).Select(a => a.Action).ToListAsync());
        Assert.Contains("screening.returned-for-supplement", audited);
        Assert.Contains("screening.accepted", audited);

        // Each move's line, from the project's events at the save: on the project, in its region, with what was asked.
        string[] moves = ["application.submitted", "application.resubmitted", "screening.started", "screening.returned-for-supplement", "screening.accepted"];
        var lines = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.ResourceId == id.ToString() && moves.Contains(a.Action))
            .OrderBy(a => a.Id).Select(a => new { a.Action, a.ResourceType, a.RegionId, a.Details }).ToListAsync());
        Assert.All(lines, l => Assert.Equal(("project", (int?)accepted.Project.RegionId), (l.ResourceType, l.RegionId)));
        Assert.Equal(
            [
                ("application.submitted", "{\"version\":1}"),
                ("screening.started", null),
                ("screening.returned-for-supplement", "{\"items\":[\"数据安全评估报告\"],\"workingDays\":5}"),
                ("application.resubmitted", "{\"version\":2}"),
                ("screening.started", null),
                ("screening.accepted", "{\"note\":\"材料齐全\"}"),
            ],
            lines.Select(l => (l.Action, l.Details)));
    }

    [Theory, AllProviders]
    public async Task Another_regions_working_group_and_the_applicant_cannot_screen(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        using var shanghai = await app.ApiClientAsync(DemoUsers.WorkingGroupShanghai);
        var id = await app.SubmittedAsync(applicant, "跨区审查");

        await (await shanghai.PostAsync($"/api/v1/screening/{id}/start", new { })).AssertStatusAsync(HttpStatusCode.Forbidden);
        await (await applicant.PostAsync($"/api/v1/screening/{id}/start", new { })).AssertStatusAsync(HttpStatusCode.Forbidden);
        var queue = await (await shanghai.GetAsync("/api/v1/screening")).ReadAsync<Page<ScreeningApi.ScreeningRowDto>>();
        Assert.DoesNotContain(id, queue.Items.Select(r => r.Project.Id));
        Assert.Equal(ProjectStage.Submitted, (await applicant.GetApplicationAsync(id)).Project.Stage);
    }

    [Theory, AllProviders]
    public async Task A_rejection_needs_a_reason_the_applicant_reads(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var id = await app.SubmittedAsync(applicant, "不予受理");
        await (await wg.PostAsync($"/api/v1/screening/{id}/start", new { })).AssertStatusAsync(HttpStatusCode.NoContent);

        await (await wg.PostAsync($"/api/v1/screening/{id}/reject", new ApplicationsApi.ReasonRequest(""))).AssertStatusAsync(HttpStatusCode.BadRequest);
        await (await wg.PostAsync($"/api/v1/screening/{id}/reject", new ApplicationsApi.ReasonRequest("不属于本次征集方向"))).AssertStatusAsync(HttpStatusCode.NoContent);

        var rejected = await applicant.GetApplicationAsync(id);
        Assert.Equal(ProjectStage.Rejected, rejected.Project.Stage);
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.Kind == NotificationKind.ApplicationRejected && n.Link == $"/applications/{id}")));
    }
}
