using FinPilot.Domain.Identity;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Deliberation;

/// <summary>
/// Tells the coordination group that a project waits for its deliberation: the modules that move a
/// project into <see cref="ProjectStage.Deliberation"/> (Evaluation when a round completes,
/// Disclosure when an upheld objection sends it back) call this in the same unit of work.
/// </summary>
public sealed class DeliberationNotifications(FinPilotDbContext db, Notifier notifier)
{
    public const string Link = "/deliberation";

    public async Task ProjectEnteredAsync(PilotProject project, CancellationToken cancellationToken = default)
    {
        var members = await db.UserIdsWithAsync(Role.CoordinationGroup, null, null, cancellationToken);
        var region = await db.Regions.AsNoTracking().SingleAsync(r => r.Id == project.RegionId, cancellationToken);
        notifier.Enqueue(members, NotificationKind.ProjectAwaitsDeliberation, Link, new Dictionary<string, string>
        {
            [NotificationValues.Title] = project.Title,
            [NotificationValues.Region] = region.NameZh,
            [NotificationValues.Region + NotificationTexts.EnglishSuffix] = region.NameEn,
        });
    }
}
