using FinPilot.Domain.Common;
using FinPilot.Domain.Disposal;

namespace FinPilot.Domain.Tests.Disposal;

/// <summary>The contingency plan's versions: the default is a valid plan; a new version needs every level once and sensible actions.</summary>
public sealed class ContingencyPlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 24, 10, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void The_default_plan_is_valid_and_graver_levels_require_more()
    {
        Assert.Empty(ContingencyPlanVersion.Validate(ContingencyPlanDefaults.Levels));
        var plan = ContingencyPlanVersion.Default();
        Assert.Contains(plan.LevelOf(DisposalLevel.I).Actions, a => a.Kind == DisposalActionKind.TerminationProposal);
        Assert.Contains(plan.LevelOf(DisposalLevel.III).Actions, a => a.Kind == DisposalActionKind.SuspendPilot);
        Assert.DoesNotContain(plan.LevelOf(DisposalLevel.IV).Actions, a => a.Kind == DisposalActionKind.SuspendPilot);
        Assert.True(plan.LevelOf(DisposalLevel.I).Actions.Count >= plan.LevelOf(DisposalLevel.IV).Actions.Count);
    }

    [Fact]
    public void A_new_version_takes_the_next_number_and_records_its_publication()
    {
        var published = ContingencyPlanVersion.Publish(3, ContingencyPlanDefaults.Levels, " 调整告知时限 ", Now, "admin").ValueOrThrow();

        Assert.Equal((4, "调整告知时限", Now), (published.Number, published.Note, published.PublishedAt));
        Assert.Equal(new ContingencyPlanPublished(4), Assert.Single(((IRecordsEvents)published).PendingEvents));
    }

    [Fact]
    public void A_plan_without_every_level_is_refused()
    {
        var result = ContingencyPlanVersion.Publish(1, [.. ContingencyPlanDefaults.Levels.Take(3)], "缺一级", Now, "admin");

        Assert.Equal(DisposalErrors.PlanLevelsInvalid, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Duplicate_actions_out_of_range_days_and_empty_triggers_are_refused_per_level()
    {
        var levels = ContingencyPlanDefaults.Levels.ToList();
        levels[0] = levels[0] with { Actions = [new(DisposalActionKind.SuspendPilot, 1), new(DisposalActionKind.SuspendPilot, 2)] };
        levels[1] = levels[1] with { Actions = [new(DisposalActionKind.SuspendPilot, 0)] };
        levels[2] = levels[2] with { TriggersEn = " " };

        var errors = ContingencyPlanVersion.Publish(1, levels, "错误", Now, "admin").Errors;

        Assert.Equal(
            [(DisposalErrors.PlanActionsInvalid, "levels[1].actions"), (DisposalErrors.WorkingDaysInvalid, "levels[2].actions"), (Text.RequiredCode, "levels[3].triggersEn")],
            errors.Select(e => (e.Code, e.Field!)));
    }
}
