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

    /// <summary>
    /// Why the chair decided against the majority of the project's votes; required exactly when the
    /// outcome goes against it, and printed in the minutes, the public record and the integrity page.
    /// </summary>
    public string? DeviationReason { get; init; }

    /// <summary>Set by the meeting when the resolution is recorded: the outcome goes against the majority.</summary>
    public bool AgainstMajority { get; init; }

    /// <summary>Set by the meeting when the resolution is recorded: the project's vote count.</summary>
    public VoteTally? Tally { get; init; }
}

/// <summary>A business department whose opinion was still awaited when the item was resolved anyway.</summary>
public sealed record WaivedOpinion(string DepartmentCode, DateOnly DueOn);

/// <summary>
/// 决议: what the chair recorded for an agenda item — the text of the resolution and an outcome per
/// project in the item's order, each with the vote count it rests on.
/// </summary>
/// <param name="Tally">
/// The item's single count, from resolutions recorded before votes were per project; null since
/// (each outcome carries its project's count): read counts through <see cref="TallyOf"/>.
/// </param>
/// <remarks>Who was recused stays on the item (<see cref="AgendaItem.RecusedMemberIds"/>), which changes no more once resolved.</remarks>
public sealed record Resolution(string Text, IReadOnlyList<ProjectOutcome> Outcomes, VoteTally? Tally, DateTimeOffset RecordedAt, string RecordedBy)
{
    /// <summary>Departments whose opinion was still awaited; the item went ahead without them for <see cref="ProceedReason"/>.</summary>
    public IReadOnlyList<WaivedOpinion> WaivedOpinions { get; init; } = [];

    public string? ProceedReason { get; init; }

    /// <summary>The count a project's outcome rests on.</summary>
    public VoteTally? TallyOf(Guid projectId) => Outcomes.FirstOrDefault(o => o.ProjectId == projectId)?.Tally ?? Tally;

    public bool AnyAgainstMajority => Outcomes.Any(o => o.AgainstMajority);
}
