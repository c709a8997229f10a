using FinPilot.Domain.Evaluation;
using FinPilot.Domain.Evaluation.Assignment;
using FinPilot.Domain.Projects;
using static FinPilot.Domain.Tests.Evaluation.AssignmentTestData;

namespace FinPilot.Domain.Tests.Evaluation;

/// <summary>自动分配评估专家: the solver's assignments keep every rule and prefer the better experts.</summary>
public sealed class ExpertAssignmentSolverTests
{
    [Theory]
    [InlineData(1, 3)]
    [InlineData(2, 5)]
    [InlineData(3, 7)]
    public void Every_project_gets_k_distinct_experts_covering_the_three_domains_within_the_rules(int seed, int k)
    {
        var problem = Random(seed, projects: 12, experts: 40, k, minLoad: 2, maxLoad: 4);

        var solution = ExpertAssignmentSolver.Solve(problem);

        Assert.True(solution.Feasible, string.Join(", ", solution.Problems));
        Assert.Empty(AssignmentRules.Check(problem, solution.Pairs));
        foreach (var project in problem.Projects)
        {
            var team = solution.Pairs.Where(p => p.ProjectId == project.Id).Select(p => p.ExpertId).ToList();
            Assert.Equal(k, team.Distinct().Count());
            Assert.Equal(k, team.Count);
        }

        Assert.Equal(Affinities(problem, solution.Pairs), solution.Objective);
        Assert.True(solution.Exhaustive);
        Assert.Equal(solution.Objective, solution.Bound);
        Assert.True(solution.Objective > 0);
    }

    [Fact]
    public void An_expert_wanted_everywhere_takes_no_more_projects_than_the_load()
    {
        string[] tech = ["blockchain"];
        var projects = Enumerable.Range(1, 3).Select(i => Project(i, technologies: tech)).ToList();
        var star = Expert("star", [Legal], load: 1, tags: tech);
        var problem = Problem(projects, [star, .. Trio("a", load: 3)]);

        var solution = ExpertAssignmentSolver.Solve(problem);

        Assert.True(solution.Feasible);
        Assert.Single(solution.Pairs, p => p.ExpertId == "star");
        Assert.Equal(2, solution.Pairs.Count(p => p.ExpertId == "aL"));
        Assert.Empty(AssignmentRules.Check(problem, solution.Pairs));
    }

    [Fact]
    public void Conflicted_and_forbidden_pairs_are_never_used_even_when_they_would_score_best()
    {
        string[] tech = ["ai"];
        var projects = new[] { Project(1, technologies: tech), Project(2, technologies: tech) };
        List<AssignmentExpert> experts = [Expert("bestL", [Legal], tags: tech), Expert("bestI", [IT], tags: tech), .. Trio("a")];
        var conflict = Pair(projects[0], "bestL");
        var forbidden = Pair(projects[1], "bestI");
        var problem = Problem(projects, experts, conflicts: [conflict], forbidden: [forbidden]);

        var solution = ExpertAssignmentSolver.Solve(problem);

        Assert.True(solution.Feasible);
        Assert.DoesNotContain(conflict, solution.Pairs);
        Assert.DoesNotContain(forbidden, solution.Pairs);
        Assert.Contains(Pair(projects[1], "bestL"), solution.Pairs);
        Assert.Contains(Pair(projects[0], "bestI"), solution.Pairs);
    }

    [Fact]
    public void A_pinned_expert_is_used_although_another_scores_higher()
    {
        string[] tech = ["ai"];
        var project = Project(1, technologies: tech);
        List<AssignmentExpert> experts = [Expert("bestL", [Legal], tags: tech), .. Trio("a")];
        var pin = Pair(project, "aL");
        var problem = Problem([project], experts, pinned: [pin]);

        var solution = ExpertAssignmentSolver.Solve(problem);

        Assert.True(solution.Feasible);
        Assert.Contains(pin, solution.Pairs);
        Assert.DoesNotContain(Pair(project, "bestL"), solution.Pairs);
        Assert.Equal(solution.Objective, solution.Bound);
    }

    [Fact]
    public void An_expert_of_two_domains_stands_for_one_of_them_only()
    {
        // X is the best expert and is both lawyer and engineer; with k = 3 the team is X, the
        // financier and whichever of L and I covers the domain X does not stand for.
        string[] tech = ["cloud"];
        var project = Project(1, technologies: tech);
        var problem = Problem([project], [Expert("X", [Legal, IT], tags: tech), Expert("L", [Legal]), Expert("F", [Finance]), Expert("I", [IT]), Expert("F2", [Finance])]);

        var solution = ExpertAssignmentSolver.Solve(problem);

        Assert.True(solution.Feasible);
        var team = solution.Pairs.Select(p => p.ExpertId).ToHashSet();
        Assert.Contains("X", team);
        Assert.Single(team, id => id is "L" or "I");
        Assert.Single(team, id => id is "F" or "F2");
    }

    [Fact]
    public void An_expert_of_two_domains_cannot_cover_both_on_one_project()
    {
        var project = Project(1);
        var problem = Problem([project], [Expert("X", [Legal, IT]), Expert("F", [Finance]), Expert("F2", [Finance])]);

        var solution = ExpertAssignmentSolver.Solve(problem);

        Assert.False(solution.Feasible);
        var error = Assert.Single(solution.Problems);
        Assert.Equal(AssignmentErrors.DomainUncovered, error.Code);
        Assert.Equal(["项目1", nameof(ExpertDomain.LegalCompliance), 1], error.Arguments);
    }

    [Fact]
    public void Experts_of_the_projects_region_sub_group_are_preferred()
    {
        var project = Project(1, region: Shanghai);
        var experts = new List<AssignmentExpert>
        {
            Expert("a-beijing", [Legal], regions: [Beijing]),
            Expert("b-shanghai", [Legal], regions: [Shanghai]),
            Expert("F", [Finance]),
            Expert("I", [IT]),
        };

        var solution = ExpertAssignmentSolver.Solve(Problem([project], experts));

        Assert.Contains(Pair(project, "b-shanghai"), solution.Pairs);
        Assert.DoesNotContain(Pair(project, "a-beijing"), solution.Pairs);
        Assert.Equal(Affinity.RegionMatch, solution.Objective);
    }

    [Fact]
    public void The_better_matching_expert_goes_where_the_match_is_worth_more()
    {
        // Both projects would like "chain"; it has room for one. The optimum gives it to the project
        // where it beats the alternative by more: on P1 it matches technology, category and text,
        // on P2 only the category, which "cat" matches as well.
        var p1 = Project(1, category: ProjectCategory.TechnologyInnovation, technologies: ["blockchain"], text: "区块链存证");
        var p2 = Project(2, category: ProjectCategory.TechnologyInnovation);
        var experts = new List<AssignmentExpert>
        {
            Expert("chain", [IT], load: 1, tags: ["blockchain"], categories: [ProjectCategory.TechnologyInnovation], profile: "区块链"),
            Expert("cat", [IT], load: 1, categories: [ProjectCategory.TechnologyInnovation]),
            Expert("L", [Legal], load: 2),
            Expert("F", [Finance], load: 2),
        };

        var solution = ExpertAssignmentSolver.Solve(Problem([p1, p2], experts));

        Assert.Contains(Pair(p1, "chain"), solution.Pairs);
        Assert.Contains(Pair(p2, "cat"), solution.Pairs);
        // 区块 and 块链 are the shared words.
        Assert.Equal(Affinity.PerTechnology + Affinity.CategoryMatch + (2 * Affinity.PerSharedWord) + Affinity.CategoryMatch, solution.Objective);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(14)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(18)]
    public void The_assignment_is_optimal_on_rounds_small_enough_to_enumerate(int seed)
    {
        var problem = Random(seed, projects: 3, experts: 7, k: 3, minLoad: 1, maxLoad: 3, conflictRate: 0.1);

        var best = BruteForce.Best(problem);
        var solution = ExpertAssignmentSolver.Solve(problem);

        Assert.NotNull(best);
        Assert.True(solution.Feasible, string.Join(", ", solution.Problems));
        Assert.Equal(best.Value, solution.Objective);
        Assert.Equal(best.Value, solution.Bound);
        Assert.Empty(AssignmentRules.Check(problem, solution.Pairs));
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(14)]
    [InlineData(15)]
    public void A_round_that_enumeration_cannot_staff_is_reported_infeasible(int seed)
    {
        var problem = Random(seed, projects: 3, experts: 7, k: 3, minLoad: 1, maxLoad: 2, conflictRate: 0.15);

        var best = BruteForce.Best(problem);
        var solution = ExpertAssignmentSolver.Solve(problem);

        Assert.Null(best);
        Assert.False(solution.Feasible);
        Assert.NotEmpty(solution.Problems);
    }

    [Fact]
    public void The_same_round_in_another_order_gives_the_same_assignment()
    {
        var problem = Random(4, projects: 15, experts: 45, k: 5, minLoad: 2, maxLoad: 5);
        var shuffled = problem with
        {
            Projects = [.. problem.Projects.Reverse()],
            Experts = [.. problem.Experts.OrderBy(e => e.Name.GetHashCode(StringComparison.Ordinal))],
        };

        var first = ExpertAssignmentSolver.Solve(problem);
        var second = ExpertAssignmentSolver.Solve(shuffled);

        Assert.True(first.Feasible);
        Assert.Equal(first.Pairs, second.Pairs);
    }
}
