using FinPilot.Domain.Common;
using FinPilot.Domain.Deliberation;
using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Applications;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Disclosure;
using FinPilot.Web.Features.Evaluation;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Notifications;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FinPilot.Web.Features.Deliberation;

/// <summary>
/// 协调小组审议: meetings of the coordination group, their agenda items, votes with automatic
/// recusal, and resolutions, which move the projects and are written as public records.
/// </summary>
public sealed class DeliberationService(
    FinPilotDbContext db, CurrentUser current, CommandPipeline commands, ConflictFinder conflicts, PublicRecordWriter records, Notifier notifier,
    IOptions<DeliberationOptions> options, NoticeNotifications notices, TimeProvider clock, IEnumerable<IAgendaItemResolution> resolutions)
{
    /// <summary>The quorum resolutions are held to (<c>Deliberation:QuorumPercent</c>).</summary>
    public Quorum Quorum => options.Value.Quorum;

    /// <summary>Coordination-group members, administrators and integrity officers read meetings.</summary>
    public async Task<Result<IReadOnlyList<Meeting>>> MeetingsAsync(CancellationToken cancellationToken = default)
    {
        if (!await commands.AllowsAsync(null, MeetingOperations.Read))
        {
            return Problems.Forbidden;
        }

        return await db.Set<Meeting>().AsNoTracking().OrderByDescending(m => m.Date).Take(200).ToListAsync(cancellationToken);
    }

    public async Task<Result<Meeting>> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (!await commands.AllowsAsync(null, MeetingOperations.Read))
        {
            return Problems.Forbidden;
        }

        var meeting = await db.Set<Meeting>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        return meeting is null ? new Error(DeliberationErrors.NotFound) : meeting;
    }

    /// <summary>The people who may attend: holders of the coordination-group role.</summary>
    public async Task<IReadOnlyList<(string Id, string Name)>> MembersAsync(CancellationToken cancellationToken = default)
    {
        var ids = db.RoleAssignments.Where(a => a.Role == Role.CoordinationGroup).Select(a => a.UserId);
        return (await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && !u.Disabled).OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken))
            .Select(u => (u.Id, u.DisplayName)).ToList();
    }

    /// <summary>Projects waiting for the coordination group (in deliberation), for the agenda.</summary>
    public async Task<IReadOnlyList<PilotProject>> AwaitingAsync(CancellationToken cancellationToken = default) =>
        await db.Projects.AsNoTracking().Where(p => p.Stage == ProjectStage.Deliberation).OrderBy(p => p.Title).ToListAsync(cancellationToken);

    public async Task<Result<Meeting>> ScheduleAsync(MeetingDetails details, CancellationToken cancellationToken = default)
    {
        if (!await commands.AllowsAsync(null, MeetingOperations.Manage))
        {
            return Problems.Forbidden;
        }

        var members = (await MembersAsync(cancellationToken)).Select(m => m.Id).ToHashSet();
        if ((details.AttendeeIds ?? []).Any(a => !members.Contains(a)))
        {
            return new Error(DeliberationErrors.NotAttendeeInput, "AttendeeIds", string.Join(",", details.AttendeeIds!.Where(a => !members.Contains(a))));
        }

        var now = clock.GetUtcNow();
        var scheduled = Meeting.Schedule(Guid.CreateVersion7(now), details, now, current.Id!);
        if (!scheduled.Succeeded)
        {
            return scheduled;
        }

        db.Add(scheduled.Value);
        await commands.SaveAsync(cancellationToken);
        return scheduled;
    }

    public Task<Result> AddAgendaItemAsync(Guid meetingId, AgendaItemKind kind, string title, IReadOnlyList<Guid> projectIds, string workingGroupView, CancellationToken cancellationToken = default) =>
        ChangeAsync(meetingId, async meeting =>
        {
            var projects = await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id)).ToListAsync(cancellationToken);
            var result = meeting.AddAgendaItem(Guid.CreateVersion7(clock.GetUtcNow()), kind, title, projects, workingGroupView, clock.GetUtcNow(), current.Id!);
            if (result.Succeeded)
            {
                commands.Note(meeting, new AgendaItemAsked(projectIds));
            }

            return result;
        }, cancellationToken);

    /// <summary>The business departments the group may ask (an administrator-maintained list).</summary>
    public async Task<IReadOnlyList<ReferenceItem>> DepartmentsAsync(CancellationToken cancellationToken = default) =>
        await db.ReferenceItems.AsNoTracking().Where(r => r.Kind == ReferenceKind.Department && r.Active).OrderBy(r => r.SortOrder).ToListAsync(cancellationToken);

    public Task<Result> RequestOpinionAsync(Guid meetingId, Guid itemId, string department, DateOnly dueOn, CancellationToken cancellationToken = default) =>
        ChangeAsync(meetingId, async meeting =>
        {
            if (!(await DepartmentsAsync(cancellationToken)).Any(d => d.Code == department))
            {
                return new Error(DeliberationErrors.DepartmentUnknown, "departmentCode", department);
            }

            return meeting.RequestOpinion(itemId, department, dueOn, clock.GetUtcNow(), current.Id!);
        }, cancellationToken);

    public Task<Result> RecordOpinionAsync(Guid meetingId, Guid itemId, string department, string opinion, CancellationToken cancellationToken = default) =>
        ChangeAsync(meetingId, meeting => meeting.RecordOpinion(itemId, department, opinion, clock.GetUtcNow(), current.Id!), cancellationToken);

    public Task<Result> ConveneAsync(Guid meetingId, CancellationToken cancellationToken = default) =>
        ChangeAsync(meetingId, meeting => meeting.Convene(clock.GetUtcNow(), current.Id!), cancellationToken);

    public Task<Result> CloseAsync(Guid meetingId, CancellationToken cancellationToken = default) =>
        ChangeAsync(meetingId, meeting => meeting.Close(clock.GetUtcNow(), current.Id!), cancellationToken);

    /// <summary>
    /// The caller votes on projects of an item, one choice each, all or none; a member with a
    /// conflict on any of its projects is recused automatically.
    /// </summary>
    public Task<Result> VoteAsync(Guid meetingId, Guid itemId, IReadOnlyList<ProjectVote> votes, CancellationToken cancellationToken = default) =>
        ChangeAsync(meetingId, async meeting =>
        {
            var recused = await RecusedAsync(meeting, itemId, cancellationToken);
            var now = clock.GetUtcNow();
            if (votes.Count == 0)
            {
                return new Error(Text.RequiredCode, "votes");
            }

            return meeting.Vote(itemId, current.Id!, [.. votes.Select(v => new ProjectBallot(v.ProjectId, v.Choice, v.Comment, v.Conditions))], recused, now);
        }, cancellationToken, anyMember: true);

    /// <summary>The caller votes the same on every project of an item it has not voted on yet.</summary>
    public Task<Result> VoteAsync(Guid meetingId, Guid itemId, VoteChoice choice, string? comment, IReadOnlyList<string>? conditions, CancellationToken cancellationToken = default) =>
        ChangeAsync(meetingId, async meeting =>
        {
            var recused = await RecusedAsync(meeting, itemId, cancellationToken);
            return meeting.Vote(itemId, current.Id!, choice, comment, conditions, recused, clock.GetUtcNow());
        }, cancellationToken, anyMember: true);

    /// <summary>回避申报: the caller, an attendee, declares a conflict with an item's projects and is recused from it.</summary>
    public Task<Result> DeclareConflictAsync(Guid meetingId, Guid itemId, string reason, CancellationToken cancellationToken = default) =>
        ChangeAsync(meetingId, meeting => meeting.DeclareConflict(itemId, current.Id!, reason, clock.GetUtcNow()), cancellationToken, anyMember: true);

    /// <summary>
    /// The chair records the resolution; each project then moves as the item's kind says (admission:
    /// approved → public notice, rejected → rejected with the reason the applicant reads), and the
    /// resolution becomes a public record.
    /// </summary>
    public Task<Result> ResolveAsync(
        Guid meetingId, Guid itemId, IReadOnlyList<ProjectOutcome> outcomes, string text, string? proceedReason = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(meetingId, async meeting =>
        {
            var now = clock.GetUtcNow();
            var recused = await RecusedAsync(meeting, itemId, cancellationToken);
            var result = meeting.RecordResolution(itemId, current.Id!, outcomes, text, recused, options.Value.Quorum, proceedReason, now);
            if (!result.Succeeded)
            {
                return result;
            }

            var item = meeting.Find(itemId)!;
            var rule = AgendaItemKinds.Find(item.Kind)!;
            if ((rule.OnApproval is null && rule.OnRejection is null) || resolutions.Any(r => r.Kind == item.Kind))
            {
                // A kind that moves no project (a major plan change), or whose matter a module owns (a termination, an exit),
                // is carried out by that module.
                foreach (var resolution in resolutions.Where(r => r.Kind == item.Kind))
                {
                    var carried = await resolution.ResolvedAsync(meeting, item, cancellationToken);
                    if (!carried.Succeeded)
                    {
                        return carried;
                    }
                }

                return Result.Ok();
            }

            var ids = item.Resolution!.Outcomes.Select(o => o.ProjectId).ToList();
            var projects = await db.Projects.Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
            foreach (var outcome in item.Resolution.Outcomes)
            {
                var project = projects.Single(p => p.Id == outcome.ProjectId);
                var trigger = outcome.Kind == OutcomeKind.Rejected ? rule.OnRejection : rule.OnApproval;
                if (trigger is { } t && !await commands.AllowsAsync(project, ProjectOperations.Move(t)))
                {
                    return Problems.Forbidden;
                }

                var moved = outcome.Kind == OutcomeKind.Rejected
                    ? project.RejectAfterDeliberation(now, current.Id!, outcome.Reason ?? text)
                    : project.Approve(now, current.Id!, outcome.Conditions, item.Title);
                if (!moved.Succeeded)
                {
                    return moved;
                }

                // The applicant hears the outcome; a rejection's reason is on the application page.
                var applicants = await db.UserIdsWithAsync(Role.Applicant, null, project.LeadOrganisationId, cancellationToken);
                notifier.Enqueue(applicants, outcome.Kind == OutcomeKind.Rejected ? NotificationKind.RejectedByCoordinationGroup : NotificationKind.ProjectApproved,
                    $"/applications/{project.Id}", new Dictionary<string, string> { [NotificationValues.Title] = project.Title });
                if (project.Stage == ProjectStage.PublicNotice)
                {
                    // Approved for admission: the region's working group is to put it on a notice.
                    await notices.ProjectAwaitsNoticeAsync(project, cancellationToken);
                }

                var title = FinPilot.Web.Features.Disclosure.PublicEventTexts.Of(outcome.Kind == OutcomeKind.Rejected ? "Event_Rejected" : "Event_Approved", item.Title);
                records.Write(
                    PublicRecord.Create(DeliberationActions.RecordResolution, project.Id.ToString(), now, new
                    {
                        meetingId,
                        itemId,
                        item.Kind,
                        projectId = project.Id,
                        outcome = outcome.Kind,
                        outcome.Conditions,
                        text,
                        tally = outcome.Tally,
                        outcome.AgainstMajority,
                        outcome.DeviationReason,
                    }),
                    project.RegionId,
                    [new PublicEvent(project.Id, PublicEventKind.ResolutionPublished, now,
                        title.Zh,
                        title.En,
                        // A rejected project never reaches the register: its record points to the resolution's own public page.
                        outcome.Kind == OutcomeKind.Rejected ? DeliberationActions.ResolutionPage(project.Id) : $"/pilots/{project.Id}")]);
            }

            return Result.Ok();
        }, cancellationToken);

    /// <summary>Attendees with a conflict on any of the item's projects (their organisation is the lead or a partner, or they declared one).</summary>
    private async Task<IReadOnlyCollection<string>> RecusedAsync(Meeting meeting, Guid itemId, CancellationToken cancellationToken)
    {
        var item = meeting.Find(itemId);
        if (item is null)
        {
            return [];
        }

        var found = await conflicts.FindAsync(meeting.AttendeeIds.ToList(), item.ProjectIds.ToList(), cancellationToken);
        return found.Keys.Select(k => k.ExpertId).Distinct().ToList();
    }

    private Task<Result> ChangeAsync(Guid meetingId, Func<Meeting, Result> change, CancellationToken cancellationToken, bool anyMember = false) =>
        ChangeAsync(meetingId, m => Task.FromResult(change(m)), cancellationToken, anyMember);

    private async Task<Result> ChangeAsync(Guid meetingId, Func<Meeting, Task<Result>> change, CancellationToken cancellationToken, bool anyMember = false)
    {
        if (!await commands.AllowsAsync(null, anyMember ? MeetingOperations.Vote : MeetingOperations.Manage))
        {
            return Problems.Forbidden;
        }

        var meeting = await db.Set<Meeting>().SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null)
        {
            return new Error(DeliberationErrors.NotFound);
        }

        var result = await change(meeting);
        if (!result.Succeeded)
        {
            return result;
        }

        return await commands.SaveAsync(DeliberationErrors.Concurrency, cancellationToken);
    }
}

public static class DeliberationActions
{
    public const string Scheduled = "meeting.scheduled";
    public const string ItemAdded = "meeting.item-added";
    public const string OpinionRequested = "meeting.opinion-requested";
    public const string OpinionRecorded = "meeting.opinion-recorded";
    public const string Convened = "meeting.convened";
    public const string Voted = "meeting.voted";
    public const string ConflictDeclared = "meeting.conflict-declared";
    public const string Resolved = "meeting.resolved";
    public const string Closed = "meeting.closed";
    public const string MinutesExported = "meeting.minutes-exported";

    /// <summary>The kind of public record a resolution is written as (the ledger appends it by this name).</summary>
    public const string RecordResolution = "Deliberation.Resolution";

    /// <summary>The public page of the resolutions about a project: it exists whether or not the project ever became public.</summary>
    public static string ResolutionPage(Guid projectId) => $"/resolutions/{projectId}";
}

/// <summary>A member's vote on one project of an agenda item.</summary>
public sealed record ProjectVote(Guid ProjectId, VoteChoice Choice, string? Comment = null, IReadOnlyList<string>? Conditions = null);

/// <summary>Settings of deliberation (<c>Deliberation:</c> in configuration).</summary>
public sealed class DeliberationOptions
{
    public const string Section = "Deliberation";

    /// <summary>法定人数: more than this percentage of the members entitled to vote on a project must have voted (default 50: more than half).</summary>
    public int QuorumPercent { get; set; } = 50;

    public Quorum Quorum => new(QuorumPercent);
}
