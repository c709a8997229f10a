using System.Net;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Scenarios;
using FinPilot.Web.Data;
using FinPilot.Web.Tests.Applications;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static FinPilot.Web.Features.Scenarios.ScenariosApi;

namespace FinPilot.Web.Tests.Scenarios;

/// <summary>
/// A match becomes a joint application draft: only the lead (the licensed institution) starts it,
/// for an open call of the match's region; the draft is the lead's, pre-filled with the partner,
/// area, technologies, problem and proposed solution; a match becomes one application only.
/// </summary>
public sealed class JointApplicationTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task The_lead_turns_a_match_into_a_prefilled_draft_it_owns(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var publisher = await app.DemoApplicantOrganisationAsync();
        var company = await app.NewOrganisationAsync("联合科技");
        using var publisherApi = await app.ApiClientAsync(DemoUsers.Applicant);
        using var companyApi = await app.ApiClientAsync(company.Email);
        var marker = $"联合申报{Guid.NewGuid():N}"[..16];
        var scenario = await ScenarioTestKit.PublishedScenarioAsync(publisherApi, ScenarioTestKit.Scenario(publisher, marker));
        var solution = await ScenarioTestKit.PublishedSolutionAsync(companyApi, ScenarioTestKit.Solution(company.Id, marker + "方案", scenario.Id));
        var proposed = await (await companyApi.PostAsync("/api/v1/scenarios/matches", new InterestRequest { ScenarioId = scenario.Id, SolutionId = solution.Id })).ReadAsync<MatchDto>();
        var matchPage = $"/scenarios/matches/{proposed.Id}";

        // Before both consent there is nothing to apply with.
        using var institution = await app.SignedInAsync(DemoUsers.Applicant);
        Assert.DoesNotContain("joint-form", await institution.Client.GetStringAsync(matchPage), StringComparison.Ordinal);
        await (await publisherApi.PostAsync("/api/v1/scenarios/matches", new InterestRequest { ScenarioId = scenario.Id, SolutionId = solution.Id })).AssertStatusAsync(HttpStatusCode.OK);
        var callId = await app.OpenBeijingCallAsync($"联合申报征集{Guid.NewGuid():N}"[..16]);

        // The partner and the working group see the match but cannot start the lead's application.
        using var partner = await app.SignedInAsync(company.Email);
        using var wg = await app.SignedInAsync(DemoUsers.WorkingGroupBeijing);
        foreach (var other in new[] { partner, wg })
        {
            var html = await other.Client.GetStringAsync(matchPage);
            Assert.Contains("joint-section", html, StringComparison.Ordinal);
            Assert.DoesNotContain("joint-form", html, StringComparison.Ordinal);
        }

        using var forged = await partner.SubmitAsync(matchPage, matchPage, new Dictionary<string, string>
        {
            ["_handler"] = "joint",
            ["CallId"] = callId.ToString(),
            ["Category"] = ((int)ProjectCategory.TechnologyInnovation).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Null(await app.WithDbAsync(db => db.ScenarioMatches.Where(m => m.Id == proposed.Id).Select(m => m.ProjectId).SingleAsync()));

        // The lead starts it from the match page.
        Assert.Contains("joint-form", await institution.Client.GetStringAsync(matchPage), StringComparison.Ordinal);
        using var started = await institution.SubmitAsync(matchPage, matchPage, new Dictionary<string, string>
        {
            ["_handler"] = "joint",
            ["CallId"] = callId.ToString(),
            ["Category"] = ((int)ProjectCategory.TechnologyInnovation).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var match = await app.WithDbAsync(db => db.ScenarioMatches.AsNoTracking().SingleAsync(m => m.Id == proposed.Id));
        var projectId = Assert.NotNull(match.ProjectId);
        Assert.EndsWith($"applications/{projectId}", started.Headers.Location?.ToString(), StringComparison.Ordinal);

        var project = await app.WithDbAsync(db => db.Projects.AsNoTracking().SingleAsync(p => p.Id == projectId));
        Assert.Equal(publisher, project.LeadOrganisationId);
        Assert.Equal(callId, project.CallId);
        var form = (await app.WithDbAsync(db => db.ApplicationVersions.AsNoTracking().SingleAsync(v => v.ProjectId == projectId))).Form;
        Assert.Equal(marker, form.Name);
        Assert.Equal([company.Id], form.PartnerOrganisationIds);
        Assert.Equal(ProjectCategory.TechnologyInnovation, form.Category);
        Assert.Contains("digital-rmb", form.Technologies);
        Assert.Contains("big-data", form.Technologies);
        Assert.Contains("知识图谱", form.TechnologyOther, StringComparison.Ordinal);
        Assert.Equal(ScenarioTestKit.Scenario(publisher, marker).PainPoint, form.Problem);
        Assert.Equal(ScenarioTestKit.Solution(company.Id, marker).Capability, form.Innovation);

        // It is the lead's: the lead reads it, the partner does not own it.
        Assert.Equal(HttpStatusCode.OK, (await publisherApi.GetAsync($"/api/v1/applications/{projectId}")).StatusCode);
        Assert.Contains("joint-application", await partner.Client.GetStringAsync(matchPage), StringComparison.Ordinal);

        // One application per match.
        var html2 = await institution.Client.GetStringAsync(matchPage);
        Assert.Contains("joint-application", html2, StringComparison.Ordinal);
        Assert.DoesNotContain("joint-form", html2, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Projects.CountAsync(p => p.Title == marker)));
    }

    [Theory, AllProviders]
    public async Task The_demo_turns_its_first_match_into_a_draft_of_the_lead_through_the_command(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var jinghua = await app.DemoApplicantOrganisationAsync();
        // The demo's match is the first of 京华's turned into an application (other tests of this fixture add their own).
        var match = await app.WithDbAsync(db => db.ScenarioMatches.AsNoTracking().Where(m => m.ScenarioOrganisationId == jinghua && m.ProjectId != null)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).FirstAsync());
        var project = await app.WithDbAsync(db => db.Projects.AsNoTracking().SingleAsync(p => p.Id == match.ProjectId));
        Assert.Equal((jinghua, ProjectStage.Draft), (project.LeadOrganisationId, project.Stage));
        Assert.StartsWith("数字人民币钱包", project.Title, StringComparison.Ordinal);
        var form = (await app.WithDbAsync(db => db.ApplicationVersions.AsNoTracking().SingleAsync(v => v.ProjectId == project.Id))).Form;
        Assert.Equal([match.SolutionOrganisationId], form.PartnerOrganisationIds);
        Assert.Contains("digital-rmb", form.Technologies);

        // Made by the command as the lead's applicant (audited as such), not written as rows.
        var applicant = await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoUsers.Applicant).Select(u => u.Id).SingleAsync());
        Assert.Equal(applicant, project.CreatedBy);
        using var institution = await app.SignedInAsync(DemoUsers.Applicant);
        Assert.Contains("joint-application", await institution.Client.GetStringAsync($"/scenarios/matches/{match.Id}"), StringComparison.Ordinal);
    }
}
