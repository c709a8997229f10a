using System.Net;
using FinPilot.Domain.Disposal;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Disposal;
using FinPilot.Web.Tests.Infrastructure;
using FinPilot.Web.Tests.Supervision;
using Microsoft.EntityFrameworkCore;
using static FinPilot.Web.Tests.Disposal.DisposalTestKit;

namespace FinPilot.Web.Tests.Disposal;

/// <summary>The contingency plan's versions, and the disposal pages: what each side sees and the confirmed forms.</summary>
public sealed class DisposalPlanAndPageTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task A_published_version_is_in_force_for_new_cases_and_only_admins_and_the_coordination_group_publish(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        using var admin = await app.ApiClientAsync(DemoUsers.Admin);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);

        var current = await (await wg.GetAsync("/api/v1/disposal/plan")).ReadAsync<DisposalApi.PlanDto>();
        Assert.Equal([DisposalLevel.I, DisposalLevel.II, DisposalLevel.III, DisposalLevel.IV], current.Levels.Select(l => l.Level));
        await applicant.GetAsync("/api/v1/disposal/plan").AssertDeniedAsync();

        var levels = current.Levels.Select(l => l.Level == DisposalLevel.IV ? l with { Actions = [new(DisposalActionKind.CustomerNotification, 3), new(DisposalActionKind.Compensation, 15)] } : l).ToList();
        var request = new DisposalApi.PublishRequest { Levels = levels, Note = "IV级增加赔偿处理" };
        foreach (var email in new[] { DemoUsers.WorkingGroupBeijing, DemoUsers.Integrity, DemoUsers.Applicant })
        {
            using var client = await app.ApiClientAsync(email);
            await client.PostAsync("/api/v1/disposal/plan/versions", request).AssertDeniedAsync();
        }

        var invalid = await (await admin.PostAsync("/api/v1/disposal/plan/versions", new DisposalApi.PublishRequest { Levels = [.. levels.Take(2)], Note = "缺级" })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("levels", invalid.Errors.Keys);
        var published = await (await admin.PostAsync("/api/v1/disposal/plan/versions", request)).ReadAsync<DisposalApi.PlanDto>(HttpStatusCode.Created);
        Assert.Equal(current.Number + 1, published.Number);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == DisposalAuditActions.PlanPublished && a.ResourceId == published.Id.ToString())));

        var projectId = await app.AdmittedPilotAsync("风险处置测试 预案版本");
        var c = await app.OpenCaseAsync(projectId, DisposalLevel.IV, affected: 3);
        Assert.Equal(published.Number, c.PlanVersion);
        Assert.Equal([(DisposalActionKind.CustomerNotification, 3), (DisposalActionKind.Compensation, 15)], c.Actions.Select(a => (a.Kind, a.WorkingDays)));
        var versions = await (await wg.GetAsync("/api/v1/disposal/plan/versions")).ReadAsync<List<DisposalApi.PlanDto>>();
        Assert.Equal(published.Number, versions[0].Number);
        Assert.Contains(versions, v => v.Number == 1);
    }

    [Theory, AllProviders]
    public async Task The_case_page_shows_each_side_its_part_and_suspends_only_when_confirmed(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var projectId = await app.AdmittedPilotAsync("风险处置测试 页面");
        var c = await app.OpenCaseAsync(projectId, DisposalLevel.III, affected: 20);
        var page = $"/disposal/{c.Id}";

        using var institution = await app.SignedInAsync(DemoUsers.Applicant);
        var own = await (await institution.GetAsync(page)).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"notice-form\"", own);
        Assert.Contains("data-testid=\"compensation-form\"", own);
        Assert.DoesNotContain("data-testid=\"steps\"", own);
        Assert.Contains("III级（较大）", own);
        Assert.DoesNotContain("SuspendPilot</td>", own);

        using var workingGroup = await app.SignedInAsync(DemoUsers.WorkingGroupBeijing);
        var html = await (await workingGroup.GetAsync(page)).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"suspend-form\"", html);
        Assert.Contains("data-testid=\"close-blocked\"", html);
        Assert.DoesNotContain("data-testid=\"notice-form\"", html);
        Assert.Contains("告知受影响客户", html);

        var unconfirmed = await (await workingGroup.SubmitAsync(page, page, new Dictionary<string, string> { ["_handler"] = "suspend", ["Reason"] = "暂停试点" })).Content.ReadAsStringAsync();
        Assert.Contains("请勾选确认后再提交", unconfirmed);
        Assert.Equal(ProjectStage.Running, await StageAsync(app, projectId));

        var confirmed = await workingGroup.SubmitAsync(page, page, new Dictionary<string, string> { ["_handler"] = "suspend", ["Reason"] = "暂停试点", ["Confirm"] = "true" });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(ProjectStage.Suspended, await StageAsync(app, projectId));
        Assert.Contains("data-testid=\"resume-form\"", await confirmed.Content.ReadAsStringAsync());

        using var shanghai = await app.SignedInAsync(DemoUsers.WorkingGroupShanghai);
        var denied = await (await shanghai.GetAsync(page)).Content.ReadAsStringAsync();
        Assert.DoesNotContain("data-testid=\"checklist\"", denied);

        var list = await (await workingGroup.GetAsync($"/disposal?project={projectId}")).Content.ReadAsStringAsync();
        Assert.Contains("风险处置测试 页面", list);
        Assert.Contains("data-testid=\"open-case\"", list);
        var plan = await (await app.SignedInAsync(DemoUsers.Admin)).GetAsync("/disposal/plan");
        var planHtml = await plan.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"publish-section\"", planHtml);
        Assert.Contains("IV级（一般）", planHtml);
        Assert.DoesNotContain("data-testid=\"publish-section\"", await (await workingGroup.GetAsync("/disposal/plan")).Content.ReadAsStringAsync());
    }

    private static Task<ProjectStage> StageAsync(FinPilotApp app, Guid projectId) =>
        app.WithDbAsync(db => db.Projects.Where(p => p.Id == projectId).Select(p => p.Stage).SingleAsync());
}
