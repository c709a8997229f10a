using FinPilot.Domain.Evaluation;
using FinPilot.Domain.Evaluation.Assignment;
using static FinPilot.Domain.Tests.Evaluation.AssignmentTestData;

namespace FinPilot.Domain.Tests.Evaluation;

/// <summary>The rules for a hand-edited assignment, one violation at a time.</summary>
public sealed class AssignmentRulesTests
{
    private static readonly AssignmentProject P1 = Project(1);
    private static readonly AssignmentProject P2 = Project(2);

    private static readonly List<AssignmentExpert> Experts = [.. Trio("abc", load: 1), Expert("X", [Legal, IT], load: 2)];

    private static readonly ExpertPair[] Valid =
        [Pair(P1, "aL"), Pair(P1, "aF"), Pair(P1, "aI"), Pair(P2, "bL"), Pair(P2, "bF"), Pair(P2, "bI")];

    private static AssignmentProblem Round(IEnumerable<ExpertPair>? conflicts = null, IEnumerable<ExpertPair>? pinned = null, IEnumerable<ExpertPair>? forbidden = null) =>
        Problem([P1, P2], Experts, conflicts: conflicts, pinned: pinned, forbidden: forbidden);

    private static ExpertPair[] Replace(ExpertPair old, ExpertPair replacement) => [.. Valid.Select(p => p == old ? replacement : p)];

    [Fact]
    public void A_valid_assignment_passes()
    {
        Assert.Empty(AssignmentRules.Check(Round(pinned: [Valid[0]]), Valid));
    }

    [Fact]
    public void An_expert_of_two_domains_may_stand_for_either()
    {
        Assert.Empty(AssignmentRules.Check(Round(), Replace(Pair(P1, "aI"), Pair(P1, "X"))));
        Assert.Empty(AssignmentRules.Check(Round(), Replace(Pair(P1, "aL"), Pair(P1, "X"))));
    }

    [Fact]
    public void A_project_with_another_number_of_experts_is_reported_with_the_counts()
    {
        var error = Assert.Single(AssignmentRules.Check(Round(), [.. Valid, Pair(P1, "cL")]));

        Assert.Equal(AssignmentErrors.WrongCount, error.Code);
        Assert.Equal(["项目1", 4, 3], error.Arguments);
    }

    [Fact]
    public void A_domain_without_its_own_expert_is_reported()
    {
        // X is lawyer and engineer but stands for one: with two financiers one domain is left.
        var team = Replace(Pair(P1, "aL"), Pair(P1, "X")).Select(p => p == Pair(P1, "aI") ? Pair(P1, "cF") : p).ToArray();

        var error = Assert.Single(AssignmentRules.Check(Round(), team));

        Assert.Equal(AssignmentErrors.MissingDomain, error.Code);
        Assert.Equal(["项目1", nameof(ExpertDomain.InformationTechnology)], error.Arguments);
    }

    [Fact]
    public void A_conflicted_pair_is_reported()
    {
        var error = Assert.Single(AssignmentRules.Check(Round(conflicts: [Pair(P2, "bF")]), Valid));

        Assert.Equal(AssignmentErrors.Conflicted, error.Code);
        Assert.Equal(["项目2", "专家bF"], error.Arguments);
    }

    [Fact]
    public void A_forbidden_pair_is_reported()
    {
        var error = Assert.Single(AssignmentRules.Check(Round(forbidden: [Pair(P2, "bF")]), Valid));

        Assert.Equal(AssignmentErrors.Forbidden, error.Code);
        Assert.Equal(["项目2", "专家bF"], error.Arguments);
    }

    [Fact]
    public void A_missing_pin_is_reported()
    {
        var error = Assert.Single(AssignmentRules.Check(Round(pinned: [Pair(P2, "X")]), Valid));

        Assert.Equal(AssignmentErrors.PinMissing, error.Code);
        Assert.Equal(["项目2", "专家X"], error.Arguments);
    }

    [Fact]
    public void An_expert_over_the_load_is_reported()
    {
        var error = Assert.Single(AssignmentRules.Check(Round(), Replace(Pair(P2, "bL"), Pair(P2, "aL"))));

        Assert.Equal(AssignmentErrors.OverLoad, error.Code);
        Assert.Equal(["专家aL", 2, 1], error.Arguments);
    }

    [Fact]
    public void A_pair_listed_twice_is_reported()
    {
        var error = Assert.Single(AssignmentRules.Check(Round(), [.. Valid, Valid[0]]));

        Assert.Equal(AssignmentErrors.Duplicate, error.Code);
        Assert.Equal(["项目1", "专家aL"], error.Arguments);
    }

    [Fact]
    public void A_pair_naming_an_unknown_expert_is_reported()
    {
        var errors = AssignmentRules.Check(Round(), [.. Valid, Pair(P1, "ghost")]);

        var error = Assert.Single(errors);
        Assert.Equal(AssignmentErrors.Unknown, error.Code);
        Assert.Equal([$"{P1.Id}:ghost"], error.Arguments);
    }
}
