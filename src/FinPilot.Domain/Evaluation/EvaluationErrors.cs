using FinPilot.Domain.Common;

namespace FinPilot.Domain.Evaluation;

/// <summary>
/// Codes of the expected failures of rubrics, weights, score sheets, rounds and assignments. Missing and over-long
/// texts use <see cref="Common.Text"/>'s shared codes. The arguments each code carries are listed
/// beside it, in order.
/// </summary>
public static class EvaluationErrors
{
    /// <summary>The scale is not 0 ≤ min &lt; max ≤ 100. Arguments: ScaleMin, ScaleMax.</summary>
    public static readonly ErrorCode ScaleInvalid = ErrorCode.Validation("Evaluation.ScaleInvalid");

    /// <summary>A dimension has no entry. Argument: the <see cref="EvaluationDimension"/>.</summary>
    public static readonly ErrorCode DimensionMissing = ErrorCode.Validation("Evaluation.DimensionMissing");

    /// <summary>A dimension has more than one entry. Argument: the <see cref="EvaluationDimension"/>.</summary>
    public static readonly ErrorCode DimensionDuplicate = ErrorCode.Validation("Evaluation.DimensionDuplicate");

    /// <summary>A value that is not an <see cref="EvaluationDimension"/>. Argument: the number.</summary>
    public static readonly ErrorCode DimensionUnknown = ErrorCode.Validation("Evaluation.DimensionUnknown");

    /// <summary>A band ends before it starts. Arguments: From, To.</summary>
    public static readonly ErrorCode BandInvalid = ErrorCode.Validation("Evaluation.BandInvalid");

    /// <summary>A band reaches outside the scale. Arguments: From, To, ScaleMin, ScaleMax.</summary>
    public static readonly ErrorCode BandOutOfScale = ErrorCode.Validation("Evaluation.BandOutOfScale");

    /// <summary>Scores no band describes. Arguments: first, last score of the gap.</summary>
    public static readonly ErrorCode BandGap = ErrorCode.Validation("Evaluation.BandGap");

    /// <summary>Scores two bands describe. Arguments: first, last score of the overlap.</summary>
    public static readonly ErrorCode BandOverlap = ErrorCode.Validation("Evaluation.BandOverlap");

    /// <summary>A category has no weights. Argument: the <see cref="Projects.ProjectCategory"/>.</summary>
    public static readonly ErrorCode CategoryMissing = ErrorCode.Validation("Evaluation.CategoryMissing");

    /// <summary>A category has weights twice. Argument: the <see cref="Projects.ProjectCategory"/>.</summary>
    public static readonly ErrorCode CategoryDuplicate = ErrorCode.Validation("Evaluation.CategoryDuplicate");

    /// <summary>A value that is not a <see cref="Projects.ProjectCategory"/>. Argument: the number.</summary>
    public static readonly ErrorCode CategoryUnknown = ErrorCode.Validation("Evaluation.CategoryUnknown");

    /// <summary>A weight outside 0..100 percent. Argument: the percent.</summary>
    public static readonly ErrorCode WeightOutOfRange = ErrorCode.Validation("Evaluation.WeightOutOfRange");

    /// <summary>A category's weights do not add up to 100 percent. Argument: their sum.</summary>
    public static readonly ErrorCode WeightsNotHundred = ErrorCode.Validation("Evaluation.WeightsNotHundred");

    /// <summary>A score outside the rubric's scale. Arguments: ScaleMin, ScaleMax.</summary>
    public static readonly ErrorCode ScoreOutOfScale = ErrorCode.Validation("Evaluation.ScoreOutOfScale");

    /// <summary>A value that is not a <see cref="Evaluation.Recommendation"/>. Argument: the number.</summary>
    public static readonly ErrorCode RecommendationUnknown = ErrorCode.Validation("Evaluation.RecommendationUnknown");

    /// <summary>Conditions given with a recommendation other than "with conditions". No arguments.</summary>
    public static readonly ErrorCode ConditionsNotAllowed = ErrorCode.Validation("Evaluation.ConditionsNotAllowed");

    /// <summary>The round is no longer being prepared (or, to add or remove an expert, is completed). No field, no arguments.</summary>
    public static readonly ErrorCode NotPreparing = ErrorCode.InvalidState("Evaluation.NotPreparing");

    /// <summary>The round is not being scored. No field, no arguments.</summary>
    public static readonly ErrorCode NotScoring = ErrorCode.InvalidState("Evaluation.NotScoring");

    /// <summary>The deadline is not after today (Beijing time). Field Deadline, no arguments.</summary>
    public static readonly ErrorCode DeadlineInPast = ErrorCode.Validation("Evaluation.DeadlineInPast");

    /// <summary>Field ExpertsPerProject. Arguments: the smallest and largest number allowed.</summary>
    public static readonly ErrorCode ExpertsPerProjectOutOfRange = ErrorCode.Validation("Evaluation.ExpertsPerProjectOutOfRange");

    /// <summary>The expert has declared already (no conflict, or a conflict), or submitted. No field, no arguments.</summary>
    public static readonly ErrorCode AlreadyDeclared = ErrorCode.InvalidState("Evaluation.AlreadyDeclared");

    /// <summary>The expert has not confirmed "no conflict", so may not read or score. No field, no arguments.</summary>
    public static readonly ErrorCode NotCleared = ErrorCode.InvalidState("Evaluation.NotCleared");

    /// <summary>The sheet is submitted; only the secretariat reopens it. No field, no arguments.</summary>
    public static readonly ErrorCode SheetLocked = ErrorCode.InvalidState("Evaluation.SheetLocked");

    /// <summary>Only a submitted sheet is reopened. No field, no arguments.</summary>
    public static readonly ErrorCode NotSubmitted = ErrorCode.InvalidState("Evaluation.NotSubmitted");

    /// <summary>Reopening a sheet needs a reason. Field Reason, no arguments.</summary>
    public static readonly ErrorCode ReasonRequired = ErrorCode.Validation("Evaluation.ReasonRequired");
}
