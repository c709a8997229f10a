using FinPilot.Domain.Alerts;
using FinPilot.Domain.Common;
using FinPilot.Domain.Projects;

namespace FinPilot.Domain.Tests.Alerts;

/// <summary>Alerts and rule overrides record one event per change; a refused triage records nothing.</summary>
public sealed class AlertEventTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));

    private static IReadOnlyList<IDomainEvent> Taken(IRecordsEvents aggregate)
    {
        var events = aggregate.PendingEvents.ToList();
        aggregate.ClearEvents();
        return events;
    }

    [Fact]
    public void An_alert_records_its_raising_and_each_triage_step_with_who_and_why()
    {
        var alert = Alert.Raise(Guid.NewGuid(), 1, Guid.NewGuid(), RiskRuleKind.Threshold, "availability", null, AlertSeverity.Warning,
            new AlertEvidence { MetricCode = "availability", Observed = 98, Limit = 99.5 }, Now).ValueOrThrow();
        Assert.IsType<AlertRaised>(Assert.Single(Taken(alert)));

        Assert.True(alert.Acknowledge(Now, "wg").Succeeded);
        Assert.False(alert.Dismiss(Now, "wg", " ").Succeeded);
        Assert.True(alert.Escalate(Now, "wg", " 需要整改 ").Succeeded);
        Assert.False(alert.Resolve(Now, "system", "sample-received").Succeeded);
        Assert.Equal(
            [new AlertTriaged(AlertStatus.Open, AlertStatus.Acknowledged, "wg", null), new AlertTriaged(AlertStatus.Acknowledged, AlertStatus.Escalated, "wg", "需要整改")],
            Taken(alert));
    }

    [Fact]
    public void A_rule_override_records_each_setting_and_not_a_change_that_changes_nothing()
    {
        var settings = RiskRuleSettings.For(ProjectCategory.BusinessInnovation) with { ChangeRatePercent = 30 };
        var own = RiskRuleOverride.Create(Guid.NewGuid(), 1, settings, Now, "wg").ValueOrThrow();
        Assert.IsType<RiskRulesChanged>(Assert.Single(Taken(own)));

        Assert.False(own.Change(settings, Now, "wg").Succeeded);
        Assert.Empty(Taken(own));
        Assert.True(own.Change(settings with { StaleGraceDays = 5 }, Now, "wg").Succeeded);
        Assert.IsType<RiskRulesChanged>(Assert.Single(Taken(own)));
    }
}
