namespace FinPilot.Domain.Evaluation.Rounds;

/// <summary>
/// What the secretariat sets on a round. A blank title keeps the current one (the call's title for
/// a new round); null weights or rubric keep the current ones (the defaults for a new round).
/// </summary>
public sealed record RoundSettings(
    string? Title, int ExpertsPerProject, DateOnly Deadline, bool ShowPeerScores, CategoryWeights? Weights = null, Rubric? Rubric = null);
