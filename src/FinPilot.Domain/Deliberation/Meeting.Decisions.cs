using FinPilot.Domain.Common;

namespace FinPilot.Domain.Deliberation;

/// <summary>What happens on the agenda items: departments' opinions, members' votes, the chair's resolutions.</summary>
public sealed partial class Meeting
{
    /// <summary>征求意见: asks a business department for its opinion on an item by <paramref name="dueOn"/>.</summary>
    public Result RequestOpinion(Guid itemId, string departmentCode, DateOnly dueOn, DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        return OnItem(itemId, item => item.RequestOpinion(departmentCode, dueOn, now, actorUserId), new OpinionRequested(itemId, departmentCode, dueOn));
    }

    /// <summary>Records the answer to a department's open request; a late answer is recorded and shows as late.</summary>
    public Result RecordOpinion(Guid itemId, string departmentCode, string opinion, DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        return OnItem(itemId, item => item.RecordOpinion(departmentCode, opinion, now, actorUserId), new OpinionRecorded(itemId, departmentCode));
    }

    /// <summary>
    /// 表决: one attendee's vote on one project of an item, cast once and final.
    /// <paramref name="recusedMemberIds"/> are the members the caller found in conflict with the
    /// item's projects (their organisation or employer is a party); they are recorded on the item
    /// and may not vote on it.
    /// </summary>
    /// <param name="conditions">Required for <see cref="VoteChoice.ApproveWithConditions"/>, refused otherwise.</param>
    public Result Vote(
        Guid itemId, string memberId, Guid projectId, VoteChoice choice, string? comment, IReadOnlyList<string>? conditions,
        IReadOnlyCollection<string> recusedMemberIds, DateTimeOffset now)
    {
        var cast = Cast(itemId, memberId, projectId, choice, comment, conditions, recusedMemberIds, now);
        if (cast.Succeeded)
        {
            _events.Record(new VotesCast(itemId, memberId, [new ProjectBallot(projectId, choice, comment, conditions)]));
        }

        return cast;
    }

    /// <summary>
    /// One member's votes on several projects of an item, one choice each: all are cast, or none
    /// when any one is refused (the first refusal is the answer).
    /// </summary>
    public Result Vote(Guid itemId, string memberId, IReadOnlyList<ProjectBallot> ballots, IReadOnlyCollection<string> recusedMemberIds, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ballots);
        var before = Find(itemId)?.Ballots.Count ?? 0;
        foreach (var ballot in ballots)
        {
            var cast = Cast(itemId, memberId, ballot.ProjectId, ballot.Choice, ballot.Comment, ballot.Conditions, recusedMemberIds, now);
            if (!cast.Succeeded)
            {
                Find(itemId)?.ForgetBallotsAfter(before);
                return cast;
            }
        }

        _events.Record(new VotesCast(itemId, memberId, ballots));
        return Result.Ok();
    }

    /// <summary>
    /// The same vote on every project of the item the member has not voted on yet, for an item of
    /// one project or a member of one mind; refused as a whole if any single vote is.
    /// </summary>
    public Result Vote(
        Guid itemId, string memberId, VoteChoice choice, string? comment, IReadOnlyList<string>? conditions,
        IReadOnlyCollection<string> recusedMemberIds, DateTimeOffset now)
    {
        if (Find(itemId) is not { } item)
        {
            return Status == MeetingStatus.Held ? new Error(DeliberationErrors.ItemNotFound, null, itemId) : new Error(DeliberationErrors.NotHeld, null, Status);
        }

        var open = item.ProjectIds.Where(p => !item.Ballots.Any(b => b.MemberId == memberId && b.AppliesTo(p))).ToArray();
        if (open.Length == 0)
        {
            return Cast(itemId, memberId, item.ProjectIds[0], choice, comment, conditions, recusedMemberIds, now);
        }

        var before = item.Ballots.Count;
        foreach (var projectId in open)
        {
            var cast = Cast(itemId, memberId, projectId, choice, comment, conditions, recusedMemberIds, now);
            if (!cast.Succeeded)
            {
                item.ForgetBallotsAfter(before);
                return cast;
            }
        }

        _events.Record(new VotedOnAll(itemId, memberId, choice));
        return Result.Ok();
    }

    /// <summary>回避申报: an attendee declares a conflict with an item's projects and is recused from it.</summary>
    public Result DeclareConflict(Guid itemId, string memberId, string reason, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(memberId);
        return OnItem(itemId, item => item.DeclareConflict(AttendeeIds, memberId, reason, now), new MeetingConflictDeclared(itemId, memberId, reason));
    }

    private Result Cast(
        Guid itemId, string memberId, Guid projectId, VoteChoice choice, string? comment, IReadOnlyList<string>? conditions,
        IReadOnlyCollection<string> recusedMemberIds, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(memberId);
        if (Status != MeetingStatus.Held)
        {
            return new Error(DeliberationErrors.NotHeld, null, Status);
        }

        return OnItem(itemId, item => item.Vote(AttendeeIds, memberId, projectId, choice, comment, conditions, recusedMemberIds, now));
    }

    /// <summary>A project's vote count as it stands (or as resolved), for the chair to see whether there is a quorum and a majority.</summary>
    public Result<VoteTally> TallyOf(Guid itemId, Guid projectId, IReadOnlyCollection<string> recusedMemberIds) =>
        Find(itemId) is { } item ? item.Tally(AttendeeIds, recusedMemberIds, projectId) : new Error(DeliberationErrors.ItemNotFound, null, itemId);

    /// <summary>
    /// 决议: the chair records the outcome for every project of the item and the resolution's text.
    /// Refused without the quorum on every project, while a department's opinion is awaited unless
    /// <paramref name="proceedReason"/> says why the item cannot wait, and for an outcome against
    /// the majority of its project's votes without a written reason. The counts are kept with it.
    /// </summary>
    public Result RecordResolution(
        Guid itemId, string chairId, IReadOnlyList<ProjectOutcome> outcomes, string text, IReadOnlyCollection<string> recusedMemberIds,
        Quorum quorum, string? proceedReason, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(chairId);
        ArgumentNullException.ThrowIfNull(quorum);
        if (Status != MeetingStatus.Held)
        {
            return new Error(DeliberationErrors.NotHeld, null, Status);
        }

        if (chairId != ChairId)
        {
            return Find(itemId) is null ? new Error(DeliberationErrors.ItemNotFound, null, itemId) : new Error(DeliberationErrors.NotChair, null, chairId);
        }

        return OnItem(itemId, item => item.Resolve(AttendeeIds, chairId, outcomes, text, recusedMemberIds, quorum, proceedReason, now), new ResolutionRecorded(itemId, text));
    }

    /// <summary>As <see cref="RecordResolution(Guid, string, IReadOnlyList{ProjectOutcome}, string, IReadOnlyCollection{string}, Quorum, string?, DateTimeOffset)"/> with the default quorum and no awaited opinion waived.</summary>
    public Result RecordResolution(
        Guid itemId, string chairId, IReadOnlyList<ProjectOutcome> outcomes, string text, IReadOnlyCollection<string> recusedMemberIds, DateTimeOffset now) =>
        RecordResolution(itemId, chairId, outcomes, text, recusedMemberIds, Quorum.MoreThanHalf, null, now);
}
