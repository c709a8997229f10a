using FinPilot.Domain.Common;

namespace FinPilot.Domain.Evaluation;

/// <summary>An expert's score and reasoning on one dimension; either may still be missing in a draft.</summary>
public sealed record DimensionScore(EvaluationDimension Dimension, int? Score, string? Comment);

/// <summary>
/// 评分表: one expert's form for one project — a score and a comment per dimension, an overall
/// recommendation and, for a conditional recommendation, its conditions. Questions to the
/// applicant are kept apart, because they are asked and answered while the sheet is a draft.
/// </summary>
public sealed record ScoreSheet
{
    public const int MaxCommentLength = 2000;
    public const int MaxConditionsLength = 2000;

    public IReadOnlyList<DimensionScore> Scores { get; init; } = [];

    public Recommendation? Recommendation { get; init; }

    public string? Conditions { get; init; }

    /// <summary>The form field of a dimension's score: <c>Scores[InnovationValue]</c>.</summary>
    public static string ScoreField(EvaluationDimension dimension) => $"{nameof(Scores)}[{dimension}]";

    /// <summary>The form field of a dimension's comment: <c>Comments[InnovationValue]</c>.</summary>
    public static string CommentField(EvaluationDimension dimension) => $"Comments[{dimension}]";

    /// <summary>
    /// Errors, empty when the sheet may be saved (<paramref name="forSubmission"/> false) or
    /// submitted (true). A draft is only checked for what may never be stored: scores outside the
    /// rubric's scale, over-long texts, a dimension twice, unknown values. Submission also needs
    /// every dimension scored and commented, a recommendation, and conditions exactly when the
    /// recommendation is <see cref="Evaluation.Recommendation.RecommendWithConditions"/>.
    /// </summary>
    /// <remarks>
    /// Conditions written under any other recommendation are refused on submission
    /// (<see cref="EvaluationErrors.ConditionsNotAllowed"/>) rather than dropped or kept: an expert
    /// who wrote conditions and then chose "recommend" most likely meant "with conditions", and
    /// dropping them silently loses what they meant while keeping them hides conditions behind an
    /// unconditional recommendation. A draft may hold them while the expert makes up their mind.
    /// </remarks>
    public IReadOnlyList<Error> Validate(Rubric rubric, bool forSubmission)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        var errors = new List<Error>();
        var seen = new HashSet<EvaluationDimension>();
        foreach (var entry in Scores ?? [])
        {
            if (entry is null)
            {
                continue;
            }

            if (!Enum.IsDefined(entry.Dimension))
            {
                errors.Add(new Error(EvaluationErrors.DimensionUnknown, nameof(Scores), (int)entry.Dimension));
                continue;
            }

            var scoreField = ScoreField(entry.Dimension);
            if (!seen.Add(entry.Dimension))
            {
                errors.Add(new Error(EvaluationErrors.DimensionDuplicate, scoreField, entry.Dimension));
                continue;
            }

            if (entry.Score is { } score && (score < rubric.ScaleMin || score > rubric.ScaleMax))
            {
                errors.Add(new Error(EvaluationErrors.ScoreOutOfScale, scoreField, rubric.ScaleMin, rubric.ScaleMax));
            }
            else if (entry.Score is null && forSubmission)
            {
                errors.Add(new Error(Text.RequiredCode, scoreField));
            }

            errors.AddRange(forSubmission
                ? Text.Required(entry.Comment, CommentField(entry.Dimension), MaxCommentLength)
                : Text.Optional(entry.Comment, CommentField(entry.Dimension), MaxCommentLength));
        }

        if (forSubmission)
        {
            foreach (var dimension in EvaluationValues.Dimensions.Where(d => !seen.Contains(d)))
            {
                errors.Add(new Error(Text.RequiredCode, ScoreField(dimension)));
                errors.Add(new Error(Text.RequiredCode, CommentField(dimension)));
            }
        }

        if (Recommendation is { } recommendation && !Enum.IsDefined(recommendation))
        {
            errors.Add(new Error(EvaluationErrors.RecommendationUnknown, nameof(Recommendation), (int)recommendation));
        }
        else if (Recommendation is null && forSubmission)
        {
            errors.Add(new Error(Text.RequiredCode, nameof(Recommendation)));
        }

        var conditionsRequired = forSubmission && Recommendation == Evaluation.Recommendation.RecommendWithConditions;
        errors.AddRange(conditionsRequired
            ? Text.Required(Conditions, nameof(Conditions), MaxConditionsLength)
            : Text.Optional(Conditions, nameof(Conditions), MaxConditionsLength));
        if (forSubmission && Recommendation is not null && Recommendation != Evaluation.Recommendation.RecommendWithConditions
            && !string.IsNullOrWhiteSpace(Conditions))
        {
            errors.Add(new Error(EvaluationErrors.ConditionsNotAllowed, nameof(Conditions)));
        }

        return errors;
    }
}
