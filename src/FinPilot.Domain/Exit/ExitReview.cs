using FinPilot.Domain.Common;
using FinPilot.Domain.Evaluation;

namespace FinPilot.Domain.Exit;

/// <summary>The criteria of the exit rubric (退出评估要点): the four evaluation dimensions and the supervision record. Stored by name.</summary>
public enum ExitCriterion
{
    /// <summary>创新价值.</summary>
    InnovationValue = 1,

    /// <summary>监管启发.</summary>
    RegulatoryInsight = 2,

    /// <summary>风险防控.</summary>
    RiskControl = 3,

    /// <summary>投资者保护.</summary>
    InvestorProtection = 4,

    /// <summary>监管记录: how the pilot behaved under supervision.</summary>
    SupervisionRecord = 5,
}

/// <summary>One expert's score and reasoning on one exit criterion.</summary>
public sealed record ExitCriterionScore(ExitCriterion Criterion, int Score, string Comment);

/// <summary>One expert's seat in an exit review: assigned, then scored once.</summary>
public sealed record ExitReviewerSeat
{
    public string ExpertUserId { get; init; } = string.Empty;

    public DateTimeOffset AssignedAt { get; init; }

    public string AssignedBy { get; init; } = string.Empty;

    public DateTimeOffset DueAt { get; init; }

    public IReadOnlyList<ExitCriterionScore> Scores { get; init; } = [];

    public Recommendation? Recommendation { get; init; }

    public string? Opinion { get; init; }

    public DateTimeOffset? SubmittedAt { get; init; }

    public bool Submitted => SubmittedAt is not null;
}

public sealed record ExitCriterionAverage(ExitCriterion Criterion, decimal Average);

/// <summary>The averages and the votes of the sheets submitted so far.</summary>
public sealed record ExitReviewSummary(int Reviewers, int Submitted, IReadOnlyList<ExitCriterionAverage> Averages, decimal? Overall, int Recommend, int WithConditions, int DoNotRecommend);

/// <summary>
/// 专家论证: the small expert round of an exit, shaped like a plan change's expert review — started by
/// the working group, experts without a conflict assigned, each scores once (1–10 per criterion, a
/// recommendation, an opinion); complete when every assigned expert (at least the minimum) has scored.
/// </summary>
public sealed record ExitReview
{
    public const int ScaleMin = 1;
    public const int ScaleMax = 10;
    public const int MaxReviewers = 9;
    public const int MaxTextLength = 2000;

    public static IReadOnlyList<ExitCriterion> Criteria { get; } = Enum.GetValues<ExitCriterion>();

    public DateTimeOffset StartedAt { get; init; }

    public string StartedBy { get; init; } = string.Empty;

    public DateTimeOffset DueAt { get; init; }

    public int MinReviewers { get; init; } = 1;

    public IReadOnlyList<ExitReviewerSeat> Reviewers { get; init; } = [];

    public DateTimeOffset? CompletedAt { get; init; }

    public bool IsComplete => CompletedAt is not null;

    public ExitReviewerSeat? SeatOf(string expertUserId) => Reviewers.FirstOrDefault(r => r.ExpertUserId == expertUserId);

    public ExitReviewSummary Summary()
    {
        var submitted = Reviewers.Where(r => r.Submitted).ToList();
        var averages = Criteria.Select(c =>
        {
            var scores = submitted.SelectMany(r => r.Scores).Where(s => s.Criterion == c).Select(s => (decimal)s.Score).ToList();
            return new ExitCriterionAverage(c, scores.Count == 0 ? 0m : Math.Round(scores.Average(), 1, MidpointRounding.AwayFromZero));
        }).ToList();
        decimal? overall = submitted.Count == 0 ? null
            : Math.Round(submitted.SelectMany(r => r.Scores).Average(s => (decimal)s.Score), 2, MidpointRounding.AwayFromZero);
        return new ExitReviewSummary(
            Reviewers.Count, submitted.Count, averages, overall,
            submitted.Count(r => r.Recommendation == Recommendation.Recommend),
            submitted.Count(r => r.Recommendation == Recommendation.RecommendWithConditions),
            submitted.Count(r => r.Recommendation == Recommendation.DoNotRecommend));
    }

    /// <summary>Errors, empty when the sheet may be submitted: every criterion once, on the scale, with a comment; a recommendation; an opinion.</summary>
    public static IReadOnlyList<Error> Validate(IReadOnlyList<ExitCriterionScore>? scores, Recommendation? recommendation, string? opinion)
    {
        var errors = new List<Error>();
        var seen = new HashSet<ExitCriterion>();
        foreach (var s in scores ?? [])
        {
            if (s is null)
            {
                continue;
            }

            var field = $"Scores[{s.Criterion}]";
            if (!Enum.IsDefined(s.Criterion) || !seen.Add(s.Criterion))
            {
                errors.Add(new Error(ExitErrors.ReviewCriterionInvalid, field));
                continue;
            }

            if (s.Score is < ScaleMin or > ScaleMax)
            {
                errors.Add(new Error(ExitErrors.ReviewScoreOutOfScale, field, ScaleMin, ScaleMax));
            }

            errors.AddRange(Text.Required(s.Comment, $"Comments[{s.Criterion}]", MaxTextLength));
        }

        foreach (var missing in Criteria.Where(c => !seen.Contains(c)))
        {
            errors.Add(new Error(Text.RequiredCode, $"Scores[{missing}]"));
        }

        if (recommendation is not { } r || !Enum.IsDefined(r))
        {
            errors.Add(new Error(Text.RequiredCode, nameof(Recommendation)));
        }

        errors.AddRange(Text.Required(opinion, "Opinion", MaxTextLength));
        return errors;
    }
}
