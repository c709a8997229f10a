using System.Net;
using FinPilot.Domain.PlanChanges;
using FinPilot.Web.Features.PlanChanges;
using FinPilot.Web.Features.Supervision;
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
}
