using FinPilot.Domain.Common;
using FinPilot.Domain.Deliberation;
using FinPilot.Web.Features.Audit;

namespace FinPilot.Web.Features.Deliberation;

/// <summary>The project ids a new agenda item was asked for, as the caller gave them: noted by the use case, written on the line.</summary>
public sealed record AgendaItemAsked(IReadOnlyList<Guid> ProjectIds);

/// <summary>
/// The audit line of every event a <see cref="Meeting"/> records: one per change, one per batch of
/// votes. The project moves a resolution makes have no line of their own (the resolution's line
/// lists the outcomes).
/// </summary>
public sealed class MeetingAuditMap : AuditMap<Meeting>
{
    protected override AuditLine? Map(Meeting meeting, IDomainEvent recorded, AuditFacts facts) => recorded switch
    {
        MeetingScheduled e => Line(meeting, DeliberationActions.Scheduled, new { e.Given.Title, e.Given.Date, attendees = e.Given.AttendeeIds?.Count }),
        AgendaItemAdded e => Line(meeting, DeliberationActions.ItemAdded,
            new { kind = e.Kind, title = e.Title, projectIds = facts.Get<AgendaItemAsked>(meeting)?.ProjectIds ?? meeting.Find(e.ItemId)?.ProjectIds }),
        OpinionRequested e => Line(meeting, DeliberationActions.OpinionRequested, new { itemId = e.ItemId, department = e.Department, dueOn = e.DueOn }),
        OpinionRecorded e => Line(meeting, DeliberationActions.OpinionRecorded, new { itemId = e.ItemId, department = e.Department }),
        MeetingConvened => Line(meeting, DeliberationActions.Convened, null),
        MeetingClosed => Line(meeting, DeliberationActions.Closed, null),
        VotesCast e => Line(meeting, DeliberationActions.Voted, new { itemId = e.ItemId, votes = e.Ballots.Select(v => new { v.ProjectId, v.Choice }) }),
        VotedOnAll e => Line(meeting, DeliberationActions.Voted, new { itemId = e.ItemId, choice = e.Choice }),
        MeetingConflictDeclared e => Line(meeting, DeliberationActions.ConflictDeclared, new { itemId = e.ItemId, reason = e.Reason }),
        ResolutionRecorded e when meeting.Find(e.ItemId)?.Resolution is { } resolution => Line(meeting, DeliberationActions.Resolved,
            new { itemId = e.ItemId, outcomes = resolution.Outcomes, text = e.Text, resolution.ProceedReason }),
        _ => null,
    };

    private static AuditLine Line(Meeting meeting, string action, object? details) => AuditLines.Meeting(action, meeting.Id, details);
}
