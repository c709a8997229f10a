using FinPilot.Domain.Alerts;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Supervision;
using FinPilot.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Alerts;

/// <summary>What the rules need of one pilot: who owns it, its plan (null when none was drafted) and the rule settings in force.</summary>
public sealed record RuleInputs(AlertTarget Target, SupervisionPlan? Plan, RiskRuleSettings Settings, ProjectStage Stage);

/// <summary>
/// Reads a pilot's rule inputs (project, plan, override) in one round trip: it runs for every batch
/// of samples received, where each round trip to PostgreSQL showed in the ingestion benchmark.
/// </summary>
public sealed class RuleInputsReader(FinPilotDbContext db)
{
    public async Task<RuleInputs?> ForProjectAsync(Guid projectId, CancellationToken cancellationToken)
    {
        var found = await db.Projects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new
            {
                p.Title,
                p.RegionId,
                p.LeadOrganisationId,
                p.Category,
                p.Stage,
                Plan = db.SupervisionPlans.FirstOrDefault(s => s.ProjectId == p.Id),
                Own = db.RiskRuleOverrides.FirstOrDefault(o => o.ProjectId == p.Id),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var target = new AlertTarget(projectId, found.RegionId, found.LeadOrganisationId, found.Title, found.Plan?.Terms.Metrics ?? []);
        return new RuleInputs(target, found.Plan, found.Own?.Settings ?? RiskRuleSettings.For(found.Category), found.Stage);
    }
}

/// <summary>Why the system closed an alert, as a stable key; pages name it from resources (<c>SystemNote_{key}</c>).</summary>
public static class SystemNotes
{
    public const string SampleReceived = "sample-received";
    public const string ProbeRecovered = "probe-recovered";
    public const string ObligationClosed = "obligation-closed";
    public const string EndDateChanged = "end-date-changed";
}
