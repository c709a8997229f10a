using System.Net;
using FinPilot.Domain.Evaluation;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Integrity;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Applications;
using FinPilot.Web.Features.Evaluation;
using FinPilot.Web.Features.Integrity;
using FinPilot.Web.Tests.Alerts;
using FinPilot.Web.Tests.Applications;
using FinPilot.Web.Tests.Exit;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.IntegrityFlags;

/// <summary>
/// The "decision-maker linked" rule over the working group's screening decisions (about the application)
/// and exit audits (about the exit case); and a flag the officer raises about an exit case, from the exit page.
/// </summary>
public sealed class IntegrityLinkedScreeningExitTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task A_screening_decision_and_an_exit_audit_by_a_linked_member_are_each_flagged_once(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var linkedApplication = await app.SubmittedAsync(applicant, $"关联审查 {Guid.NewGuid():N}"[..12]);
        var otherApplication = await app.SubmittedAsync(applicant, $"无关联审查 {Guid.NewGuid():N}"[..13]);
        var project = await app.WithDbAsync(db => db.Projects.AsNoTracking().SingleAsync(p => p.Id == linkedApplication));
        var member = await LinkedMemberAsync(app, provider, project.RegionId, project.LeadOrganisationId);
        using var linked = await app.ApiClientAsync(member);

        await ScreenAsync(linked, linkedApplication);
        await ScreenAsync(wg, otherApplication);

        var pilot = await app.RunningPilotAsync("关联退出审核");
        var exit = await applicant.ApplyAsync(pilot, ExitTestKit.Completion());
        exit = await applicant.SubmitAsync(await applicant.FillAsync(exit));
        exit = await linked.AcceptAsync(exit);

        await app.ScanAsync();
        await app.ScanAsync();

        var memberId = await app.UserIdAsync(member);
        var screening = Assert.Single(await app.FlagsAsync(IntegrityRule.DecisionMakerLinked, linkedApplication.ToString()));
        Assert.Equal((IntegrityRecordKind.Application, memberId, (Guid?)project.LeadOrganisationId, (Guid?)linkedApplication),
            (screening.RecordKind, screening.PersonId, screening.Facts.OrganisationId, screening.ProjectId));
        Assert.Empty(await app.FlagsAsync(IntegrityRule.DecisionMakerLinked, otherApplication.ToString()));
        var audit = Assert.Single(await app.FlagsAsync(IntegrityRule.DecisionMakerLinked, exit.Id.ToString()));
        Assert.Equal((IntegrityRecordKind.ExitCase, memberId, (Guid?)pilot), (audit.RecordKind, audit.PersonId, audit.ProjectId));
    }

    [Theory, AllProviders]
    public async Task The_officer_raises_a_flag_about_an_exit_case_from_its_page_and_the_flag_links_back(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        var pilot = await app.RunningPilotAsync("退出廉政");
        var exit = await applicant.ApplyAsync(pilot, ExitTestKit.Completion());
        var page = $"/exits/{exit.Id}";

        using var officer = await app.SignedInAsync(DemoUsers.Integrity);
        var html = await (await officer.GetAsync(page)).Content.ReadAsStringAsync();
        Assert.Contains($"href=\"integrity/flags?kind=ExitCase&amp;record={exit.Id}#raise\"", html, StringComparison.Ordinal);
        using (var workingGroup = await app.SignedInAsync(DemoUsers.WorkingGroupBeijing))
        {
            var seen = await workingGroup.GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
            Assert.DoesNotContain("raise-flag-link", await seen.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var form = $"/integrity/flags?kind=ExitCase&record={exit.Id}";
        Assert.Contains("value=\"ExitCase\" selected", await (await officer.GetAsync(form)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        const string note = "退出自评与监测数据不符，请说明。";
        await officer.SubmitAsync(form, form, new Dictionary<string, string>
        {
            ["_handler"] = "raise",
            ["RecordKind"] = "ExitCase",
            ["RecordId"] = exit.Id.ToString(),
            ["Unit"] = "WorkingGroup",
            ["Note"] = note,
        });
        var flag = await app.WithDbAsync(db => db.IntegrityFlags.AsNoTracking().SingleAsync(f => f.RecordId == exit.Id.ToString() && f.Rule == IntegrityRule.RaisedByOfficer));
        Assert.Equal((IntegrityRecordKind.ExitCase, (Guid?)pilot, note), (flag.RecordKind, flag.ProjectId, flag.Facts.Note));

        // The flag names its record kind and links back to the exit page; the list names the kind.
        var detail = await (await officer.GetAsync($"/integrity/flags/{flag.Id}")).Content.ReadAsStringAsync();
        Assert.Contains($"href=\"exits/{exit.Id}\"", detail, StringComparison.Ordinal);
        Assert.Contains("退出案件", detail, StringComparison.Ordinal);
        var list = await (await officer.GetAsync("/integrity/flags")).Content.ReadAsStringAsync();
        Assert.Contains("退出案件", list, StringComparison.Ordinal);

        // The API: an exit case that does not exist is not found.
        using var officerApi = await app.ApiClientAsync(DemoUsers.Integrity);
        await (await officerApi.PostAsync("/api/v1/integrity/flags", new IntegrityApi.RaiseRequest
        {
            RecordKind = IntegrityRecordKind.ExitCase,
            RecordId = Guid.NewGuid().ToString(),
            Note = "无此退出案件",
        })).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    private static async Task<string> LinkedMemberAsync(FinPilotApp app, DatabaseProvider provider, int regionId, Guid organisationId)
    {
        var member = await app.CreateUserAsync($"wg.linked2.{provider.ToString().ToLowerInvariant()}.{Guid.NewGuid():N}@integrity.test", Role.RegionalWorkingGroup, regionId);
        await app.WithDbAsync(async db =>
        {
            db.ConflictDeclarations.Add(new ConflictDeclaration
            {
                Id = Guid.NewGuid(),
                ExpertUserId = member.User.Id,
                Kind = ConflictDeclarationKind.Organisation,
                OrganisationId = organisationId,
                Text = "曾任职于申报机构",
                DeclaredAt = app.Clock.GetUtcNow(),
            });
            return await db.SaveChangesAsync();
        });
        return member.User.Email!;
    }

    private static async Task ScreenAsync(HttpClient wg, Guid projectId)
    {
        await (await wg.PostAsync($"/api/v1/screening/{projectId}/start", new { })).AssertStatusAsync(HttpStatusCode.NoContent);
        var checklist = await (await wg.GetAsync($"/api/v1/screening/{projectId}/checklist")).ReadAsync<ScreeningApi.ChecklistDto>();
        await (await wg.PutAsync($"/api/v1/screening/{projectId}/checklist", new ScreeningApi.ChecklistRequest(checklist.Items))).AssertStatusAsync(HttpStatusCode.NoContent);
        await (await wg.PostAsync($"/api/v1/screening/{projectId}/accept", new ScreeningApi.NoteRequest(null))).AssertStatusAsync(HttpStatusCode.NoContent);
    }
}
