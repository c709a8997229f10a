using FinPilot.Domain.Projects;

namespace FinPilot.Domain.Evaluation;

/// <summary>A submitted score sheet: a score on every dimension and a recommendation.</summary>
public sealed record SubmittedSheet(Guid ProjectId, string ExpertId, IReadOnlyDictionary<EvaluationDimension, int> Scores, Recommendation Recommendation);

/// <summary>Thresholds of the aggregation; the defaults suit the 1..10 scale.</summary>
/// <param name="DisagreementRange">Points between the highest and lowest score on a dimension that flag a project.</param>
/// <param name="DeviationThreshold">Points of bias, either way, that flag an expert.</param>
/// <param name="MinProjectsForBias">Sheets an expert needs before a bias is estimated for them.</param>
public sealed record AggregationSettings(double DisagreementRange = 4, double DeviationThreshold = 1.5, int MinProjectsForBias = 2);

/// <summary>
/// The scores of one dimension of one project: raw mean, population standard deviation, lowest and
/// highest, and the mean after taking the experts' biases off.
/// </summary>
public sealed record DimensionStatistics(EvaluationDimension Dimension, double Mean, double StandardDeviation, int Min, int Max, double CalibratedMean);

/// <summary>
/// One project's result. <paramref name="WeightedTotal"/> and <paramref name="CalibratedTotal"/> are on
/// 0..100; <paramref name="Recommendations"/> counts every recommendation, zero included.
/// </summary>
public sealed record ProjectAggregate(
    Guid ProjectId,
    int SheetCount,
    IReadOnlyList<DimensionStatistics> Dimensions,
    double WeightedTotal,
    double CalibratedTotal,
    IReadOnlyDictionary<Recommendation, int> Recommendations,
    IReadOnlyList<DisagreementFlag> Flags);

/// <summary>Why a project's experts should talk before the result goes on.</summary>
public enum DisagreementFlag
{
    /// <summary>On some dimension the highest and lowest score are at least the disagreement range apart.</summary>
    DimensionSpread = 1,

    /// <summary>Some experts recommend (with or without conditions) and some do not.</summary>
    SplitRecommendation = 2,
}

/// <summary>How an expert scores compared with the others: <paramref name="Bias"/> in scale points, positive = lenient.</summary>
public sealed record ExpertLeniency(string ExpertId, int SheetCount, double Bias, bool Deviates);

/// <summary>The whole round: projects in the order their first sheet came, experts by id.</summary>
public sealed record RoundAggregate(IReadOnlyList<ProjectAggregate> Projects, IReadOnlyList<ExpertLeniency> Experts);

/// <summary>
/// 评分汇总与校准: combines the submitted sheets of an evaluation round into a result per project
/// and a leniency per expert.
/// </summary>
/// <remarks>
/// <para>
/// <b>Per dimension</b>, each project gets the mean of its experts' scores, their spread (the
/// population standard deviation: the square root of the mean squared distance from the mean),
/// and the lowest and highest score.
/// </para>
/// <para>
/// <b>Weighted total.</b> Each dimension's mean is placed on 0..100 (the bottom of the scale is 0,
/// the top 100) and the four are added up with the weights of the project's category. On 1..10
/// with equal weights, means of 8, 5.5, 7 and 10 give 25% × 77.8 + 25% × 50 + 25% × 66.7 +
/// 25% × 100 = 73.6.
/// </para>
/// <para>
/// <b>Calibration.</b> Some experts score higher than their colleagues on every project they
/// share (lenient), some lower (harsh); the projects a lenient expert happens to get would gain
/// from that. So every score is read as the project's quality on that dimension, plus the
/// expert's personal bias, plus chance. Qualities and biases are estimated together, by least
/// squares, by repeating two steps until nothing moves: a project's quality is the mean of its
/// scores with each expert's bias taken off; an expert's bias is how far, on average, their scores
/// lie above those qualities. Only experts with at least <see cref="AggregationSettings.MinProjectsForBias"/>
/// sheets get a bias; the others get 0, because one or two sheets say too little about a person.
/// The biases of the experts who get one add up to zero, so calibration moves experts relative to
/// each other and never raises or lowers the whole round; experts who share no project, directly
/// or through other experts, cannot be compared, so each such group is balanced on its own. The
/// calibrated mean of a dimension is the mean of (score − bias) over the project's experts, kept
/// within the scale; the calibrated total is computed from those as the weighted total is from the
/// raw means. Bias and calibrated values are rounded to 9 decimals, so that what is left of the
/// repeated steps does not show.
/// </para>
/// <para>
/// <b>Flags.</b> A project is flagged when on any dimension its highest and lowest scores are at
/// least <see cref="AggregationSettings.DisagreementRange"/> points apart, and when some experts
/// recommend it (with or without conditions) while others do not. An expert deviates when their
/// bias is at least <see cref="AggregationSettings.DeviationThreshold"/> points either way.
/// </para>
/// <para>
/// Calibration helps reading the scores; it is not a verdict. The raw scores stay the record, and a
/// deviating expert is a reason to look, not proof of partiality.
/// </para>
/// </remarks>
public static class ScoreAggregation
{
    private const int Decimals = 9;

    /// <summary>
    /// The round's result. Throws <see cref="ArgumentException"/> for input that validation should
    /// already have refused: an invalid rubric, weights or settings, a sheet missing a dimension or
    /// scoring outside the scale, or one expert's two sheets for one project.
    /// </summary>
    public static RoundAggregate Compute(
        IReadOnlyList<SubmittedSheet> sheets, Func<Guid, ProjectCategory> categoryOf, CategoryWeights weights, Rubric rubric,
        AggregationSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        ArgumentNullException.ThrowIfNull(categoryOf);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(rubric);
        settings ??= new AggregationSettings();
        Check(settings);
        ThrowIfInvalid(rubric.Validate(), nameof(rubric));
        ThrowIfInvalid(weights.Validate(), nameof(weights));
        Check(sheets, rubric);

        var dimensions = EvaluationValues.Dimensions;
        var projectIds = sheets.Select(s => s.ProjectId).Distinct().ToList();
        var expertIds = sheets.Select(s => s.ExpertId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var projectIndex = projectIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var expertIndex = expertIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        var sheetCount = expertIds.Select(id => sheets.Count(s => s.ExpertId == id)).ToArray();
        var calibrated = sheetCount.Select(n => n >= settings.MinProjectsForBias).ToArray();

        var (bias, quality) = LeniencyCalibration.Fit(
            [.. sheets.Select(s => new SheetScores(expertIndex[s.ExpertId], projectIndex[s.ProjectId], [.. dimensions.Select(d => s.Scores[d])]))],
            expertIds.Count, projectIds.Count, dimensions.Count, calibrated);

        var projects = projectIds.Select(id =>
        {
            var category = categoryOf(id);
            if (!Enum.IsDefined(category))
            {
                throw new ArgumentException($"Project {id} has no known category ({(int)category}).", nameof(categoryOf));
            }

            var own = sheets.Where(s => s.ProjectId == id).ToList();
            var statistics = dimensions.Select((d, i) =>
                Statistics(d, [.. own.Select(s => s.Scores[d])], Math.Clamp(quality[projectIndex[id]][i], rubric.ScaleMin, rubric.ScaleMax)))
                .ToList();
            return Aggregate(id, own, statistics, weights, category, rubric, settings);
        }).ToList();

        var experts = expertIds.Select((id, e) =>
        {
            var expertBias = Math.Round(bias[e], Decimals) + 0.0;   // + 0.0 turns −0 into 0
            return new ExpertLeniency(id, sheetCount[e], expertBias, Math.Abs(expertBias) >= settings.DeviationThreshold);
        }).ToList();

        return new RoundAggregate(projects, experts);
    }

    /// <summary>Σ weight% × (mean − ScaleMin) / (ScaleMax − ScaleMin): a total on 0..100.</summary>
    public static double WeightedTotal(IEnumerable<(EvaluationDimension Dimension, double Mean)> means, CategoryWeights weights, ProjectCategory category, Rubric rubric)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(rubric);
        var width = (double)(rubric.ScaleMax - rubric.ScaleMin);
        return means.Sum(m => weights.PercentFor(category, m.Dimension) * (m.Mean - rubric.ScaleMin) / width);
    }

    private static DimensionStatistics Statistics(EvaluationDimension dimension, int[] scores, double calibratedMean)
    {
        var mean = scores.Average();
        var deviation = Math.Sqrt(scores.Sum(s => (s - mean) * (s - mean)) / scores.Length);
        return new DimensionStatistics(dimension, mean, deviation, scores.Min(), scores.Max(), Math.Round(calibratedMean, Decimals));
    }

    private static ProjectAggregate Aggregate(
        Guid projectId, List<SubmittedSheet> sheets, List<DimensionStatistics> statistics, CategoryWeights weights,
        ProjectCategory category, Rubric rubric, AggregationSettings settings)
    {
        var recommendations = Enum.GetValues<Recommendation>().ToDictionary(r => r, r => sheets.Count(s => s.Recommendation == r));
        var flags = new List<DisagreementFlag>();
        if (statistics.Any(s => s.Max - s.Min >= settings.DisagreementRange))
        {
            flags.Add(DisagreementFlag.DimensionSpread);
        }

        if (recommendations[Recommendation.Recommend] + recommendations[Recommendation.RecommendWithConditions] > 0
            && recommendations[Recommendation.DoNotRecommend] > 0)
        {
            flags.Add(DisagreementFlag.SplitRecommendation);
        }

        return new ProjectAggregate(
            projectId,
            sheets.Count,
            statistics,
            WeightedTotal(statistics.Select(s => (s.Dimension, s.Mean)), weights, category, rubric),
            Math.Round(WeightedTotal(statistics.Select(s => (s.Dimension, s.CalibratedMean)), weights, category, rubric), Decimals),
            recommendations,
            flags);
    }

    private static void Check(AggregationSettings settings)
    {
        if (!(settings.DisagreementRange > 0) || !(settings.DeviationThreshold > 0) || settings.MinProjectsForBias < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), settings, "Ranges and thresholds must be positive and at least one sheet is needed for a bias.");
        }
    }

    private static void Check(IReadOnlyList<SubmittedSheet> sheets, Rubric rubric)
    {
        var seen = new HashSet<(Guid, string)>();
        foreach (var sheet in sheets)
        {
            var problem = sheet switch
            {
                null => "A sheet is null.",
                _ when string.IsNullOrWhiteSpace(sheet.ExpertId) => "A sheet has no expert.",
                { Scores: null } => $"The sheet of {sheet.ExpertId} on {sheet.ProjectId} has no scores.",
                _ when !Enum.IsDefined(sheet.Recommendation) => $"The sheet of {sheet.ExpertId} on {sheet.ProjectId} has no known recommendation.",
                _ when sheet.Scores.Count != EvaluationValues.Dimensions.Count
                    || EvaluationValues.Dimensions.Any(d => !sheet.Scores.TryGetValue(d, out var s) || s < rubric.ScaleMin || s > rubric.ScaleMax)
                    => $"The sheet of {sheet.ExpertId} on {sheet.ProjectId} does not score each dimension once within {rubric.ScaleMin}..{rubric.ScaleMax}.",
                _ when !seen.Add((sheet.ProjectId, sheet.ExpertId)) => $"{sheet.ExpertId} has two sheets on {sheet.ProjectId}.",
                _ => null,
            };
            if (problem is not null)
            {
                throw new ArgumentException(problem, nameof(sheets));
            }
        }
    }

    private static void ThrowIfInvalid(IReadOnlyList<Common.Error> errors, string parameter)
    {
        if (errors.Count > 0)
        {
            throw new ArgumentException($"Invalid: {string.Join("; ", errors)}.", parameter);
        }
    }
}
