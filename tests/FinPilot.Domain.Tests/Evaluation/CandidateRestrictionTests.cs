using FinPilot.Domain.Evaluation.Assignment;
using static FinPilot.Domain.Tests.Evaluation.AssignmentTestData;

namespace FinPilot.Domain.Tests.Evaluation;

/// <summary>Large rounds are solved on candidate pairs; the result stays valid and its bound stays honest.</summary>
public sealed class CandidateRestrictionTests
{
    private static readonly AssignmentOptions Narrow = new() { MaxExhaustivePairs = 0, CandidatesPerProject = 8, CandidatesPerDomain = 2 };

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    [InlineData(23)]
    public void A_restricted_solution_is_valid_and_its_bound_is_above_the_true_optimum(int seed)
    {
        var problem = Random(seed, projects: 40, experts: 120, k: 5, minLoad: 1, maxLoad: 4);
        var exact = ExpertAssignmentSolver.Solve(problem);

        var restricted = ExpertAssignmentSolver.Solve(problem, Narrow);

        Assert.True(exact.Feasible);
        Assert.True(exact.Exhaustive);
        Assert.True(restricted.Feasible, string.Join(", ", restricted.Problems));
        Assert.False(restricted.Exhaustive);
        Assert.Empty(AssignmentRules.Check(problem, restricted.Pairs));
        Assert.True(restricted.CandidatePairs < exact.CandidatePairs);
        Assert.Equal(Affinities(problem, restricted.Pairs), restricted.Objective);
        Assert.InRange(restricted.Objective, 0, exact.Objective);
        Assert.True(restricted.Bound >= exact.Objective, $"bound {restricted.Bound} below the optimum {exact.Objective}");
    }

    [Fact]
    public void The_bound_of_a_restricted_solve_is_tighter_than_the_best_k_of_every_project()
    {
        // Loads of 1 make the experts everybody wants scarce, so the projects' own best k
        // overstate what is possible; the dual bound knows the loads.
        var problem = Random(31, projects: 40, experts: 220, k: 5, minLoad: 1, maxLoad: 1);
        var topK = problem.Projects.Sum(p => problem.Experts
            .Where(e => !problem.Conflicts.Contains(Pair(p, e.Id)))
            .Select(e => (long)Affinity.Score(e, p))
            .OrderDescending().Take(problem.ExpertsPerProject).Sum());

        var restricted = ExpertAssignmentSolver.Solve(problem, Narrow);

        Assert.True(restricted.Feasible, string.Join(", ", restricted.Problems));
        Assert.True(restricted.Bound < topK, $"bound {restricted.Bound}, best k {topK}");
        Assert.True(restricted.Bound >= ExpertAssignmentSolver.Solve(problem).Objective);
    }

    [Fact]
    public void When_the_candidates_are_too_few_the_solver_widens_them_once()
    {
        var problem = Random(24, projects: 30, experts: 90, k: 5, minLoad: 2, maxLoad: 4);
        var options = new AssignmentOptions { MaxExhaustivePairs = 0, CandidatesPerProject = 1, CandidatesPerDomain = 1, RetryFactor = 8 };

        var solution = ExpertAssignmentSolver.Solve(problem, options);

        // The first network has at most 4 candidates for 5 places per project, so only the wider one can succeed.
        Assert.True(solution.Feasible, string.Join(", ", solution.Problems));
        Assert.True(solution.CandidatePairs > 4 * problem.Projects.Count);
        Assert.Empty(AssignmentRules.Check(problem, solution.Pairs));
    }
}
