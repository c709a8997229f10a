using FinPilot.Domain.Common;

namespace FinPilot.Domain.Evaluation.Assignment;

/// <summary>
/// Necessary conditions checked before solving, so that an impossible round is explained in the
/// secretariat's words (which project, which domain, which expert) rather than as "infeasible".
/// Each is a Hall-type count: if fewer experts or places exist than are needed, no assignment can exist.
/// </summary>
internal static class FeasibilityChecks
{
    public static List<Error> Explain(ScoredRound round, AssignmentProblem problem)
    {
        var errors = new List<Error>();
        CheckPins(round, problem, errors);
        var capacity = CheckProjects(round, errors);
        CheckCapacity(round, capacity, errors);
        return errors;
    }

    /// <summary>Whether the expert can take any place on a project: every place but the three domain ones is free.</summary>
    public static bool Usable(ScoredRound round, int project, int expert) =>
        round.Score(project, expert) != ScoredRound.Ineligible && (round.DomainMask[expert] != 0 || round.K > 3);

    private static void CheckPins(ScoredRound round, AssignmentProblem problem, List<Error> errors)
    {
        var pinsPerExpert = new int[round.Experts.Length];
        for (var p = 0; p < round.Projects.Length; p++)
        {
            var project = round.Projects[p];
            foreach (var e in round.Pins[p])
            {
                pinsPerExpert[e]++;
                var pair = new ExpertPair(project.Id, round.Experts[e].Id);
                if (problem.Conflicts.Contains(pair))
                {
                    errors.Add(new Error(AssignmentErrors.PinConflicted, AssignmentErrors.Field, project.Title, round.Experts[e].Name));
                }
                else if (problem.Forbidden.Contains(pair))
                {
                    errors.Add(new Error(AssignmentErrors.PinForbidden, AssignmentErrors.Field, project.Title, round.Experts[e].Name));
                }
            }

            if (round.Pins[p].Count > round.K)
            {
                errors.Add(new Error(AssignmentErrors.TooManyPins, AssignmentErrors.Field, project.Title, round.Pins[p].Count, round.K));
            }
        }

        for (var e = 0; e < round.Experts.Length; e++)
        {
            if (pinsPerExpert[e] > round.Load[e])
            {
                errors.Add(new Error(AssignmentErrors.PinsOverLoad, AssignmentErrors.Field, round.Experts[e].Name, pinsPerExpert[e], round.Load[e]));
            }
        }
    }

    /// <summary>Per project: enough eligible experts, and three different ones for the three domains.</summary>
    /// <returns>Per expert, the projects the expert could take (before loads).</returns>
    private static int[] CheckProjects(ScoredRound round, List<Error> errors)
    {
        var projectsPerExpert = new int[round.Experts.Length];
        var perMask = new int[8];
        for (var p = 0; p < round.Projects.Length; p++)
        {
            Array.Clear(perMask);
            var eligible = 0;
            for (var e = 0; e < round.Experts.Length; e++)
            {
                if (Usable(round, p, e))
                {
                    eligible++;
                    projectsPerExpert[e]++;
                    perMask[round.DomainMask[e]]++;
                }
            }

            var title = round.Projects[p].Title;
            if (eligible < round.K)
            {
                errors.Add(new Error(AssignmentErrors.TooFewEligible, AssignmentErrors.Field, title, eligible, round.K));
            }

            foreach (var domain in UncoveredDomains(perMask))
            {
                errors.Add(new Error(AssignmentErrors.DomainUncovered, AssignmentErrors.Field, title, domain.ToString(), WithAny(perMask, ScoredRound.Bit(domain))));
            }
        }

        return projectsPerExpert;
    }

    /// <summary>
    /// Hall's condition for three distinct experts standing for the three domains: every set S of
    /// domains needs at least |S| experts having one of them. For a failing set, its domain with
    /// the fewest experts is named.
    /// </summary>
    private static IEnumerable<ExpertDomain> UncoveredDomains(int[] perMask)
    {
        var named = new HashSet<ExpertDomain>();
        for (var set = 1; set < 8; set++)
        {
            if (WithAny(perMask, set) >= int.PopCount(set))
            {
                continue;
            }

            var scarcest = EvaluationValues.Domains
                .Where(d => (set & ScoredRound.Bit(d)) != 0)
                .MinBy(d => WithAny(perMask, ScoredRound.Bit(d)));
            named.Add(scarcest);
        }

        return EvaluationValues.Domains.Where(named.Contains);
    }

    private static int WithAny(int[] perMask, int set)
    {
        var count = 0;
        for (var mask = 1; mask < 8; mask++)
        {
            count += (mask & set) != 0 ? perMask[mask] : 0;
        }

        return count;
    }

    /// <summary>Places against loads, overall and per domain; a load counts only up to the projects its expert could take.</summary>
    private static void CheckCapacity(ScoredRound round, int[] projectsPerExpert, List<Error> errors)
    {
        var projects = round.Projects.Length;
        var total = 0L;
        var perDomain = new long[4];
        for (var e = 0; e < round.Experts.Length; e++)
        {
            var capacity = Math.Min(round.Load[e], projectsPerExpert[e]);
            total += capacity;
            foreach (var domain in EvaluationValues.Domains)
            {
                perDomain[(int)domain] += (round.DomainMask[e] & ScoredRound.Bit(domain)) != 0 ? capacity : 0;
            }
        }

        foreach (var domain in EvaluationValues.Domains)
        {
            if (perDomain[(int)domain] < projects)
            {
                errors.Add(new Error(AssignmentErrors.DomainCapacity, AssignmentErrors.Field, domain.ToString(), projects, Clamp(perDomain[(int)domain])));
            }
        }

        var needed = (long)projects * round.K;
        if (total < needed)
        {
            errors.Add(new Error(AssignmentErrors.TotalCapacity, AssignmentErrors.Field, Clamp(needed), Clamp(total)));
        }
    }

    private static int Clamp(long value) => (int)Math.Min(value, int.MaxValue);
}
