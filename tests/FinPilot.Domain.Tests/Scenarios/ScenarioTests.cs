using FinPilot.Domain.Common;
using FinPilot.Domain.Scenarios;

namespace FinPilot.Domain.Tests.Scenarios;

/// <summary>A scenario's and a solution's lifecycle, their checks and the events they record; the score's arithmetic.</summary>
public sealed class ScenarioTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 25, 10, 0, 0, TimeSpan.FromHours(8));

    private static ScenarioInput Input(ScenarioVisibility visibility = ScenarioVisibility.Public, params Guid[] invited) => new()
    {
        Title = "数字人民币钱包反洗钱管控",
        PainPoint = "证券账户与数字人民币钱包对接后，资金流向难以穿透识别，反洗钱监测滞后。",
        Area = BusinessArea.Payments,
        Technologies = [Technology.DigitalRmb, Technology.BigData, Technology.DigitalRmb],
        DataAvailable = "脱敏交易流水",
        Constraints = ScenarioConstraints.Privacy | ScenarioConstraints.Xinchuang,
        ExpectedOutcome = "可疑交易识别时间缩短到 T+0。",
        Timeline = "2023 年内",
        Visibility = visibility,
        InvitedOrganisationIds = invited,
    };

    private static List<IDomainEvent> Taken(IRecordsEvents aggregate)
    {
        var events = aggregate.PendingEvents.ToList();
        aggregate.ClearEvents();
        return events;
    }

    [Fact]
    public void A_scenario_is_drafted_published_and_closed_once_each()
    {
        var scenario = Scenario.Draft(Input(), Guid.NewGuid(), 1, Now, "u").ValueOrThrow();
        Assert.IsType<ScenarioDrafted>(Assert.Single(Taken(scenario)));
        Assert.Equal([Technology.BigData, Technology.DigitalRmb], scenario.Technologies);
        Assert.Equal("|BigData|DigitalRmb|", scenario.TechnologyCodes);
        Assert.Equal(ScenarioStatus.Draft, scenario.Status);

        var version = scenario.Version;
        Assert.True(scenario.Publish(Now.AddHours(1)).Succeeded);
        Assert.NotEqual(version, scenario.Version);
        Assert.Equal((ScenarioStatus.Published, Now.AddHours(1)), (scenario.Status, scenario.PublishedAt));
        Assert.Equal(ScenarioErrors.WrongStatus, Assert.Single(scenario.Publish(Now).Errors).Code);

        Assert.True(scenario.Close(Now.AddDays(1)).Succeeded);
        Assert.Equal(ScenarioErrors.WrongStatus, Assert.Single(scenario.Close(Now).Errors).Code);
        Assert.Equal(ScenarioErrors.WrongStatus, Assert.Single(scenario.Edit(Input(), Now).Errors).Code);
        Assert.Equal([typeof(ScenarioPublished), typeof(ScenarioClosed)], Taken(scenario).Select(e => e.GetType()));
    }

    [Fact]
    public void A_scenario_needs_its_texts_an_area_technologies_and_for_invitations_someone_invited()
    {
        var errors = Scenario.Validate(new ScenarioInput { Area = (BusinessArea)99, Visibility = ScenarioVisibility.Invited, Constraints = (ScenarioConstraints)64 })
            .Select(e => (e.Field, e.Code.Value)).ToList();
        Assert.Contains(("title", Text.RequiredCode.Value), errors);
        Assert.Contains(("painPoint", Text.RequiredCode.Value), errors);
        Assert.Contains(("expectedOutcome", Text.RequiredCode.Value), errors);
        Assert.Contains(("technologies", ScenarioErrors.TechnologiesInvalid.Value), errors);
        Assert.Contains(("area", ScenarioErrors.AreaInvalid.Value), errors);
        Assert.Contains(("constraints", ScenarioErrors.ConstraintsInvalid.Value), errors);
        Assert.Contains(("invitedOrganisationIds", ScenarioErrors.InvitationsInvalid.Value), errors);
        Assert.Empty(Scenario.Validate(Input(ScenarioVisibility.Invited, Guid.NewGuid())));
    }

    [Fact]
    public void Invitations_are_kept_only_for_an_invited_scenario()
    {
        var invited = Guid.NewGuid();
        var scenario = Scenario.Draft(Input(ScenarioVisibility.Invited, invited, invited), null, 1, Now, "u").ValueOrThrow();
        Assert.Equal(invited, Assert.Single(scenario.Invitations).OrganisationId);
        Assert.True(scenario.Edit(Input(ScenarioVisibility.Members, invited), Now).Succeeded);
        Assert.Empty(scenario.Invitations);
    }

    [Fact]
    public void A_solution_is_drafted_published_and_withdrawn()
    {
        var input = new SolutionInput { Title = "链上反洗钱监测", Capability = "基于知识图谱的资金穿透分析。", Technologies = [Technology.KnowledgeGraph], Area = BusinessArea.Payments };
        var solution = Solution.Draft(input, Guid.NewGuid(), 1, null, Now, "u").ValueOrThrow();
        Assert.IsType<SolutionDrafted>(Assert.Single(Taken(solution)));
        Assert.True(solution.Publish(Now).Succeeded);
        Assert.Equal(ScenarioErrors.WrongStatus, Assert.Single(solution.Publish(Now).Errors).Code);
        Assert.True(solution.Withdraw(Now).Succeeded);
        Assert.Equal(ScenarioErrors.WrongStatus, Assert.Single(solution.Edit(input, Now).Errors).Code);
        Assert.Contains(Solution.Validate(input with { Technologies = [] }), e => e.Code == ScenarioErrors.TechnologiesInvalid);
        Assert.Contains(Solution.Validate(input with { Area = (BusinessArea)77 }), e => e.Code == ScenarioErrors.AreaInvalid);
    }

    [Fact]
    public void The_score_weighs_text_tags_area_and_region_as_documented()
    {
        Assert.Equal(0.5, MatchScore.Jaccard([Technology.Blockchain, Technology.BigData], [Technology.Blockchain, Technology.Cloud, Technology.BigData, Technology.Iot]));
        Assert.Equal(0, MatchScore.Jaccard([], []));
        Assert.Equal(1.0, MatchScore.Combine(1, 1, true, true), 10);
        Assert.Equal((0.5 * 0.4) + (0.3 * 0.5) + 0.1, MatchScore.Combine(0.4, 0.5, false, true), 10);
        Assert.Equal(0.5, MatchScore.Combine(7, 0, false, false), 10);
    }
}
