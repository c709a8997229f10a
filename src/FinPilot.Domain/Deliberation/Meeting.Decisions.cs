using FinPilot.Domain.Common;

namespace FinPilot.Domain.Deliberation;

/// <summary>What happens on the agenda items: departments' opinions, members' votes, the chair's resolutions.</summary>
public sealed partial class Meeting
{
    /// <summary>征求意见: asks a business department for its opinion on an item by <paramref name="dueOn"/>.</summary>
    public Result RequestOpinion(Guid itemId, string departmentCode, DateOnly dueOn, DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        return OnItem(itemId, item => item.RequestOpinion(departmentCode, dueOn, now, actorUserId));
    }

    /// <summary>Records the answer to a department's open request; a late answer is recorded and shows as late.</summary>
    public Result RecordOpinion(Guid itemId, string departmentCode, string opinion, DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        return OnItem(itemId, item => item.RecordOpinion(departmentCode, opinion, now, actorUserId));
    }

    /// <summary>
    /// 表决: one attendee's vote on one item, cast once and final. <paramref name="recusedMemberIds"/>
    /// are the members the caller found in conflict with the item's projects (their organisation
    /// or employer is a party); they are recorded on the item and may not vote on it.
    /// </summary>
    /// <param name="conditions">Required for <see cref="VoteChoice.ApproveWithConditions"/>, refused otherwise.</param>
    public Result Vote(
        Guid itemId, string memberId, VoteChoice choice, string? comment, IReadOnlyList<string>? conditions,
        IReadOnlyCollection<string> recusedMemberIds, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(memberId);
        if (Status != MeetingStatus.Held)
        {
            return new Error(DeliberationErrors.NotHeld, null, Status);
        }

        return OnItem(itemId, item => item.Vote(AttendeeIds, memberId, choice, comment, conditions, recusedMemberIds, now));
    }

    /// <summary>The item's vote count as it stands (or as resolved), for the chair to see whether there is a quorum.</summary>
    public Result<VoteTally> TallyOf(Guid itemId, IReadOnlyCollection<string> recusedMemberIds) =>
        Find(itemId) is { } item ? item.Tally(AttendeeIds, recusedMemberIds) : new Error(DeliberationErrors.ItemNotFound, null, itemId);

    /// <summary>
    /// 决议: the chair records the outcome for every project of the item and the resolution's text.
    /// Refused without a quorum: more than half of the attendees not recused from the item must
    /// have voted. The vote count is kept with the resolution.
    /// </summary>
    public Result RecordResolution(
        Guid itemId, string chairId, IReadOnlyList<ProjectOutcome> outcomes, string text, IReadOnlyCollection<string> recusedMemberIds, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(chairId);
        if (Status != MeetingStatus.Held)
        {
            return new Error(DeliberationErrors.NotHeld, null, Status);
        }

        if (chairId != ChairId)
        {
            return Find(itemId) is null ? new Error(DeliberationErrors.ItemNotFound, null, itemId) : new Error(DeliberationErrors.NotChair, null, chairId);
        }

        return OnItem(itemId, item => item.Resolve(AttendeeIds, chairId, outcomes, text, recusedMemberIds, now));
    }
}
