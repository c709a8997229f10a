using FinPilot.Domain.Scenarios;
using FinPilot.Web.Features.Scenarios;

namespace FinPilot.Web.Tests.Scenarios;

/// <summary>
/// The recommender against the labelled set (<see cref="LabelledSet"/>): for each scenario, the
/// solutions ranked; precision@5 (a solution graded 1 or 2 counts as relevant) and nDCG@10 (gain
/// 2^grade − 1), averaged over the scenarios. The floors sit just under what was measured (README),
/// so a change that makes recommendations worse fails here.
/// </summary>
public sealed class RecommenderQualityTests(ITestOutputHelper output)
{
    public const double PrecisionAt5Floor = 0.58;
    public const double NdcgAt10Floor = 0.96;

    private static readonly MatchRanker Ranker = new(LabelledSet.Scenarios.Concat(LabelledSet.Solutions).Select(i => i.Document));

    [Fact]
    public void Precision_at_5_and_nDCG_at_10_stay_above_their_floors()
    {
        var keys = LabelledSet.Solutions.ToDictionary(s => s.Document.Id, s => s.Key);
        var precisions = new List<double>();
        var ndcgs = new List<double>();
        foreach (var scenario in LabelledSet.Scenarios)
        {
            var ranked = Ranker.Rank(scenario.Document, _ => true, 10).Select(r => keys[r.Id]).ToList();
            var grades = ranked.Select(k => LabelledSet.Grade(scenario.Key, k)).ToList();
            precisions.Add(grades.Take(5).Count(g => g > 0) / 5.0);
            var ideal = LabelledSet.Solutions.Select(s => LabelledSet.Grade(scenario.Key, s.Key)).OrderDescending().Take(10).ToList();
            ndcgs.Add(Dcg(grades) / Dcg(ideal));
            output.WriteLine($"{scenario.Key}: {string.Join(' ', ranked.Zip(grades, (k, g) => $"{k}:{g}"))}");
        }

        var precision = precisions.Average();
        var ndcg = ndcgs.Average();
        output.WriteLine($"precision@5 = {precision:0.000}, nDCG@10 = {ndcg:0.000}");
        Assert.True(precision >= PrecisionAt5Floor, $"precision@5 {precision:0.000} fell below {PrecisionAt5Floor}");
        Assert.True(ndcg >= NdcgAt10Floor, $"nDCG@10 {ndcg:0.000} fell below {NdcgAt10Floor}");
    }

    [Fact]
    public void The_set_has_at_least_fifty_judged_pairs_of_known_items()
    {
        Assert.True(LabelledSet.Judgements.Count >= 50);
        var scenarios = LabelledSet.Scenarios.Select(s => s.Key).ToHashSet();
        var solutions = LabelledSet.Solutions.Select(s => s.Key).ToHashSet();
        Assert.All(LabelledSet.Judgements, j => Assert.True(scenarios.Contains(j.Scenario) && solutions.Contains(j.Solution), $"{j.Scenario}/{j.Solution}"));
        Assert.Equal(LabelledSet.Judgements.Count, LabelledSet.Judgements.Select(j => (j.Scenario, j.Solution)).Distinct().Count());
    }

    [Fact]
    public void Each_recommendation_explains_itself_with_shared_tags_and_marked_words()
    {
        var scenario = LabelledSet.Scenarios.Single(s => s.Key == "S01").Document;
        var best = Ranker.Rank(scenario, _ => true, 1).Single();
        var solution = LabelledSet.Solutions.Single(s => s.Document.Id == best.Id).Document;
        Assert.Equal("数字人民币智能反洗钱监测平台", solution.Title);
        Assert.Equal([Technology.BigData, Technology.ArtificialIntelligence, Technology.DigitalRmb], best.SharedTechnologies);
        Assert.True(best.SameArea);
        Assert.True(best.SameRegion);
        Assert.Contains("洗钱", best.MatchingTerms);
        Assert.Contains("人民币", best.MatchingTerms);
        Assert.Contains("<mark>", best.HighlightHtml, StringComparison.Ordinal);
        Assert.Equal(1.0, best.Text);
        Assert.Equal(MatchScore.Combine(best.Text, best.Tags, best.SameArea, best.SameRegion), best.Score, 3);
    }

    [Fact]
    public void Nothing_the_filter_refuses_is_ranked_and_the_highlight_is_encoded()
    {
        var scenario = LabelledSet.Scenarios.Single(s => s.Key == "S01").Document;
        var refused = LabelledSet.Solutions.Single(s => s.Key == "P01").Document.Id;
        Assert.DoesNotContain(Ranker.Rank(scenario, id => id != refused, 50), r => r.Id == refused);

        var hostile = new MatchDocument(Guid.NewGuid(), MatchSide.Solution, "<script>反洗钱</script>", "<b>反洗钱</b> 监测", [Technology.DigitalRmb], null, 9);
        var ranked = new MatchRanker([scenario, hostile]).Rank(scenario, _ => true, 1).Single();
        Assert.DoesNotContain("<b>", ranked.HighlightHtml, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;", ranked.HighlightHtml, StringComparison.Ordinal);
    }

    private static double Dcg(IReadOnlyList<int> grades) =>
        grades.Select((g, i) => (Math.Pow(2, g) - 1) / Math.Log2(i + 2)).Sum();
}
