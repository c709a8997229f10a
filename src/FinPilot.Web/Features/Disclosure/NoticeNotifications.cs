using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Disclosure;

/// <summary>
/// Who hears what around a public notice: the working group when approved projects wait for a
/// notice and when a period ends; the applicant when its project is published, objected to and
/// admitted; an objector who left an e-mail address when the objection is answered and resolved.
/// Each is added to the caller's unit of work.
/// </summary>
public sealed class NoticeNotifications(FinPilotDbContext db, Notifier notifier)
{
    /// <summary>The working group hears of a period's end once; a notice that ended longer ago than this (before the notice existed) is left alone.</summary>
    public static readonly TimeSpan PeriodEndedWindow = TimeSpan.FromDays(7);

    /// <summary>Approved by the coordination group: the region's working group is to publish a notice for it.</summary>
    public async Task ProjectAwaitsNoticeAsync(PilotProject project, CancellationToken cancellationToken = default) =>
        notifier.Enqueue(await db.UserIdsWithAsync(Role.RegionalWorkingGroup, project.RegionId, null, cancellationToken), NotificationKind.ProjectAwaitsNotice,
            "/notices/manage", new Dictionary<string, string> { [NotificationValues.Title] = project.Title });

    /// <summary>Published: each listed project's applicants are told, with the last day of the period.</summary>
    public async Task PublishedAsync(PublicNotice notice, CancellationToken cancellationToken = default)
    {
        foreach (var listing in notice.Listings)
        {
            await ToApplicantsAsync(listing.ProjectId, NotificationKind.ProjectOnNotice, $"/notices/{notice.Id}", new Dictionary<string, string>
            {
                [NotificationValues.Title] = listing.Summary.Name,
                [NotificationValues.Notice] = notice.Title,
                [NotificationValues.Due] = notice.EndsOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
            }, cancellationToken);
        }
    }

    /// <summary>An objection names a project: its applicants are told (not by whom, nor what it says).</summary>
    public async Task ObjectionFiledAsync(PublicNotice notice, PublicResponse objection, CancellationToken cancellationToken = default)
    {
        if (objection.Kind != PublicResponseKind.Objection || objection.ProjectId is not { } projectId)
        {
            return;
        }

        await ToApplicantsAsync(projectId, NotificationKind.ObjectionConcernsProject, $"/notices/{notice.Id}", new Dictionary<string, string>
        {
            [NotificationValues.Title] = NameOf(notice, projectId),
            [NotificationValues.Notice] = notice.Title,
        }, cancellationToken);
    }

    /// <summary>入箱: the applicants learn that the pilot starts on <paramref name="startsOn"/>.</summary>
    public Task AdmittedAsync(PilotProject project, DateOnly startsOn, CancellationToken cancellationToken = default) =>
        ToApplicantsAsync(project.Id, NotificationKind.ProjectAdmitted, $"/applications/{project.Id}", new Dictionary<string, string>
        {
            [NotificationValues.Title] = project.Title,
            [NotificationValues.Due] = startsOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }, cancellationToken);

    /// <summary>
    /// 公示期满: the region's working group is told once per notice, so it can settle what is still
    /// open. Returns whether it told anyone now.
    /// </summary>
    public async Task<bool> PeriodEndedAsync(PublicNotice notice, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var link = $"/notices/manage/{notice.Id}";
        if (notice.EndsAt is not { } end || now - end > PeriodEndedWindow
            || db.ChangeTracker.Entries<Notification>().Any(e => e.Entity.Kind == NotificationKind.NoticePeriodEnded && e.Entity.Link == link)
            || await db.Notifications.AnyAsync(n => n.Kind == NotificationKind.NoticePeriodEnded && n.Link == link, cancellationToken))
        {
            return false;
        }

        notifier.Enqueue(await db.UserIdsWithAsync(Role.RegionalWorkingGroup, notice.RegionId, null, cancellationToken), NotificationKind.NoticePeriodEnded, link,
            new Dictionary<string, string>
            {
                [NotificationValues.Title] = notice.Title,
                [NotificationValues.Due] = notice.EndsOn!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            });
        return true;
    }

    /// <summary>The working group answered an objection: its author, if they left an e-mail address, gets the answer in the language they wrote in.</summary>
    public void ObjectionAnswered(PublicNotice notice, PublicResponse response)
    {
        if (ObjectorAddress(response) is not { } address)
        {
            return;
        }

        notifier.EnqueueMail(address, response.Language, NotificationKind.ObjectionAnswered, $"/notices/{notice.Id}", new Dictionary<string, string>
        {
            [NotificationValues.Notice] = notice.Title,
            [NotificationValues.Title] = NameOf(notice, response.ProjectId),
            [NotificationValues.Answer] = response.Reply?.Text ?? string.Empty,
        });
    }

    /// <summary>The working group resolved an objection: its author, if they left an e-mail address, learns the outcome and the note.</summary>
    public void ObjectionResolved(PublicNotice notice, PublicResponse response)
    {
        if (ObjectorAddress(response) is not { } address || response.Resolution is not { } resolution)
        {
            return;
        }

        var (zh, en) = PublicEventTexts.Of(OutcomeKey(resolution.Outcome));
        notifier.EnqueueMail(address, response.Language, NotificationKind.ObjectionResolved, $"/notices/{notice.Id}", new Dictionary<string, string>
        {
            [NotificationValues.Notice] = notice.Title,
            [NotificationValues.Title] = NameOf(notice, response.ProjectId),
            [NotificationValues.Outcome] = zh,
            [NotificationValues.Outcome + NotificationTexts.EnglishSuffix] = en,
            [NotificationValues.Reason] = resolution.Note,
        });
    }

    private static string OutcomeKey(ObjectionOutcome outcome) => outcome switch
    {
        ObjectionOutcome.Dismissed => nameof(DisclosureStrings.Objection_Dismissed),
        ObjectionOutcome.Upheld => nameof(DisclosureStrings.Objection_Upheld),
        ObjectionOutcome.Withdrawn => nameof(DisclosureStrings.Objection_Withdrawn),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "An objection outcome without words."),
    };

    /// <summary>Only objections are owed an answer by mail, and only at an e-mail address (a phone number is for the working group to call).</summary>
    private static string? ObjectorAddress(PublicResponse response) =>
        response.Kind == PublicResponseKind.Objection && PublicContact.KindOf(response.Contact) == PublicContactKind.Email ? response.Contact!.Trim() : null;

    private static string NameOf(PublicNotice notice, Guid? projectId) =>
        notice.Listings.FirstOrDefault(l => l.ProjectId == projectId)?.Summary.Name ?? notice.Title;

    private async Task ToApplicantsAsync(Guid projectId, NotificationKind kind, string link, Dictionary<string, string> values, CancellationToken cancellationToken)
    {
        var lead = await db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => (Guid?)p.LeadOrganisationId).SingleOrDefaultAsync(cancellationToken);
        if (lead is { } organisationId)
        {
            notifier.Enqueue(await db.UserIdsWithAsync(Role.Applicant, null, organisationId, cancellationToken), kind, link, values);
        }
    }
}
