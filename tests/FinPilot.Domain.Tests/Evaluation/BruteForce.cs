using FinPilot.Domain.Evaluation.Assignment;

namespace FinPilot.Domain.Tests.Evaluation;

/// <summary>The best assignment by trying every team for every project; for rounds of a few projects and experts.</summary>
internal static class BruteForce
{
    public static long? Best(AssignmentProblem problem)
    {
        var experts = problem.Experts.Select(e => e.Id).ToList();
        var subsets = Subsets(experts.Count, problem.ExpertsPerProject).ToList();

        // Teams that are valid for the project alone (domains, conflicts); loads and pins are checked on the whole.
        var teams = problem.Projects
            .Select(p => subsets.Where(team => AssignmentRules.Check(
                problem with { Projects = [p], Pinned = new HashSet<ExpertPair>() },
                [.. team.Select(i => new ExpertPair(p.Id, experts[i]))]).Count == 0).ToList())
            .ToList();
        long? best = null;
        var chosen = new List<ExpertPair>();

        void Search(int project)
        {
            if (project == problem.Projects.Count)
            {
                if (AssignmentRules.Check(problem, chosen).Count == 0)
                {
                    var value = AssignmentTestData.Affinities(problem, chosen);
                    best = Math.Max(best ?? long.MinValue, value);
                }

                return;
            }

            foreach (var team in teams[project])
            {
                chosen.AddRange(team.Select(i => new ExpertPair(problem.Projects[project].Id, experts[i])));
                Search(project + 1);
                chosen.RemoveRange(chosen.Count - team.Length, team.Length);
            }
        }

        Search(0);
        return best;
    }

    private static IEnumerable<int[]> Subsets(int n, int size)
    {
        if (size == 0)
        {
            yield return [];
            yield break;
        }

        for (var first = 0; first <= n - size; first++)
        {
            foreach (var rest in Subsets(n - first - 1, size - 1))
            {
                yield return [first, .. rest.Select(r => r + first + 1)];
            }
        }
    }
}
