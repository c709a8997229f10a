using FinPilot.Domain.Evaluation.Assignment;
using FinPilot.Domain.Projects;
using static FinPilot.Domain.Tests.Evaluation.AssignmentTestData;

namespace FinPilot.Domain.Tests.Evaluation;

public sealed class AffinityTests
{
    [Fact]
    public void Each_part_adds_its_documented_weight_up_to_its_cap()
    {
        var project = Project(1, Shanghai, ProjectCategory.PublicService, ["AI", "cloud", "blockchain"], ["trading"], "智能投顾 AI 服务");
        var expert = Expert("e", [Legal], regions: [Beijing, Shanghai], tags: [" ai ", "Cloud", "BLOCKCHAIN", "trading"],
            categories: [ProjectCategory.PublicService], profile: "从事智能投顾研究");

        // Technologies 3 × 15 capped at 30; one scenario 10; category 15; region 15; words
        // 智能, 能投, 投顾 and "ai" from the tags: 4 × 2.
        Assert.Equal(30 + 10 + 15 + 15 + 8, Affinity.Score(expert, project));
    }

    [Fact]
    public void An_expert_sharing_nothing_scores_zero_and_no_score_exceeds_the_maximum()
    {
        var project = Project(1, Beijing, ProjectCategory.PublicService, ["ai"], ["trading"], "智能投顾");
        Assert.Equal(0, Affinity.Score(Expert("e", [IT], regions: [Shanghai]), project));

        var words = string.Concat(Enumerable.Range(0, 40).Select(i => (char)('一' + i)));
        var everything = Project(2, Beijing, ProjectCategory.PublicService, ["ai", "cloud", "big-data"], ["trading", "compliance", "operations"], words);
        var match = Expert("m", [IT], regions: [Beijing], tags: ["ai", "cloud", "big-data", "trading", "compliance", "operations"],
            categories: [ProjectCategory.PublicService], profile: words);
        Assert.Equal(Affinity.Max, Affinity.Score(match, everything));
    }
}
