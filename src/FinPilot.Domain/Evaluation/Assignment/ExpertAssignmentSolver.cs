using System.Diagnostics;
using FinPilot.Domain.Common;

namespace FinPilot.Domain.Evaluation.Assignment;

/// <summary>
/// 自动分配评估专家: staffs an evaluation round — every project k distinct experts, one for each
/// of the three domains, no conflicts or forbidden pairs, pins kept, loads respected — with the
/// greatest total <see cref="Affinity"/>.
/// </summary>
/// <remarks>
/// <para>
/// Solved as a min-cost flow (OR-Tools <see cref="Google.OrTools.Graph.MinCostFlow"/>, network in
/// <see cref="FlowNetwork"/>) because every rule is a linear capacity or demand and the objective
/// is linear; the constraint matrix of a network is totally unimodular, so the optimum of the flow
/// is integral — a real assignment — and provably optimal (its LP bound equals its objective);
/// the algorithm runs in polynomial time and handles thousands of projects × thousands of experts.
/// A general integer-programming or constraint solver would search for what the flow gets exactly.
/// </para>
/// <para>
/// Large rounds are solved on candidate pairs (<see cref="CandidatePairs"/>); the result then says
/// so (<see cref="AssignmentSolution.Exhaustive"/> false) and reports a bound proven for the whole
/// round (<see cref="DualBound"/>). Inputs are sorted by id first, so the same round always gives
/// the same assignment.
/// </para>
/// </remarks>
public static class ExpertAssignmentSolver
{
    public static AssignmentSolution Solve(AssignmentProblem problem, AssignmentOptions? options = null)
    {
        var started = Stopwatch.GetTimestamp();
        options ??= AssignmentOptions.Default;
        AssignmentSolution Fail(IReadOnlyList<Error> problems, int candidates = 0, bool exhaustive = false) =>
            new(false, [], 0, 0, candidates, exhaustive, Stopwatch.GetElapsedTime(started), problems);

        if (problem.ExpertsPerProject is < AssignmentProblem.MinExpertsPerProject or > AssignmentProblem.MaxExpertsPerProject)
        {
            return Fail([new Error(AssignmentErrors.ExpertsPerProjectOutOfRange, AssignmentErrors.Field, AssignmentProblem.MinExpertsPerProject, AssignmentProblem.MaxExpertsPerProject)]);
        }

        var duplicates = ScoredRound.DuplicateIds(problem).Select(id => new Error(AssignmentErrors.DuplicateId, AssignmentErrors.Field, id)).ToList();
        if (duplicates.Count > 0)
        {
            return Fail(duplicates);
        }

        var (round, unknownPins) = ScoredRound.Build(problem);
        if (unknownPins.Count > 0)
        {
            return Fail([.. unknownPins.Select(p => new Error(AssignmentErrors.Unknown, AssignmentErrors.Field, AssignmentErrors.Describe(p)))]);
        }

        var causes = FeasibilityChecks.Explain(round, problem);
        if (causes.Count > 0)
        {
            return Fail(causes);
        }

        // Larger than any total affinity, so that keeping a pin always outweighs what dropping it could gain.
        var pinBonus = ((long)round.Projects.Length * round.K * Affinity.Max) + 1;
        var exhaustive = CandidatePairs.CountUsable(round) <= options.MaxExhaustivePairs;
        var perProject = options.CandidatesPerProject;
        var perDomain = options.CandidatesPerDomain;
        FlowNetwork network;
        FlowResult result;
        for (var attempt = 0; ; attempt++)
        {
            network = new FlowNetwork(round, pinBonus);
            if (exhaustive)
            {
                CandidatePairs.AddAll(round, network);
            }
            else
            {
                CandidatePairs.AddBest(round, network, perProject, perDomain);
            }

            result = network.Solve();
            if (result.Feasible || exhaustive || attempt > 0)
            {
                break;
            }

            perProject = (int)Math.Min(int.MaxValue, (long)perProject * options.RetryFactor);
            perDomain = (int)Math.Min(int.MaxValue, (long)perDomain * options.RetryFactor);
            exhaustive = perProject >= round.Experts.Length;
        }

        if (!result.Feasible)
        {
            return Fail([new Error(AssignmentErrors.Infeasible, AssignmentErrors.Field)], network.PairCount, exhaustive);
        }

        var chosen = Enumerable.Range(0, result.Pairs.Count).Where(i => result.Filled[i] >= 0).Select(i => result.Pairs[i]).ToList();
        var pinsMissing = PinsMissing(round, chosen);
        if (pinsMissing.Count > 0)
        {
            return Fail(pinsMissing, network.PairCount, exhaustive);
        }

        var objective = chosen.Sum(c => (long)round.Score(c.Project, c.Expert));
        var bound = exhaustive ? objective : Math.Min(CandidatePairs.TopKBound(round), DualBound.Compute(round, network, result, pinBonus) ?? long.MaxValue);
        var pairs = chosen
            .OrderBy(c => c.Project).ThenBy(c => c.Expert)
            .Select(c => new ExpertPair(round.Projects[c.Project].Id, round.Experts[c.Expert].Id))
            .ToList();
        return new AssignmentSolution(true, pairs, objective, bound, network.PairCount, exhaustive, Stopwatch.GetElapsedTime(started), []);
    }

    private static List<Error> PinsMissing(ScoredRound round, List<(int Project, int Expert, long Cost)> chosen)
    {
        var kept = chosen.Select(c => (c.Project, c.Expert)).ToHashSet();
        return [.. Enumerable.Range(0, round.Projects.Length)
            .SelectMany(p => round.Pins[p].Where(e => !kept.Contains((p, e))).Select(e => (p, e)))
            .Select(x => new Error(AssignmentErrors.PinMissing, AssignmentErrors.Field, round.Projects[x.p].Title, round.Experts[x.e].Name))];
    }
}
