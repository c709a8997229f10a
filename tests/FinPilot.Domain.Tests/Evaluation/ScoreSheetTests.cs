using FinPilot.Domain.Common;
using FinPilot.Domain.Evaluation;

namespace FinPilot.Domain.Tests.Evaluation;

/// <summary>评分表: a draft may be incomplete but never out of range; a submission must be complete.</summary>
public sealed class ScoreSheetTests
{
    private static readonly Rubric Rubric = Rubric.Default;

    private static ScoreSheet Complete() => new()
    {
        Scores = [.. EvaluationValues.Dimensions.Select(d => new DimensionScore(d, 7, "理由充分。"))],
        Recommendation = Recommendation.Recommend,
    };

    private static ScoreSheet WithInnovation(int? score, string? comment) => Complete() with
    {
        Scores = [.. Complete().Scores.Select(s => s.Dimension == EvaluationDimension.InnovationValue ? s with { Score = score, Comment = comment } : s)],
    };

    private static List<(string Code, string? Field)> Errors(ScoreSheet sheet, bool forSubmission) =>
        [.. sheet.Validate(Rubric, forSubmission).Select(e => (e.Code, e.Field))];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_complete_sheet_may_be_saved_and_submitted(bool forSubmission)
    {
        Assert.Empty(Complete().Validate(Rubric, forSubmission));
    }

    [Fact]
    public void An_empty_draft_may_be_saved()
    {
        Assert.Empty(new ScoreSheet().Validate(Rubric, forSubmission: false));
    }

    [Fact]
    public void An_empty_sheet_may_not_be_submitted_and_every_missing_field_is_named()
    {
        Assert.Equal(
            [
                (Text.RequiredCode, "Scores[InnovationValue]"), (Text.RequiredCode, "Comments[InnovationValue]"),
                (Text.RequiredCode, "Scores[RegulatoryInsight]"), (Text.RequiredCode, "Comments[RegulatoryInsight]"),
                (Text.RequiredCode, "Scores[RiskControl]"), (Text.RequiredCode, "Comments[RiskControl]"),
                (Text.RequiredCode, "Scores[InvestorProtection]"), (Text.RequiredCode, "Comments[InvestorProtection]"),
                (Text.RequiredCode, "Recommendation"),
            ],
            Errors(new ScoreSheet(), forSubmission: true));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void A_score_outside_the_scale_is_refused_even_in_a_draft(int score)
    {
        var error = Assert.Single(WithInnovation(score, null).Validate(Rubric, forSubmission: false));

        Assert.Equal((EvaluationErrors.ScoreOutOfScale, "Scores[InnovationValue]"), (error.Code, error.Field));
        Assert.Equal([1, 10], error.Arguments);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    public void The_ends_of_the_scale_are_scores(int score)
    {
        Assert.Empty(WithInnovation(score, "理由").Validate(Rubric, forSubmission: true));
    }

    [Fact]
    public void A_draft_may_leave_a_score_and_its_comment_blank_but_a_submission_may_not()
    {
        var sheet = WithInnovation(null, " ");

        Assert.Empty(sheet.Validate(Rubric, forSubmission: false));
        Assert.Equal(
            [(Text.RequiredCode, "Scores[InnovationValue]"), (Text.RequiredCode, "Comments[InnovationValue]")],
            Errors(sheet, forSubmission: true));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Comments_and_conditions_longer_than_2000_characters_are_refused(bool forSubmission)
    {
        var sheet = WithInnovation(7, new string('评', ScoreSheet.MaxCommentLength + 1)) with
        {
            Recommendation = Recommendation.RecommendWithConditions,
            Conditions = new string('件', ScoreSheet.MaxConditionsLength + 1),
        };

        Assert.Equal([(Text.TooLongCode, "Comments[InnovationValue]"), (Text.TooLongCode, "Conditions")], Errors(sheet, forSubmission));
        Assert.All(sheet.Validate(Rubric, forSubmission), e => Assert.Equal([2000], e.Arguments));
    }

    [Fact]
    public void Texts_of_exactly_2000_characters_are_accepted()
    {
        var sheet = WithInnovation(7, new string('评', ScoreSheet.MaxCommentLength)) with
        {
            Recommendation = Recommendation.RecommendWithConditions,
            Conditions = new string('件', ScoreSheet.MaxConditionsLength),
        };

        Assert.Empty(sheet.Validate(Rubric, forSubmission: true));
    }

    [Fact]
    public void A_conditional_recommendation_needs_its_conditions_on_submission_only()
    {
        var sheet = Complete() with { Recommendation = Recommendation.RecommendWithConditions };

        Assert.Empty(sheet.Validate(Rubric, forSubmission: false));
        Assert.Equal([(Text.RequiredCode, "Conditions")], Errors(sheet, forSubmission: true));
        Assert.Empty((sheet with { Conditions = "上线前完成第三方安全评估。" }).Validate(Rubric, forSubmission: true));
    }

    [Theory]
    [InlineData(Recommendation.Recommend)]
    [InlineData(Recommendation.DoNotRecommend)]
    public void Conditions_under_another_recommendation_are_refused_on_submission_but_kept_in_a_draft(Recommendation recommendation)
    {
        var sheet = Complete() with { Recommendation = recommendation, Conditions = "上线前完成第三方安全评估。" };

        Assert.Empty(sheet.Validate(Rubric, forSubmission: false));
        Assert.Equal([(EvaluationErrors.ConditionsNotAllowed, "Conditions")], Errors(sheet, forSubmission: true));
        Assert.Empty((sheet with { Conditions = "  " }).Validate(Rubric, forSubmission: true));
    }

    [Fact]
    public void A_dimension_scored_twice_is_refused()
    {
        var sheet = Complete() with { Scores = [.. Complete().Scores, new DimensionScore(EvaluationDimension.RiskControl, 3, "再评")] };

        var error = Assert.Single(sheet.Validate(Rubric, forSubmission: false));

        Assert.Equal((EvaluationErrors.DimensionDuplicate, "Scores[RiskControl]"), (error.Code, error.Field));
    }

    [Fact]
    public void Unknown_dimensions_and_recommendations_are_refused()
    {
        var sheet = Complete() with
        {
            Scores = [.. Complete().Scores, new DimensionScore((EvaluationDimension)9, 5, null)],
            Recommendation = (Recommendation)9,
        };

        Assert.Equal(
            [(EvaluationErrors.DimensionUnknown, "Scores"), (EvaluationErrors.RecommendationUnknown, "Recommendation")],
            Errors(sheet, forSubmission: false));
    }

    [Fact]
    public void The_scale_comes_from_the_rubric()
    {
        var hundred = Rubric with { ScaleMin = 0, ScaleMax = 100 };

        Assert.Empty(WithInnovation(85, "好").Validate(hundred, forSubmission: true));
        Assert.NotEmpty(WithInnovation(85, "好").Validate(Rubric, forSubmission: true));
    }
}
