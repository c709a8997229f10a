using System.Net;
using FinPilot.Domain.Scenarios;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Notifications;
using FinPilot.Web.Features.Scenarios;
using FinPilot.Web.Http;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static FinPilot.Web.Features.Scenarios.ScenariosApi;

namespace FinPilot.Web.Tests.Scenarios;

/// <summary>
/// An invited scenario never reaches a stranger — not by the API's record or search, the Atom feed,
/// the pages, a subscription's notification, an answer to it, or a recommendation — while the
/// invited organisation sees it everywhere. Members-only ones are hidden from anonymous readers.
/// </summary>
public sealed class ScenarioVisibilityTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task An_invited_scenario_is_invisible_to_strangers_on_every_path(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var publisher = await app.DemoApplicantOrganisationAsync();
        var invitee = await app.NewOrganisationAsync("受邀科技");
        var stranger = await app.NewOrganisationAsync("陌生科技");
        using var publisherApi = await app.ApiClientAsync(DemoUsers.Applicant);
        using var inviteeApi = await app.ApiClientAsync(invitee.Email);
        using var strangerApi = await app.ApiClientAsync(stranger.Email);
        using var anonymous = app.Anonymous();

        // Both follow the area before it is published; only the invitee may hear of it.
        foreach (var (client, org) in new[] { (inviteeApi, invitee.Id), (strangerApi, stranger.Id) })
        {
            await (await client.PostAsync("/api/v1/scenarios/subscriptions", new SubscriptionRequest { OrganisationId = org, Area = BusinessArea.Payments })).AssertStatusAsync(HttpStatusCode.OK);
        }

        var marker = $"私密场景{Guid.NewGuid():N}"[..16];
        var secret = await ScenarioTestKit.PublishedScenarioAsync(publisherApi, ScenarioTestKit.Scenario(publisher, marker, ScenarioVisibility.Invited, invitee.Id));
        Assert.Equal(ScenarioStatus.Published, secret.Status);

        // Record and search.
        await (await strangerApi.GetAsync($"/api/v1/scenarios/{secret.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync($"/api/v1/scenarios/{secret.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await (await strangerApi.GetAsync($"/api/v1/scenarios?q={marker}")).ReadAsync<Page<ScenarioRow>>()).Items);
        Assert.Empty((await (await anonymous.GetAsync($"/api/v1/scenarios?q={marker}")).ReadAsync<Page<ScenarioRow>>()).Items);
        var seen = await (await inviteeApi.GetAsync($"/api/v1/scenarios/{secret.Id}")).ReadAsync<ScenarioDto>();
        Assert.Empty(seen.InvitedOrganisationIds);
        Assert.Single((await (await inviteeApi.GetAsync($"/api/v1/scenarios?q={marker}")).ReadAsync<Page<ScenarioRow>>()).Items);

        // The feed is the public one whoever asks: not the invitee's browser, not its API token, not the publisher's.
        using var inviteeBrowser = await app.SignedInAsync(invitee.Email);
        using var strangerBrowser = await app.SignedInAsync(stranger.Email);
        Assert.DoesNotContain(marker, await anonymous.GetStringAsync(ScenarioFeed.Path));
        Assert.DoesNotContain(marker, await strangerBrowser.Client.GetStringAsync(ScenarioFeed.Path));
        Assert.DoesNotContain(marker, await inviteeBrowser.Client.GetStringAsync(ScenarioFeed.Path));
        Assert.DoesNotContain(marker, await inviteeApi.GetStringAsync(ScenarioFeed.Path));
        Assert.DoesNotContain(marker, await publisherApi.GetStringAsync(ScenarioFeed.Path));

        // Subscriptions: the invitee's applicant is told, the stranger's is not.
        var users = await app.WithDbAsync(db => db.Users.Where(u => u.Email == invitee.Email || u.Email == stranger.Email).ToDictionaryAsync(u => u.Email!, u => u.Id));
        var told = await app.WithDbAsync(db => db.Notifications.Where(n => n.Kind == NotificationKind.ScenarioPublished && n.Link == $"/scenarios/{secret.Id}").Select(n => n.UserId).ToListAsync());
        Assert.Equal([users[invitee.Email]], told);

        // Answering it: the stranger cannot, the invitee can.
        await (await strangerApi.PostAsync("/api/v1/scenarios/solutions", ScenarioTestKit.Solution(stranger.Id, "陌生方案", secret.Id))).ReadProblemAsync(HttpStatusCode.NotFound);
        var answer = await ScenarioTestKit.PublishedSolutionAsync(inviteeApi, ScenarioTestKit.Solution(invitee.Id, "受邀方案", secret.Id));
        Assert.Equal(secret.Id, answer.ScenarioId);
        await (await strangerApi.GetAsync($"/api/v1/scenarios/solutions/{answer.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync($"/api/v1/scenarios/solutions/{answer.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain((await (await anonymous.GetAsync("/api/v1/scenarios/solutions?pageSize=100")).ReadAsync<Page<SolutionRow>>()).Items, s => s.Id == answer.Id);
        var publisherUsers = await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == NotificationKind.SolutionOffered && n.Link == $"/scenarios/solutions/{answer.Id}"));
        Assert.True(publisherUsers > 0);

        // Recommendations: the stranger's own standing solution is never matched to the secret scenario.
        var standing = await ScenarioTestKit.PublishedSolutionAsync(strangerApi, ScenarioTestKit.Solution(stranger.Id, "陌生常设方案"));
        var forStranger = await (await strangerApi.GetAsync($"/api/v1/scenarios/solutions/{standing.Id}/recommendations?take=50")).ReadAsync<List<RecommendationDto>>();
        Assert.DoesNotContain(forStranger, r => r.Id == secret.Id);
        await (await strangerApi.GetAsync($"/api/v1/scenarios/{secret.Id}/recommendations")).ReadProblemAsync(HttpStatusCode.NotFound);
        var forInvitee = await (await inviteeApi.GetAsync($"/api/v1/scenarios/solutions/{standing.Id}/recommendations?take=50")).ReadAsync<List<RecommendationDto>>();
        Assert.Contains(forInvitee, r => r.Id == secret.Id);
        var forPublisher = await (await publisherApi.GetAsync($"/api/v1/scenarios/{secret.Id}/recommendations?take=50")).ReadAsync<List<RecommendationDto>>();
        Assert.Contains(forPublisher, r => r.Id == answer.Id);

        // Pages.
        using var page = await anonymous.GetAsync($"/scenarios/{secret.Id}");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        using var strangerPage = await strangerBrowser.GetAsync($"/scenarios/{secret.Id}");
        Assert.Equal(HttpStatusCode.NotFound, strangerPage.StatusCode);
        Assert.DoesNotContain($"scenarios/{secret.Id}", await strangerBrowser.Client.GetStringAsync($"/scenarios?q={marker}"));
        Assert.DoesNotContain($"scenarios/{secret.Id}", await anonymous.GetStringAsync($"/scenarios?q={marker}"));
        Assert.Contains($"scenarios/{secret.Id}", await inviteeBrowser.Client.GetStringAsync($"/scenarios?q={marker}"));
        Assert.Contains(marker, await inviteeBrowser.Client.GetStringAsync($"/scenarios/{secret.Id}"));
    }

    [Theory, AllProviders]
    public async Task A_members_scenario_is_hidden_from_anonymous_readers_and_a_draft_from_everyone_but_its_publisher(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var publisher = await app.DemoApplicantOrganisationAsync();
        var member = await app.NewOrganisationAsync("成员科技");
        using var publisherApi = await app.ApiClientAsync(DemoUsers.Applicant);
        using var memberApi = await app.ApiClientAsync(member.Email);
        using var anonymous = app.Anonymous();
        var marker = $"成员场景{Guid.NewGuid():N}"[..16];

        var draft = await (await publisherApi.PostAsync("/api/v1/scenarios", ScenarioTestKit.Scenario(publisher, marker, ScenarioVisibility.Members))).ReadAsync<ScenarioDto>(HttpStatusCode.Created);
        await (await memberApi.GetAsync($"/api/v1/scenarios/{draft.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Single((await (await publisherApi.GetAsync($"/api/v1/scenarios?status=Draft&q={marker}")).ReadAsync<Page<ScenarioRow>>()).Items);
        Assert.Empty((await (await memberApi.GetAsync($"/api/v1/scenarios?status=Draft&q={marker}")).ReadAsync<Page<ScenarioRow>>()).Items);

        await (await publisherApi.PostAsync($"/api/v1/scenarios/{draft.Id}/publish", new VersionRequest { Version = draft.Version })).AssertStatusAsync(HttpStatusCode.OK);
        await (await memberApi.GetAsync($"/api/v1/scenarios/{draft.Id}")).AssertStatusAsync(HttpStatusCode.OK);
        await (await anonymous.GetAsync($"/api/v1/scenarios/{draft.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(marker, await anonymous.GetStringAsync(ScenarioFeed.Path));
        using var memberBrowser = await app.SignedInAsync(member.Email);
        Assert.DoesNotContain(marker, await memberBrowser.Client.GetStringAsync(ScenarioFeed.Path));
        Assert.DoesNotContain(marker, await memberApi.GetStringAsync(ScenarioFeed.Path));
        Assert.DoesNotContain(marker, await publisherApi.GetStringAsync(ScenarioFeed.Path));
    }

    [Theory, AllProviders]
    public async Task The_feed_ignores_api_tokens_and_cookies_and_serves_public_scenarios_only(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var publisher = await app.DemoApplicantOrganisationAsync();
        using var publisherApi = await app.ApiClientAsync(DemoUsers.Applicant);
        using var publisherBrowser = await app.SignedInAsync(DemoUsers.Applicant);
        using var coordination = await app.ApiClientAsync(DemoUsers.Coordination);
        using var anonymous = app.Anonymous();
        var open = $"公开场景{Guid.NewGuid():N}"[..16];
        var members = $"成员场景{Guid.NewGuid():N}"[..16];
        await ScenarioTestKit.PublishedScenarioAsync(publisherApi, ScenarioTestKit.Scenario(publisher, open));
        await ScenarioTestKit.PublishedScenarioAsync(publisherApi, ScenarioTestKit.Scenario(publisher, members, ScenarioVisibility.Members));

        foreach (var feed in new[]
        {
            await anonymous.GetStringAsync(ScenarioFeed.Path),
            await publisherApi.GetStringAsync(ScenarioFeed.Path),
            await publisherBrowser.Client.GetStringAsync(ScenarioFeed.Path),
            await coordination.GetStringAsync(ScenarioFeed.Path),
        })
        {
            Assert.Contains(open, feed, StringComparison.Ordinal);
            Assert.DoesNotContain(members, feed, StringComparison.Ordinal);
        }
    }
}
