using System.Globalization;
using FinPilot.Domain.Identity;
using FinPilot.Domain.PlanChanges;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.PlanChanges;

/// <summary>
/// Who hears of a change: the region's working group of every request (and the coordination group of
/// a major one), the institution's applicants of every decision. Queued in the caller's unit of work.
/// </summary>
public sealed class PlanChangeNotices(FinPilotDbContext db, Notifier notifier)
{
    public static string LinkOf(Guid changeId) => $"/plan-changes/{changeId}";

    public async Task RequestedAsync(PlanChange change, string projectTitle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var values = Values(change, projectTitle);
        var workingGroup = await db.UserIdsWithAsync(Role.RegionalWorkingGroup, change.RegionId, null, cancellationToken);
        notifier.Enqueue(workingGroup, change.Route == ChangeRoute.Minor ? NotificationKind.PlanChangeRequested : NotificationKind.MajorPlanChangeRequested,
            LinkOf(change.Id), values);
        if (change.Route == ChangeRoute.Major)
        {
            var coordination = await db.UserIdsWithAsync(Role.CoordinationGroup, null, null, cancellationToken);
            notifier.Enqueue(coordination.Except(workingGroup), NotificationKind.MajorPlanChangeRequested, LinkOf(change.Id), values);
        }
    }

    public async Task DecidedAsync(PlanChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var title = await db.Projects.AsNoTracking().Where(p => p.Id == change.ProjectId).Select(p => p.Title).SingleAsync(cancellationToken);
        var applicants = await db.UserIdsWithAsync(Role.Applicant, null, change.OrganisationId, cancellationToken);
        var values = Values(change, title);
        values[NotificationValues.Reason] = change.DecisionNote ?? string.Empty;
        notifier.Enqueue(applicants, change.Status == PlanChangeStatus.Approved ? NotificationKind.PlanChangeApproved : NotificationKind.PlanChangeRejected,
            LinkOf(change.Id), values);
    }

    private static Dictionary<string, string> Values(PlanChange change, string projectTitle) => new()
    {
        [NotificationValues.Title] = projectTitle,
        [NotificationValues.Due] = change.EffectiveOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
}
