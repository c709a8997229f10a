using System.Net;
using FinPilot.Domain.Evaluation;
using FinPilot.Domain.Identity;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Evaluation;
using FinPilot.Web.Features.Scenarios;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FinPilot.Web.Features.Scenarios.RoadshowsApi;
using static FinPilot.Web.Features.Scenarios.ScenariosApi;

namespace FinPilot.Web.Tests.Scenarios;

/// <summary>
/// 培育辅导: the region's working group assigns an expert as coach to a match; the coach and the
/// working group record sessions, whose notes the parties never read; the match page shows the
/// coaching to the working group only; the coach is then conflicted for the parties' applications.
/// </summary>
public sealed class CoachingTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task A_coach_of_a_match_records_private_sessions_and_is_conflicted_for_the_parties(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var institution = await app.DemoApplicantOrganisationAsync();
        var company = await app.NewOrganisationAsync("辅导科技");
        var coach = (await app.CreateUserAsync($"coach.{Guid.NewGuid():N}@example.cn", Role.Expert)).User;
        using var institutionApi = await app.ApiClientAsync(DemoUsers.Applicant);
        using var companyApi = await app.ApiClientAsync(company.Email);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        using var wgShanghai = await app.ApiClientAsync(DemoUsers.WorkingGroupShanghai);
        using var coachApi = await app.ApiClientAsync(coach.Email!);
        var scenario = await ScenarioTestKit.PublishedScenarioAsync(institutionApi, ScenarioTestKit.Scenario(institution, "辅导场景"));
        var solution = await ScenarioTestKit.PublishedSolutionAsync(companyApi, ScenarioTestKit.Solution(company.Id, "辅导方案", scenario.Id));
        var pair = new InterestRequest { ScenarioId = scenario.Id, SolutionId = solution.Id };
        var match = await (await companyApi.PostAsync("/api/v1/scenarios/matches", pair)).ReadAsync<MatchDto>();
        await (await institutionApi.PostAsync("/api/v1/scenarios/matches", pair)).AssertStatusAsync(HttpStatusCode.OK);

        var request = new CoachingRequest(match.Id, null, coach.Id);
        await (await companyApi.PostAsync("/api/v1/scenarios/coaching", request)).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await wgShanghai.PostAsync("/api/v1/scenarios/coaching", request)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await wg.PostAsync("/api/v1/scenarios/coaching", request with { CoachUserId = "nobody" })).ReadProblemAsync(HttpStatusCode.BadRequest);
        var coaching = await (await wg.PostAsync("/api/v1/scenarios/coaching", request)).ReadAsync<CoachingDto>();
        Assert.Equal((company.Id, (Guid?)institution), (coaching.OrganisationId, coaching.PartnerOrganisationId));

        var session = new SessionRequest(new DateOnly(2026, 10, 9), "数据合规与试点方案打磨", "私密：团队对数据出境要求理解不足。", [new FollowUpInput("补充数据合规评估", 5)]);
        await (await companyApi.PostAsync($"/api/v1/scenarios/coaching/{coaching.Id}/sessions", session)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await companyApi.GetAsync($"/api/v1/scenarios/coaching/{coaching.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await coachApi.PostAsync($"/api/v1/scenarios/coaching/{coaching.Id}/sessions", session with { FollowUps = [new FollowUpInput("太久", 61)] }))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        var recorded = await (await coachApi.PostAsync($"/api/v1/scenarios/coaching/{coaching.Id}/sessions", session)).ReadAsync<CoachingDto>();
        var followUp = recorded.Sessions.Single().FollowUps.Single();
        Assert.True(followUp.DueAt > app.Clock.GetUtcNow().AddDays(4));

        // The funnel counts the match as coached.
        var beijing = await app.BeijingAsync();
        var funnel = await (await wg.GetAsync($"/api/v1/scenarios/funnel?regionId={beijing}&scenarioId={scenario.Id}")).ReadAsync<FunnelReport>();
        Assert.Equal((1, 1, 0), (funnel.Scenarios.Items.Single().Counts.Matches, funnel.Scenarios.Items.Single().Counts.Coached, funnel.Totals.Roadshow));

        // The match page: the working group sees the coaching and its notes; the parties do not.
        var page = $"/scenarios/matches/{match.Id}";
        using var wgBrowser = await app.SignedInAsync(DemoUsers.WorkingGroupBeijing);
        var wgHtml = await wgBrowser.Client.GetStringAsync(page);
        Assert.Contains("wg-section", wgHtml, StringComparison.Ordinal);
        Assert.Contains("数据出境", wgHtml, StringComparison.Ordinal);
        foreach (var party in new[] { DemoUsers.Applicant, company.Email })
        {
            using var browser = await app.SignedInAsync(party);
            var html = await browser.Client.GetStringAsync(page);
            Assert.DoesNotContain("wg-section", html, StringComparison.Ordinal);
            Assert.DoesNotContain("数据出境", html, StringComparison.Ordinal);
        }

        using var expertBrowser = await app.SignedInAsync(DemoUsers.Expert);
        Assert.Equal(HttpStatusCode.NotFound, (await expertBrowser.Client.GetAsync(page)).StatusCode);

        // The coach may not evaluate an application the coached institution leads.
        var project = await app.WithDbAsync(db => db.Projects.Where(p => p.LeadOrganisationId == institution).Select(p => p.Id).FirstAsync());
        await using var scope = app.Services.CreateAsyncScope();
        var found = await scope.ServiceProvider.GetRequiredService<ConflictFinder>().FindAsync(coach.Id, project);
        Assert.Contains(new Conflict(ConflictReason.CoachedParty, institution), found);
    }
}
