using System.Net;
using FinPilot.Domain.Scenarios;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Scenarios;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static FinPilot.Web.Features.Scenarios.ScenariosApi;

namespace FinPilot.Web.Tests.Scenarios;

/// <summary>
/// Who may publish and offer: an organisation's own applicants, a region's own working group; every
/// other organisation, region and role is refused. Stale versions are refused; the audit trail
/// follows each step.
/// </summary>
public sealed class ScenarioCommandTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task Only_the_publishers_side_drafts_edits_publishes_and_closes(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var publisher = await app.DemoApplicantOrganisationAsync();
        var beijing = await app.BeijingAsync();
        var other = await app.NewOrganisationAsync("他方科技");
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        using var otherApi = await app.ApiClientAsync(other.Email);
        using var wgBeijing = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        using var wgShanghai = await app.ApiClientAsync(DemoUsers.WorkingGroupShanghai);
        using var expert = await app.ApiClientAsync(DemoUsers.Expert);

        // Another organisation's applicant, another region's working group, an expert: refused.
        await (await otherApi.PostAsync("/api/v1/scenarios", ScenarioTestKit.Scenario(publisher, "冒名场景"))).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await wgShanghai.PostAsync("/api/v1/scenarios", ScenarioTestKit.Scenario(null, "跨区场景") with { RegionId = beijing })).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await expert.PostAsync("/api/v1/scenarios", ScenarioTestKit.Scenario(null, "专家场景") with { RegionId = beijing })).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await applicant.PostAsync("/api/v1/scenarios", ScenarioTestKit.Scenario(publisher, "无效场景") with { Technologies = [] })).ReadProblemAsync(HttpStatusCode.BadRequest);
        await (await applicant.PostAsync("/api/v1/scenarios", ScenarioTestKit.Scenario(publisher, "邀请未知", ScenarioVisibility.Invited, Guid.NewGuid()))).ReadProblemAsync(HttpStatusCode.NotFound);

        // The region's working group publishes for its region.
        var regional = await ScenarioTestKit.PublishedScenarioAsync(wgBeijing, ScenarioTestKit.Scenario(null, "工作组场景") with { RegionId = beijing });
        Assert.Equal((beijing, (Guid?)null), (regional.RegionId, regional.PublisherOrganisationId));
        await (await applicant.PostAsync($"/api/v1/scenarios/{regional.Id}/close", new VersionRequest { Version = regional.Version })).ReadProblemAsync(HttpStatusCode.Forbidden);

        var draft = await (await applicant.PostAsync("/api/v1/scenarios", ScenarioTestKit.Scenario(publisher, "本机构场景"))).ReadAsync<ScenarioDto>(HttpStatusCode.Created);
        await (await otherApi.PostAsync($"/api/v1/scenarios/{draft.Id}/publish", new VersionRequest { Version = draft.Version })).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await applicant.PostAsync($"/api/v1/scenarios/{draft.Id}/publish", new VersionRequest { Version = Guid.NewGuid() })).ReadProblemAsync(HttpStatusCode.Conflict);
        var published = await (await applicant.PostAsync($"/api/v1/scenarios/{draft.Id}/publish", new VersionRequest { Version = draft.Version })).ReadAsync<ScenarioDto>();
        await (await otherApi.PutAsync($"/api/v1/scenarios/{draft.Id}", ScenarioTestKit.Scenario(publisher, "改名") with { Version = published.Version })).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await wgShanghai.PostAsync($"/api/v1/scenarios/{draft.Id}/close", new VersionRequest { Version = published.Version })).ReadProblemAsync(HttpStatusCode.Forbidden);
        var edited = await (await applicant.PutAsync($"/api/v1/scenarios/{draft.Id}", ScenarioTestKit.Scenario(publisher, "本机构场景（修订）") with { Version = published.Version })).ReadAsync<ScenarioDto>();
        await (await wgBeijing.PostAsync($"/api/v1/scenarios/{draft.Id}/close", new VersionRequest { Version = edited.Version })).ReadProblemAsync(HttpStatusCode.Forbidden);
        var closed = await (await applicant.PostAsync($"/api/v1/scenarios/{draft.Id}/close", new VersionRequest { Version = edited.Version })).ReadAsync<ScenarioDto>();
        Assert.Equal(ScenarioStatus.Closed, closed.Status);

        var actions = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.ResourceId == draft.Id.ToString()).Select(a => a.Action).ToListAsync());
        string[] expected = [ScenarioActions.Drafted, ScenarioActions.Published, ScenarioActions.Edited, ScenarioActions.Closed];
        Assert.Equal(expected.Order(StringComparer.Ordinal), actions.Order(StringComparer.Ordinal));
    }

    [Theory, AllProviders]
    public async Task Only_the_offering_organisations_applicants_manage_its_solutions(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var offerer = await app.NewOrganisationAsync("方案科技");
        var other = await app.NewOrganisationAsync("旁观科技");
        using var offererApi = await app.ApiClientAsync(offerer.Email);
        using var otherApi = await app.ApiClientAsync(other.Email);
        using var wgBeijing = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);

        await (await otherApi.PostAsync("/api/v1/scenarios/solutions", ScenarioTestKit.Solution(offerer.Id, "冒名方案"))).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await wgBeijing.PostAsync("/api/v1/scenarios/solutions", ScenarioTestKit.Solution(offerer.Id, "工作组方案"))).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await otherApi.PostAsync("/api/v1/scenarios/subscriptions", new SubscriptionRequest { OrganisationId = offerer.Id, Technology = Technology.Blockchain })).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await otherApi.GetAsync($"/api/v1/scenarios/subscriptions?organisationId={offerer.Id}")).ReadProblemAsync(HttpStatusCode.Forbidden);

        var draft = await (await offererApi.PostAsync("/api/v1/scenarios/solutions", ScenarioTestKit.Solution(offerer.Id, "本机构方案"))).ReadAsync<SolutionDto>(HttpStatusCode.Created);
        await (await otherApi.GetAsync($"/api/v1/scenarios/solutions/{draft.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        var published = await (await offererApi.PostAsync($"/api/v1/scenarios/solutions/{draft.Id}/publish", new VersionRequest { Version = draft.Version })).ReadAsync<SolutionDto>();
        await (await otherApi.GetAsync($"/api/v1/scenarios/solutions/{draft.Id}")).AssertStatusAsync(HttpStatusCode.OK);
        await (await otherApi.PostAsync($"/api/v1/scenarios/solutions/{draft.Id}/withdraw", new VersionRequest { Version = published.Version })).ReadProblemAsync(HttpStatusCode.Forbidden);
        var withdrawn = await (await offererApi.PostAsync($"/api/v1/scenarios/solutions/{draft.Id}/withdraw", new VersionRequest { Version = published.Version })).ReadAsync<SolutionDto>();
        Assert.Equal(SolutionStatus.Withdrawn, withdrawn.Status);
        await (await otherApi.GetAsync($"/api/v1/scenarios/solutions/{draft.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);

        var sub = await (await offererApi.PostAsync("/api/v1/scenarios/subscriptions", new SubscriptionRequest { OrganisationId = offerer.Id, Technology = Technology.Blockchain })).ReadAsync<SubscriptionDto>();
        await (await offererApi.PostAsync("/api/v1/scenarios/subscriptions", new SubscriptionRequest { OrganisationId = offerer.Id })).ReadProblemAsync(HttpStatusCode.BadRequest);
        await (await otherApi.DeleteAsync($"/api/v1/scenarios/subscriptions/{sub.Id}")).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await offererApi.DeleteAsync($"/api/v1/scenarios/subscriptions/{sub.Id}")).AssertStatusAsync(HttpStatusCode.NoContent);
    }
}
