using FinPilot.Domain.Alerts;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Supervision;
using FinPilot.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Alerts;

/// <summary>What the rules need of one pilot: who owns it, its plan (null when none was drafted) and the rule settings in force.</summary>
public sealed record RuleInputs(AlertTarget Target, SupervisionPlan? Plan, RiskRuleSettings Settings, ProjectStage Stage);

/// <summary>Reads a pilot's rule inputs in three small queries (project, plan, override).</summary>
public sealed class RuleInputsReader(FinPilotDbContext db)
{
    public async Task<RuleInputs?> ForProjectAsync(Guid projectId, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new { p.Title, p.RegionId, p.LeadOrganisationId, p.Category, p.Stage }).SingleOrDefaultAsync(cancellationToken);
        if (project is null)
        {
            return null;
        }

        var plan = await db.SupervisionPlans.AsNoTracking().SingleOrDefaultAsync(p => p.ProjectId == projectId, cancellationToken);
        var own = await db.RiskRuleOverrides.AsNoTracking().SingleOrDefaultAsync(o => o.ProjectId == projectId, cancellationToken);
        var target = new AlertTarget(projectId, project.RegionId, project.LeadOrganisationId, project.Title, plan?.Terms.Metrics ?? []);
        return new RuleInputs(target, plan, own?.Settings ?? RiskRuleSettings.For(project.Category), project.Stage);
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
