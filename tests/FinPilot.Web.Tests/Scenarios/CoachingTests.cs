using System.Net;
using FinPilot.Domain.Evaluation;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Obligations;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Evaluation;
using FinPilot.Web.Features.Notifications;
using FinPilot.Web.Features.Obligations;
using FinPilot.Web.Features.Scenarios;
using FinPilot.Web.Http;
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

    [Theory, AllProviders]
    public async Task A_follow_up_is_an_obligation_of_each_party_reminded_by_the_clock_and_fulfilled_when_marked_done(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var institution = await app.DemoApplicantOrganisationAsync();
        var company = await app.NewOrganisationAsync("跟进科技");
        var stranger = await app.NewOrganisationAsync("无关科技");
        var coach = (await app.CreateUserAsync($"coach.{Guid.NewGuid():N}@example.cn", Role.Expert)).User;
        using var institutionApi = await app.ApiClientAsync(DemoUsers.Applicant);
        using var companyApi = await app.ApiClientAsync(company.Email);
        using var strangerApi = await app.ApiClientAsync(stranger.Email);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        using var coachApi = await app.ApiClientAsync(coach.Email!);
        var scenario = await ScenarioTestKit.PublishedScenarioAsync(institutionApi, ScenarioTestKit.Scenario(institution, "跟进场景"));
        var solution = await ScenarioTestKit.PublishedSolutionAsync(companyApi, ScenarioTestKit.Solution(company.Id, "跟进方案", scenario.Id));
        var pair = new InterestRequest { ScenarioId = scenario.Id, SolutionId = solution.Id };
        var match = await (await companyApi.PostAsync("/api/v1/scenarios/matches", pair)).ReadAsync<MatchDto>();
        await (await institutionApi.PostAsync("/api/v1/scenarios/matches", pair)).AssertStatusAsync(HttpStatusCode.OK);
        var coaching = await (await wg.PostAsync("/api/v1/scenarios/coaching", new CoachingRequest(match.Id, null, coach.Id))).ReadAsync<CoachingDto>();
        var session = new SessionRequest(new DateOnly(2026, 10, 9), "试点方案打磨", "私密笔记", [new FollowUpInput("提交数据合规评估报告", 5)]);
        var followUp = (await (await coachApi.PostAsync($"/api/v1/scenarios/coaching/{coaching.Id}/sessions", session)).ReadAsync<CoachingDto>())
            .Sessions.Single().FollowUps.Single();

        // One obligation per organisation coached, with no project, due when the follow-up is.
        var owed = await app.WithDbAsync(db => db.Obligations.AsNoTracking().Where(o => o.Kind == ObligationKind.CoachingFollowUp && o.Subject.StartsWith(followUp.Id.ToString("N"))).ToListAsync());
        Assert.Equal(new[] { company.Id, institution }.Order(), owed.Select(o => o.OrganisationId).Order());
        Assert.All(owed, o => Assert.Equal((Obligation.NoProject, ObligationStatus.Open, ObligationRules.Precise(followUp.DueAt)), (o.ProjectId, o.Status, o.DueAt)));

        // Shown where the party's obligations are shown (API and page), never to another organisation.
        var listed = await (await companyApi.GetAsync("/api/v1/obligations?kind=CoachingFollowUp")).ReadAsync<Page<ObligationsApi.ObligationDto>>();
        Assert.Equal([owed.Single(o => o.OrganisationId == company.Id).Id], listed.Items.Select(o => o.Id));
        Assert.Empty((await (await strangerApi.GetAsync("/api/v1/obligations?kind=CoachingFollowUp")).ReadAsync<Page<ObligationsApi.ObligationDto>>()).Items);
        using (var browser = await app.SignedInAsync(company.Email))
        {
            var html = await browser.Client.GetStringAsync("/obligations");
            Assert.Contains("辅导跟进事项", html, StringComparison.Ordinal);
            Assert.Contains("（尚无项目）", html, StringComparison.Ordinal);
        }

        // The parties see the follow-up's text (not the notes); a stranger sees none and may not mark it.
        var seen = await (await companyApi.GetAsync($"/api/v1/scenarios/coaching/follow-ups?matchId={match.Id}")).ReadAsync<List<FollowUpView>>();
        Assert.Equal(("提交数据合规评估报告", true), (seen.Single().Text, seen.Single().CanComplete));
        Assert.Empty(await (await strangerApi.GetAsync($"/api/v1/scenarios/coaching/follow-ups?matchId={match.Id}")).ReadAsync<List<FollowUpView>>());
        await (await strangerApi.PostAsync($"/api/v1/scenarios/coaching/{coaching.Id}/follow-ups/{followUp.Id}/done", new { })).ReadProblemAsync(HttpStatusCode.NotFound);

        // The obligation clock reminds the organisation (five working days ahead: today) under its own name, not a project's.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ObligationClock>().RunAsync(CancellationToken.None);
        }

        var companyUser = await app.WithDbAsync(db => db.Users.Where(u => u.Email == company.Email).Select(u => u.Id).SingleAsync());
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == companyUser && n.Kind == NotificationKind.OrganisationObligationDueSoon)));
        Assert.Contains(-5, (await app.WithDbAsync(db => db.Obligations.AsNoTracking().SingleAsync(o => o.Id == owed[0].Id))).RemindersSent);

        // Marked done by the company: both parties' obligations are fulfilled; once only.
        var done = await (await companyApi.PostAsync($"/api/v1/scenarios/coaching/{coaching.Id}/follow-ups/{followUp.Id}/done", new { })).ReadAsync<List<FollowUpView>>();
        Assert.NotNull(done.Single().DoneAt);
        Assert.False(done.Single().CanComplete);
        var ids = owed.Select(o => o.Id).ToList();
        Assert.All(await app.WithDbAsync(db => db.Obligations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToListAsync()), o => Assert.Equal(ObligationStatus.Fulfilled, o.Status));
        await (await coachApi.PostAsync($"/api/v1/scenarios/coaching/{coaching.Id}/follow-ups/{followUp.Id}/done", new { })).ReadProblemAsync(HttpStatusCode.Conflict);
    }
}
