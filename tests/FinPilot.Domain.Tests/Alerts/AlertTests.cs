using FinPilot.Domain.Alerts;

namespace FinPilot.Domain.Tests.Alerts;

public sealed class AlertTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));

    private static Alert New() =>
        Alert.Raise(Guid.NewGuid(), 1, Guid.NewGuid(), RiskRuleKind.Threshold, "availability", null, AlertSeverity.Warning,
            new AlertEvidence { MetricCode = "availability", Observed = 98, Limit = 99.5 }, Now).ValueOrThrow();

    [Fact]
    public void A_raised_alert_is_open_with_its_evidence()
    {
        var alert = New();
        Assert.Equal(AlertStatus.Open, alert.Status);
        Assert.True(alert.IsOpen);
        Assert.Equal(98, alert.Evidence.Observed);
        Assert.Equal(Now, alert.RaisedAt);
    }

    [Fact]
    public void Raising_needs_owners_a_known_kind_and_a_clean_key()
    {
        var result = Alert.Raise(Guid.Empty, 0, Guid.Empty, (RiskRuleKind)99, " x", null, AlertSeverity.Risk, new AlertEvidence(), Now);
        Assert.Contains(result.Errors, e => e.Code == AlertErrors.OwnerMissing);
        Assert.Contains(result.Errors, e => e.Code == AlertErrors.KindUnknown);
        Assert.Contains(result.Errors, e => e.Code == AlertErrors.RuleKeyInvalid);
    }

    [Fact]
    public void Open_goes_to_acknowledged_then_resolved_with_a_note()
    {
        var alert = New();
        var version = alert.Version;
        Assert.True(alert.Acknowledge(Now, "wg").Succeeded);
        Assert.Equal(AlertStatus.Acknowledged, alert.Status);
        Assert.True(alert.IsOpen);
        Assert.NotEqual(version, alert.Version);
        Assert.True(alert.Resolve(Now.AddHours(1), "wg", "  机构已修复  ").Succeeded);
        Assert.Equal(AlertStatus.Resolved, alert.Status);
        Assert.False(alert.IsOpen);
        Assert.Equal("机构已修复", alert.ClosingNote);
        Assert.Equal(Now.AddHours(1), alert.ClosedAt);
    }

    [Theory]
    [InlineData(AlertStatus.Resolved)]
    [InlineData(AlertStatus.Dismissed)]
    [InlineData(AlertStatus.Escalated)]
    public void Open_may_close_directly(AlertStatus next)
    {
        var alert = New();
        Assert.True(Move(alert, next, "原因").Succeeded);
        Assert.Equal(next, alert.Status);
    }

    [Theory]
    [InlineData(AlertStatus.Dismissed)]
    [InlineData(AlertStatus.Escalated)]
    public void Dismissing_and_escalating_need_a_reason(AlertStatus next)
    {
        var alert = New();
        var result = Move(alert, next, "  ");
        Assert.Contains(result.Errors, e => e.Field == "reason");
        Assert.Equal(AlertStatus.Open, alert.Status);
    }

    [Theory]
    [InlineData(AlertStatus.Resolved, AlertStatus.Acknowledged)]
    [InlineData(AlertStatus.Resolved, AlertStatus.Dismissed)]
    [InlineData(AlertStatus.Dismissed, AlertStatus.Resolved)]
    [InlineData(AlertStatus.Escalated, AlertStatus.Escalated)]
    [InlineData(AlertStatus.Acknowledged, AlertStatus.Acknowledged)]
    public void Closed_alerts_stay_closed_and_acknowledging_is_once(AlertStatus first, AlertStatus then)
    {
        var alert = New();
        Assert.True(Move(alert, first, "原因").Succeeded);
        var status = alert.Status;
        var version = alert.Version;
        var result = Move(alert, then, "原因");
        Assert.Contains(result.Errors, e => e.Code == AlertErrors.TransitionNotAllowed);
        Assert.Equal((status, version), (alert.Status, alert.Version));
    }

    [Fact]
    public void The_table_lists_what_each_status_allows()
    {
        Assert.Equal([AlertStatus.Acknowledged, AlertStatus.Resolved, AlertStatus.Dismissed, AlertStatus.Escalated], AlertTransitions.From(AlertStatus.Open));
        Assert.Equal([AlertStatus.Resolved, AlertStatus.Dismissed, AlertStatus.Escalated], AlertTransitions.From(AlertStatus.Acknowledged));
        Assert.Empty(AlertTransitions.From(AlertStatus.Resolved));
        Assert.False(AlertTransitions.Allows(AlertStatus.Acknowledged, AlertStatus.Open));
    }

    private static FinPilot.Domain.Common.Result Move(Alert alert, AlertStatus next, string text) => next switch
    {
        AlertStatus.Acknowledged => alert.Acknowledge(Now, "wg"),
        AlertStatus.Resolved => alert.Resolve(Now, "wg", text),
        AlertStatus.Dismissed => alert.Dismiss(Now, "wg", text),
        AlertStatus.Escalated => alert.Escalate(Now, "wg", text),
        _ => throw new ArgumentOutOfRangeException(nameof(next)),
    };
}
