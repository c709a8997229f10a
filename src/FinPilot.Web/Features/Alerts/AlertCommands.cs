using FinPilot.Domain.Alerts;
using FinPilot.Domain.Common;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Alerts;

/// <summary>
/// The working group's triage (研判处置) and a pilot's own rule settings: load → authorise → the
/// aggregate's method → audit → save under the version. Someone who may not even read the alert is
/// told 403 as one who may read but not triage, so a denial says nothing more.
/// </summary>
public sealed class AlertCommands(FinPilotDbContext db, CommandPipeline commands, CurrentUser current, TimeProvider clock)
{
    public Task<Result<Alert>> AcknowledgeAsync(Guid id, Guid? version, CancellationToken cancellationToken = default) =>
        TriageAsync(id, version, (alert, at, by) => alert.Acknowledge(at, by), cancellationToken);

    public Task<Result<Alert>> ResolveAsync(Guid id, string? note, Guid? version, CancellationToken cancellationToken = default) =>
        TriageAsync(id, version, (alert, at, by) => alert.Resolve(at, by, note), cancellationToken);

    public Task<Result<Alert>> DismissAsync(Guid id, string? reason, Guid? version, CancellationToken cancellationToken = default) =>
        TriageAsync(id, version, (alert, at, by) => alert.Dismiss(at, by, reason), cancellationToken);

    public Task<Result<Alert>> EscalateAsync(Guid id, string? reason, Guid? version, CancellationToken cancellationToken = default) =>
        TriageAsync(id, version, (alert, at, by) => alert.Escalate(at, by, reason), cancellationToken);

    /// <summary>Sets the pilot's own rule settings, replacing its category's defaults; the region's working group only.</summary>
    public async Task<Result<RiskRuleOverride>> SetRulesAsync(Guid projectId, RiskRuleSettings settings, Guid? version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new AlertedProject(p.Id, p.RegionId, p.LeadOrganisationId)).SingleOrDefaultAsync(cancellationToken);
        if (project is null)
        {
            return new Error(AlertErrors.ProjectNotFound);
        }

        if (!await commands.AllowsAsync(project, AlertOperations.SetRules))
        {
            return Problems.Forbidden;
        }

        var now = clock.GetUtcNow();
        var by = current.Id ?? AlertRaiser.SystemActor;
        var own = await db.RiskRuleOverrides.SingleOrDefaultAsync(o => o.ProjectId == projectId, cancellationToken);
        if (own is not null && version is { } expected && expected != own.Version)
        {
            return new Error(AlertErrors.Concurrency);
        }

        if (own is null)
        {
            var created = RiskRuleOverride.Create(projectId, project.RegionId, settings, now, by);
            if (created.Failed)
            {
                return created;
            }

            own = created.Value;
            db.RiskRuleOverrides.Add(own);
        }
        else
        {
            var changed = own.Change(settings, now, by);
            if (!changed.Succeeded)
            {
                db.ChangeTracker.Clear();
                return Result<RiskRuleOverride>.Fail([.. changed.Errors]);
            }
        }

        try
        {
            return await commands.SaveAsync(own, AlertErrors.Concurrency, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two first settings at once: the other was saved first (one row per project).
            db.ChangeTracker.Clear();
            return new Error(AlertErrors.Concurrency);
        }
    }

    private async Task<Result<Alert>> TriageAsync(
        Guid id, Guid? version, Func<Alert, DateTimeOffset, string, Result> change, CancellationToken cancellationToken)
    {
        var alert = await db.Alerts.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (alert is null)
        {
            return new Error(AlertErrors.NotFound);
        }

        if (!await commands.AllowsAsync(alert, AlertOperations.Triage))
        {
            db.ChangeTracker.Clear();
            return Problems.Forbidden;
        }

        if (version is { } expected && expected != alert.Version)
        {
            db.ChangeTracker.Clear();
            return new Error(AlertErrors.Concurrency);
        }

        var changed = change(alert, clock.GetUtcNow(), current.Id ?? AlertRaiser.SystemActor);
        if (!changed.Succeeded)
        {
            db.ChangeTracker.Clear();
            return Result<Alert>.Fail([.. changed.Errors]);
        }

        return await commands.SaveAsync(alert, AlertErrors.Concurrency, cancellationToken);
    }
}
