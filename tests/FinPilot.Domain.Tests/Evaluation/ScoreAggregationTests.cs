using FinPilot.Domain.Evaluation;
using FinPilot.Domain.Projects;
using static FinPilot.Domain.Tests.Evaluation.ScoreTestData;

namespace FinPilot.Domain.Tests.Evaluation;

/// <summary>Raw statistics, weighted totals and flags of one project, on numbers worked out by hand.</summary>
public sealed class ScoreAggregationTests
{
    /// <summary>
    /// Three experts, one sheet each (so no calibration):
    /// innovation 6, 8, 10 · regulatory 4, 6, 5 · risk 7, 7, 7 · investor 9, 10, 8.
    /// </summary>
    private static readonly SubmittedSheet[] ThreeExperts =
    [
        Sheet(P1, "expert-1", [6, 4, 7, 9], Recommendation.Recommend),
        Sheet(P1, "expert-2", [8, 6, 7, 10], Recommendation.RecommendWithConditions),
        Sheet(P1, "expert-3", [10, 5, 7, 8], Recommendation.DoNotRecommend),
    ];

    [Fact]
    public void Each_dimension_gets_its_mean_population_deviation_lowest_and_highest()
    {
        var project = Assert.Single(Compute(ThreeExperts).Projects);

        Assert.Equal(3, project.SheetCount);
        Assert.Equal(EvaluationValues.Dimensions, project.Dimensions.Select(d => d.Dimension));
        Assert.Equal([8.0, 5.0, 7.0, 9.0], project.Dimensions.Select(d => d.Mean));
        Assert.Equal([(6, 10), (4, 6), (7, 7), (8, 10)], project.Dimensions.Select(d => (d.Min, d.Max)));

        // Population: √((4 + 0 + 4) / 3) = 1.633 for innovation (the sample deviation would be 2),
        // √((1 + 1 + 0) / 3) = 0.816 for regulatory and investor, 0 for risk.
        var deviations = project.Dimensions.Select(d => d.StandardDeviation).ToList();
        Assert.Equal(Math.Sqrt(8.0 / 3), deviations[0], 12);
        Assert.Equal(0.816496580927726, deviations[1], 12);
        Assert.Equal(0.0, deviations[2]);
        Assert.Equal(Math.Sqrt(2.0 / 3), deviations[3], 12);
    }

    [Fact]
    public void The_weighted_total_puts_each_mean_on_0_to_100_and_weights_it_by_the_category()
    {
        // Means 8, 5, 7, 9 on 1..10 sit at 7/9, 4/9, 6/9 and 8/9 of the scale.
        var equal = Assert.Single(Compute(ThreeExperts, ProjectCategory.BusinessInnovation).Projects);
        var technology = Assert.Single(Compute(ThreeExperts, ProjectCategory.TechnologyInnovation).Projects);

        Assert.Equal(25.0 * (7 + 4 + 6 + 8) / 9, equal.WeightedTotal, 12);              // 69.44
        Assert.Equal(((30 * 7) + (20 * 4) + (30 * 6) + (20 * 8)) / 9.0, technology.WeightedTotal, 12); // 70.00
        Assert.Equal(70.0, technology.WeightedTotal, 12);
    }

    [Fact]
    public void Experts_with_one_sheet_are_not_calibrated_so_calibrated_equals_raw()
    {
        var result = Compute(ThreeExperts);
        var project = Assert.Single(result.Projects);

        Assert.Equal(project.Dimensions.Select(d => d.Mean), project.Dimensions.Select(d => d.CalibratedMean));
        Assert.Equal(project.WeightedTotal, project.CalibratedTotal, 9);
        Assert.All(result.Experts, e => Assert.Equal((1, 0.0, false), (e.SheetCount, e.Bias, e.Deviates)));
    }

    [Fact]
    public void The_totals_span_0_to_100_from_the_bottom_to_the_top_of_the_scale()
    {
        var bottom = Assert.Single(Compute([Sheet(P1, "a", [1, 1, 1, 1])]).Projects);
        var top = Assert.Single(Compute([Sheet(P1, "a", [10, 10, 10, 10])]).Projects);

        Assert.Equal((0.0, 100.0), (bottom.WeightedTotal, top.WeightedTotal));
    }

    [Fact]
    public void Recommendations_are_counted_with_zeros_included()
    {
        var project = Assert.Single(Compute(ThreeExperts[..2]).Projects);

        Assert.Equal(
            [(Recommendation.Recommend, 1), (Recommendation.RecommendWithConditions, 1), (Recommendation.DoNotRecommend, 0)],
            project.Recommendations.Select(r => (r.Key, r.Value)));
    }

    [Fact]
    public void A_spread_of_four_points_and_a_split_recommendation_are_flagged()
    {
        var project = Assert.Single(Compute(ThreeExperts).Projects);

        Assert.Equal([DisagreementFlag.DimensionSpread, DisagreementFlag.SplitRecommendation], project.Flags);
    }

    [Theory]
    [InlineData(9, 4, true)]
    [InlineData(8, 4, false)]
    [InlineData(9, 5, false)]
    [InlineData(10, 5, true)]
    public void A_spread_is_flagged_from_the_disagreement_range_up(int highest, double range, bool flagged)
    {
        var sheets = new[] { Sheet(P1, "a", [5, 5, 5, 5]), Sheet(P1, "b", [5, 5, highest, 5]) };

        var project = Assert.Single(Compute(sheets, settings: new AggregationSettings(DisagreementRange: range)).Projects);

        Assert.Equal(flagged, project.Flags.Contains(DisagreementFlag.DimensionSpread));
    }

    [Theory]
    [InlineData(Recommendation.Recommend, Recommendation.DoNotRecommend, true)]
    [InlineData(Recommendation.RecommendWithConditions, Recommendation.DoNotRecommend, true)]
    [InlineData(Recommendation.Recommend, Recommendation.RecommendWithConditions, false)]
    [InlineData(Recommendation.DoNotRecommend, Recommendation.DoNotRecommend, false)]
    public void A_split_is_a_recommendation_of_either_kind_against_a_refusal(Recommendation first, Recommendation second, bool flagged)
    {
        var sheets = new[] { Sheet(P1, "a", [5, 5, 5, 5], first), Sheet(P1, "b", [5, 5, 5, 5], second) };

        var project = Assert.Single(Compute(sheets).Projects);

        Assert.Equal(flagged, project.Flags.Contains(DisagreementFlag.SplitRecommendation));
        Assert.DoesNotContain(DisagreementFlag.DimensionSpread, project.Flags);
    }

    [Fact]
    public void Projects_keep_the_order_their_first_sheet_came_in_and_experts_are_ordered_by_id()
    {
        var sheets = new[] { Sheet(P3, "z", [5, 5, 5, 5]), Sheet(P1, "m", [5, 5, 5, 5]), Sheet(P3, "a", [5, 5, 5, 5]), Sheet(P2, "B", [5, 5, 5, 5]) };

        var result = Compute(sheets);

        Assert.Equal([P3, P1, P2], result.Projects.Select(p => p.ProjectId));
        Assert.Equal(["B", "a", "m", "z"], result.Experts.Select(e => e.ExpertId));
    }

    [Fact]
    public void No_sheets_give_an_empty_round()
    {
        var result = Compute([]);

        Assert.Empty(result.Projects);
        Assert.Empty(result.Experts);
    }

    [Fact]
    public void Sheets_that_validation_should_have_refused_are_a_programming_error()
    {
        var missing = new SubmittedSheet(P1, "a", new Dictionary<EvaluationDimension, int> { [EvaluationDimension.InnovationValue] = 5 }, Recommendation.Recommend);

        Assert.Throws<ArgumentException>(() => Compute([Sheet(P1, "a", [5, 5, 5, 11])]));
        Assert.Throws<ArgumentException>(() => Compute([missing]));
        Assert.Throws<ArgumentException>(() => Compute([Sheet(P1, "a", [5, 5, 5, 5]), Sheet(P1, "a", [6, 6, 6, 6])]));
        Assert.Throws<ArgumentException>(() => ScoreAggregation.Compute(
            [Sheet(P1, "a", [5, 5, 5, 5])], _ => ProjectCategory.PublicService, new CategoryWeights(), Rubric.Default));
        Assert.Throws<ArgumentOutOfRangeException>(() => Compute([], settings: new AggregationSettings(MinProjectsForBias: 0)));
    }
}
