using FinPilot.Domain.Supervision;
using FinPilot.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Supervision;

/// <summary>
/// Reads of supervision plans that other supervision modules need (ingestion, rules, probes,
/// obligations): the terms a pilot is bound to now.
/// </summary>
public sealed class SupervisionPlans(FinPilotDbContext db)
{
    /// <summary>The plan of a project, in force or still a draft; null when none was drafted.</summary>
    public Task<SupervisionPlan?> OfProjectAsync(Guid projectId, CancellationToken cancellationToken = default) =>
        db.Set<SupervisionPlan>().AsNoTracking().SingleOrDefaultAsync(p => p.ProjectId == projectId, cancellationToken);

    /// <summary>The terms a project is bound to; null while its plan is unconfirmed or missing.</summary>
    public async Task<SupervisionTerms?> TermsInForceAsync(Guid projectId, CancellationToken cancellationToken = default)
    {
        var plan = await OfProjectAsync(projectId, cancellationToken);
        return plan is { InForce: true } ? plan.Terms : null;
    }
}
