using FinPilot.Domain.Common;
using FinPilot.Domain.Evaluation;

namespace FinPilot.Domain.PlanChanges;

/// <summary>The criteria of the change rubric (变更评审要点). Stored by name.</summary>
public enum ChangeCriterion
{
    /// <summary>必要性: why the pilot needs the change now.</summary>
    Necessity = 1,

    /// <summary>风险防控: whether the controls keep up with the wider parameters.</summary>
    RiskControl = 2,

    /// <summary>消费者保护: customers' interests under the changed plan.</summary>
    ConsumerProtection = 3,

    /// <summary>可行性: whether the institution can run the changed plan.</summary>
    Feasibility = 4,
}

/// <summary>One expert's score and reasoning on one criterion.</summary>
public sealed record CriterionScore(ChangeCriterion Criterion, int Score, string Comment);

/// <summary>One expert's seat in a change review: assigned, then scored once.</summary>
public sealed record ReviewerSeat
{
    public string ExpertUserId { get; init; } = string.Empty;

    public DateTimeOffset AssignedAt { get; init; }

    public string AssignedBy { get; init; } = string.Empty;

    public DateTimeOffset DueAt { get; init; }

    public IReadOnlyList<CriterionScore> Scores { get; init; } = [];

    public Recommendation? Recommendation { get; init; }

    public string? Opinion { get; init; }

    public DateTimeOffset? SubmittedAt { get; init; }

    public bool Submitted => SubmittedAt is not null;
}

/// <summary>The averages and the votes of a complete (or partial) review, for the coordination group's agenda item.</summary>
public sealed record ReviewSummary(int Reviewers, int Submitted, IReadOnlyList<CriterionAverage> Averages, int Recommend, int WithConditions, int DoNotRecommend);

public sealed record CriterionAverage(ChangeCriterion Criterion, decimal Average);

/// <summary>
/// 变更专家评审: a small expert round before a major change goes to the coordination group — the
/// working group (or the secretariat) starts it, assigns experts who have no conflict with the
/// pilot's parties, each scores the change on the change rubric once, and the review is complete
/// when every assigned expert (at least the minimum) has scored. Kept on the change as one value.
/// </summary>
public sealed record ExpertReview
{
    public const int ScaleMin = 1;
    public const int ScaleMax = 10;
    public const int MaxReviewers = 9;
    public const int MaxTextLength = 2000;

    public static IReadOnlyList<ChangeCriterion> Criteria { get; } = Enum.GetValues<ChangeCriterion>();

    public DateTimeOffset StartedAt { get; init; }

    public string StartedBy { get; init; } = string.Empty;

    public DateTimeOffset DueAt { get; init; }

    /// <summary>How many experts must score before the review is complete.</summary>
    public int MinReviewers { get; init; } = 1;

    public IReadOnlyList<ReviewerSeat> Reviewers { get; init; } = [];

    public DateTimeOffset? CompletedAt { get; init; }

    public bool IsComplete => CompletedAt is not null;

    public ReviewerSeat? SeatOf(string expertUserId) => Reviewers.FirstOrDefault(r => r.ExpertUserId == expertUserId);

    public ReviewSummary Summary()
    {
        var submitted = Reviewers.Where(r => r.Submitted).ToList();
        var averages = Criteria.Select(c =>
        {
            var scores = submitted.SelectMany(r => r.Scores).Where(s => s.Criterion == c).Select(s => (decimal)s.Score).ToList();
            return new CriterionAverage(c, scores.Count == 0 ? 0m : Math.Round(scores.Average(), 1, MidpointRounding.AwayFromZero));
        }).ToList();
        return new ReviewSummary(
            Reviewers.Count, submitted.Count, averages,
            submitted.Count(r => r.Recommendation == Recommendation.Recommend),
            submitted.Count(r => r.Recommendation == Recommendation.RecommendWithConditions),
            submitted.Count(r => r.Recommendation == Recommendation.DoNotRecommend));
    }

    /// <summary>Errors, empty when the sheet may be submitted: every criterion once, on the scale, with a comment; a recommendation; an opinion.</summary>
    public static IReadOnlyList<Error> Validate(IReadOnlyList<CriterionScore>? scores, Recommendation? recommendation, string? opinion)
    {
        var errors = new List<Error>();
        var seen = new HashSet<ChangeCriterion>();
        foreach (var s in scores ?? [])
        {
            if (s is null)
            {
                continue;
            }

            var field = $"Scores[{s.Criterion}]";
            if (!Enum.IsDefined(s.Criterion) || !seen.Add(s.Criterion))
            {
                errors.Add(new Error(PlanChangeErrors.ReviewCriterionInvalid, field));
                continue;
            }

            if (s.Score is < ScaleMin or > ScaleMax)
            {
                errors.Add(new Error(PlanChangeErrors.ReviewScoreOutOfScale, field, ScaleMin, ScaleMax));
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
