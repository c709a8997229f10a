namespace FinPilot.Domain.Evaluation;

/// <summary>
/// Codes of the expected failures of rubrics, weights, score sheets, rounds and assignments. Missing and over-long
/// texts use <see cref="Common.Text"/>'s shared codes. The arguments each code carries are listed
/// beside it, in order.
/// </summary>
public static class EvaluationErrors
{
    /// <summary>The scale is not 0 ≤ min &lt; max ≤ 100. Arguments: ScaleMin, ScaleMax.</summary>
    public const string ScaleInvalid = "Evaluation.ScaleInvalid";

    /// <summary>A dimension has no entry. Argument: the <see cref="EvaluationDimension"/>.</summary>
    public const string DimensionMissing = "Evaluation.DimensionMissing";

    /// <summary>A dimension has more than one entry. Argument: the <see cref="EvaluationDimension"/>.</summary>
    public const string DimensionDuplicate = "Evaluation.DimensionDuplicate";

    /// <summary>A value that is not an <see cref="EvaluationDimension"/>. Argument: the number.</summary>
    public const string DimensionUnknown = "Evaluation.DimensionUnknown";

    /// <summary>A band ends before it starts. Arguments: From, To.</summary>
    public const string BandInvalid = "Evaluation.BandInvalid";

    /// <summary>A band reaches outside the scale. Arguments: From, To, ScaleMin, ScaleMax.</summary>
    public const string BandOutOfScale = "Evaluation.BandOutOfScale";

    /// <summary>Scores no band describes. Arguments: first, last score of the gap.</summary>
    public const string BandGap = "Evaluation.BandGap";

    /// <summary>Scores two bands describe. Arguments: first, last score of the overlap.</summary>
    public const string BandOverlap = "Evaluation.BandOverlap";

    /// <summary>A category has no weights. Argument: the <see cref="Projects.ProjectCategory"/>.</summary>
    public const string CategoryMissing = "Evaluation.CategoryMissing";

    /// <summary>A category has weights twice. Argument: the <see cref="Projects.ProjectCategory"/>.</summary>
    public const string CategoryDuplicate = "Evaluation.CategoryDuplicate";

    /// <summary>A value that is not a <see cref="Projects.ProjectCategory"/>. Argument: the number.</summary>
    public const string CategoryUnknown = "Evaluation.CategoryUnknown";

    /// <summary>A weight outside 0..100 percent. Argument: the percent.</summary>
    public const string WeightOutOfRange = "Evaluation.WeightOutOfRange";

    /// <summary>A category's weights do not add up to 100 percent. Argument: their sum.</summary>
    public const string WeightsNotHundred = "Evaluation.WeightsNotHundred";

    /// <summary>A score outside the rubric's scale. Arguments: ScaleMin, ScaleMax.</summary>
    public const string ScoreOutOfScale = "Evaluation.ScoreOutOfScale";

    /// <summary>A value that is not a <see cref="Evaluation.Recommendation"/>. Argument: the number.</summary>
    public const string RecommendationUnknown = "Evaluation.RecommendationUnknown";

    /// <summary>Conditions given with a recommendation other than "with conditions". No arguments.</summary>
    public const string ConditionsNotAllowed = "Evaluation.ConditionsNotAllowed";

    /// <summary>The round is no longer being prepared (or, to add or remove an expert, is completed). No field, no arguments.</summary>
    public const string NotPreparing = "Evaluation.NotPreparing";

    /// <summary>The round is not being scored. No field, no arguments.</summary>
    public const string NotScoring = "Evaluation.NotScoring";

    /// <summary>The deadline is not after today (Beijing time). Field Deadline, no arguments.</summary>
    public const string DeadlineInPast = "Evaluation.DeadlineInPast";

    /// <summary>Field ExpertsPerProject. Arguments: the smallest and largest number allowed.</summary>
    public const string ExpertsPerProjectOutOfRange = "Evaluation.ExpertsPerProjectOutOfRange";

    /// <summary>The expert has declared already (no conflict, or a conflict), or submitted. No field, no arguments.</summary>
    public const string AlreadyDeclared = "Evaluation.AlreadyDeclared";

    /// <summary>The expert has not confirmed "no conflict", so may not read or score. No field, no arguments.</summary>
    public const string NotCleared = "Evaluation.NotCleared";

    /// <summary>The sheet is submitted; only the secretariat reopens it. No field, no arguments.</summary>
    public const string SheetLocked = "Evaluation.SheetLocked";

    /// <summary>Only a submitted sheet is reopened. No field, no arguments.</summary>
    public const string NotSubmitted = "Evaluation.NotSubmitted";

    /// <summary>Reopening a sheet needs a reason. Field Reason, no arguments.</summary>
    public const string ReasonRequired = "Evaluation.ReasonRequired";
}
