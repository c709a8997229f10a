using FinPilot.Domain.Evaluation;
using FinPilot.Domain.Projects;
using static FinPilot.Domain.Tests.Evaluation.ScoreTestData;

namespace FinPilot.Domain.Tests.Evaluation;

/// <summary>
/// Calibration on constructed rounds: scores made from known qualities and known biases, with no
/// chance in them, must give the qualities and the biases back.
/// </summary>
public sealed class CalibrationTests
{
    private const int Precision = 9;

    private static readonly int[] Q1 = [5, 6, 7, 4];
    private static readonly int[] Q2 = [8, 3, 6, 5];
    private static readonly int[] Q3 = [4, 7, 5, 8];
    private static readonly int[] Q4 = [6, 6, 6, 6];

    /// <summary>
    /// A is 2 points lenient, B 2 points harsh, C fair. A and B share P1, A and C share P2, B and C
    /// share P3, all three score P4 — so P2 looks a point better and P3 a point worse than it is.
    /// </summary>
    private static readonly SubmittedSheet[] LenientAndHarsh =
    [
        Biased(P1, "A", Q1, +2), Biased(P1, "B", Q1, -2),
        Biased(P2, "A", Q2, +2), Biased(P2, "C", Q2, 0),
        Biased(P3, "B", Q3, -2), Biased(P3, "C", Q3, 0),
        Biased(P4, "A", Q4, +2), Biased(P4, "B", Q4, -2), Biased(P4, "C", Q4, 0),
    ];

    private static double BiasOf(RoundAggregate round, string expert) => round.Experts.Single(e => e.ExpertId == expert).Bias;

    private static ProjectAggregate ProjectOf(RoundAggregate round, Guid project) => round.Projects.Single(p => p.ProjectId == project);

    [Fact]
    public void A_lenient_and_a_harsh_expert_are_recognised_and_the_biases_add_up_to_zero()
    {
        var round = Compute(LenientAndHarsh);

        Assert.Equal(["A", "B", "C"], round.Experts.Select(e => e.ExpertId));
        Assert.Equal(2.0, BiasOf(round, "A"), Precision);
        Assert.Equal(-2.0, BiasOf(round, "B"), Precision);
        Assert.Equal(0.0, BiasOf(round, "C"), Precision);
        Assert.Equal(0.0, round.Experts.Sum(e => e.Bias), Precision);
        Assert.Equal([true, true, false], round.Experts.Select(e => e.Deviates));
        Assert.All(round.Experts, e => Assert.Equal(3, e.SheetCount));
    }

    [Fact]
    public void Calibrated_means_are_the_true_qualities()
    {
        var round = Compute(LenientAndHarsh);

        foreach (var (project, quality) in new[] { (P1, Q1), (P2, Q2), (P3, Q3), (P4, Q4) })
        {
            var calibrated = ProjectOf(round, project).Dimensions.Select(d => d.CalibratedMean).ToList();
            Assert.Equal(quality.Select(q => (double)q), calibrated);
        }

        // The raw means are off by the biases of whoever happened to score the project.
        Assert.Equal([9.0, 4.0, 7.0, 6.0], ProjectOf(round, P2).Dimensions.Select(d => d.Mean));
        Assert.Equal([3.0, 6.0, 4.0, 7.0], ProjectOf(round, P3).Dimensions.Select(d => d.Mean));
        Assert.Equal([5.0, 6.0, 7.0, 4.0], ProjectOf(round, P1).Dimensions.Select(d => d.Mean));
    }

    [Fact]
    public void The_calibrated_total_is_weighted_like_the_raw_one()
    {
        var round = ScoreAggregation.Compute(
            LenientAndHarsh, p => p == P2 ? ProjectCategory.TechnologyInnovation : ProjectCategory.PublicService,
            CategoryWeights.Default, Rubric.Default);

        // P2 (30/20/30/20): raw means 9, 4, 7, 6 sit 8, 3, 6, 5 points above the bottom of 1..10;
        // calibrated 8, 3, 6, 5 sit 7, 2, 5, 4 above it.
        Assert.Equal(((30 * 8) + (20 * 3) + (30 * 6) + (20 * 5)) / 9.0, ProjectOf(round, P2).WeightedTotal, Precision);
        Assert.Equal(((30 * 7) + (20 * 2) + (30 * 5) + (20 * 4)) / 9.0, ProjectOf(round, P2).CalibratedTotal, Precision);

        // P3 (equal weights): raw 3, 6, 4, 7 → 2 + 5 + 3 + 6 = 16; calibrated 4, 7, 5, 8 → 20.
        Assert.Equal(25.0 * 16 / 9, ProjectOf(round, P3).WeightedTotal, Precision);
        Assert.Equal(25.0 * 20 / 9, ProjectOf(round, P3).CalibratedTotal, Precision);
    }

    [Fact]
    public void A_fair_expert_with_one_sheet_gets_no_bias_and_leaves_the_others_exact()
    {
        var round = Compute([.. LenientAndHarsh, Biased(P1, "D", Q1, 0)]);

        Assert.Equal((1, 0.0, false), round.Experts.Where(e => e.ExpertId == "D").Select(e => (e.SheetCount, e.Bias, e.Deviates)).Single());
        Assert.Equal(2.0, BiasOf(round, "A"), Precision);
        Assert.Equal(-2.0, BiasOf(round, "B"), Precision);
        Assert.Equal(Q1.Select(q => (double)q), ProjectOf(round, P1).Dimensions.Select(d => d.CalibratedMean));
    }

    [Fact]
    public void A_lenient_expert_with_too_few_sheets_gets_no_bias()
    {
        SubmittedSheet[] sheets = [.. LenientAndHarsh, Biased(P1, "D", Q1, +3)];

        var round = Compute(sheets);
        var withOneSheetEnough = Compute(sheets, settings: new AggregationSettings(MinProjectsForBias: 1));

        Assert.Equal(0.0, BiasOf(round, "D"));
        Assert.False(round.Experts.Single(e => e.ExpertId == "D").Deviates);
        Assert.True(BiasOf(withOneSheetEnough, "D") > 1, "with one sheet enough, D's leniency shows");
    }

    [Theory]
    [InlineData(1.5, 2, true)]
    [InlineData(1.6, 2, false)]
    [InlineData(1.5, 3, false)]
    public void An_expert_deviates_from_the_threshold_up_once_they_have_enough_sheets(double threshold, int minProjects, bool deviates)
    {
        // A scores 3 points above B on both projects they share: ±1.5.
        var sheets = new[]
        {
            Sheet(P1, "A", [7, 7, 7, 7]), Sheet(P1, "B", [4, 4, 4, 4]),
            Sheet(P2, "A", [8, 8, 8, 8]), Sheet(P2, "B", [5, 5, 5, 5]),
        };

        var round = Compute(sheets, settings: new AggregationSettings(DeviationThreshold: threshold, MinProjectsForBias: minProjects));

        Assert.Equal(minProjects <= 2 ? new[] { 1.5, -1.5 } : [0.0, 0.0], round.Experts.Select(e => e.Bias));
        Assert.Equal([deviates, deviates], round.Experts.Select(e => e.Deviates));
    }

    [Fact]
    public void Calibrated_means_stay_within_the_scale()
    {
        // A is 2 points lenient and H 2 points harsh (P1, P2); H alone gives P3 full marks and A
        // alone gives P4 the lowest, which calibrated would be 12 and −1.
        var sheets = new[]
        {
            Sheet(P1, "A", [7, 7, 7, 7]), Sheet(P1, "H", [3, 3, 3, 3]),
            Sheet(P2, "A", [8, 8, 8, 8]), Sheet(P2, "H", [4, 4, 4, 4]),
            Sheet(P3, "H", [10, 10, 10, 10]),
            Sheet(P4, "A", [1, 1, 1, 1]),
        };

        var round = Compute(sheets);

        Assert.Equal([2.0, -2.0], round.Experts.Select(e => e.Bias));
        Assert.All(ProjectOf(round, P3).Dimensions, d => Assert.Equal(10.0, d.CalibratedMean));
        Assert.All(ProjectOf(round, P4).Dimensions, d => Assert.Equal(1.0, d.CalibratedMean));
        Assert.Equal((100.0, 0.0), (ProjectOf(round, P3).CalibratedTotal, ProjectOf(round, P4).CalibratedTotal));
    }

    [Fact]
    public void Experts_who_share_no_project_are_balanced_group_by_group()
    {
        // A (+1) and B (−1) share P1 and P2. C (+2), D (−1) and E (−1) share P3, P4 and P5 among
        // them, unevenly; nobody links the two groups.
        var sheets = new[]
        {
            Biased(P1, "A", Q1, +1), Biased(P1, "B", Q1, -1),
            Biased(P2, "A", Q2, +1), Biased(P2, "B", Q2, -1),
            Biased(P3, "C", Q3, +2), Biased(P3, "D", Q3, -1),
            Biased(P4, "C", Q4, +2), Biased(P4, "D", Q4, -1), Biased(P4, "E", Q4, -1),
            Biased(P5, "C", Q1, +2), Biased(P5, "E", Q1, -1),
        };

        var round = Compute(sheets);

        Assert.Equal([1.0, -1.0, 2.0, -1.0, -1.0], round.Experts.Select(e => Math.Round(e.Bias, Precision)));
        Assert.Equal(Q1.Select(q => (double)q), ProjectOf(round, P5).Dimensions.Select(d => d.CalibratedMean));
    }
}
