using FinPilot.Domain.Evaluation;
using FinPilot.Domain.Evaluation.Assignment;
using FinPilot.Domain.Projects;

namespace FinPilot.Evaluation.Bench;

/// <summary>
/// Synthetic evaluation rounds that look like real ones, from a seed: experts of one or two
/// domains (balanced), one or two of six regions, three to six of twenty-one scenario and
/// technology codes, loads 3–8 with only enough experts available for about 1.75 × the places,
/// about 2% of pairs conflicted; projects with a category, one to three scenarios and
/// technologies, and a short Chinese description.
/// </summary>
internal static class RoundGenerator
{
    public const int Regions = 6;
    public const double LoadPerPlace = 1.75;
    public const double ConflictRate = 0.02;

    private static readonly (string Code, string Zh)[] Scenarios =
    [
        ("operations", "运营"), ("investment-advice", "投顾"), ("trading", "交易"), ("risk-control", "风控"),
        ("compliance", "合规"), ("customer-service", "客户服务"), ("internal-management", "内部管理"),
        ("payments", "支付清算"), ("wealth-management", "财富管理"), ("credit", "信贷"), ("insurance", "保险"),
    ];

    private static readonly (string Code, string Zh)[] Technologies =
    [
        ("big-data", "大数据"), ("privacy-computing", "隐私计算"), ("cloud", "云计算"), ("ai", "人工智能"),
        ("blockchain", "区块链"), ("digital-rmb", "数字人民币"), ("biometrics", "生物识别"), ("iot", "物联网"),
        ("rpa", "流程自动化"), ("knowledge-graph", "知识图谱"),
    ];

    private static readonly string[] Fields = ["法律合规", "金融业务", "信息科技"];

    public static AssignmentProblem Generate(int projects, int experts, int k, int seed)
    {
        var random = new Random(seed);
        var codes = Scenarios.Concat(Technologies).ToArray();
        var list = new List<AssignmentProject>(projects);
        for (var i = 0; i < projects; i++)
        {
            var scenarios = Pick(random, Scenarios, random.Next(1, 4));
            var technologies = Pick(random, Technologies, random.Next(1, 4));
            var text = $"基于{string.Join("与", technologies.Select(t => t.Zh))}的{string.Join("、", scenarios.Select(s => s.Zh))}创新应用，提升服务效率与风险防控能力";
            var id = new byte[16];
            random.NextBytes(id);
            list.Add(new AssignmentProject(
                new Guid(id), $"项目{i + 1:D4}", random.Next(1, Regions + 1),
                (ProjectCategory)random.Next(1, 5), [.. scenarios.Select(s => s.Code)], [.. technologies.Select(t => t.Code)], text));
        }

        var domains = EvaluationValues.Domains;
        var pool = new List<AssignmentExpert>(experts);
        for (var i = 0; i < experts; i++)
        {
            var first = domains[i % 3];
            ExpertDomain[] own = random.NextDouble() < 0.3 ? [first, domains[(i + random.Next(1, 3)) % 3]] : [first];
            var tags = Pick(random, codes, random.Next(3, 7));
            var regions = Enumerable.Range(1, Regions).OrderBy(_ => random.Next()).Take(random.Next(1, 3)).ToArray();
            var categories = Enum.GetValues<ProjectCategory>().OrderBy(_ => random.Next()).Take(random.Next(1, 3)).ToArray();
            var profile = $"长期从事{string.Join("、", own.Select(d => Fields[(int)d - 1]))}工作，熟悉{string.Join("、", tags.Select(t => t.Zh))}";
            pool.Add(new AssignmentExpert($"E{i + 1:D5}", $"专家{i + 1:D5}", own, regions, [.. tags.Select(t => t.Code)], categories, profile, random.Next(3, 9)));
        }

        // Only as many experts are available as give the round about LoadPerPlace × its places.
        var needed = (long)(projects * k * LoadPerPlace);
        var available = 0L;
        foreach (var index in Enumerable.Range(0, experts).OrderBy(_ => random.Next()).ToList())
        {
            if (available >= needed)
            {
                pool[index] = pool[index] with { MaxLoad = 0 };
            }

            available += pool[index].MaxLoad;
        }

        var conflicts = new HashSet<ExpertPair>();
        var perProject = (int)Math.Round(experts * ConflictRate);
        foreach (var project in list)
        {
            for (var c = 0; c < perProject; c++)
            {
                conflicts.Add(new ExpertPair(project.Id, pool[random.Next(experts)].Id));
            }
        }

        return new AssignmentProblem(list, pool, k, conflicts, new HashSet<ExpertPair>(), new HashSet<ExpertPair>());
    }

    private static (string Code, string Zh)[] Pick(Random random, (string Code, string Zh)[] from, int count) =>
        [.. from.OrderBy(_ => random.Next()).Take(count)];
}
