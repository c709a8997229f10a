namespace FinPilot.Domain.Deliberation;

/// <summary>A member's choice on an agenda item. The numbers are stored, so they never change.</summary>
public enum VoteChoice
{
    /// <summary>同意.</summary>
    Approve = 1,

    /// <summary>附条件同意: approve if the conditions the member names are imposed.</summary>
    ApproveWithConditions = 2,

    /// <summary>不同意.</summary>
    Reject = 3,

    /// <summary>弃权: present and counted towards the quorum, but for neither side.</summary>
    Abstain = 4,
}

/// <summary>One member's vote on one project of an agenda item: cast once and final.</summary>
/// <param name="Conditions">The member's conditions; empty unless <see cref="VoteChoice.ApproveWithConditions"/>.</param>
public sealed record Ballot(string MemberId, VoteChoice Choice, string? Comment, IReadOnlyList<string> Conditions, DateTimeOffset CastAt)
{
    /// <summary>
    /// The project voted on. Empty on ballots cast before votes were per project: such a ballot is
    /// the member's vote on every project of the item.
    /// </summary>
    public Guid ProjectId { get; init; }

    public bool AppliesTo(Guid projectId) => ProjectId == Guid.Empty || ProjectId == projectId;

    /// <summary>Whether the vote is for approval (with or without conditions).</summary>
    public bool IsForApproval => Choice is VoteChoice.Approve or VoteChoice.ApproveWithConditions;
}

/// <summary>
/// 法定人数: the share of the attendees entitled to vote on a project who must have voted on it
/// before the chair may resolve — more than <see cref="Percent"/> percent (the default: more than half).
/// </summary>
public sealed record Quorum(int Percent)
{
    public static Quorum MoreThanHalf { get; } = new(50);

    public bool IsValid => Percent is >= 1 and <= 99;

    public bool IsMet(VoteTally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        return tally.Voted * 100 > tally.Eligible * Percent;
    }
}

/// <summary>
/// The count of an item's votes. <see cref="Eligible"/> is the attendees not recused from the
/// item; a vote cast by a member recused afterwards is not counted and shows as <see cref="Excluded"/>.
/// </summary>
public sealed record VoteTally(int Approve, int ApproveWithConditions, int Reject, int Abstain, int Eligible, int Recused, int Excluded)
{
    /// <summary>Votes counted, abstentions included.</summary>
    public int Voted => Approve + ApproveWithConditions + Reject + Abstain;

    /// <summary>Entitled attendees who have not voted.</summary>
    public int NotVoted => Eligible - Voted;

    /// <summary>法定人数 at the default rule: more than half of the attendees entitled to vote have voted.</summary>
    public bool HasQuorum => Quorum.MoreThanHalf.IsMet(this);

    /// <summary>
    /// Which way the counted votes lean: true for approval, false for rejection, null when neither side
    /// has more votes than the other (abstentions count for neither).
    /// </summary>
    public bool? Majority => (Approve + ApproveWithConditions).CompareTo(Reject) switch
    {
        > 0 => true,
        < 0 => false,
        _ => null,
    };

    /// <summary>Counts the ballots of members entitled to vote; the others are counted as excluded.</summary>
    public static VoteTally Count(IReadOnlyCollection<Ballot> ballots, IReadOnlyCollection<string> attendeeIds, IReadOnlySet<string> recusedIds)
    {
        var counted = ballots.Where(b => !recusedIds.Contains(b.MemberId)).ToArray();
        var recused = attendeeIds.Count(recusedIds.Contains);
        return new VoteTally(
            counted.Count(b => b.Choice == VoteChoice.Approve),
            counted.Count(b => b.Choice == VoteChoice.ApproveWithConditions),
            counted.Count(b => b.Choice == VoteChoice.Reject),
            counted.Count(b => b.Choice == VoteChoice.Abstain),
            attendeeIds.Count - recused,
            recused,
            ballots.Count - counted.Length);
    }
}
