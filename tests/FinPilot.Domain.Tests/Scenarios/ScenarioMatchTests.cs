using FinPilot.Domain.Scenarios;

namespace FinPilot.Domain.Tests.Scenarios;

/// <summary>Consent on both sides makes a match; each side consents once; the thread opens only then.</summary>
public sealed class ScenarioMatchTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 25, 10, 0, 0, TimeSpan.FromHours(8));

    private static (Scenario, Solution) Pair(bool publish = true)
    {
        var scenario = Scenario.Draft(new ScenarioInput
        {
            Title = "场景",
            PainPoint = "痛点",
            ExpectedOutcome = "成效",
            Area = BusinessArea.Trading,
            Technologies = [Technology.Cloud],
        }, Guid.NewGuid(), 1, Now, "a").ValueOrThrow();
        var solution = Solution.Draft(new SolutionInput { Title = "方案", Capability = "能力", Technologies = [Technology.Cloud] }, Guid.NewGuid(), 2, scenario.Id, Now, "b").ValueOrThrow();
        if (publish)
        {
            scenario.Publish(Now).OrThrow();
            solution.Publish(Now).OrThrow();
        }

        return (scenario, solution);
    }

    [Fact]
    public void The_second_sides_consent_makes_the_match_and_opens_the_thread()
    {
        var (scenario, solution) = Pair();
        var match = ScenarioMatch.Propose(scenario, solution, MatchParty.Solution, Now, "b").ValueOrThrow();
        Assert.Equal((MatchStatus.Proposed, 1, 2), (match.Status, match.RegionId, match.SolutionRegionId));
        Assert.Equal(ScenarioErrors.WrongStatus, Assert.Single(match.Post("早", "乙", Now, "b").Errors).Code);
        Assert.Equal(ScenarioErrors.AlreadyConsented, Assert.Single(match.Consent(MatchParty.Solution, Now, "b").Errors).Code);

        Assert.True(match.Consent(MatchParty.Scenario, Now.AddHours(1), "a").Succeeded);
        Assert.Equal((MatchStatus.Matched, Now.AddHours(1)), (match.Status, match.MatchedAt));
        var message = match.Post(" 你好 ", "甲", Now.AddHours(2), "a").ValueOrThrow();
        Assert.Equal("你好", Assert.Single(match.Messages).Text);
        Assert.Equal(message.Id, match.Messages[0].Id);
        Assert.Contains(match.Post(" ", "甲", Now, "a").Errors, e => e.Field == "text");
    }

    [Fact]
    public void Only_published_items_can_be_matched()
    {
        var (scenario, solution) = Pair(publish: false);
        Assert.Equal(ScenarioErrors.NotMatchable, Assert.Single(ScenarioMatch.Propose(scenario, solution, MatchParty.Scenario, Now, "a").Errors).Code);
    }

    [Fact]
    public void A_match_becomes_one_application_and_only_once_matched()
    {
        var (scenario, solution) = Pair();
        var match = ScenarioMatch.Propose(scenario, solution, MatchParty.Solution, Now, "b").ValueOrThrow();
        var project = Guid.NewGuid();
        Assert.Equal(ScenarioErrors.WrongStatus, Assert.Single(match.BecameApplication(project, Now).Errors).Code);

        match.Consent(MatchParty.Scenario, Now, "a").OrThrow();
        var version = match.Version;
        Assert.True(match.BecameApplication(project, Now.AddDays(1)).Succeeded);
        Assert.Equal((project, Now.AddDays(1)), (match.ProjectId!.Value, match.AppliedAt!.Value));
        Assert.NotEqual(version, match.Version);
        Assert.Equal(ScenarioErrors.AlreadyApplied, Assert.Single(match.BecameApplication(Guid.NewGuid(), Now).Errors).Code);
        Assert.Equal(project, match.ProjectId);
    }
}
