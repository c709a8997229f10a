using FinPilot.Domain.Exit;
using FinPilot.Domain.Identity;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Exit;

/// <summary>
/// Who hears of an exit step: the region's working group of applications and submissions, the
/// institution of questions, terminations and the confirmation, an expert of a seat, the coordination
/// group of a forwarded case. Queued in the caller's unit of work.
/// </summary>
public sealed class ExitNotices(FinPilotDbContext db, Notifier notifier)
{
    public static string LinkOf(Guid exitId) => $"/exits/{exitId}";

    public static string InstitutionLink(Guid projectId) => $"/pilots/{projectId}/exit";

    public async Task ToWorkingGroupAsync(ExitCase exit, NotificationKind kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exit);
        var users = await db.UserIdsWithAsync(Role.RegionalWorkingGroup, exit.RegionId, null, cancellationToken);
        notifier.Enqueue(users, kind, LinkOf(exit.Id), await ValuesAsync(exit, null, null, cancellationToken));
    }

    public async Task ToInstitutionAsync(ExitCase exit, NotificationKind kind, string? reason, DateTimeOffset? due, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exit);
        var users = await db.UserIdsWithAsync(Role.Applicant, null, exit.OrganisationId, cancellationToken);
        notifier.Enqueue(users, kind, InstitutionLink(exit.ProjectId), await ValuesAsync(exit, reason, due, cancellationToken));
    }

    public async Task ToExpertAsync(ExitCase exit, string expertUserId, DateTimeOffset due, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exit);
        notifier.Enqueue([expertUserId], NotificationKind.ExitReviewAssigned, LinkOf(exit.Id), await ValuesAsync(exit, null, due, cancellationToken));
    }

    public async Task ToCoordinationGroupAsync(ExitCase exit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exit);
        var users = await db.UserIdsWithAsync(Role.CoordinationGroup, null, null, cancellationToken);
        notifier.Enqueue(users, NotificationKind.ExitForwarded, LinkOf(exit.Id), await ValuesAsync(exit, exit.ForwardNote, null, cancellationToken));
    }

    private async Task<Dictionary<string, string>> ValuesAsync(ExitCase exit, string? reason, DateTimeOffset? due, CancellationToken cancellationToken)
    {
        var title = await db.Projects.AsNoTracking().Where(p => p.Id == exit.ProjectId).Select(p => p.Title).SingleAsync(cancellationToken);
        var values = new Dictionary<string, string> { [NotificationValues.Title] = title };
        if (reason is not null)
        {
            values[NotificationValues.Reason] = reason;
        }

        if (due is { } d)
        {
            values[NotificationValues.Due] = Domain.Calendar.ChinaTime.Format(d);
        }

        return values;
    }
}
