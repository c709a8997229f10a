using System.Globalization;
using FinPilot.Domain.Calendar;
using FinPilot.Domain.Common;
using FinPilot.Domain.Obligations;
using FinPilot.Domain.PlanChanges;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Obligations;
using FinPilot.Web.Features.Supervision;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.PlanChanges;

/// <summary>
/// Makes an approved change a new revision of the supervision plan once its effective date (Beijing)
/// has come: the plan's parameters take the proposed values, the revision is kept beside the plan as
/// every confirmation is, and the risk rules read the new cap from then on. Works in the caller's
/// unit of work; the caller saves.
/// </summary>
public sealed class PlanChangeApplier(FinPilotDbContext db, CommandPipeline commands, ObligationBook obligations)
{
    /// <summary>Applies the change if it is approved and effective by <paramref name="now"/>; nothing otherwise.</summary>
    public async Task<Result> ApplyIfDueAsync(PlanChange change, DateTimeOffset now, string actor, bool automatic, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (!change.IsDueOn(ChinaTime.DateOf(now)))
        {
            return Result.Ok();
        }

        var plan = await db.SupervisionPlans.SingleOrDefaultAsync(p => p.ProjectId == change.ProjectId, cancellationToken);
        if (plan is null)
        {
            return new Error(PlanChangeErrors.PlanNotFound);
        }

        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == change.ProjectId, cancellationToken);
        if (project is null)
        {
            return new Error(PlanChangeErrors.PlanNotFound);
        }

        var chinese = CultureInfo.GetCultureInfo("zh-CN");
        var endedOn = plan.Terms.Parameters.EndsOn;
        var reason = string.Format(chinese, System.Text.CompositeFormat.Parse(PlanChangesStrings.ResourceManager.GetString(nameof(PlanChangesStrings.RevisionReason), chinese)!),
            change.EffectiveOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), change.Id);
        var confirmed = plan.Confirm(change.ApplyTo(plan.Terms), now, actor);

        // The plan may already say the same (the working group changed it meanwhile): the change is then applied as it stands.
        if (confirmed.Succeeded)
        {
            db.SupervisionPlanRevisions.Add(SupervisionPlanRevision.Of(plan, reason));
            commands.Note(plan, new ConfirmationReason(reason));
        }
        else if (!confirmed.Errors.All(e => e.Code == Domain.Supervision.SupervisionErrors.AlreadyConfirmed))
        {
            return confirmed;
        }

        // The project's own period and limit follow the plan; a new end date retires the exit-or-extension obligation
        // of the old one (the obligation clock owes the new one from its next run).
        var parameters = plan.Terms.Parameters;
        var followed = project.FollowPlan(parameters.EndsOn, parameters.CustomerCap);
        if (!followed.Succeeded)
        {
            return followed;
        }

        if (parameters.EndsOn != endedOn)
        {
            var why = string.Format(chinese, System.Text.CompositeFormat.Parse(PlanChangesStrings.ResourceManager.GetString(nameof(PlanChangesStrings.ExitWaivedReason), chinese)!),
                change.Id, ObligationClock.ExitSubject(parameters.EndsOn));
            await obligations.WaiveAsync(change.ProjectId, ObligationKind.ExitOrExtension, ObligationClock.ExitSubject(endedOn), now, actor, why, cancellationToken);
        }

        return change.MarkApplied(plan.Revision, now, automatic);
    }

    /// <summary>The job's pass: every approved change whose effective date has come, oldest first, in batches.</summary>
    public async Task<int> ApplyDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = ChinaTime.DateOf(now);
        var due = await db.PlanChanges
            .Where(c => c.Status == PlanChangeStatus.Approved && c.AppliedAt == null && c.EffectiveOn <= today)
            .OrderBy(c => c.EffectiveOn).ThenBy(c => c.Id).Take(100).ToListAsync(cancellationToken);
        var applied = 0;
        foreach (var change in due)
        {
            if ((await ApplyIfDueAsync(change, now, PlanChangeActions.SystemActor, automatic: true, cancellationToken)).Succeeded)
            {
                applied++;
            }
        }

        if (due.Count > 0)
        {
            await commands.SaveAsync(cancellationToken);
        }

        return applied;
    }
}
