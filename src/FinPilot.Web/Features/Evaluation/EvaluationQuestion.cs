namespace FinPilot.Web.Features.Evaluation;

/// <summary>
/// A question an expert puts to the applicant during evaluation. The thread belongs to the
/// project: every expert of the project reads it, the applicant reads it without expert names.
/// </summary>
public sealed class EvaluationQuestion
{
    public const int MaxTextLength = 2000;

    public Guid Id { get; set; }

    public Guid RoundId { get; set; }

    public Guid ProjectId { get; set; }

    public string AskedBy { get; set; } = string.Empty;

    public string Text { get; set; } = string.Empty;

    public DateTimeOffset AskedAt { get; set; }

    /// <summary>Whether the round's deadline waits for the answer (the secretariat's choice when asked).</summary>
    public bool PausesDeadline { get; set; }

    public string? Answer { get; set; }

    public string? AnsweredBy { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }
}

/// <summary>The outcome of a consensus discussion on a project whose experts disagreed strongly.</summary>
public sealed class ConsensusRecord
{
    public const int MaxOutcomeLength = 4000;

    public Guid RoundId { get; set; }

    public Guid ProjectId { get; set; }

    public string Outcome { get; set; } = string.Empty;

    public DateTimeOffset RecordedAt { get; set; }

    public string RecordedBy { get; set; } = string.Empty;
}
