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

    /// <summary>The expert hears of the seat and its deadline.</summary>
    public async Task ReviewerAssignedAsync(PlanChange change, string expertUserId, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var values = Values(change, await TitleAsync(change, cancellationToken));
        values[NotificationValues.Due] = Domain.Calendar.ChinaTime.Format(dueAt);
        notifier.Enqueue([expertUserId], NotificationKind.PlanChangeReviewAssigned, LinkOf(change.Id), values);
    }

    /// <summary>The region's working group hears that every expert has scored.</summary>
    public async Task ReviewCompletedAsync(PlanChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var workingGroup = await db.UserIdsWithAsync(Role.RegionalWorkingGroup, change.RegionId, null, cancellationToken);
        notifier.Enqueue(workingGroup, NotificationKind.PlanChangeReviewCompleted, LinkOf(change.Id), Values(change, await TitleAsync(change, cancellationToken)));
    }

    /// <summary>The coordination group hears that a reviewed major change awaits its deliberation.</summary>
    public async Task ForwardedAsync(PlanChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var coordination = await db.UserIdsWithAsync(Role.CoordinationGroup, null, null, cancellationToken);
        var values = Values(change, await TitleAsync(change, cancellationToken));
        values[NotificationValues.Reason] = change.ForwardNote ?? string.Empty;
        notifier.Enqueue(coordination, NotificationKind.PlanChangeForwarded, LinkOf(change.Id), values);
    }

    private Task<string> TitleAsync(PlanChange change, CancellationToken cancellationToken) =>
        db.Projects.AsNoTracking().Where(p => p.Id == change.ProjectId).Select(p => p.Title).SingleAsync(cancellationToken);

    private static Dictionary<string, string> Values(PlanChange change, string projectTitle) => new()
    {
        [NotificationValues.Title] = projectTitle,
        [NotificationValues.Due] = change.EffectiveOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
}
