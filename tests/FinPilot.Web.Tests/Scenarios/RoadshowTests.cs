using System.Net;
using FinPilot.Domain.Evaluation;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Scenarios;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Evaluation;
using FinPilot.Web.Features.Notifications;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FinPilot.Web.Features.Scenarios.RoadshowsApi;
using static FinPilot.Web.Features.Scenarios.ScenariosApi;

namespace FinPilot.Web.Tests.Scenarios;

/// <summary>
/// 路演: the region's working group organises (another region's may not); seats up to the capacity,
/// then a waiting list that moves up when a seat is freed (and the one moving up is told); only the
/// panel scores; each presenter sees only its own registration, and its scores and rank once the
/// organiser released them; a panellist becomes conflicted for the presenters' applications.
/// </summary>
public sealed class RoadshowTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task A_roadshow_seats_waits_scores_and_releases_to_each_presenter_its_own(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var beijing = await app.BeijingAsync();
        var institution = await app.DemoApplicantOrganisationAsync();
        var company = await app.NewOrganisationAsync("路演科技");
        var stranger = await app.NewOrganisationAsync("旁观科技");
        var expert = (await app.CreateUserAsync($"panel.{Guid.NewGuid():N}@example.cn", Role.Expert)).User.Id;
        var panelEmail = await app.WithDbAsync(db => db.Users.Where(u => u.Id == expert).Select(u => u.Email!).SingleAsync());
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        using var wgShanghai = await app.ApiClientAsync(DemoUsers.WorkingGroupShanghai);
        using var institutionApi = await app.ApiClientAsync(DemoUsers.Applicant);
        using var companyApi = await app.ApiClientAsync(company.Email);
        using var strangerApi = await app.ApiClientAsync(stranger.Email);
        using var panel = await app.ApiClientAsync(panelEmail);

        var request = new RoadshowRequest { RegionId = beijing, Title = "数字人民币场景路演", StartsAt = app.Clock.GetUtcNow().AddDays(14), Place = "北京金融街", Capacity = 1 };
        await (await wgShanghai.PostAsync("/api/v1/scenarios/roadshows", request)).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await companyApi.PostAsync("/api/v1/scenarios/roadshows", request)).ReadProblemAsync(HttpStatusCode.Forbidden);
        var roadshow = await (await wg.PostAsync("/api/v1/scenarios/roadshows", request)).ReadAsync<RoadshowDto>(HttpStatusCode.Created);
        var path = $"/api/v1/scenarios/roadshows/{roadshow.Id}";

        await (await companyApi.PutAsync($"{path}/panel", new PanelRequest([expert], roadshow.Version))).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await wg.PutAsync($"{path}/panel", new PanelRequest([DemoUsers.Applicant], roadshow.Version))).ReadProblemAsync(HttpStatusCode.BadRequest);
        roadshow = await (await wg.PutAsync($"{path}/panel", new PanelRequest([expert], roadshow.Version))).ReadAsync<RoadshowDto>();

        var companys = await ScenarioTestKit.PublishedSolutionAsync(companyApi, ScenarioTestKit.Solution(company.Id, "科技路演方案"));
        var institutions = await ScenarioTestKit.PublishedSolutionAsync(institutionApi, ScenarioTestKit.Solution(institution, "券商路演方案"));
        await (await strangerApi.PostAsync($"{path}/registrations", new RegistrationRequest(companys.Id, null))).ReadProblemAsync(HttpStatusCode.Forbidden);
        var seated = (await (await companyApi.PostAsync($"{path}/registrations", new RegistrationRequest(companys.Id, null))).ReadAsync<RoadshowDto>()).Registrations.Single();
        var waiting = (await (await institutionApi.PostAsync($"{path}/registrations", new RegistrationRequest(institutions.Id, null))).ReadAsync<RoadshowDto>())
            .Registrations.Single(r => r.SolutionId == institutions.Id);
        Assert.Equal((RoadshowSeat.Confirmed, RoadshowSeat.Waiting, 1), (seated.Seat, waiting.Seat, waiting.WaitingPosition!.Value));
        await (await institutionApi.PostAsync($"{path}/registrations", new RegistrationRequest(institutions.Id, null))).ReadProblemAsync(HttpStatusCode.Conflict);

        // Each presenter sees only its own registration; a stranger none; the organiser both.
        Assert.Equal([seated.Id], (await (await companyApi.GetAsync(path)).ReadAsync<RoadshowDto>()).Registrations.Select(r => r.Id));
        Assert.Empty((await (await strangerApi.GetAsync(path)).ReadAsync<RoadshowDto>()).Registrations);
        Assert.Equal(2, (await (await wg.GetAsync(path)).ReadAsync<RoadshowDto>()).Registrations.Count);

        // The seat freed goes to the first waiting, who is told; nobody else may withdraw a registration.
        await (await strangerApi.DeleteAsync($"{path}/registrations/{seated.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await companyApi.DeleteAsync($"{path}/registrations/{seated.Id}")).AssertStatusAsync(HttpStatusCode.OK);
        var promoted = (await (await institutionApi.GetAsync(path)).ReadAsync<RoadshowDto>()).Registrations.Single(r => r.Id == waiting.Id);
        Assert.Equal((RoadshowSeat.Confirmed, (int?)null), (promoted.Seat, promoted.WaitingPosition));
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.Kind == NotificationKind.RoadshowSeatConfirmed && n.Link == $"/scenarios/roadshows/{roadshow.Id}")));

        // Only the panel scores; the presenter sees nothing before the release.
        await (await institutionApi.PutAsync($"{path}/registrations/{waiting.Id}/score", new ScoreRequest([90, 90, 90, 90]))).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await wg.PostAsync($"{path}/release", new VersionRequest { Version = (await (await wg.GetAsync(path)).ReadAsync<RoadshowDto>()).Version }))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        await (await panel.PutAsync($"{path}/registrations/{waiting.Id}/score", new ScoreRequest([80, 70, 90, 100]))).AssertStatusAsync(HttpStatusCode.OK);
        var before = (await (await institutionApi.GetAsync(path)).ReadAsync<RoadshowDto>()).Registrations.Single(r => r.Id == waiting.Id);
        Assert.Equal((0, (int?)null), (before.Scores.Count, before.Rank));

        var version = (await (await wg.GetAsync(path)).ReadAsync<RoadshowDto>()).Version;
        await (await institutionApi.PostAsync($"{path}/release", new VersionRequest { Version = version })).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await wg.PostAsync($"{path}/release", new VersionRequest { Version = version })).AssertStatusAsync(HttpStatusCode.OK);
        var after = (await (await institutionApi.GetAsync(path)).ReadAsync<RoadshowDto>()).Registrations.Single(r => r.Id == waiting.Id);
        Assert.Equal((1, 1, 82.50m), (after.Scores.Count, after.Rank!.Value, after.Total!.Value)); // 0.30*80 + 0.30*70 + 0.25*90 + 0.15*100

        // The presenter sees its scores and rank, never who gave them; the organiser sees the panellist.
        Assert.All(after.Scores, x => Assert.Equal(string.Empty, x.ExpertId));
        Assert.DoesNotContain(expert, await (await institutionApi.GetAsync(path)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal([expert], (await (await wg.GetAsync(path)).ReadAsync<RoadshowDto>()).Registrations.Single(r => r.Id == waiting.Id).Scores.Select(x => x.ExpertId));
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.Kind == NotificationKind.RoadshowResultsReleased && n.Link == $"/scenarios/roadshows/{roadshow.Id}")));

        // The panellist is now conflicted for an application the institution (which presented) leads.
        var project = await app.WithDbAsync(db => db.Projects.Where(p => p.LeadOrganisationId == institution).Select(p => p.Id).FirstAsync());
        await using var scope = app.Services.CreateAsyncScope();
        var found = await scope.ServiceProvider.GetRequiredService<ConflictFinder>().FindAsync(expert, project);
        Assert.Contains(new Conflict(ConflictReason.CoachedParty, institution), found);
    }

    [Theory, AllProviders]
    public async Task The_organiser_replaces_the_whole_panel_before_any_score_and_not_after(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var beijing = await app.BeijingAsync();
        var first = (await app.CreateUserAsync($"panel.a.{Guid.NewGuid():N}@example.cn", Role.Expert)).User.Id;
        var second = (await app.CreateUserAsync($"panel.b.{Guid.NewGuid():N}@example.cn", Role.Expert)).User.Id;
        var third = (await app.CreateUserAsync($"panel.c.{Guid.NewGuid():N}@example.cn", Role.Expert)).User.Id;
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var request = new RoadshowRequest { RegionId = beijing, Title = "换评审团路演", StartsAt = app.Clock.GetUtcNow().AddDays(20), Place = "线上", Capacity = 3 };
        var roadshow = await (await wg.PostAsync("/api/v1/scenarios/roadshows", request)).ReadAsync<RoadshowDto>(HttpStatusCode.Created);
        var path = $"/api/v1/scenarios/roadshows/{roadshow.Id}";

        roadshow = await (await wg.PutAsync($"{path}/panel", new PanelRequest([first, second], roadshow.Version))).ReadAsync<RoadshowDto>();
        Assert.Equal(new[] { first, second }.Order(StringComparer.Ordinal), roadshow.Panel.Select(p => p.ExpertId).Order(StringComparer.Ordinal));
        roadshow = await (await wg.PutAsync($"{path}/panel", new PanelRequest([third], roadshow.Version))).ReadAsync<RoadshowDto>();
        Assert.Equal([third], roadshow.Panel.Select(p => p.ExpertId));

        // Stored so: a fresh read has the new panel only, and a stale version is refused.
        var stored = await app.WithDbAsync(db => db.Roadshows.AsNoTracking().SingleAsync(r => r.Id == roadshow.Id));
        Assert.Equal([third], stored.Panel.Select(p => p.ExpertId));
        Assert.Equal([third], (await (await wg.GetAsync(path)).ReadAsync<RoadshowDto>()).Panel.Select(p => p.ExpertId));
        await (await wg.PutAsync($"{path}/panel", new PanelRequest([first], Guid.NewGuid()))).ReadProblemAsync(HttpStatusCode.Conflict);
    }
}
