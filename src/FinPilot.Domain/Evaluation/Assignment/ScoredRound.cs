namespace FinPilot.Domain.Evaluation.Assignment;

/// <summary>
/// A problem in the solver's terms: projects and experts sorted by id and numbered, and every
/// pair's <see cref="Affinity"/> computed once (or marked ineligible).
/// </summary>
/// <remarks>
/// Scoring every pair one by one would compare 12 million tag and word sets for 2,000 projects and
/// 6,000 experts, so the pairs are scored from inverted lists (tag → experts, word → experts) with
/// the same rules as <see cref="Affinity.Score"/>; a test holds the two equal.
/// </remarks>
internal sealed class ScoredRound
{
    public const byte Ineligible = byte.MaxValue;

    private readonly byte[] _scores;

    private ScoredRound(AssignmentProblem problem)
    {
        Projects = [.. problem.Projects.OrderBy(p => p.Id)];
        Experts = [.. problem.Experts.OrderBy(e => e.Id, StringComparer.Ordinal)];
        K = problem.ExpertsPerProject;
        ProjectIndex = Projects.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i);
        ExpertIndex = Experts.Select((e, i) => (e.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        DomainMask = [.. Experts.Select(e => e.Domains.Aggregate(0, (mask, d) => mask | Bit(d)))];
        Load = [.. Experts.Select(e => Math.Max(0, e.MaxLoad))];
        Pins = [.. Projects.Select(_ => new List<int>())];
        _scores = new byte[(long)Projects.Length * Experts.Length];
    }

    public AssignmentProject[] Projects { get; }

    public AssignmentExpert[] Experts { get; }

    public int K { get; }

    public Dictionary<Guid, int> ProjectIndex { get; }

    public Dictionary<string, int> ExpertIndex { get; }

    /// <summary>Bit <c>d - 1</c> set for each <see cref="ExpertDomain"/> d of the expert.</summary>
    public int[] DomainMask { get; }

    public int[] Load { get; }

    /// <summary>Per project, the pinned experts in ascending order.</summary>
    public List<int>[] Pins { get; }

    public int PinCount => Pins.Sum(p => p.Count);

    public static int Bit(ExpertDomain domain) => 1 << ((int)domain - 1);

    /// <summary>The pair's affinity, or <see cref="Ineligible"/> (unavailable, conflicted, forbidden).</summary>
    public byte Score(int project, int expert) => _scores[((long)project * Experts.Length) + expert];

    public ReadOnlySpan<byte> Row(int project) => _scores.AsSpan(project * Experts.Length, Experts.Length);

    public bool IsPinned(int project, int expert) => Pins[project].BinarySearch(expert) >= 0;

    /// <summary>Projects or experts whose id appears twice; nothing else can be built then.</summary>
    public static IEnumerable<string> DuplicateIds(AssignmentProblem problem) =>
        problem.Projects.GroupBy(p => p.Id).Where(g => g.Count() > 1).Select(g => g.Key.ToString())
            .Concat(problem.Experts.GroupBy(e => e.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
            .Order(StringComparer.Ordinal);

    /// <summary>Scores the round; pairs naming unknown ids are returned rather than applied.</summary>
    public static (ScoredRound Round, List<ExpertPair> UnknownPins) Build(AssignmentProblem problem)
    {
        var round = new ScoredRound(problem);
        round.ScoreAll();
        round.Exclude(problem.Conflicts);
        round.Exclude(problem.Forbidden);
        var unknown = new List<ExpertPair>();
        foreach (var pin in problem.Pinned)
        {
            if (round.TryIndex(pin, out var p, out var e))
            {
                round.Pins[p].Add(e);
            }
            else
            {
                unknown.Add(pin);
            }
        }

        foreach (var pins in round.Pins)
        {
            pins.Sort();
        }

        unknown.Sort((a, b) => a.ProjectId != b.ProjectId ? a.ProjectId.CompareTo(b.ProjectId) : string.CompareOrdinal(a.ExpertId, b.ExpertId));
        return (round, unknown);
    }

    public bool TryIndex(ExpertPair pair, out int project, out int expert)
    {
        expert = -1;
        return ProjectIndex.TryGetValue(pair.ProjectId, out project) & ExpertIndex.TryGetValue(pair.ExpertId, out expert);
    }

    private void Exclude(IEnumerable<ExpertPair> pairs)
    {
        foreach (var pair in pairs)
        {
            if (TryIndex(pair, out var p, out var e))
            {
                _scores[((long)p * Experts.Length) + e] = Ineligible;
            }
        }
    }

    private void ScoreAll()
    {
        var experts = Experts.Length;
        var tagged = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var worded = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var regions = new Dictionary<int, List<int>>();
        var categories = new int[experts];
        for (var e = 0; e < experts; e++)
        {
            var expert = Experts[e];
            foreach (var tag in Affinity.Codes(expert.Tags))
            {
                Posting(tagged, tag).Add(e);
            }

            foreach (var word in Affinity.Words(Affinity.ExpertText(expert)))
            {
                Posting(worded, word).Add(e);
            }

            foreach (var region in expert.RegionIds.Distinct())
            {
                Posting(regions, region).Add(e);
            }

            categories[e] = expert.Categories.Aggregate(0, (mask, c) => mask | Affinity.CategoryBit(c));
        }

        var technologies = new int[experts];
        var scenarios = new int[experts];
        var words = new int[experts];
        var inRegion = new bool[experts];
        for (var p = 0; p < Projects.Length; p++)
        {
            var project = Projects[p];
            Array.Clear(technologies);
            Array.Clear(scenarios);
            Array.Clear(words);
            Array.Clear(inRegion);
            Count(tagged, Affinity.Codes(project.Technologies), technologies);
            Count(tagged, Affinity.Codes(project.Scenarios), scenarios);
            Count(worded, Affinity.Words(project.Text), words);
            if (regions.TryGetValue(project.RegionId, out var local))
            {
                foreach (var e in local)
                {
                    inRegion[e] = true;
                }
            }

            var category = Affinity.CategoryBit(project.Category);
            var row = _scores.AsSpan(p * experts, experts);
            for (var e = 0; e < experts; e++)
            {
                row[e] = Load[e] == 0
                    ? Ineligible
                    : (byte)Affinity.Combine(technologies[e], scenarios[e], (categories[e] & category) != 0, inRegion[e], words[e]);
            }
        }
    }

    private static List<int> Posting<TKey>(Dictionary<TKey, List<int>> index, TKey key)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        return list;
    }

    private static void Count(Dictionary<string, List<int>> index, IEnumerable<string> keys, int[] counts)
    {
        foreach (var key in keys)
        {
            if (index.TryGetValue(key, out var experts))
            {
                foreach (var e in experts)
                {
                    counts[e]++;
                }
            }
        }
    }
}
