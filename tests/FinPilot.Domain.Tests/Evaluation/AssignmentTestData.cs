using FinPilot.Domain.Evaluation;
using FinPilot.Domain.Evaluation.Assignment;
using FinPilot.Domain.Projects;

namespace FinPilot.Domain.Tests.Evaluation;

/// <summary>Projects, experts and rounds for the assignment tests: plain ones to hand-build known answers, and seeded random ones.</summary>
internal static class AssignmentTestData
{
    public const ExpertDomain Legal = ExpertDomain.LegalCompliance;
    public const ExpertDomain Finance = ExpertDomain.FinancialBusiness;
    public const ExpertDomain IT = ExpertDomain.InformationTechnology;
    public const int Beijing = 1;
    public const int Shanghai = 2;

    private static readonly string[] Codes = ["big-data", "privacy-computing", "cloud", "ai", "blockchain", "digital-rmb", "trading", "risk-control", "compliance", "investment-advice"];

    /// <summary>A project with nothing an expert could match but what is given.</summary>
    public static AssignmentProject Project(int number, int region = Beijing, ProjectCategory category = ProjectCategory.BusinessInnovation,
        string[]? technologies = null, string[]? scenarios = null, string text = "") =>
        new(Guid.Parse($"00000000-0000-0000-0000-{number:D12}"), $"项目{number}", region, category, scenarios ?? [], technologies ?? [], text);

    public static AssignmentExpert Expert(string id, ExpertDomain[] domains, int load = 3, int[]? regions = null,
        string[]? tags = null, ProjectCategory[]? categories = null, string profile = "") =>
        new(id, $"专家{id}", domains, regions ?? [], tags ?? [], categories ?? [], profile, load);

    /// <summary>One plain expert of each domain per letter of <paramref name="prefixes"/>: "a" gives aL, aF, aI.</summary>
    public static List<AssignmentExpert> Trio(string prefixes = "a", int load = 3) =>
        [.. prefixes.SelectMany(p => new[] { Expert($"{p}L", [Legal], load), Expert($"{p}F", [Finance], load), Expert($"{p}I", [IT], load) })];

    public static AssignmentProblem Problem(IReadOnlyList<AssignmentProject> projects, IReadOnlyList<AssignmentExpert> experts, int k = 3,
        IEnumerable<ExpertPair>? conflicts = null, IEnumerable<ExpertPair>? pinned = null, IEnumerable<ExpertPair>? forbidden = null) =>
        new(projects, experts, k, (conflicts ?? []).ToHashSet(), (pinned ?? []).ToHashSet(), (forbidden ?? []).ToHashSet());

    public static ExpertPair Pair(AssignmentProject project, string expertId) => new(project.Id, expertId);

    public static AssignmentProblem Random(int seed, int projects, int experts, int k, int minLoad, int maxLoad, double conflictRate = 0.05)
    {
        var random = new Random(seed);
        var list = Enumerable.Range(1, projects).Select(i => Project(
            i,
            random.Next(1, 4),
            (ProjectCategory)random.Next(1, 5),
            [Codes[random.Next(6)]],
            [Codes[random.Next(6, Codes.Length)]],
            random.Next(2) == 0 ? "基于区块链的跨境支付" : "智能投顾风险画像")).ToList();
        var domains = EvaluationValues.Domains;
        var people = Enumerable.Range(1, experts).Select(i =>
        {
            var first = domains[i % 3];
            ExpertDomain[] own = random.Next(4) == 0 ? [first, domains[(i + 1) % 3]] : [first];
            return Expert($"e{i:D3}", own, random.Next(minLoad, maxLoad + 1), [random.Next(1, 4)],
                [.. Codes.OrderBy(_ => random.Next()).Take(3)], [(ProjectCategory)random.Next(1, 5)],
                random.Next(2) == 0 ? "区块链与支付清算" : "风险画像与投顾");
        }).ToList();
        var conflicts = from p in list from e in people where random.NextDouble() < conflictRate select Pair(p, e.Id);
        return Problem(list, people, k, conflicts.ToList());
    }

    /// <summary>The solution's objective recomputed with the public scoring function.</summary>
    public static long Affinities(AssignmentProblem problem, IEnumerable<ExpertPair> pairs) =>
        pairs.Sum(pair => (long)Affinity.Score(problem.Experts.Single(e => e.Id == pair.ExpertId), problem.Projects.Single(p => p.Id == pair.ProjectId)));
}
