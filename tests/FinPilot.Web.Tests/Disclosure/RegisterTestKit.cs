using System.Net;
using FinPilot.Domain.Calendar;
using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Applications;
using FinPilot.Web.Features.Disclosure;
using FinPilot.Web.Tests.Applications;
using FinPilot.Web.Tests.Calls;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinPilot.Web.Tests.Disclosure;

/// <summary>
/// Shortcuts for the register tests. Projects are applied for and screened through the API; what
/// deliberation and the notice services will do later — approving, publishing a notice, writing
/// its public events — is done here through the domain and <see cref="PublicRecordWriter"/>.
/// </summary>
internal static class RegisterTestKit
{
    public const string Actor = "register-test";
    public const string LeadNameZh = "京华证券股份有限公司";
    public const string LeadNameEn = "Jinghua Securities Co., Ltd.";

    /// <summary>A call of the region's own with the projects applied for by the demo applicant, screened and accepted (in evaluation).</summary>
    public static async Task<(Guid CallId, IReadOnlyList<Guid> Projects)> ScreenedAsync(
        this FinPilotApp app, string regionCode, string workingGroup, string callTitle, IReadOnlyList<string> titles)
    {
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        using var wg = await app.ApiClientAsync(workingGroup);
        var callId = (await app.PublishedAsync(workingGroup, regionCode, callTitle)).Id;
        var projects = new List<Guid>();
        foreach (var title in titles)
        {
            var project = await applicant.StartAsync(callId, title);
            await applicant.SaveAsync(project.Id, ApplicationTestKit.CompleteForm(title));
            await applicant.UploadMaterialsAsync(project.Id);
            await (await applicant.PostAsync($"/api/v1/applications/{project.Id}/submit", new { })).AssertStatusAsync(HttpStatusCode.OK);
            await (await wg.PostAsync($"/api/v1/screening/{project.Id}/start", new { })).AssertStatusAsync(HttpStatusCode.NoContent);
            var checklist = await (await wg.GetAsync($"/api/v1/screening/{project.Id}/checklist")).ReadAsync<ScreeningApi.ChecklistDto>();
            await (await wg.PutAsync($"/api/v1/screening/{project.Id}/checklist", new ScreeningApi.ChecklistRequest(checklist.Items))).AssertStatusAsync(HttpStatusCode.NoContent);
            await (await wg.PostAsync($"/api/v1/screening/{project.Id}/accept", new ScreeningApi.NoteRequest(null))).AssertStatusAsync(HttpStatusCode.NoContent);
            projects.Add(project.Id);
        }

        return (callId, projects);
    }

    /// <summary>Moves a project to a stage the lifecycle cannot reach yet (deliberation, notice and supervision are built later).</summary>
    public static Task SetStageAsync(this FinPilotApp app, Guid projectId, ProjectStage stage) =>
        app.WithDbAsync(db => db.Projects.Where(p => p.Id == projectId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Stage, stage)));

    public static PublicProjectSummary Summary(Guid projectId, string name, ProjectCategory category, string scenario, string technology, string tested) =>
        new(projectId, name, LeadNameZh, ["某科技有限公司"], category, [scenario], [technology], tested, "合格投资者，不超过 200 户", 12);

    /// <summary>
    /// A notice listing <paramref name="projects"/>: published at <paramref name="at"/> with an event
    /// per project, unless <paramref name="publish"/> is false (a draft, no events); withdrawn an
    /// hour later when <paramref name="withdraw"/> is true.
    /// </summary>
    public static async Task<Guid> NoticeAsync(
        this FinPilotApp app, string regionCode, DateTimeOffset at, IReadOnlyList<PublicProjectSummary> projects, bool publish = true, bool withdraw = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinPilotDbContext>();
        var regionId = await db.Regions.Where(r => r.Code == regionCode).Select(r => r.Id).SingleAsync();
        var content = new PublicNoticeContent("金融科技创新试点拟入箱项目公示", "经试点协调小组审议，拟同意下列项目入箱，现予公示。", "010-8888 6666", projects);
        var notice = PublicNotice.Create(Guid.NewGuid(), regionId, content, at.AddDays(-1), Actor).Value!;
        db.PublicNotices.Add(notice);
        if (publish)
        {
            var published = notice.Publish(at, Actor, OfficialHolidaySchedules.Calendar);
            Assert.True(published.Succeeded, string.Join("; ", published.Errors));
            scope.ServiceProvider.GetRequiredService<PublicRecordWriter>().Write(
                PublicRecord.Create("notice.published", notice.Id.ToString(), at, new { notice.Id, notice.Title }),
                regionId,
                [.. projects.Select(p => new PublicEvent(p.ProjectId, PublicEventKind.NoticePublished, at, $"{p.Name} 拟入箱公示", $"{p.Name}: public notice", $"/notices/{notice.Id}"))]);
        }

        if (withdraw)
        {
            Assert.True(notice.Withdraw("误发", at.AddHours(1), Actor).Succeeded);
        }

        await db.SaveChangesAsync();
        return notice.Id;
    }

    /// <summary>A later public event of a project, written as the deciding feature will write it.</summary>
    public static async Task EventAsync(this FinPilotApp app, Guid projectId, PublicEventKind kind, DateTimeOffset at, string titleZh, string? titleEn)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinPilotDbContext>();
        var regionId = await db.Projects.Where(p => p.Id == projectId).Select(p => p.RegionId).SingleAsync();
        scope.ServiceProvider.GetRequiredService<PublicRecordWriter>().Write(
            PublicRecord.Create("project." + kind, projectId.ToString(), at, new { projectId, kind }),
            regionId,
            [new PublicEvent(projectId, kind, at, titleZh, titleEn, $"/pilots/{projectId}")]);
        await db.SaveChangesAsync();
    }
}
