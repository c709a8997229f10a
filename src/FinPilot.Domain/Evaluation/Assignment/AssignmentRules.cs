using FinPilot.Domain.Common;

namespace FinPilot.Domain.Evaluation.Assignment;

/// <summary>
/// The rules an assignment must meet, checked on their own — for hand edits, before a round is
/// opened, and as an independent check of the solver.
/// </summary>
public static class AssignmentRules
{
    public static IReadOnlyList<Error> Check(AssignmentProblem problem, IReadOnlyList<ExpertPair> pairs)
    {
        var k = problem.ExpertsPerProject;
        if (k is < AssignmentProblem.MinExpertsPerProject or > AssignmentProblem.MaxExpertsPerProject)
        {
            return [Error(AssignmentErrors.ExpertsPerProjectOutOfRange, AssignmentProblem.MinExpertsPerProject, AssignmentProblem.MaxExpertsPerProject)];
        }

        var projects = problem.Projects.DistinctBy(p => p.Id).ToDictionary(p => p.Id);
        var experts = problem.Experts.DistinctBy(e => e.Id, StringComparer.Ordinal).ToDictionary(e => e.Id, StringComparer.Ordinal);
        var errors = new List<Error>();
        var seen = new HashSet<ExpertPair>();
        foreach (var pair in pairs)
        {
            if (!projects.TryGetValue(pair.ProjectId, out var project) || !experts.TryGetValue(pair.ExpertId, out var expert))
            {
                errors.Add(Error(AssignmentErrors.Unknown, AssignmentErrors.Describe(pair)));
            }
            else if (!seen.Add(pair))
            {
                errors.Add(Error(AssignmentErrors.Duplicate, project.Title, expert.Name));
            }
        }

        var byProject = seen.ToLookup(p => p.ProjectId, p => experts[p.ExpertId]);
        foreach (var project in projects.Values.OrderBy(p => p.Id))
        {
            var team = byProject[project.Id].OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
            if (team.Count != k)
            {
                errors.Add(Error(AssignmentErrors.WrongCount, project.Title, team.Count, k));
            }

            errors.AddRange(UnrepresentedDomains(team).Select(d => Error(AssignmentErrors.MissingDomain, project.Title, d.ToString())));
            foreach (var expert in team)
            {
                var pair = new ExpertPair(project.Id, expert.Id);
                if (problem.Conflicts.Contains(pair))
                {
                    errors.Add(Error(AssignmentErrors.Conflicted, project.Title, expert.Name));
                }

                if (problem.Forbidden.Contains(pair))
                {
                    errors.Add(Error(AssignmentErrors.Forbidden, project.Title, expert.Name));
                }
            }
        }

        var pins = problem.Pinned
            .Where(p => !seen.Contains(p))
            .OrderBy(p => p.ProjectId).ThenBy(p => p.ExpertId, StringComparer.Ordinal);
        foreach (var pin in pins)
        {
            errors.Add(projects.TryGetValue(pin.ProjectId, out var project) && experts.TryGetValue(pin.ExpertId, out var expert)
                ? Error(AssignmentErrors.PinMissing, project.Title, expert.Name)
                : Error(AssignmentErrors.Unknown, AssignmentErrors.Describe(pin)));
        }

        foreach (var load in seen.GroupBy(p => p.ExpertId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var expert = experts[load.Key];
            if (load.Count() > Math.Max(0, expert.MaxLoad))
            {
                errors.Add(Error(AssignmentErrors.OverLoad, expert.Name, load.Count(), expert.MaxLoad));
            }
        }

        return errors;
    }

    /// <summary>
    /// Domains left without their own expert: a maximum matching of domains to distinct experts
    /// (an expert with two domains stands for one), tried in domain order.
    /// </summary>
    internal static IEnumerable<ExpertDomain> UnrepresentedDomains(IReadOnlyList<AssignmentExpert> team)
    {
        var standsFor = new ExpertDomain?[team.Count];
        var unrepresented = new List<ExpertDomain>();
        foreach (var domain in EvaluationValues.Domains)
        {
            if (!Represent(domain, team, standsFor, new bool[team.Count]))
            {
                unrepresented.Add(domain);
            }
        }

        return unrepresented;
    }

    private static bool Represent(ExpertDomain domain, IReadOnlyList<AssignmentExpert> team, ExpertDomain?[] standsFor, bool[] visited)
    {
        for (var i = 0; i < team.Count; i++)
        {
            if (visited[i] || !team[i].Domains.Contains(domain))
            {
                continue;
            }

            visited[i] = true;
            if (standsFor[i] is not { } other || Represent(other, team, standsFor, visited))
            {
                standsFor[i] = domain;
                return true;
            }
        }

        return false;
    }

    private static Error Error(ErrorCode code, params object[] arguments) => new(code, AssignmentErrors.Field, arguments);
}
