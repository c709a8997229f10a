using System.Globalization;
using System.Text.Json;
using FinPilot.Domain.Common;
using FinPilot.Domain.Evaluation;

namespace FinPilot.Web.Features.Evaluation;

public enum RoundStatus
{
    /// <summary>The secretariat builds the round: settings, projects, assignment.</summary>
    Preparing = 1,

    /// <summary>Experts declare conflicts and score.</summary>
    Scoring = 2,

    /// <summary>Scores are final; the projects went on to deliberation.</summary>
    Completed = 3,
}

/// <summary>
/// 评估轮次: the projects of one call that reached evaluation, the experts assigned to them, the
/// rubric they score against and the deadline. Only the secretariat of the call's region builds it.
/// </summary>
public sealed class EvaluationRound
{
    public const int MaxTitleLength = 200;
    public const int DefaultExpertsPerProject = 5;
    public const int MinExpertsPerProject = 3;
    public const int MaxExpertsPerProject = 15;
    public const int DefaultScoringWorkingDays = 10;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Guid Id { get; set; }

    public Guid CallId { get; set; }

    public int RegionId { get; set; }

    public string Title { get; set; } = string.Empty;

    public int ExpertsPerProject { get; set; } = DefaultExpertsPerProject;

    /// <summary>The last day for scores (Beijing time, end of day), before any pause for answers.</summary>
    public DateOnly Deadline { get; set; }

    /// <summary>Working days added to the deadline while experts waited for applicants' answers.</summary>
    public int PausedWorkingDays { get; set; }

    /// <summary>Whether an expert sees the others' scores before submitting their own (default no, to keep scores independent).</summary>
    public bool ShowPeerScores { get; set; }

    public string RubricJson { get; set; } = "{}";

    public string WeightsJson { get; set; } = "{}";

    public RoundStatus Status { get; set; } = RoundStatus.Preparing;

    /// <summary>What the solver said last time (objective, bound, problems), shown on the round page.</summary>
    public string? LastSolveJson { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = string.Empty;

    public DateTimeOffset? OpenedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public Guid Version { get; set; }

    public Rubric Rubric
    {
        get => JsonSerializer.Deserialize<Rubric>(RubricJson, Json) ?? Rubric.Default;
        set => RubricJson = JsonSerializer.Serialize(value, Json);
    }

    public CategoryWeights Weights
    {
        get => JsonSerializer.Deserialize<CategoryWeights>(WeightsJson, Json) ?? CategoryWeights.Default;
        set => WeightsJson = JsonSerializer.Serialize(value, Json);
    }

    public SolveReport? LastSolve
    {
        get => LastSolveJson is null ? null : JsonSerializer.Deserialize<SolveReport>(LastSolveJson, Json);
        set => LastSolveJson = value is null ? null : JsonSerializer.Serialize(value, Json);
    }
}

/// <summary>A project taken into a round.</summary>
public sealed class RoundProject
{
    public Guid RoundId { get; set; }

    public Guid ProjectId { get; set; }
}

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

/// <summary>The solver's last answer as the round page shows it; problem codes are translated when shown.</summary>
public sealed record SolveReport(
    DateTimeOffset At, bool Feasible, long Objective, long Bound, int CandidatePairs, bool Exhaustive, double Milliseconds,
    IReadOnlyList<SolveProblem> Problems);

public sealed record SolveProblem(string Code, IReadOnlyList<string> Arguments)
{
    public static SolveProblem From(Error error) =>
        new(error.Code, [.. error.Arguments.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture) ?? string.Empty)]);
}
