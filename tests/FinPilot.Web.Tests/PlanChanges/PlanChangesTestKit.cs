using System.Net;
using FinPilot.Domain.PlanChanges;
using FinPilot.Web.Features.PlanChanges;
using FinPilot.Web.Features.Supervision;
using FinPilot.Web.Tests.Alerts;
using FinPilot.Web.Tests.Infrastructure;
using FinPilot.Web.Tests.Obligations;
using FinPilot.Web.Tests.Supervision;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.PlanChanges;

/// <summary>A supervised pilot of the demo applicant's institution (cap 300, scope and window from its admission), and its change requests.</summary>
internal static class PlanChangesTestKit
{
    public static async Task<(Pilot Pilot, SupervisionApi.PlanDto Plan)> PilotAsync(this FinPilotApp app, string title)
    {
        var (projectId, plan) = await app.SupervisedPilotAsync($"{title} {Guid.NewGuid():N}");
        var pilot = await app.WithDbAsync(db => db.Projects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new Pilot(p.Id, p.RegionId, p.LeadOrganisationId, p.Title)).SingleAsync());
        return (pilot, plan);
    }

    /// <summary>The plan's parameters as they stand, with the changes given, effective in <paramref name="inDays"/> days.</summary>
    public static ChangeProposal Proposal(this FinPilotApp app, SupervisionApi.PlanDto plan, int? customerCap = null, int extensionMonths = 0, int inDays = 0,
        string? scope = null) => new()
        {
            CustomerCap = customerCap ?? plan.Terms.Parameters.CustomerCap,
            AmountPerCustomerCap = plan.Terms.Parameters.AmountPerCustomerCap,
            Scope = scope ?? plan.Terms.Parameters.Scope,
            EndsOn = plan.Terms.Parameters.EndsOn.AddMonths(extensionMonths),
            Reason = "业务发展需要调整试点参数",
            EffectiveOn = app.Today().AddDays(inDays),
        };

    public static async Task<PlanChangesApi.PlanChangeDto> RequestAsync(this HttpClient applicant, Guid projectId, ChangeProposal proposal) =>
        await (await applicant.PostAsync($"/api/v1/plan-changes/projects/{projectId}", proposal)).ReadAsync<PlanChangesApi.PlanChangeDto>(HttpStatusCode.Created);

    public static async Task<PlanChangesApi.PlanChangeDto> GetChangeAsync(this HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/v1/plan-changes/{id}")).ReadAsync<PlanChangesApi.PlanChangeDto>();

    /// <summary>Experts of the demo pool with no conflict with the demo applicant's institution.</summary>
    public static readonly string[] Reviewers = ["expert@demo.finpilot.cn", "expert.legal@demo.finpilot.cn", "expert.finance@demo.finpilot.cn"];

    /// <summary>A sheet on the change rubric: every criterion scored <paramref name="score"/> with a comment.</summary>
    public static PlanChangesApi.SheetRequest Sheet(Guid version, int score = 8, Domain.Evaluation.Recommendation recommendation = Domain.Evaluation.Recommendation.Recommend) => new()
    {
        Scores = [.. ExpertReview.Criteria.Select(c => new CriterionScore(c, score, $"{c} 评审意见"))],
        Recommendation = recommendation,
        Opinion = "变更必要，风险可控。",
        Version = version,
    };

    /// <summary>
    /// A major change's expert round, as the working group and three experts run it: started,
    /// assigned, scored by each, and forwarded to the coordination group with the working group's view.
    /// </summary>
    public static async Task<PlanChangesApi.PlanChangeDto> ReviewAndForwardAsync(this FinPilotApp app, HttpClient workingGroup, PlanChangesApi.PlanChangeDto change,
        string view = "工作组同意提请审议。")
    {
        var current = await (await workingGroup.PostAsync($"/api/v1/plan-changes/{change.Id}/review", new PlanChangesApi.VersionRequest(change.Version)))
            .ReadAsync<PlanChangesApi.PlanChangeDto>();
        foreach (var email in Reviewers)
        {
            var expertId = await app.UserIdAsync(email);
            current = await (await workingGroup.PostAsync($"/api/v1/plan-changes/{change.Id}/review/reviewers", new PlanChangesApi.AssignRequest(expertId, current.Version)))
                .ReadAsync<PlanChangesApi.PlanChangeDto>();
        }

        foreach (var email in Reviewers)
        {
            using var expert = await app.ApiClientAsync(email);
            var seen = await expert.GetChangeAsync(change.Id);
            await (await expert.PostAsync($"/api/v1/plan-changes/{change.Id}/review/sheet", Sheet(seen.Version))).ReadAsync<PlanChangesApi.PlanChangeDto>();
        }

        current = await workingGroup.GetChangeAsync(change.Id);
        return await (await workingGroup.PostAsync($"/api/v1/plan-changes/{change.Id}/review/forward", new PlanChangesApi.ForwardRequest(view, current.Version)))
            .ReadAsync<PlanChangesApi.PlanChangeDto>();
    }
}
