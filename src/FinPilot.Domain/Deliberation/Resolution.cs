namespace FinPilot.Domain.Deliberation;

/// <summary>What the coordination group decided for one project. The numbers are stored, so they never change.</summary>
public enum OutcomeKind
{
    /// <summary>通过.</summary>
    Approved = 1,

    /// <summary>附条件通过: approved on conditions the lead institution must confirm before admission.</summary>
    ApprovedWithConditions = 2,

    /// <summary>不通过, with the reason the applicant reads.</summary>
    Rejected = 3,
}

/// <summary>The decision on one project of an agenda item; build it with the factory methods.</summary>
/// <param name="Conditions">Non-empty exactly for <see cref="OutcomeKind.ApprovedWithConditions"/>.</param>
/// <param name="Reason">Given exactly for <see cref="OutcomeKind.Rejected"/>.</param>
public sealed record ProjectOutcome(Guid ProjectId, OutcomeKind Kind, IReadOnlyList<string> Conditions, string? Reason)
{
    public static ProjectOutcome Approved(Guid projectId) => new(projectId, OutcomeKind.Approved, [], null);

    public static ProjectOutcome ApprovedWithConditions(Guid projectId, IReadOnlyList<string> conditions) =>
        new(projectId, OutcomeKind.ApprovedWithConditions, conditions, null);

    public static ProjectOutcome Rejected(Guid projectId, string reason) => new(projectId, OutcomeKind.Rejected, [], reason);

    /// <summary>Whether the project goes ahead (with or without conditions).</summary>
    public bool IsApproval => Kind is OutcomeKind.Approved or OutcomeKind.ApprovedWithConditions;
}

/// <summary>
/// 决议: what the chair recorded for an agenda item — the text of the resolution, an outcome per
/// project in the item's order, and the vote count it rests on.
/// </summary>
/// <remarks>Who was recused stays on the item (<see cref="AgendaItem.RecusedMemberIds"/>), which changes no more once resolved.</remarks>
public sealed record Resolution(string Text, IReadOnlyList<ProjectOutcome> Outcomes, VoteTally Tally, DateTimeOffset RecordedAt, string RecordedBy);
