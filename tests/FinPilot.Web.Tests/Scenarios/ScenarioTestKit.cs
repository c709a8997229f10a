using FinPilot.Domain.Identity;
using FinPilot.Domain.Organisations;
using FinPilot.Domain.Scenarios;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static FinPilot.Web.Features.Scenarios.ScenariosApi;

namespace FinPilot.Web.Tests.Scenarios;

/// <summary>An organisation made for one test, with one applicant acting for it.</summary>
public sealed record TestOrganisation(Guid Id, string Email);

/// <summary>What the scenario tests set up: organisations with their applicants, and scenarios as their publishers write them.</summary>
public static class ScenarioTestKit
{
    public static Task<int> BeijingAsync(this FinPilotApp app) =>
        app.WithDbAsync(db => db.Regions.Where(r => r.Code == "BJ").Select(r => r.Id).SingleAsync());

    /// <summary>京华证券, the organisation the demo applicant acts for.</summary>
    public static Task<Guid> DemoApplicantOrganisationAsync(this FinPilotApp app) =>
        app.WithDbAsync(db => db.Organisations.Where(o => o.NameZh == "京华证券股份有限公司").Select(o => o.Id).SingleAsync());

    public static async Task<TestOrganisation> NewOrganisationAsync(this FinPilotApp app, string name, OrganisationType type = OrganisationType.TechnologyCompany)
    {
        var region = await app.BeijingAsync();
        var id = await app.WithDbAsync(async db =>
        {
            var details = new OrganisationDetails(name + Guid.NewGuid().ToString("N")[..6], "Test " + name, type, false, CreditCodes.NewValid(), region);
            var organisation = Organisation.Create(details, Guid.CreateVersion7()).ValueOrThrow();
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            return organisation.Id;
        });
        var email = $"scen.{Guid.NewGuid():N}@example.cn";
        await app.CreateUserAsync(email, Role.Applicant, organisationId: id);
        return new TestOrganisation(id, email);
    }

    public static ScenarioRequest Scenario(Guid? organisationId, string title, ScenarioVisibility visibility = ScenarioVisibility.Public, params Guid[] invited) => new()
    {
        OrganisationId = organisationId,
        Title = title,
        PainPoint = "证券账户与数字人民币钱包对接后，资金流向难以穿透识别，反洗钱可疑交易监测滞后。",
        Area = BusinessArea.Payments,
        Technologies = [Technology.DigitalRmb, Technology.BigData],
        DataAvailable = "脱敏后的客户交易流水与钱包流水",
        Constraints = ScenarioConstraints.Privacy | ScenarioConstraints.Xinchuang,
        ExpectedOutcome = "可疑交易识别由 T+1 缩短为 T+0。",
        Timeline = "六个月内完成验证",
        Visibility = visibility,
        InvitedOrganisationIds = invited,
    };

    public static SolutionRequest Solution(Guid organisationId, string title, Guid? scenarioId = null) => new()
    {
        OrganisationId = organisationId,
        ScenarioId = scenarioId,
        Title = title,
        Capability = "基于大数据与知识图谱的反洗钱资金穿透监测，支持数字人民币钱包流水实时识别可疑交易。",
        Area = BusinessArea.Payments,
        Technologies = [Technology.DigitalRmb, Technology.KnowledgeGraph, Technology.BigData],
        References = "已在两家券商部署。",
        Certifications = "等保三级",
    };

    public static async Task<ScenarioDto> PublishedScenarioAsync(HttpClient client, ScenarioRequest request)
    {
        var drafted = await (await client.PostAsync("/api/v1/scenarios", request)).ReadAsync<ScenarioDto>(System.Net.HttpStatusCode.Created);
        return await (await client.PostAsync($"/api/v1/scenarios/{drafted.Id}/publish", new VersionRequest { Version = drafted.Version })).ReadAsync<ScenarioDto>();
    }

    public static async Task<SolutionDto> PublishedSolutionAsync(HttpClient client, SolutionRequest request)
    {
        var drafted = await (await client.PostAsync("/api/v1/scenarios/solutions", request)).ReadAsync<SolutionDto>(System.Net.HttpStatusCode.Created);
        return await (await client.PostAsync($"/api/v1/scenarios/solutions/{drafted.Id}/publish", new VersionRequest { Version = drafted.Version })).ReadAsync<SolutionDto>();
    }
}
