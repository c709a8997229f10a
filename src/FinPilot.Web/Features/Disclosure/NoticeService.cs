using FinPilot.Domain.Calendar;
using FinPilot.Domain.Common;
using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Calendar;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Deliberation;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Disclosure;

/// <summary>
/// 公示: the working group's side of public notices — draft one for the region's approved
/// projects, publish it, answer comments and settle objections — and the admission (入箱) of the
/// projects whose period ended with no objection open.
/// </summary>
public sealed class NoticeService(
    FinPilotDbContext db, CurrentUser current, CommandPipeline commands, PublicRecordWriter records, WorkingCalendarProvider calendars,
    NoticeNotifications notifications, DeliberationNotifications deliberation, TimeProvider clock)
{
    public const string SystemActor = "system";

    /// <summary>Notices the caller runs (working group of the region, administrators), newest first.</summary>
    public async Task<IReadOnlyList<PublicNotice>> ManagedAsync(CancellationToken cancellationToken = default)
    {
        var grants = await current.GrantsAsync(cancellationToken);
        var notices = await db.PublicNotices.AsNoTracking().OrderByDescending(n => n.CreatedAt).Take(200).ToListAsync(cancellationToken);
        return notices.Where(n => grants.CanManageNoticesIn(n.RegionId)).ToList();
    }

    /// <summary>Published notices, for everyone.</summary>
    public async Task<IReadOnlyList<PublicNotice>> PublishedAsync(CancellationToken cancellationToken = default) =>
        (await db.PublicNotices.AsNoTracking().Where(n => n.PublishedAt != null).OrderByDescending(n => n.PublishedAt).Take(200).ToListAsync(cancellationToken))
        .Where(n => n.Status != NoticeStatus.Withdrawn).ToList();

    /// <summary>A notice as the public sees it: only once published; a draft is "not found" to anyone but its working group.</summary>
    public async Task<Result<PublicNotice>> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var notice = await db.PublicNotices.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (notice is null || (!notice.IsPublic && !await commands.AllowsAsync(notice, NoticeOperations.Manage)))
        {
            return new Error(DisclosureErrors.NotFound);
        }

        return notice;
    }

    /// <summary>The region's projects approved by the coordination group and not yet on a live notice, with summaries drafted from their applications.</summary>
    public async Task<Result<IReadOnlyList<PublicProjectSummary>>> CandidatesAsync(int regionId, CancellationToken cancellationToken = default)
    {
        if (!await commands.AllowsAsync(new RegionScope(regionId), NoticeOperations.Manage))
        {
            return Problems.Forbidden;
        }

        var live = (await db.PublicNotices.AsNoTracking().Where(n => n.RegionId == regionId && (n.Status == NoticeStatus.Draft || n.Status == NoticeStatus.Published))
                .ToListAsync(cancellationToken))
            .SelectMany(n => n.Listings).Where(l => l.Status == ListingStatus.Listed).Select(l => l.ProjectId).ToHashSet();
        var projects = await db.Projects.AsNoTracking().Where(p => p.RegionId == regionId && p.Stage == ProjectStage.PublicNotice).ToListAsync(cancellationToken);
        var summaries = new List<PublicProjectSummary>();
        foreach (var project in projects.Where(p => !live.Contains(p.Id)))
        {
            summaries.Add(await SummaryAsync(project, cancellationToken));
        }

        return summaries;
    }

    public async Task<Result<PublicNotice>> CreateAsync(int regionId, PublicNoticeContent content, CancellationToken cancellationToken = default)
    {
        if (!await commands.AllowsAsync(new RegionScope(regionId), NoticeOperations.Manage))
        {
            return Problems.Forbidden;
        }

        var eligible = await ProjectsNotInStageAsync(content, regionId, cancellationToken);
        if (eligible is not null)
        {
            return eligible;
        }

        var now = clock.GetUtcNow();
        content = await WithConditionsAsync(content, cancellationToken);
        var created = PublicNotice.Create(Guid.CreateVersion7(now), regionId, content, now, current.Id!);
        if (!created.Succeeded)
        {
            return created;
        }

        db.PublicNotices.Add(created.Value);
        await commands.SaveAsync(cancellationToken);
        return created;
    }

    public Task<Result> UpdateDraftAsync(Guid id, PublicNoticeContent content, Guid expected, CancellationToken cancellationToken = default) =>
        ManageAsync(id, expected, async notice =>
        {
            var eligible = await ProjectsNotInStageAsync(content, notice.RegionId, cancellationToken);
            if (eligible is not null)
            {
                return eligible;
            }

            return notice.UpdateDraft(await WithConditionsAsync(content, cancellationToken));
        }, cancellationToken);

    /// <summary>Publishes the notice; its period (in working days) starts the next day, and each listed project gets a public event.</summary>
    public Task<Result> PublishAsync(Guid id, Guid expected, CancellationToken cancellationToken = default) =>
        ManageAsync(id, expected, async notice =>
        {
            var now = clock.GetUtcNow();
            var result = notice.Publish(now, current.Id!, await calendars.GetAsync(cancellationToken));
            if (!result.Succeeded)
            {
                return result;
            }

            records.Write(
                PublicRecord.Create(NoticeActions.RecordPublished, notice.Id.ToString(), now, new
                {
                    notice.Id,
                    notice.RegionId,
                    notice.Title,
                    notice.BodyText,
                    notice.Contact,
                    notice.PeriodWorkingDays,
                    notice.EndsOn,
                    projects = notice.Listings.Select(l => l.Summary),
                }),
                notice.RegionId,
                [.. notice.Listings.Select(l => Event(l.ProjectId, PublicEventKind.NoticePublished, now, PublicEventTexts.Of("Event_NoticePublished", notice.Title), $"/notices/{notice.Id}"))]);
            await notifications.PublishedAsync(notice, cancellationToken);
            return Result.Ok();
        }, cancellationToken);

    /// <summary>
    /// Withdraws the notice. A published one was public, so its withdrawal is too: a public record
    /// with the reason, and a line on the timeline of each listed project; a draft leaves none.
    /// </summary>
    public Task<Result> WithdrawAsync(Guid id, string reason, Guid expected, CancellationToken cancellationToken = default) =>
        ManageAsync(id, expected, notice =>
        {
            var now = clock.GetUtcNow();
            var result = notice.Withdraw(reason, now, current.Id!);
            if (!result.Succeeded)
            {
                return Task.FromResult(result);
            }

            if (notice.IsPublic)
            {
                records.Write(
                    PublicRecord.Create(NoticeActions.RecordWithdrawn, notice.Id.ToString(), now, new
                    {
                        notice.Id,
                        notice.RegionId,
                        notice.Title,
                        reason = notice.WithdrawalReason,
                        notice.WithdrawnAt,
                    }),
                    notice.RegionId,
                    [.. notice.Listings.Select(l => Event(l.ProjectId, PublicEventKind.NoticeWithdrawn, now, PublicEventTexts.Of("Event_NoticeWithdrawn", notice.Title), $"/notices/{notice.Id}"))]);
            }

            return Task.FromResult(result);
        }, cancellationToken);

    public async Task<Result> AnswerAsync(Guid id, Guid responseId, string text, CancellationToken cancellationToken = default)
    {
        var (notice, response, error) = await LoadResponseAsync(id, responseId, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var result = notice!.AnswerResponse(response!.Id, text, clock.GetUtcNow(), current.Id!);
        if (!result.Succeeded)
        {
            return result;
        }

        notifications.ObjectionAnswered(notice, response);

        return await commands.SaveAsync(DisclosureErrors.Concurrency, cancellationToken);
    }

    /// <summary>放行: shows a comment or objection on the public notice (its text, never who sent it).</summary>
    public async Task<Result> ReleaseAsync(Guid id, Guid responseId, CancellationToken cancellationToken = default)
    {
        var (notice, response, error) = await LoadResponseAsync(id, responseId, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var result = notice!.ReleaseResponse(response!.Id, clock.GetUtcNow(), current.Id!);
        if (!result.Succeeded)
        {
            return result;
        }

        return await commands.SaveAsync(DisclosureErrors.Concurrency, cancellationToken);
    }

    /// <summary>Settles an objection; an upheld one sends its project back to the coordination group, in public.</summary>
    public async Task<Result> ResolveAsync(Guid id, Guid responseId, ObjectionOutcome outcome, string note, CancellationToken cancellationToken = default)
    {
        var (notice, response, error) = await LoadResponseAsync(id, responseId, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var now = clock.GetUtcNow();
        var result = notice!.ResolveObjection(response!.Id, outcome, note, now, current.Id!);
        if (!result.Succeeded)
        {
            return result;
        }

        notifications.ObjectionResolved(notice, response);

        if (response.Resolution!.SendsBack && response.ProjectId is { } projectId)
        {
            var project = await db.Projects.SingleAsync(p => p.Id == projectId, cancellationToken);
            // The reason is the working group's own note: the step's name ("objection upheld") comes from resources where it is shown.
            var reason = note.Trim();
            var sent = notice.SendBack(projectId, reason, now, current.Id!);
            var moved = sent.Succeeded ? project.SendBackToDeliberation(now, current.Id!, reason) : sent;
            if (!moved.Succeeded)
            {
                return moved;
            }

            records.Write(
                PublicRecord.Create(NoticeActions.RecordSentBack, projectId.ToString(), now, new { noticeId = notice.Id, projectId, reason }),
                notice.RegionId,
                [Event(projectId, PublicEventKind.SentBackToDeliberation, now, PublicEventTexts.Of("Event_SentBack", notice.Title), $"/notices/{notice.Id}")]);
            await deliberation.ProjectEnteredAsync(project, cancellationToken);
        }

        return await commands.SaveAsync(DisclosureErrors.Concurrency, cancellationToken);
    }

    /// <summary>
    /// 入箱: admits every project whose notice period has ended with no objection open (and whose
    /// approval conditions the applicant confirmed), starting the pilot the next day for the
    /// duration the application asked for. Run by <see cref="NoticeAdmissionJob"/>.
    /// </summary>
    public async Task<int> AdmitDueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var notices = (await db.PublicNotices.Where(n => n.Status == NoticeStatus.Published).ToListAsync(cancellationToken)).Where(n => n.HasEndedAt(now)).ToList();
        var admitted = 0;
        foreach (var notice in notices)
        {
            await notifications.PeriodEndedAsync(notice, now, cancellationToken);
            foreach (var listing in notice.ProjectsReadyForAdmission(now))
            {
                var project = await db.Projects.SingleAsync(p => p.Id == listing.ProjectId, cancellationToken);
                if (project.Stage != ProjectStage.PublicNotice || project.HasUnconfirmedConditions)
                {
                    continue;
                }

                var startsOn = notice.EndsOn!.Value.AddDays(1);
                var limit = await CustomerLimitAsync(project, cancellationToken);
                var start = new PilotStart(startsOn, startsOn.AddMonths(Math.Max(1, listing.Summary.DurationMonths)).AddDays(-1), limit);
                var moved = project.Admit(now, SystemActor, start);
                if (!moved.Succeeded || !notice.Admit(project.Id, now, SystemActor).Succeeded)
                {
                    continue;
                }

                records.Write(
                    PublicRecord.Create(NoticeActions.RecordAdmitted, project.Id.ToString(), now, new { noticeId = notice.Id, projectId = project.Id, start.StartsOn, start.PlannedEndOn, start.CustomerLimit }),
                    notice.RegionId,
                    [Event(project.Id, PublicEventKind.Admitted, now, PublicEventTexts.Of("Event_Admitted", start.StartsOn), $"/pilots/{project.Id}")]);
                await notifications.AdmittedAsync(project, start.StartsOn, cancellationToken);
                commands.Note(project, new NoticeAdmission(notice.Id, start));
                admitted++;
            }

            if (notice.Listings.All(l => l.Status != ListingStatus.Listed))
            {
                notice.Close(now);
            }
        }

        await commands.SaveAsync(cancellationToken);
        return admitted;
    }

    private async Task<int?> CustomerLimitAsync(PilotProject project, CancellationToken cancellationToken) =>
        (await db.ApplicationVersions.AsNoTracking().SingleOrDefaultAsync(v => v.ProjectId == project.Id && v.Number == (project.SubmittedApplicationVersion ?? project.ApplicationVersion), cancellationToken))
            ?.Form.CustomerLimit;

    private async Task<PublicProjectSummary> SummaryAsync(PilotProject project, CancellationToken cancellationToken)
    {
        var version = await db.ApplicationVersions.AsNoTracking()
            .SingleAsync(v => v.ProjectId == project.Id && v.Number == (project.SubmittedApplicationVersion ?? project.ApplicationVersion), cancellationToken);
        var form = version.Form;
        var names = await db.Organisations.AsNoTracking().Where(o => o.Id == project.LeadOrganisationId || form.PartnerOrganisationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.NameZh, cancellationToken);
        return new PublicProjectSummary(
            project.Id, project.Title, names.GetValueOrDefault(project.LeadOrganisationId) ?? string.Empty,
            form.PartnerOrganisationIds.Select(id => names.GetValueOrDefault(id)).OfType<string>().ToList(), project.Category,
            form.Scenarios, form.Technologies, string.IsNullOrWhiteSpace(form.RegulatoryQuestion) ? form.Summary : form.RegulatoryQuestion,
            form.CustomerCaps, form.DurationMonths ?? 12)
        { Conditions = project.ApprovalConditions };
    }

    /// <summary>
    /// The coordination group's conditions come from its resolution, never from the form: each
    /// listed summary carries its project's conditions as approved (empty when approved without).
    /// The institutions' English names come from the register of organisations, so the English
    /// notice names them as they registered (a name the working group typed stays as typed).
    /// </summary>
    private async Task<PublicNoticeContent> WithConditionsAsync(PublicNoticeContent content, CancellationToken cancellationToken)
    {
        var ids = (content.Projects ?? []).OfType<PublicProjectSummary>().Select(p => p.ProjectId).ToList();
        var projects = await db.Projects.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.ApprovalConditions, p.LeadOrganisationId }).ToListAsync(cancellationToken);
        var leads = projects.Select(p => p.LeadOrganisationId).ToList();
        var forms = await db.ApplicationVersions.AsNoTracking().Where(v => ids.Contains(v.ProjectId)).Select(v => v.Form).ToListAsync(cancellationToken);
        var organisationIds = leads.Concat(forms.SelectMany(f => f.PartnerOrganisationIds)).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).Select(o => new { o.Id, o.NameZh, o.NameEn, o.Type }).ToListAsync(cancellationToken);
        var types = names.ToDictionary(n => n.Id, n => n.Type);
        var english = names.Where(n => !string.IsNullOrWhiteSpace(n.NameEn)).DistinctBy(n => n.NameZh).ToDictionary(n => n.NameZh, n => n.NameEn, StringComparer.Ordinal);
        var byProject = projects.ToDictionary(p => p.Id);
        return content with
        {
            // A missing entry stays missing, for the rules to report on its field.
            Projects = content.Projects?.Select(p => p is null ? p! : p with
            {
                Conditions = byProject.GetValueOrDefault(p.ProjectId)?.ApprovalConditions ?? [],
                LeadNameEn = english.GetValueOrDefault(p.LeadName),
                LeadType = byProject.TryGetValue(p.ProjectId, out var project) && types.TryGetValue(project.LeadOrganisationId, out var type) ? type : null,
                PartnerNamesEn = p.PartnerNames is { Count: > 0 } partnerNames ? [.. partnerNames.Select(n => english.GetValueOrDefault(n) ?? n)] : null,
            }).ToList(),
        };
    }

    /// <summary>Only the region's projects in public notice may be listed.</summary>
    private async Task<Error?> ProjectsNotInStageAsync(PublicNoticeContent content, int regionId, CancellationToken cancellationToken)
    {
        var ids = (content.Projects ?? []).Select(p => p.ProjectId).ToList();
        var ok = await db.Projects.CountAsync(p => ids.Contains(p.Id) && p.RegionId == regionId && p.Stage == ProjectStage.PublicNotice, cancellationToken);
        return ok == ids.Distinct().Count() ? null : new Error(NoticeActions.ProjectNotApproved, "Projects");
    }

    private static PublicEvent Event(Guid projectId, PublicEventKind kind, DateTimeOffset at, (string Zh, string En) title, string link) =>
        new(projectId, kind, at, title.Zh, title.En, link);

    private async Task<(PublicNotice? Notice, PublicResponse? Response, Error? Error)> LoadResponseAsync(Guid id, Guid responseId, CancellationToken cancellationToken)
    {
        var notice = await db.PublicNotices.SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        var response = notice?.Responses.SingleOrDefault(r => r.Id == responseId);
        if (notice is null || response is null)
        {
            return (null, null, new Error(DisclosureErrors.NotFound));
        }

        return await commands.AllowsAsync(notice, NoticeOperations.Manage)
            ? (notice, response, null)
            : (null, null, Problems.Forbidden);
    }

    private async Task<Result> ManageAsync(Guid id, Guid expected, Func<PublicNotice, Task<Result>> change, CancellationToken cancellationToken)
    {
        var notice = await db.PublicNotices.SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (notice is null)
        {
            return new Error(DisclosureErrors.NotFound);
        }

        if (!await commands.AllowsAsync(notice, NoticeOperations.Manage))
        {
            return Problems.Forbidden;
        }

        if (notice.Version != expected)
        {
            return new Error(DisclosureErrors.Concurrency);
        }

        var result = await change(notice);
        return result.Succeeded ? await commands.SaveAsync(DisclosureErrors.Concurrency, cancellationToken) : result;
    }
}

public static class NoticeActions
{
    public const string Created = "notice.created";
    public const string Updated = "notice.updated";
    public const string Published = "notice.published";
    public const string Withdrawn = "notice.withdrawn";
    public const string Answered = "notice.response-answered";
    public const string Resolved = "notice.objection-resolved";
    public const string Released = "notice.response-released";
    public const string Admitted = "project.admitted";
    public static readonly ErrorCode ProjectNotApproved = ErrorCode.Validation("Disclosure.ProjectNotApproved");

    /// <summary>Kinds of public record (the ledger appends them by these names).</summary>
    public const string RecordPublished = "Disclosure.NoticePublished";
    public const string RecordSentBack = "Disclosure.SentBackToDeliberation";
    public const string RecordAdmitted = "Disclosure.Admitted";
    public const string RecordWithdrawn = "Disclosure.NoticeWithdrawn";

    /// <summary>The kinds of record whose subject is a notice (the others are about a project), for finding a notice's records.</summary>
    public static readonly IReadOnlyList<string> NoticeRecordKinds = [RecordPublished, RecordWithdrawn];
}
