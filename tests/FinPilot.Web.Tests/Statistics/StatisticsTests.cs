using System.Net;
using FinPilot.Domain.Statistics;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Statistics;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FinPilot.Web.Tests.Statistics;

/// <summary>
/// The figures of every indicator, computed in SQL, against the formulas run over the same public
/// records read whole; and what a new world of public records changes in them. Tests of this class
/// add records of their own, so they compare before and after rather than absolute counts.
/// </summary>
public sealed class StatisticsTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task The_figures_in_SQL_agree_with_the_formulas_and_count_only_public_records(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var before = await StatisticsWorld.FiguresAsync(app);

        var world = await StatisticsWorld.CreateAsync(app);
        var after = await StatisticsWorld.FiguresAsync(app);

        Assert.Empty(StatisticsFormulas.Differences(await StatisticsWorld.RecomputedAsync(app), after));
        decimal Delta(string indicator, string key) => StatisticsWorld.Value(after, indicator, key) - StatisticsWorld.Value(before, indicator, key);
        Assert.Equal(2, Delta(Indicators.PilotsByRegion, "BJ"));
        Assert.Equal(1, Delta(Indicators.PilotsByRegion, "SH"));
        Assert.Equal(2, StatisticsWorld.Value(after, Indicators.PilotsByBatch, world.BeijingCall.ToString()));
        Assert.Equal(1, StatisticsWorld.Value(after, Indicators.PilotsByBatch, world.ShanghaiCall.ToString()));
        Assert.Equal(2, Delta(Indicators.PilotsByCategory, "PublicService") + Delta(Indicators.PilotsByCategory, "TechnologyInnovation"));
        Assert.Equal(1, Delta(Indicators.PilotsByCategory, "BusinessInnovation"));
        Assert.Equal(2, Delta(Indicators.PilotsByTechnology, "blockchain"));
        Assert.Equal(1, Delta(Indicators.PilotsByTechnology, "cloud"));
        Assert.Equal(0, Delta(Indicators.PilotsByTechnology, "ai"));
        Assert.Equal(4, Delta(Indicators.PublicFunnel, "Noticed"));
        Assert.Equal(3, Delta(Indicators.PublicFunnel, "Admitted"));
        Assert.Equal(1, Delta(Indicators.PublicFunnel, "Exited"));
        Assert.Equal(1, Delta(Indicators.RegisterByStage, "Running"));
        Assert.Equal(1, Delta(Indicators.RegisterByStage, "Exited"));
        Assert.Equal(1, Delta(Indicators.RegisterByStage, "Suspended"));
        Assert.Equal(1, Delta(Indicators.RegisterByStage, "OnNotice"));
        Assert.Equal(2, Delta(Indicators.PilotsByScenario, "trading"));
        Assert.Equal(1, Delta(Indicators.PilotsByScenario, "operations"));
        Assert.Equal(1, Delta(Indicators.PilotsByLeadType, "SecuritiesFirm"));
        Assert.Equal(1, Delta(Indicators.PilotsByLeadType, "FundManager"));
        Assert.Contains(after, f => f.Indicator == Indicators.PilotIndex && f.Key == "SH");
        Assert.Contains(after, f => f.Indicator == Indicators.PilotIndexComponents && f.Key == "SH:Supervision");
        // The two calls the world made are open now.
        Assert.Equal(1, Delta(Indicators.CallsOpenByRegion, "BJ"));
        Assert.Equal(1, Delta(Indicators.CallsOpenByRegion, "SH"));
    }

    [Theory, AllProviders]
    public async Task The_live_figures_from_the_registers_facts_equal_the_figures_derived_from_the_public_events(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        await StatisticsWorld.CreateAsync(app);
        var at = app.Clock.GetUtcNow();
        await using var scope = app.Services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<StatisticsQueries>();

        var live = await queries.ComputeAsync(at);
        var fromEvents = await queries.ComputeFromEventsAsync(at);

        Assert.Equal(fromEvents.Count, live.Count);
        foreach (var (expected, actual) in fromEvents.Zip(live))
        {
            Assert.Equal($"{expected.Indicator} {expected.Key} {expected.Value}", $"{actual.Indicator} {actual.Key} {actual.Value}");
        }

        Assert.Empty(StatisticsFormulas.Differences(fromEvents, live));
        // The world and the demo give every kind of figure something to count.
        foreach (var indicator in new[] { Indicators.PilotsByRegion, Indicators.RegisterByStage, Indicators.MedianDaysToAdmission, Indicators.ExitedByTier, Indicators.PilotIndex })
        {
            Assert.Contains(live, f => f.Indicator == indicator && f.Value != 0);
        }
    }

    [Theory, AllProviders]
    public async Task The_statistics_page_reads_as_tables_with_names_and_loads_echarts_from_the_site(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        await StatisticsWorld.CreateAsync(app);
        using var anonymous = app.Anonymous();

        var html = await anonymous.GetStringAsync("/statistics");

        Assert.All(Indicators.All, i => Assert.Contains($"data-testid=\"indicator-{i.Code}\"", html));
        Assert.Contains("<th scope=\"row\">北京</th>", html);
        Assert.Contains("<th scope=\"row\">区块链</th>", html);
        Assert.Contains("<th scope=\"row\">已退出</th>", html);
        Assert.DoesNotContain("<th scope=\"row\">BJ</th>", html);
        Assert.DoesNotContain("<th scope=\"row\">blockchain</th>", html);
        Assert.Contains("src=\"lib/echarts/echarts.min.js\"", html);
        Assert.DoesNotContain("cdn", html, StringComparison.OrdinalIgnoreCase);
        using var script = await anonymous.GetAsync("/lib/echarts/echarts.min.js");
        await script.AssertStatusAsync(HttpStatusCode.OK);
        using var license = await anonymous.GetAsync("/lib/echarts/LICENSE");
        await license.AssertStatusAsync(HttpStatusCode.OK);

        var english = await anonymous.GetStringAsync("/statistics?culture=en");
        Assert.Contains("<th scope=\"row\">Beijing</th>", english);
        Assert.Contains("Pilots by region", english);
    }

    [Theory, AllProviders]
    public async Task The_catalogue_lists_every_indicator_with_definition_formula_and_revisions(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var anonymous = app.Anonymous();

        var html = await anonymous.GetStringAsync("/statistics/indicators");
        Assert.All(Indicators.All, i =>
        {
            Assert.Contains($"data-testid=\"catalogue-{i.Code}\"", html);
            Assert.Contains(System.Net.WebUtility.HtmlEncode(IndicatorTextsIn("zh-CN", i)), html);
        });
        Assert.Contains("申报日期不公开", html);

        var catalogue = await (await anonymous.GetAsync("/api/v1/statistics/indicators")).ReadAsync<List<StatisticsApi.IndicatorDto>>();
        Assert.Equal(Indicators.All.Select(i => i.Code), catalogue.Select(i => i.Code));
        Assert.All(catalogue, i => Assert.NotEmpty(i.Revisions));
    }

    [Theory, AllProviders]
    public async Task The_api_gives_every_figure_with_its_revision_and_a_named_key(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var world = await StatisticsWorld.CreateAsync(app);
        using var anonymous = app.Anonymous();

        var statistics = await (await anonymous.GetAsync("/api/v1/statistics")).ReadAsync<StatisticsApi.StatisticsDto>();

        var batch = Assert.Single(statistics.Figures, f => f.Indicator == Indicators.PilotsByBatch && f.Key == world.BeijingCall.ToString());
        Assert.Equal(2, batch.Value);
        Assert.Equal(1, batch.Revision);
        Assert.StartsWith("北京", batch.Label, StringComparison.Ordinal);
        Assert.Equal(StatisticsFormulas.Canonical(statistics.Figures.Select(f => new Figure(f.Indicator, f.Key, f.Value))).Select(f => (f.Indicator, f.Key)),
            statistics.Figures.Select(f => (f.Indicator, f.Key)));
    }

    private static string IndicatorTextsIn(string culture, Indicator indicator)
    {
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(culture);
        try
        {
            return IndicatorTexts.Name(indicator);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }
}
