using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Statistics;

namespace FinPilot.Domain.Tests.Statistics;

public sealed class PilotIndexTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Guid Call = Guid.Parse("00000000-0000-0000-0000-000000000001");

    private static PublicPilotFact Pilot(string region, string[] technologies, params (PublicEventKind Kind, int DaysAgo)[] events) =>
        new(Guid.NewGuid(), region, Call, Now.AddDays(-500), ProjectCategory.BusinessInnovation, technologies, region + "-lead",
            [.. events.Select(e => new PublicEventFact(e.Kind, Now.AddDays(-e.DaysAgo)))]);

    // Beijing: two admitted within the year (one with a public correction still open), one admitted long ago
    // whose correction was closed and that exited as exemplary. Shanghai: one admitted this week, then
    // suspended, and one on notice only. Guangzhou: on notice only, so it has no index.
    private static readonly PublicPilotFact[] Fixture =
    [
        Pilot("BJ", ["blockchain", "cloud"], (PublicEventKind.NoticePublished, 30), (PublicEventKind.Admitted, 10)),
        Pilot("BJ", ["ai"], (PublicEventKind.Admitted, 400), (PublicEventKind.CorrectionOrdered, 300), (PublicEventKind.CorrectionClosed, 280), (PublicEventKind.Exit, 20), (PublicEventKind.TierAssigned, 19))
            with { Tier = "Exemplary", Scenarios = ["wealth", "Payments"], LeadType = "SecuritiesFirm" },
        Pilot("BJ", ["Blockchain"], (PublicEventKind.Admitted, 20), (PublicEventKind.CorrectionOrdered, 5)) with { Scenarios = ["wealth"], LeadType = "SecuritiesFirm" },
        Pilot("SH", ["cloud"], (PublicEventKind.Admitted, 5), (PublicEventKind.Suspended, 2)) with { LeadType = "FundManager" },
        Pilot("SH", ["quantum"], (PublicEventKind.NoticePublished, 3)) with { Scenarios = ["wealth"], LeadType = "FundManager" },
        Pilot("GZ", ["ai"], (PublicEventKind.NoticePublished, 3)),
    ];

    private static Dictionary<string, decimal> Of(string indicator) =>
        StatisticsFormulas.Compute(Fixture, [], Now).Where(f => f.Indicator == indicator).ToDictionary(f => f.Key, f => f.Value);

    [Fact]
    public void The_index_is_the_weighted_mean_of_the_components_for_regions_with_admitted_pilots()
    {
        // Beijing: 25 + 25 + 0.30 × 66.67 + 0.20 × 100 = 90. Shanghai has no tier: (0.25 × 50 + 0.25 × 33.33 + 0) ÷ 0.80 = 26.04.
        Assert.Equal(new Dictionary<string, decimal> { ["BJ"] = 90.0m, ["SH"] = 26.0m }, Of(Indicators.PilotIndex));
    }

    [Fact]
    public void Each_component_is_published_per_region_and_a_component_with_nothing_to_measure_is_left_out()
    {
        Assert.Equal(
            new Dictionary<string, decimal>
            {
                ["BJ:Activity"] = 100m,
                ["BJ:Breadth"] = 100m,
                ["BJ:Supervision"] = 66.7m,
                ["BJ:ExitQuality"] = 100m,
                ["SH:Activity"] = 50m,
                ["SH:Breadth"] = 33.3m,
                ["SH:Supervision"] = 0m,
            },
            Of(Indicators.PilotIndexComponents));
    }

    [Fact]
    public void Activity_counts_admissions_within_the_year_before_the_instant()
    {
        var inputs = PilotIndex.Inputs(Fixture, Now).ToDictionary(i => i.RegionCode);
        Assert.Equal(3, inputs["BJ"].Admitted);
        Assert.Equal(2, inputs["BJ"].AdmittedInPeriod);
        Assert.Equal(0, inputs["GZ"].Admitted);

        // A year later nothing is recent: every region's activity is 0, not a division by zero.
        var later = StatisticsFormulas.Compute(Fixture, [], Now.AddYears(1)).Where(f => f.Indicator == Indicators.PilotIndexComponents && f.Key.EndsWith(":Activity", StringComparison.Ordinal));
        Assert.All(later, f => Assert.Equal(0m, f.Value));
    }

    [Theory]
    [InlineData(new[] { PublicEventKind.Admitted }, false)]
    [InlineData(new[] { PublicEventKind.Admitted, PublicEventKind.Suspended, PublicEventKind.Resumed }, true)]
    [InlineData(new[] { PublicEventKind.Admitted, PublicEventKind.Termination }, true)]
    [InlineData(new[] { PublicEventKind.Admitted, PublicEventKind.CorrectionOrdered }, true)]
    [InlineData(new[] { PublicEventKind.Admitted, PublicEventKind.CorrectionOrdered, PublicEventKind.CorrectionClosed }, false)]
    [InlineData(new[] { PublicEventKind.CorrectionOrdered, PublicEventKind.CorrectionOrdered, PublicEventKind.CorrectionClosed }, true)]
    public void A_pilot_is_troubled_when_suspended_terminated_or_with_a_public_correction_open(PublicEventKind[] kinds, bool troubled)
    {
        Assert.Equal(troubled, PilotIndex.IsTroubled(kinds.Select(k => new PublicEventFact(k, Now))));
    }

    [Fact]
    public void The_weights_sum_to_one_and_every_tier_has_a_score()
    {
        Assert.Equal(1m, PilotIndex.Weights.Values.Sum());
        Assert.Equal(Enum.GetValues<FinPilot.Domain.Exit.ExitTier>().Length, PilotIndex.TierScores.Count);
    }

    [Fact]
    public void Scenarios_and_lead_types_count_admitted_pilots_only()
    {
        Assert.Equal(new Dictionary<string, decimal> { ["payments"] = 1, ["wealth"] = 2 }, Of(Indicators.PilotsByScenario));
        Assert.Equal(new Dictionary<string, decimal> { ["FundManager"] = 1, ["SecuritiesFirm"] = 2 }, Of(Indicators.PilotsByLeadType));
    }
}
