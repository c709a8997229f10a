using System.Text.Json;
using FinPilot.Domain.Evaluation;
using FinPilot.Domain.Projects;

namespace FinPilot.Domain.Tests.Evaluation;

/// <summary>维度权重: per category, four weights in whole percent adding up to 100.</summary>
public sealed class CategoryWeightsTests
{
    private static CategoryWeights WithTechnologyInnovation(params DimensionWeight[] weights) => CategoryWeights.Default with
    {
        Categories = [.. CategoryWeights.Default.Categories.Select(c => c.Category == ProjectCategory.TechnologyInnovation ? c with { Weights = weights } : c)],
    };

    [Fact]
    public void The_default_weights_are_valid()
    {
        Assert.Empty(CategoryWeights.Default.Validate());
    }

    [Theory]
    [InlineData(ProjectCategory.BusinessInnovation, 25, 25, 25, 25)]
    [InlineData(ProjectCategory.PublicService, 25, 25, 25, 25)]
    [InlineData(ProjectCategory.TechnologyInnovation, 30, 20, 30, 20)]
    [InlineData(ProjectCategory.TechnologyEnablement, 25, 25, 25, 25)]
    public void The_default_weights_are_equal_except_for_technology_innovation(
        ProjectCategory category, int innovation, int regulatory, int risk, int investor)
    {
        Assert.Equal(
            [innovation, regulatory, risk, investor],
            EvaluationValues.Dimensions.Select(d => CategoryWeights.Default.PercentFor(category, d)));
    }

    [Theory]
    [InlineData(30, 110)]
    [InlineData(10, 90)]
    [InlineData(19, 99)]
    public void Weights_that_do_not_add_up_to_100_are_refused_with_their_sum(int regulatory, int sum)
    {
        var weights = WithTechnologyInnovation(
            new(EvaluationDimension.InnovationValue, 30), new(EvaluationDimension.RegulatoryInsight, regulatory),
            new(EvaluationDimension.RiskControl, 30), new(EvaluationDimension.InvestorProtection, 20));

        var error = Assert.Single(weights.Validate());

        Assert.Equal((EvaluationErrors.WeightsNotHundred, "Weights[TechnologyInnovation]"), (error.Code, error.Field));
        Assert.Equal([sum], error.Arguments);
    }

    [Fact]
    public void A_weight_outside_0_to_100_is_refused_even_if_the_sum_is_right()
    {
        var weights = WithTechnologyInnovation(
            new(EvaluationDimension.InnovationValue, 120), new(EvaluationDimension.RegulatoryInsight, -20),
            new(EvaluationDimension.RiskControl, 0), new(EvaluationDimension.InvestorProtection, 0));

        Assert.Equal(
            [
                (EvaluationErrors.WeightOutOfRange, "Weights[TechnologyInnovation][InnovationValue]"),
                (EvaluationErrors.WeightOutOfRange, "Weights[TechnologyInnovation][RegulatoryInsight]"),
            ],
            weights.Validate().Select(e => (e.Code, e.Field)));
    }

    [Fact]
    public void A_weight_of_100_on_one_dimension_is_allowed()
    {
        var weights = WithTechnologyInnovation(
            new(EvaluationDimension.InnovationValue, 100), new(EvaluationDimension.RegulatoryInsight, 0),
            new(EvaluationDimension.RiskControl, 0), new(EvaluationDimension.InvestorProtection, 0));

        Assert.Empty(weights.Validate());
    }

    [Fact]
    public void Every_dimension_needs_a_weight()
    {
        var weights = WithTechnologyInnovation(
            new(EvaluationDimension.InnovationValue, 50), new(EvaluationDimension.RiskControl, 50), new(EvaluationDimension.RiskControl, 0));

        Assert.Equal(
            [
                (EvaluationErrors.DimensionDuplicate, "Weights[TechnologyInnovation]"),
                (EvaluationErrors.DimensionMissing, "Weights[TechnologyInnovation]"),
                (EvaluationErrors.DimensionMissing, "Weights[TechnologyInnovation]"),
            ],
            weights.Validate().Select(e => (e.Code, e.Field)));
    }

    [Fact]
    public void Every_category_needs_weights_once()
    {
        var weights = CategoryWeights.Default with
        {
            Categories = [.. CategoryWeights.Default.Categories.Where(c => c.Category != ProjectCategory.PublicService), CategoryWeights.Default.Categories[0]],
        };

        Assert.Equal(
            [
                $"Weights: {EvaluationErrors.CategoryDuplicate}",
                $"Weights: {EvaluationErrors.CategoryMissing}",
            ],
            weights.Validate().Select(e => e.ToString()));
        Assert.Equal([ProjectCategory.PublicService], weights.Validate()[1].Arguments);
    }

    [Fact]
    public void Weights_round_trip_through_json()
    {
        var json = JsonSerializer.Serialize(CategoryWeights.Default);

        var back = JsonSerializer.Deserialize<CategoryWeights>(json);

        Assert.NotNull(back);
        Assert.Equal(json, JsonSerializer.Serialize(back));
        Assert.Equal(30, back.PercentFor(ProjectCategory.TechnologyInnovation, EvaluationDimension.RiskControl));
    }
}
