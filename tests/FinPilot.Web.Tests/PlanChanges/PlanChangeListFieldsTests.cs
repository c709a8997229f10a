using System.Globalization;
using System.Net;
using FinPilot.Domain.PlanChanges;
using FinPilot.Domain.Supervision;
using FinPilot.Web.Data;
using FinPilot.Web.Features.PlanChanges;
using FinPilot.Web.Features.Supervision;
using FinPilot.Web.Tests.Infrastructure;
using FinPilot.Web.Tests.Obligations;
using FinPilot.Web.Tests.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinPilot.Web.Tests.PlanChanges;

/// <summary>
/// Partners, technologies and metrics in a plan change: drafted from the application, proposed through
/// the API and the form (validated against the platform's organisations and the technology list),
/// routed (adding is major, removing minor, loosening a limit major), applied, and denied to others.
/// </summary>
public sealed class PlanChangeListFieldsTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task Partners_technologies_and_metrics_are_proposed_routed_and_applied(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (partnerA, partnerB) = await PartnersAsync(app);
        var (projectId, plan) = await app.SupervisedPilotAsync($"合作机构变更 {Guid.NewGuid():N}", partners: [partnerA], technologies: ["blockchain"]);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);

        // The plan was drafted with the application's partners and technologies.
        Assert.Equal([partnerA], plan.Terms.Parameters.PartnerOrganisationIds);
        Assert.Equal(["blockchain"], plan.Terms.Parameters.TechnologyCodes);

        // Unknown organisations and technology codes are refused with a clear problem.
        var url = $"/api/v1/plan-changes/projects/{projectId}";
        var unknownPartner = Guid.NewGuid();
        var refused = await (await applicant.PostAsync(url, app.Proposal(plan) with { PartnerOrganisationIds = [unknownPartner] })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(refused.Errors, e => e.Key.Equals("PartnerOrganisationIds", StringComparison.OrdinalIgnoreCase) && e.Value.Any(m => m.Contains(unknownPartner.ToString(), StringComparison.Ordinal)));
        refused = await (await applicant.PostAsync(url, app.Proposal(plan) with { TechnologyCodes = ["quantum-teleport"] })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(refused.Errors, e => e.Key.Equals("TechnologyCodes", StringComparison.OrdinalIgnoreCase) && e.Value.Any(m => m.Contains("quantum-teleport", StringComparison.Ordinal)));

        // Removing the partner and the technology and tightening a limit is minor; the working group approves; it applies at once.
        var metrics = plan.Terms.Metrics.Where(m => !m.Retired).ToList();
        var availability = metrics.Single(m => m.Code == MetricCodes.Availability);
        var tighter = app.Proposal(plan) with
        {
            PartnerOrganisationIds = [],
            TechnologyCodes = [],
            Metrics = [.. metrics.Select(m => m.Code == availability.Code ? m with { LowerLimit = 99.9 } : m)],
        };
        var preview = await (await applicant.PostAsync($"{url}/preview", tighter)).ReadAsync<PlanChangesApi.PreviewDto>();
        Assert.Equal(ChangeRoute.Minor, preview.Route);
        Assert.Equal([PlanField.PartnerOrganisations, PlanField.Technologies, PlanField.Metrics], preview.ChangedFields);
        var minor = await applicant.RequestAsync(projectId, tighter);
        minor = await (await wg.PostAsync($"/api/v1/plan-changes/{minor.Id}/decision", new PlanChangesApi.DecisionRequest(true, "减少合作机构、收紧阈值，同意。", minor.Version)))
            .ReadAsync<PlanChangesApi.PlanChangeDto>();
        Assert.NotNull(minor.AppliedAt);
        var revised = await (await wg.GetAsync($"/api/v1/supervision/projects/{projectId}/plan")).ReadAsync<SupervisionApi.PlanDto>();
        Assert.Equal((0, 0, 99.9), (revised.Terms.Parameters.PartnerOrganisationIds.Count, revised.Terms.Parameters.TechnologyCodes.Count, revised.Terms.Metrics.Single(m => m.Code == availability.Code).LowerLimit));

        // Adding a partner and a technology and loosening a limit (dropping the complaints metric too) is major, each reason said.
        var current = revised.Terms.Metrics.Where(m => !m.Retired).ToList();
        var wider = app.Proposal(revised) with
        {
            PartnerOrganisationIds = [partnerB],
            TechnologyCodes = ["ai"],
            Metrics = [.. current.Where(m => m.Code != MetricCodes.Complaints).Select(m => m.Code == availability.Code ? m with { LowerLimit = 99 } : m)],
        };
        var major = await applicant.RequestAsync(projectId, wider);
        Assert.Equal(ChangeRoute.Major, major.Route);
        Assert.Equal([RouteReason.PartnerAdded, RouteReason.TechnologyAdded, RouteReason.MetricLimitLoosened], major.RouteReasons);
        Assert.Equal([partnerB], major.Proposed.PartnerOrganisationIds);
        Assert.DoesNotContain(major.ProposedMetrics!, m => m.Code == MetricCodes.Complaints);

        // Both sides read the fields by their names, and the rule with its configured triggers.
        using var applicantPage = await app.SignedInAsync(DemoUsers.Applicant);
        var partnerName = await app.WithDbAsync(db => db.Organisations.Where(o => o.Id == partnerB).Select(o => o.NameZh).SingleAsync());
        var html = await (await applicantPage.GetAsync($"/plan-changes/{major.Id}")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"field-PartnerOrganisations\"", html, StringComparison.Ordinal);
        Assert.Contains(partnerName, html, StringComparison.Ordinal);
        Assert.Contains("新增合作机构", html, StringComparison.Ordinal);
        Assert.Contains("放宽指标阈值", html, StringComparison.Ordinal);
        using var wgPage = await app.SignedInAsync(DemoUsers.WorkingGroupBeijing);
        var english = await (await wgPage.GetAsync($"/plan-changes/{major.Id}?culture=en")).Content.ReadAsStringAsync();
        Assert.Contains("A partner organisation is added", english, StringComparison.Ordinal);
        Assert.Contains("Metrics and limits", english, StringComparison.Ordinal);

        // Another region's working group and another institution are refused.
        using var shanghai = await app.ApiClientAsync(DemoUsers.WorkingGroupShanghai);
        await shanghai.GetAsync($"/api/v1/plan-changes/{major.Id}").AssertDeniedAsync();
        using var other = await app.OtherApplicantAsync();
        await other.PostAsync($"{url}/preview", wider).AssertDeniedAsync();
    }

    [Theory, AllProviders]
    public async Task The_form_proposes_partners_by_credit_code_technologies_and_limits_and_previews_the_route(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (partnerA, partnerB) = await PartnersAsync(app);
        var (projectId, plan) = await app.SupervisedPilotAsync($"表单变更 {Guid.NewGuid():N}", partners: [partnerA]);
        var creditCode = await app.WithDbAsync(db => db.Organisations.Where(o => o.Id == partnerB).Select(o => o.CreditCode).SingleAsync());
        using var applicant = await app.SignedInAsync(DemoUsers.Applicant);
        var path = $"/plan-changes/projects/{projectId}";

        var form = await (await applicant.GetAsync(path)).Content.ReadAsStringAsync();
        Assert.Contains($"data-testid=\"partner-{partnerA}\"", form, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"technology-ai\"", form, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"metric-{MetricCodes.Availability}\"", form, StringComparison.Ordinal);

        var day = plan.Terms.Parameters.EndsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var fields = new Dictionary<string, string>
        {
            ["CustomerCap"] = plan.Terms.Parameters.CustomerCap!.Value.ToString(CultureInfo.InvariantCulture),
            ["Scope"] = plan.Terms.Parameters.Scope,
            ["EndsOn"] = day,
            ["EffectiveOn"] = app.Today().AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Reason"] = "新增合作机构与技术",
            ["PartnerCodes"] = creditCode,
            ["Technology"] = "ai",
            ["Metric"] = MetricCodes.Availability,
            [$"Lower_{MetricCodes.Availability}"] = "99",
            [$"Upper_{MetricCodes.Availability}"] = "100",
        };
        var previewed = await (await applicant.SubmitAsync(path, path, fields)).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"comparison\"", previewed, StringComparison.Ordinal);
        Assert.Contains("重大变更", previewed, StringComparison.Ordinal);
        Assert.Contains("新增合作机构", previewed, StringComparison.Ordinal);
        Assert.Contains("新增应用技术", previewed, StringComparison.Ordinal);
        Assert.Contains($"name=\"Partner\" value=\"{partnerB}\"", previewed, StringComparison.Ordinal);

        var unknown = await (await applicant.SubmitAsync(path, path, new Dictionary<string, string>(fields) { ["PartnerCodes"] = "91110000NOSUCHCODE" }))
            .Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"form-errors\"", unknown, StringComparison.Ordinal);
        Assert.Contains("91110000NOSUCHCODE", unknown, StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task A_partner_the_plan_names_is_a_party_for_conflicts_and_one_removed_stays_one(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (partnerA, partnerB) = await PartnersAsync(app);
        var (projectId, plan) = await app.SupervisedPilotAsync($"合作机构利益冲突 {Guid.NewGuid():N}", partners: [partnerA]);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);

        // The working group revises the plan: partner A leaves, partner B joins.
        var terms = plan.Terms with { Parameters = plan.Terms.Parameters with { PartnerOrganisationIds = [partnerB] } };
        var revised = await (await wg.PutAsync($"/api/v1/supervision/projects/{projectId}/plan", new SupervisionApi.ConfirmRequest(terms, "合作机构调整", plan.Version)))
            .ReadAsync<SupervisionApi.PlanDto>();
        Assert.Equal([partnerB], revised.Terms.Parameters.PartnerOrganisationIds);

        var parties = await app.WithScopeAsync(services => services.GetRequiredService<FinPilot.Web.Features.Evaluation.ConflictFinder>().PartiesAsync([projectId], CancellationToken.None));
        var party = Assert.Single(parties);
        Assert.Equal(projectId, party.ProjectId);
        Assert.Equal(new[] { partnerA, partnerB }.Order(), party.PartnerOrganisationIds.Order());
        Assert.DoesNotContain(party.LeadOrganisationId, party.PartnerOrganisationIds);
    }

    [Theory, AllProviders]
    public async Task The_demo_major_change_brought_in_a_technology_partner_and_big_data(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var partner = await app.WithDbAsync(db => db.Organisations.Where(o => o.CreditCode.Contains("MA04ALK53")).Select(o => o.Id).SingleAsync());
        var majors = await app.WithDbAsync(db => db.PlanChanges.AsNoTracking().Where(c => c.Route == ChangeRoute.Major && c.AppliedAt != null).ToListAsync());
        var change = majors.OrderBy(c => c.RequestedAt).First(c => c.Proposed.PartnerOrganisationIds.Contains(partner));

        Assert.Equal([PlanField.CustomerCap, PlanField.PartnerOrganisations, PlanField.Technologies], change.ChangedFields);
        Assert.Contains(RouteReason.PartnerAdded, change.RouteReasons);
        Assert.Contains(partner, change.Proposed.PartnerOrganisationIds);
        var plan = await app.WithDbAsync(db => db.SupervisionPlans.AsNoTracking().SingleAsync(p => p.ProjectId == change.ProjectId));
        Assert.Contains(partner, plan.Terms.Parameters.PartnerOrganisationIds);
        Assert.Contains("big-data", plan.Terms.Parameters.TechnologyCodes);
    }

    [Fact]
    public void The_public_record_names_the_changed_fields_in_both_languages()
    {
        var zh = PlanChangeResolution.Title(CultureInfo.GetCultureInfo("zh-CN"), "2026-07-01", [PlanField.CustomerCap, PlanField.PartnerOrganisations, PlanField.Technologies]);
        var en = PlanChangeResolution.Title(CultureInfo.GetCultureInfo("en"), "2026-07-01", [PlanField.Metrics]);

        Assert.Contains("合作机构、应用技术", zh, StringComparison.Ordinal);
        Assert.Contains("2026-07-01", zh, StringComparison.Ordinal);
        Assert.Contains("(Metrics and limits)", en, StringComparison.Ordinal);
    }

    private static async Task<(Guid A, Guid B)> PartnersAsync(FinPilotApp app)
    {
        var ids = await app.WithDbAsync(db => db.Organisations.AsNoTracking().Where(o => o.NameZh != SupervisionTestKit.DemoApplicantOrganisation)
            .OrderBy(o => o.CreditCode).Select(o => o.Id).Take(2).ToListAsync());
        return (ids[0], ids[1]);
    }
}
