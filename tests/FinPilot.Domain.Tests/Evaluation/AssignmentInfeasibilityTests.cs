using FinPilot.Domain.Common;
using FinPilot.Domain.Evaluation;
using FinPilot.Domain.Evaluation.Assignment;
using static FinPilot.Domain.Tests.Evaluation.AssignmentTestData;

namespace FinPilot.Domain.Tests.Evaluation;

/// <summary>A round that cannot be staffed is explained: which project, which domain, which expert, how many.</summary>
public sealed class AssignmentInfeasibilityTests
{
    private static Error SingleProblem(AssignmentProblem problem)
    {
        var solution = ExpertAssignmentSolver.Solve(problem);
        Assert.False(solution.Feasible);
        Assert.Empty(solution.Pairs);
        var error = Assert.Single(solution.Problems);
        Assert.Equal(AssignmentErrors.Field, error.Field);
        return error;
    }

    [Fact]
    public void A_project_whose_every_it_expert_is_conflicted_is_named_with_the_domain()
    {
        var projects = new[] { Project(1), Project(2) };
        var conflicts = new[] { Pair(projects[1], "aI"), Pair(projects[1], "bI") };

        var error = SingleProblem(Problem(projects, Trio("ab"), conflicts: conflicts));

        Assert.Equal(AssignmentErrors.DomainUncovered, error.Code);
        Assert.Equal(["项目2", nameof(ExpertDomain.InformationTechnology), 0], error.Arguments);
    }

    [Fact]
    public void Too_little_load_for_all_places_is_reported_with_both_figures()
    {
        var projects = new[] { Project(1), Project(2) };

        var error = SingleProblem(Problem(projects, Trio("ab", load: 1), k: 4));

        Assert.Equal(AssignmentErrors.TotalCapacity, error.Code);
        Assert.Equal([8, 6], error.Arguments);
    }

    [Fact]
    public void Too_little_load_in_one_domain_is_reported_for_that_domain()
    {
        var projects = new[] { Project(1), Project(2), Project(3) };
        List<AssignmentExpert> experts = [Expert("L1", [Legal], load: 1), Expert("L2", [Legal], load: 1), Expert("F2", [Finance]), .. Trio("a").Where(e => e.Id != "aL")];

        var error = SingleProblem(Problem(projects, experts));

        Assert.Equal(AssignmentErrors.DomainCapacity, error.Code);
        Assert.Equal([nameof(ExpertDomain.LegalCompliance), 3, 2], error.Arguments);
    }

    [Fact]
    public void A_project_with_fewer_eligible_experts_than_places_is_named()
    {
        var solution = ExpertAssignmentSolver.Solve(Problem([Project(1)], Trio("a"), k: 5));

        // The load is short as well (three places for five), which is reported too.
        Assert.False(solution.Feasible);
        Assert.Equal([AssignmentErrors.TooFewEligible, AssignmentErrors.TotalCapacity], solution.Problems.Select(p => p.Code));
        var error = solution.Problems[0];
        Assert.Equal(["项目1", 3, 5], error.Arguments);
    }

    [Fact]
    public void An_expert_pinned_on_more_projects_than_the_load_is_named()
    {
        var projects = new[] { Project(1), Project(2) };
        var pins = projects.Select(p => Pair(p, "aL"));
        List<AssignmentExpert> experts = [Expert("aL", [Legal], load: 1), .. Trio("b"), Expert("aF", [Finance]), Expert("aI", [IT])];

        var error = SingleProblem(Problem(projects, experts, pinned: pins));

        Assert.Equal(AssignmentErrors.PinsOverLoad, error.Code);
        Assert.Equal(["专家aL", 2, 1], error.Arguments);
    }

    [Fact]
    public void A_pin_on_a_conflicted_pair_is_named()
    {
        var project = Project(1);
        var pair = Pair(project, "aF");

        var error = SingleProblem(Problem([project], Trio("ab"), conflicts: [pair], pinned: [pair]));

        Assert.Equal(AssignmentErrors.PinConflicted, error.Code);
        Assert.Equal(["项目1", "专家aF"], error.Arguments);
    }

    [Fact]
    public void A_pin_on_a_forbidden_pair_is_named()
    {
        var project = Project(1);
        var pair = Pair(project, "aF");

        var error = SingleProblem(Problem([project], Trio("ab"), forbidden: [pair], pinned: [pair]));

        Assert.Equal(AssignmentErrors.PinForbidden, error.Code);
        Assert.Equal(["项目1", "专家aF"], error.Arguments);
    }

    [Fact]
    public void Pins_that_leave_no_room_for_a_domain_are_reported_missing()
    {
        // Two lawyers pinned on a project of three leave one place for two missing domains.
        var project = Project(1);
        List<AssignmentExpert> experts = [.. Trio("ab"), Expert("cL", [Legal])];

        var error = SingleProblem(Problem([project], experts, pinned: [Pair(project, "aL"), Pair(project, "cL")]));

        Assert.Equal(AssignmentErrors.PinMissing, error.Code);
        Assert.Equal("项目1", error.Arguments[0]);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(16)]
    public void Experts_per_project_outside_three_to_fifteen_is_refused(int k)
    {
        var error = SingleProblem(Problem([Project(1)], Trio("abcdef"), k: k));

        Assert.Equal(AssignmentErrors.ExpertsPerProjectOutOfRange, error.Code);
        Assert.Equal([3, 15], error.Arguments);
    }

    [Fact]
    public void A_round_impossible_only_across_projects_is_reported_as_infeasible_and_proven()
    {
        // Each project alone can be staffed and each domain has load for both, but lawyers and
        // engineers together (X counts once) have three places of load for the four needed.
        var projects = new[] { Project(1), Project(2) };
        var experts = new[]
        {
            Expert("X", [Legal, IT], load: 1), Expert("L", [Legal], load: 1), Expert("I", [IT], load: 1),
            Expert("F1", [Finance], load: 1), Expert("F2", [Finance], load: 1), Expert("F3", [Finance], load: 1),
        };

        var solution = ExpertAssignmentSolver.Solve(Problem(projects, experts));

        Assert.False(solution.Feasible);
        Assert.Equal(AssignmentErrors.Infeasible, Assert.Single(solution.Problems).Code);
        Assert.True(solution.Exhaustive);
    }

    [Fact]
    public void A_pin_naming_an_unknown_expert_is_reported()
    {
        var project = Project(1);

        var error = SingleProblem(Problem([project], Trio("ab"), pinned: [Pair(project, "nobody")]));

        Assert.Equal(AssignmentErrors.Unknown, error.Code);
        Assert.Equal([$"{project.Id}:nobody"], error.Arguments);
    }
}
