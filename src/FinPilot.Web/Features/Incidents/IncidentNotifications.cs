using System.Globalization;
using FinPilot.Domain.Calendar;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Incidents;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Incidents;

/// <summary>
/// Who hears of an incident: the region's working group when it is reported, the lead
/// organisation's applicants when the working group triages it. Values that are words (the
/// severity, the action) are written in each reader's language.
/// </summary>
public sealed class IncidentNotifications(FinPilotDbContext db, Notifier notifier)
{
    /// <summary>Value keys of the incident notifications' templates, beside <see cref="NotificationValues.Title"/> (the project).</summary>
    public const string IncidentValue = NotificationValues.Incident;
    public const string SeverityValue = NotificationValues.Severity;
    public const string ActionValue = NotificationValues.Action;
    public const string ReasonValue = NotificationValues.Reason;

    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static string Link(Guid incidentId) => $"/incidents/{incidentId}";

    public async Task ReportedAsync(Incident incident, string projectTitle, CancellationToken cancellationToken)
    {
        var recipients = await RecipientsAsync(Role.RegionalWorkingGroup, incident.RegionId, null, cancellationToken);
        foreach (var group in recipients.GroupBy(r => r.Culture))
        {
            notifier.Enqueue(group.Select(r => r.Id), NotificationKind.IncidentReported, Link(incident.Id), new Dictionary<string, string>
            {
                [NotificationValues.Title] = projectTitle,
                [IncidentValue] = incident.Title,
                [SeverityValue] = IncidentTexts.Of(incident.Severity, group.Key),
            });
        }
    }

    public async Task TriagedAsync(Incident incident, TriageAction action, string projectTitle, CancellationToken cancellationToken)
    {
        var recipients = await RecipientsAsync(Role.Applicant, null, incident.OrganisationId, cancellationToken);
        foreach (var group in recipients.GroupBy(r => r.Culture))
        {
            notifier.Enqueue(group.Select(r => r.Id), NotificationKind.IncidentTriaged, Link(incident.Id), new Dictionary<string, string>
            {
                [NotificationValues.Title] = projectTitle,
                [IncidentValue] = incident.Title,
                [ActionValue] = IncidentTexts.Of(action, group.Key),
            });
        }
    }

    /// <summary>The lead organisation's applicants hear that the working group asks for an incident report, and by when.</summary>
    public async Task ReportRequestedAsync(Guid organisationId, Guid projectId, string projectTitle, DateTimeOffset dueAt, string reason, CancellationToken cancellationToken)
    {
        var recipients = await RecipientsAsync(Role.Applicant, null, organisationId, cancellationToken);
        if (recipients.Count == 0)
        {
            return;
        }

        notifier.Enqueue(recipients.Select(r => r.Id), NotificationKind.IncidentReportRequested, $"/supervision/projects/{projectId}", new Dictionary<string, string>
        {
            [NotificationValues.Title] = projectTitle,
            [NotificationValues.Due] = ChinaTime.Format(dueAt),
            [ReasonValue] = reason,
        });
    }

    private async Task<List<(string Id, CultureInfo Culture)>> RecipientsAsync(Role role, int? regionId, Guid? organisationId, CancellationToken cancellationToken)
    {
        var ids = await db.UserIdsWithAsync(role, regionId, organisationId, cancellationToken);
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.PreferredCulture }).ToListAsync(cancellationToken);
        return [.. users.Select(u => (u.Id, NotificationTexts.CultureFor(u.PreferredCulture).Name == "en" ? English : Chinese))];
    }
}
