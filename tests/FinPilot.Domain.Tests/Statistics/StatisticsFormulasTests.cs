using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Statistics;

namespace FinPilot.Domain.Tests.Statistics;

public sealed class StatisticsFormulasTests
{
    private static readonly DateTimeOffset Closes = new(2022, 1, 31, 16, 0, 0, TimeSpan.Zero); // 2022-02-01 00:00 in Beijing
    private static readonly DateTimeOffset Now = new(2023, 4, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Guid Batch1 = Guid.Parse("00000000-0000-0000-0000-000000000001");
    private static readonly Guid Batch2 = Guid.Parse("00000000-0000-0000-0000-000000000002");

    private static PublicPilotFact Pilot(string region, Guid call, ProjectCategory category, string[] technologies, string lead, params (PublicEventKind Kind, int Day)[] events) =>
        new(Guid.NewGuid(), region, call, Closes, category, technologies, lead,
            [.. events.Select(e => new PublicEventFact(e.Kind, Closes.AddDays(e.Day)))]);

    // Five register entries: three admitted in Beijing (one since exited), one admitted in Shanghai
    // and suspended, one on notice in Shanghai.
    private static readonly PublicPilotFact[] Fixture =
    [
        Pilot("BJ", Batch1, ProjectCategory.BusinessInnovation, ["blockchain", "cloud"], "甲证券", (PublicEventKind.NoticePublished, 10), (PublicEventKind.Admitted, 20)),
        Pilot("BJ", Batch1, ProjectCategory.TechnologyInnovation, ["Blockchain"], "乙基金", (PublicEventKind.NoticePublished, 10), (PublicEventKind.Admitted, 30)),
        Pilot("BJ", Batch2, ProjectCategory.TechnologyInnovation, ["ai"], "甲证券", (PublicEventKind.NoticePublished, 40), (PublicEventKind.Admitted, 50), (PublicEventKind.Exit, 400)),
        Pilot("SH", Batch2, ProjectCategory.PublicService, ["cloud"], "丙期货", (PublicEventKind.NoticePublished, 10), (PublicEventKind.Admitted, 11), (PublicEventKind.Suspended, 60)),
        Pilot("SH", Batch2, ProjectCategory.PublicService, ["ai"], "丁科技", (PublicEventKind.NoticePublished, 100)),
    ];

    private static readonly PublicCallFact[] Calls =
    [
        new(Batch1, "BJ", Now.AddDays(-10), Now.AddDays(10), Closed: false),
        new(Batch2, "BJ", Now.AddDays(-10), Now.AddDays(10), Closed: true),
        new(Guid.NewGuid(), "SH", Now.AddDays(-10), Now, Closed: false),
        new(Guid.NewGuid(), "SH", Now.AddDays(1), Now.AddDays(10), Closed: false),
        new(Guid.NewGuid(), "GZ", Now, Now.AddDays(1), Closed: false),
    ];

    private static Dictionary<string, decimal> Of(string indicator) =>
        StatisticsFormulas.Compute(Fixture, Calls, Now).Where(f => f.Indicator == indicator).ToDictionary(f => f.Key, f => f.Value);

    [Fact]
    public void Pilots_by_region_count_admitted_projects_only()
    {
        Assert.Equal(new Dictionary<string, decimal> { ["BJ"] = 3, ["SH"] = 1 }, Of(Indicators.PilotsByRegion));
    }

    [Fact]
    public void Pilots_by_batch_count_admitted_projects_per_call()
    {
        Assert.Equal(new Dictionary<string, decimal> { [Batch1.ToString()] = 2, [Batch2.ToString()] = 2 }, Of(Indicators.PilotsByBatch));
    }

    [Fact]
    public void Calls_open_count_from_opening_to_closing_and_not_closed_early()
    {
        // Batch 2 was closed early; the first Shanghai call closes at this instant; the second opens tomorrow; Guangzhou's opens now.
        Assert.Equal(new Dictionary<string, decimal> { ["BJ"] = 1, ["GZ"] = 1 }, Of(Indicators.CallsOpenByRegion));
    }

    [Fact]
    public void Median_days_from_the_calls_closing_to_admission_per_region_and_overall()
    {
        // Beijing 20, 30, 50 → 30; Shanghai 11 → 11; all 11, 20, 30, 50 → (20 + 30) / 2.
        Assert.Equal(new Dictionary<string, decimal> { ["*"] = 25m, ["BJ"] = 30, ["SH"] = 11 }, Of(Indicators.MedianDaysToAdmission));
    }

    [Fact]
    public void Median_of_nothing_is_no_figure()
    {
        Assert.Null(StatisticsFormulas.Median([]));
        Assert.Equal(7, StatisticsFormulas.Median([7]));
        Assert.Equal(2.5m, StatisticsFormulas.Median([4, 1, 3, 2]));
        Assert.Empty(StatisticsFormulas.MedianDays([Fixture[4]]));
    }

    [Fact]
    public void Pilots_by_category_and_technology_count_each_technology_once_per_pilot_case_insensitively()
    {
        Assert.Equal(
            new Dictionary<string, decimal> { ["BusinessInnovation"] = 1, ["TechnologyInnovation"] = 2, ["PublicService"] = 1 },
            Of(Indicators.PilotsByCategory));
        Assert.Equal(new Dictionary<string, decimal> { ["blockchain"] = 2, ["cloud"] = 2, ["ai"] = 1 }, Of(Indicators.PilotsByTechnology));
    }

    [Fact]
    public void Stage_is_the_latest_lifecycle_event_of_every_register_entry()
    {
        Assert.Equal(
            new Dictionary<string, decimal> { ["Running"] = 2, ["Exited"] = 1, ["Suspended"] = 1, ["OnNotice"] = 1 },
            Of(Indicators.RegisterByStage));
    }

    [Fact]
    public void Of_two_events_at_one_instant_the_later_in_the_lifecycle_decides()
    {
        var at = Closes;
        Assert.Equal(PublicStage.Running, PublicStages.Latest([new(PublicEventKind.Admitted, at), new(PublicEventKind.NoticePublished, at)]));
        Assert.Equal(PublicStage.Exited, PublicStages.Latest([new(PublicEventKind.Exit, at), new(PublicEventKind.Suspended, at)]));
        Assert.Equal(PublicStage.Running, PublicStages.Latest([new(PublicEventKind.Suspended, at), new(PublicEventKind.Resumed, at.AddSeconds(1))]));
        Assert.Null(PublicStages.Latest([new(PublicEventKind.MajorProgress, at)]));
    }

    [Fact]
    public void The_public_funnel_counts_projects_noticed_admitted_and_exited()
    {
        Assert.Equal(new Dictionary<string, decimal> { ["Noticed"] = 5, ["Admitted"] = 4, ["Exited"] = 1 }, Of(Indicators.PublicFunnel));
    }

    [Fact]
    public void Exited_pilots_count_by_tier_only_once_the_tier_is_public()
    {
        PublicPilotFact Exited(string? tier, bool published) => Pilot("BJ", Batch1, ProjectCategory.PublicService, ["ai"], "戊", [
            (PublicEventKind.Admitted, 1), (PublicEventKind.Exit, 300), .. published ? new[] { (PublicEventKind.TierAssigned, 300) } : []]) with
        { Tier = tier };
        PublicPilotFact[] pilots = [Exited("Exemplary", true), Exited("Exemplary", true), Exited("Good", true), Exited("Failed", false), Exited(null, true)];

        var figures = StatisticsFormulas.Compute(pilots, [], Now).Where(f => f.Indicator == Indicators.ExitedByTier).ToDictionary(f => f.Key, f => f.Value);

        Assert.Equal(new Dictionary<string, decimal> { ["Exemplary"] = 2, ["Good"] = 1 }, figures);
        Assert.Empty(Of(Indicators.ExitedByTier));
    }

    [Fact]
    public void Lead_institutions_count_distinct_lead_keys_of_admitted_pilots()
    {
        Assert.Equal(new Dictionary<string, decimal> { ["*"] = 3 }, Of(Indicators.LeadInstitutions));
    }

    [Fact]
    public void Figures_come_in_canonical_order_and_differences_name_each_changed_figure()
    {
        var figures = StatisticsFormulas.Compute(Fixture, Calls, Now);
        Assert.Equal(StatisticsFormulas.Canonical(figures.Reverse()), figures);

        var altered = figures.Select(f => f.Indicator == Indicators.PilotsByRegion && f.Key == "BJ" ? f with { Value = 4 } : f).ToList();
        var difference = Assert.Single(StatisticsFormulas.Differences(figures, altered));
        Assert.Equal((Indicators.PilotsByRegion, "BJ", 3m, 4m), (difference.Indicator, difference.Key, difference.Expected, difference.Actual));
        Assert.Empty(StatisticsFormulas.Differences(figures, StatisticsFormulas.Compute(Fixture, Calls, Now)));
    }

    [Fact]
    public void Every_indicator_has_a_unique_code_in_the_jrt_style_and_a_first_revision()
    {
        Assert.Equal(Indicators.All.Count, Indicators.All.Select(i => i.Code).Distinct().Count());
        Assert.All(Indicators.All, i =>
        {
            Assert.Matches(@"^FP-[NIR]-\d{3}$", i.Code);
            Assert.Equal(i.Code[3], i.Block switch { IndicatorBlock.Institution => 'N', IndicatorBlock.Industry => 'I', _ => 'R' });
            Assert.Equal(1, i.Revisions[0].Number);
            Assert.Equal(i.Revisions.Count, i.Revision);
        });
        Assert.All(StatisticsFormulas.Compute(Fixture, Calls, Now), f => Assert.NotNull(Indicators.Find(f.Indicator)));
    }
}
