using FinPilot.Domain.Calendar;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Jobs;
using FinPilot.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Applications;

/// <summary>
/// Watches supplement deadlines (补正期限): reminds the applicant on the last working day and
/// flags a missed deadline for the working group, which decides what it means.
/// </summary>
public sealed class SupplementDeadlineJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SupplementDeadlineJob> logger)
    : LeasedJob(scopes, clock, logger)
{
    protected override string Name => "supplement-deadlines";

    protected override TimeSpan Interval => TimeSpan.FromMinutes(5);

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<FinPilotDbContext>();
        var notifier = services.GetRequiredService<Notifier>();
        var commands = services.GetRequiredService<CommandPipeline>();
        var calendar = await CalendarOf(services, cancellationToken);
        var now = Clock.GetUtcNow();
        var today = ChinaTime.DateOf(now);

        var waiting = await db.Projects.Where(p => p.Stage == ProjectStage.ReturnedForSupplement).ToListAsync(cancellationToken);
        foreach (var project in waiting)
        {
            if (project.CurrentSupplementRequest is not { } request)
            {
                continue;
            }

            var link = $"/applications/{project.Id}";
            var values = new Dictionary<string, string> { ["title"] = project.Title, ["due"] = request.DueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) };
            if (request.IsOverdue(now) && request.FlaggedOverdueAt is null)
            {
                project.FlagMissedSupplementDeadline(now); // its line, by the system, comes from the event at the save
                notifier.Enqueue(await db.UserIdsWithAsync(Role.RegionalWorkingGroup, project.RegionId, null, cancellationToken), NotificationKind.SupplementOverdue, $"/screening/{project.Id}", values);
            }
            else if (!request.IsOverdue(now) && calendar.WorkingDaysBetween(today, request.DueOn) <= 1
                && !await db.Notifications.AnyAsync(n => n.Kind == NotificationKind.DeadlineApproaching && n.Link == link && n.CreatedAt >= request.RequestedAt, cancellationToken))
            {
                notifier.Enqueue(await db.UserIdsWithAsync(Role.Applicant, null, project.LeadOrganisationId, cancellationToken), NotificationKind.DeadlineApproaching, link, values);
            }
        }

        await commands.SaveAsync(cancellationToken);
    }

    private static Task<WorkingDayCalendar> CalendarOf(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<FinPilot.Web.Features.Calendar.WorkingCalendarProvider>().GetAsync(cancellationToken);
}
