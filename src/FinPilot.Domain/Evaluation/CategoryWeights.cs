using FinPilot.Domain.Common;
using FinPilot.Domain.Projects;

namespace FinPilot.Domain.Evaluation;

/// <summary>How much one dimension counts towards a project's total, in whole percent.</summary>
public sealed record DimensionWeight(EvaluationDimension Dimension, int Percent);

/// <summary>The weights of the four dimensions for projects of one category; they add up to 100.</summary>
public sealed record CategoryWeighting(ProjectCategory Category, IReadOnlyList<DimensionWeight> Weights);

/// <summary>
/// 维度权重: per project category, how much each dimension counts towards the total score, so
/// that categories with different purposes are judged on what matters for them.
/// </summary>
/// <remarks>Stored as JSON (System.Text.Json) with the round it applies to, hence plain init properties.</remarks>
public sealed record CategoryWeights
{
    public IReadOnlyList<CategoryWeighting> Categories { get; init; } = [];

    /// <summary>
    /// The platform's weights. Business innovation, public service and technology enablement
    /// count the four dimensions equally (25 each): their projects are judged on all four questions
    /// alike. For 技术创新 technology innovation, innovation value and risk control count 30 and
    /// regulatory insight and investor protection 20: such a project stands or falls on what the new
    /// technology makes possible and on whether its new technical risks (availability, data
    /// security, failures of models or chains) are under control, and it reaches investors less
    /// directly than a new business or service does. A round may set its own.
    /// </summary>
    public static CategoryWeights Default { get; } = new()
    {
        Categories =
        [
            Equal(ProjectCategory.BusinessInnovation),
            Equal(ProjectCategory.PublicService),
            new(ProjectCategory.TechnologyInnovation,
            [
                new(EvaluationDimension.InnovationValue, 30),
                new(EvaluationDimension.RegulatoryInsight, 20),
                new(EvaluationDimension.RiskControl, 30),
                new(EvaluationDimension.InvestorProtection, 20),
            ]),
            Equal(ProjectCategory.TechnologyEnablement),
        ],
    };

    /// <summary>The percent <paramref name="dimension"/> counts for projects of <paramref name="category"/>; 0 when not set.</summary>
    public int PercentFor(ProjectCategory category, EvaluationDimension dimension) =>
        (Categories ?? []).FirstOrDefault(c => c?.Category == category)?.Weights?
            .FirstOrDefault(w => w?.Dimension == dimension)?.Percent ?? 0;

    /// <summary>
    /// Errors, empty when usable: every category once, every dimension once in each, each weight
    /// 0..100 and each category's weights adding up to exactly 100. Field is <c>Weights</c> for the
    /// list of categories, <c>Weights[Category]</c> for one category's dimensions and sum,
    /// <c>Weights[Category][Dimension]</c> for one weight.
    /// </summary>
    public IReadOnlyList<Error> Validate()
    {
        const string field = "Weights";
        var errors = new List<Error>();
        var seen = new HashSet<ProjectCategory>();
        foreach (var entry in Categories ?? [])
        {
            if (entry is null)
            {
                continue;
            }

            if (!Enum.IsDefined(entry.Category))
            {
                errors.Add(new Error(EvaluationErrors.CategoryUnknown, field, (int)entry.Category));
            }
            else if (!seen.Add(entry.Category))
            {
                errors.Add(new Error(EvaluationErrors.CategoryDuplicate, field, entry.Category));
            }
            else
            {
                errors.AddRange(ValidateCategory(entry, $"{field}[{entry.Category}]"));
            }
        }

        errors.AddRange(Enum.GetValues<ProjectCategory>().Where(c => !seen.Contains(c))
            .Select(c => new Error(EvaluationErrors.CategoryMissing, field, c)));
        return errors;
    }

    private static List<Error> ValidateCategory(CategoryWeighting entry, string field)
    {
        var errors = new List<Error>();
        var seen = new HashSet<EvaluationDimension>();
        var sum = 0;
        foreach (var weight in entry.Weights ?? [])
        {
            if (weight is null)
            {
                continue;
            }

            if (!Enum.IsDefined(weight.Dimension))
            {
                errors.Add(new Error(EvaluationErrors.DimensionUnknown, field, (int)weight.Dimension));
                continue;
            }

            if (!seen.Add(weight.Dimension))
            {
                errors.Add(new Error(EvaluationErrors.DimensionDuplicate, field, weight.Dimension));
                continue;
            }

            if (weight.Percent is < 0 or > 100)
            {
                errors.Add(new Error(EvaluationErrors.WeightOutOfRange, $"{field}[{weight.Dimension}]", weight.Percent));
            }

            sum += weight.Percent;
        }

        errors.AddRange(EvaluationValues.Dimensions.Where(d => !seen.Contains(d))
            .Select(d => new Error(EvaluationErrors.DimensionMissing, field, d)));
        if (sum != 100)
        {
            errors.Add(new Error(EvaluationErrors.WeightsNotHundred, field, sum));
        }

        return errors;
    }

    private static CategoryWeighting Equal(ProjectCategory category) =>
        new(category, [.. EvaluationValues.Dimensions.Select(d => new DimensionWeight(d, 25))]);
}
