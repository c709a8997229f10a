namespace FinPilot.Web.Features.Evaluation;

/// <summary>The secretariat's instruction to the solver for one expert and one project.</summary>
public enum PairRuleKind
{
    Pin = 1,
    Forbid = 2,
}

public sealed class PairRule
{
    public Guid RoundId { get; set; }

    public Guid ProjectId { get; set; }

    public string ExpertUserId { get; set; } = string.Empty;

    public PairRuleKind Kind { get; set; }
}
