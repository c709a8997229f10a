using System.Text.Json;
using FinPilot.Domain.Common;
using FinPilot.Domain.Evaluation;

namespace FinPilot.Domain.Tests.Evaluation;

/// <summary>评分标准: the bands of every dimension describe each score on the scale exactly once.</summary>
public sealed class RubricTests
{
    private const string InnovationField = "Rubric[InnovationValue]";

    /// <summary>The default rubric with the innovation bands replaced.</summary>
    private static Rubric WithInnovationBands(params RubricBand[] bands) => Rubric.Default with
    {
        Dimensions = [.. Rubric.Default.Dimensions.Select(d => d.Dimension == EvaluationDimension.InnovationValue ? d with { Bands = bands } : d)],
    };

    private static RubricBand Band(int from, int to) => new(from, to, "说明", "Description");

    [Fact]
    public void The_default_rubric_is_valid_on_1_to_10()
    {
        Assert.Empty(Rubric.Default.Validate());
        Assert.Equal((1, 10), (Rubric.Default.ScaleMin, Rubric.Default.ScaleMax));
    }

    [Fact]
    public void The_default_rubric_has_four_bands_per_dimension_with_distinct_texts()
    {
        Assert.Equal(EvaluationValues.Dimensions, Rubric.Default.Dimensions.Select(d => d.Dimension));
        foreach (var dimension in Rubric.Default.Dimensions)
        {
            Assert.Equal([(1, 3), (4, 6), (7, 8), (9, 10)], dimension.Bands.Select(b => (b.From, b.To)));
        }

        var texts = Rubric.Default.Dimensions.SelectMany(d => d.Bands).SelectMany(b => new[] { b.DescriptionZh, b.DescriptionEn }).ToList();
        Assert.Equal(texts.Count, texts.Distinct().Count());
    }

    [Fact]
    public void The_top_innovation_band_speaks_of_replicable_experience()
    {
        var band = Rubric.Default.BandFor(EvaluationDimension.InnovationValue, 9);

        Assert.NotNull(band);
        Assert.Contains("可复制推广", band.DescriptionZh, StringComparison.Ordinal);
        Assert.Same(band, Rubric.Default.BandFor(EvaluationDimension.InnovationValue, 10));
        Assert.NotSame(band, Rubric.Default.BandFor(EvaluationDimension.InnovationValue, 8));
        Assert.Null(Rubric.Default.BandFor(EvaluationDimension.InnovationValue, 11));
    }

    [Fact]
    public void A_gap_between_bands_is_reported_with_the_scores_left_out()
    {
        var rubric = WithInnovationBands(Band(1, 3), Band(6, 10));

        var error = Assert.Single(rubric.Validate());

        Assert.Equal((EvaluationErrors.BandGap, InnovationField), (error.Code, error.Field));
        Assert.Equal([4, 5], error.Arguments);
    }

    [Fact]
    public void Bands_that_stop_short_of_the_top_leave_a_gap()
    {
        var error = Assert.Single(WithInnovationBands(Band(1, 3), Band(4, 9)).Validate());

        Assert.Equal((EvaluationErrors.BandGap, InnovationField), (error.Code, error.Field));
        Assert.Equal([10, 10], error.Arguments);
    }

    [Fact]
    public void Overlapping_bands_are_reported_with_the_scores_described_twice()
    {
        // Listed out of order on purpose: the bands are sorted before they are compared.
        var rubric = WithInnovationBands(Band(7, 10), Band(1, 4), Band(3, 6));

        var error = Assert.Single(rubric.Validate());

        Assert.Equal((EvaluationErrors.BandOverlap, InnovationField), (error.Code, error.Field));
        Assert.Equal([3, 4], error.Arguments);
    }

    [Fact]
    public void A_band_reaching_outside_the_scale_is_reported_once()
    {
        var error = Assert.Single(WithInnovationBands(Band(1, 8), Band(9, 11)).Validate());

        Assert.Equal((EvaluationErrors.BandOutOfScale, InnovationField), (error.Code, error.Field));
        Assert.Equal([9, 11, 1, 10], error.Arguments);
    }

    [Fact]
    public void A_band_that_ends_before_it_starts_is_invalid_and_covers_nothing()
    {
        var errors = WithInnovationBands(Band(1, 5), Band(10, 6)).Validate();

        Assert.Equal(
            [(EvaluationErrors.BandInvalid, InnovationField), (EvaluationErrors.BandGap, InnovationField)],
            errors.Select(e => (e.Code, e.Field)));
    }

    [Fact]
    public void Every_band_needs_both_descriptions()
    {
        var rubric = WithInnovationBands(Band(1, 5), new RubricBand(6, 10, " ", new string('x', Rubric.MaxDescriptionLength + 1)));

        Assert.Equal(
            [(Text.RequiredCode, "Rubric[InnovationValue].Bands[1].DescriptionZh"), (Text.TooLongCode, "Rubric[InnovationValue].Bands[1].DescriptionEn")],
            rubric.Validate().Select(e => (e.Code, e.Field)));
    }

    [Fact]
    public void A_missing_or_repeated_dimension_is_reported()
    {
        var rubric = Rubric.Default with
        {
            Dimensions = [.. Rubric.Default.Dimensions.Where(d => d.Dimension != EvaluationDimension.RiskControl), Rubric.Default.Dimensions[0]],
        };

        Assert.Equal(
            [
                new Error(EvaluationErrors.DimensionDuplicate, "Rubric", EvaluationDimension.InnovationValue).ToString(),
                new Error(EvaluationErrors.DimensionMissing, "Rubric", EvaluationDimension.RiskControl).ToString(),
            ],
            rubric.Validate().Select(e => e.ToString()));
        Assert.Equal([EvaluationDimension.RiskControl], rubric.Validate()[1].Arguments);
    }

    [Theory]
    [InlineData(5, 5)]
    [InlineData(10, 1)]
    [InlineData(-1, 10)]
    [InlineData(0, 101)]
    public void The_scale_must_run_upwards_within_0_to_100(int min, int max)
    {
        var errors = (Rubric.Default with { ScaleMin = min, ScaleMax = max }).Validate();

        var error = Assert.Single(errors);
        Assert.Equal((EvaluationErrors.ScaleInvalid, "Rubric"), (error.Code, error.Field));
        Assert.Equal([min, max], error.Arguments);
    }

    [Fact]
    public void A_wider_scale_needs_bands_that_reach_it()
    {
        var errors = (Rubric.Default with { ScaleMin = 0, ScaleMax = 10 }).Validate();

        Assert.Equal(4, errors.Count);
        Assert.All(errors, e => Assert.Equal(EvaluationErrors.BandGap, e.Code));
        Assert.All(errors, e => Assert.Equal([0, 0], e.Arguments));
    }

    [Fact]
    public void The_rubric_round_trips_through_json()
    {
        var json = JsonSerializer.Serialize(Rubric.Default);

        var back = JsonSerializer.Deserialize<Rubric>(json);

        Assert.NotNull(back);
        Assert.Equal(json, JsonSerializer.Serialize(back));
        Assert.Empty(back.Validate());
        Assert.Equal("制度或技术创新突出，可形成可复制推广的经验。", back.BandFor(EvaluationDimension.InnovationValue, 10)?.DescriptionZh);
    }
}
