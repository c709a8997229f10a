using System.Net;
using FinPilot.Domain.Scenarios;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Notifications;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static FinPilot.Web.Features.Scenarios.ScenariosApi;

namespace FinPilot.Web.Tests.Scenarios;

/// <summary>
/// Consent on both sides: an expression of interest from the solution's side, the scenario's consent
/// makes the match; its thread is open to the two organisations and the region's working group, and
/// not found for everyone else (another organisation, another region's working group).
/// </summary>
public sealed class MatchTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task Interest_from_one_side_and_consent_from_the_other_make_a_match_with_a_private_thread(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var publisher = await app.DemoApplicantOrganisationAsync();
        var offerer = await app.NewOrganisationAsync("对接科技");
        var stranger = await app.NewOrganisationAsync("局外科技");
        using var publisherApi = await app.ApiClientAsync(DemoUsers.Applicant);
        using var offererApi = await app.ApiClientAsync(offerer.Email);
        using var strangerApi = await app.ApiClientAsync(stranger.Email);
        using var wgBeijing = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        using var wgShanghai = await app.ApiClientAsync(DemoUsers.WorkingGroupShanghai);

        var scenario = await ScenarioTestKit.PublishedScenarioAsync(publisherApi, ScenarioTestKit.Scenario(publisher, "对接场景"));
        var solution = await ScenarioTestKit.PublishedSolutionAsync(offererApi, ScenarioTestKit.Solution(offerer.Id, "对接方案", scenario.Id));
        var pair = new InterestRequest { ScenarioId = scenario.Id, SolutionId = solution.Id };

        // A third party cannot express interest for either side.
        await (await strangerApi.PostAsync("/api/v1/scenarios/matches", pair)).ReadProblemAsync(HttpStatusCode.Forbidden);

        var proposed = await (await offererApi.PostAsync("/api/v1/scenarios/matches", pair)).ReadAsync<MatchDto>();
        Assert.Equal((MatchStatus.Proposed, MatchParty.Solution), (proposed.Status, proposed.MySide));
        await (await offererApi.PostAsync("/api/v1/scenarios/matches", pair)).ReadProblemAsync(HttpStatusCode.Conflict);
        await (await offererApi.PostAsync($"/api/v1/scenarios/matches/{proposed.Id}/messages", new MessageRequest { Text = "太早了" })).ReadProblemAsync(HttpStatusCode.Conflict);
        var publisherUsers = await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == NotificationKind.MatchInterestExpressed && n.Link == $"/scenarios/matches/{proposed.Id}"));
        Assert.True(publisherUsers > 0);

        var matched = await (await publisherApi.PostAsync("/api/v1/scenarios/matches", pair)).ReadAsync<MatchDto>();
        Assert.Equal((proposed.Id, MatchStatus.Matched, MatchParty.Scenario), (matched.Id, matched.Status, matched.MySide));
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.Kind == NotificationKind.MatchFormed && n.Link == $"/scenarios/matches/{matched.Id}")));

        await (await offererApi.PostAsync($"/api/v1/scenarios/matches/{matched.Id}/messages", new MessageRequest { Text = "下周三可以上门演示。" })).AssertStatusAsync(HttpStatusCode.OK);
        await (await wgBeijing.PostAsync($"/api/v1/scenarios/matches/{matched.Id}/messages", new MessageRequest { Text = "工作组将列席。" })).AssertStatusAsync(HttpStatusCode.OK);
        var thread = await (await publisherApi.GetAsync($"/api/v1/scenarios/matches/{matched.Id}")).ReadAsync<MatchDto>();
        Assert.Equal(["下周三可以上门演示。", "工作组将列席。"], thread.Messages.Select(m => m.Text));

        // Everyone else: not found, reading or writing.
        foreach (var outsider in new[] { strangerApi, wgShanghai })
        {
            await (await outsider.GetAsync($"/api/v1/scenarios/matches/{matched.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
            await (await outsider.PostAsync($"/api/v1/scenarios/matches/{matched.Id}/messages", new MessageRequest { Text = "旁听" })).ReadProblemAsync(HttpStatusCode.NotFound);
        }

        Assert.DoesNotContain((await (await strangerApi.GetAsync("/api/v1/scenarios/matches")).ReadAsync<List<MatchDto>>()), m => m.Id == matched.Id);
        Assert.Contains((await (await wgBeijing.GetAsync("/api/v1/scenarios/matches")).ReadAsync<List<MatchDto>>()), m => m.Id == matched.Id);
    }

    [Theory, AllProviders]
    public async Task The_coordination_group_reads_every_match_and_its_page_but_does_not_write_in_the_thread(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var publisher = await app.DemoApplicantOrganisationAsync();
        var offerer = await app.NewOrganisationAsync("协调科技");
        using var publisherApi = await app.ApiClientAsync(DemoUsers.Applicant);
        using var offererApi = await app.ApiClientAsync(offerer.Email);
        using var coordination = await app.ApiClientAsync(DemoUsers.Coordination);

        var scenario = await ScenarioTestKit.PublishedScenarioAsync(publisherApi, ScenarioTestKit.Scenario(publisher, "协调组可读场景"));
        var solution = await ScenarioTestKit.PublishedSolutionAsync(offererApi, ScenarioTestKit.Solution(offerer.Id, "协调组可读方案", scenario.Id));
        var pair = new InterestRequest { ScenarioId = scenario.Id, SolutionId = solution.Id };
        await (await offererApi.PostAsync("/api/v1/scenarios/matches", pair)).AssertStatusAsync(HttpStatusCode.OK);
        var matched = await (await publisherApi.PostAsync("/api/v1/scenarios/matches", pair)).ReadAsync<MatchDto>();
        await (await offererApi.PostAsync($"/api/v1/scenarios/matches/{matched.Id}/messages", new MessageRequest { Text = "协调组可见的留言" })).AssertStatusAsync(HttpStatusCode.OK);

        var read = await (await coordination.GetAsync($"/api/v1/scenarios/matches/{matched.Id}")).ReadAsync<MatchDto>();
        Assert.Equal(["协调组可见的留言"], read.Messages.Select(m => m.Text));
        Assert.Null(read.MySide);
        Assert.Contains((await (await coordination.GetAsync("/api/v1/scenarios/matches")).ReadAsync<List<MatchDto>>()), m => m.Id == matched.Id);
        await (await coordination.PostAsync($"/api/v1/scenarios/matches/{matched.Id}/messages", new MessageRequest { Text = "协调组留言" })).ReadProblemAsync(HttpStatusCode.Forbidden);

        using var page = await app.SignedInAsync(DemoUsers.Coordination);
        var response = await page.GetAsync($"/scenarios/matches/{matched.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("协调组可见的留言", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"post-message\"", html, StringComparison.Ordinal);
    }
}
