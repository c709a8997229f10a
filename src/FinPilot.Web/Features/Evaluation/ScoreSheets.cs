using FinPilot.Domain.Evaluation;

namespace FinPilot.Web.Features.Evaluation;

/// <summary>What the web side asks of a stored score sheet.</summary>
public static class ScoreSheets
{
    public static ScoreSheet Empty { get; } = new();

    /// <summary>Every dimension scored and a recommendation made: what submission guarantees.</summary>
    public static bool IsComplete(this ScoreSheet sheet) =>
        sheet.Recommendation is not null && EvaluationValues.Dimensions.All(d => sheet.Scores.Any(s => s.Dimension == d && s.Score is not null));

    public static IReadOnlyDictionary<EvaluationDimension, int> ScoreMap(this ScoreSheet sheet) =>
        sheet.Scores.Where(s => s.Score is not null).GroupBy(s => s.Dimension).ToDictionary(g => g.Key, g => g.First().Score!.Value);

    public static DimensionScore? For(this ScoreSheet sheet, EvaluationDimension dimension) =>
        sheet.Scores.FirstOrDefault(s => s.Dimension == dimension);
}
