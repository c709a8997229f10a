namespace FinPilot.Web.Features.Evaluation;

public enum ConflictDeclarationKind
{
    /// <summary>An organisation on the platform; matched automatically against every project's parties.</summary>
    Organisation = 1,

    /// <summary>A person (a relative, a former colleague…); the secretariat reads it when assigning.</summary>
    Person = 2,

    /// <summary>Anything else the expert wants on record.</summary>
    Other = 3,
}

/// <summary>
/// A conflict of interest an expert declares for the pool, independent of any round. Declarations
/// are evidence for the integrity officer: they are never deleted, only marked as no longer current.
/// </summary>
public sealed class ConflictDeclaration
{
    public const int MaxTextLength = 500;

    public Guid Id { get; set; }

    public string ExpertUserId { get; set; } = string.Empty;

    public ConflictDeclarationKind Kind { get; set; }

    public Guid? OrganisationId { get; set; }

    public string Text { get; set; } = string.Empty;

    public DateTimeOffset DeclaredAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public bool IsCurrent => EndedAt is null;

    /// <summary>
    /// Whether the declaration counts for a round that was open for <paramref name="round"/>
    /// (null: no round, only what holds now). A current one always counts. An ended one still
    /// counts for a round that opened before it ended and had not ended before it was declared:
    /// the expert was recused there, and ending the declaration does not put them back mid-round.
    /// </summary>
    public bool CountsFor(RoundPeriod? round) =>
        IsCurrent
        || (round?.OpenedAt is { } opened && EndedAt > opened && (round.CompletedAt is not { } completed || DeclaredAt < completed));
}

/// <summary>When a round was open for scoring: from <paramref name="OpenedAt"/> (null while prepared) to <paramref name="CompletedAt"/> (null while open).</summary>
public sealed record RoundPeriod(DateTimeOffset? OpenedAt, DateTimeOffset? CompletedAt)
{
    public static RoundPeriod Of(FinPilot.Domain.Evaluation.Rounds.EvaluationRound round) => new(round.OpenedAt, round.CompletedAt);
}
