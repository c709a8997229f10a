using FinPilot.Domain.Evaluation;
using FinPilot.Domain.Projects;

namespace FinPilot.Domain.Tests.Evaluation;

/// <summary>Projects and sheets shared by the aggregation and calibration tests.</summary>
internal static class ScoreTestData
{
    public static readonly Guid P1 = Guid.Parse("30000000-0000-0000-0000-000000000001");
    public static readonly Guid P2 = Guid.Parse("30000000-0000-0000-0000-000000000002");
    public static readonly Guid P3 = Guid.Parse("30000000-0000-0000-0000-000000000003");
    public static readonly Guid P4 = Guid.Parse("30000000-0000-0000-0000-000000000004");
    public static readonly Guid P5 = Guid.Parse("30000000-0000-0000-0000-000000000005");

    /// <summary>A sheet with scores in dimension order: innovation, regulatory, risk, investor.</summary>
    public static SubmittedSheet Sheet(Guid project, string expert, int[] scores, Recommendation recommendation = Recommendation.Recommend) =>
        new(project, expert, EvaluationValues.Dimensions.Select((d, i) => (d, i)).ToDictionary(x => x.d, x => scores[x.i]), recommendation);

    /// <summary>What an expert with the given bias gives a project of the given quality, with no chance in it.</summary>
    public static SubmittedSheet Biased(Guid project, string expert, int[] quality, int bias) =>
        Sheet(project, expert, [.. quality.Select(q => q + bias)]);

    public static RoundAggregate Compute(
        IReadOnlyList<SubmittedSheet> sheets, ProjectCategory category = ProjectCategory.BusinessInnovation, AggregationSettings? settings = null) =>
        ScoreAggregation.Compute(sheets, _ => category, CategoryWeights.Default, Rubric.Default, settings);
}
