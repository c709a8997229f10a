using FinPilot.Domain.Projects;
using FinPilot.Domain.Supervision;
using FinPilot.Web.Features.Supervision;

namespace FinPilot.Web.Tests.Supervision;

public sealed class PilotStatusTests
{
    private static DashboardRow Row(int? revision = 1, int reportsDue = 0) =>
        new(Guid.NewGuid(), "试点", "机构", "Org", ProjectStage.Running, revision, reportsDue, 0, 0, 0);

    private static PilotTrend Customers(params double[] values) => new(MetricCodes.Customers, "客户数", "Customers", "户", values, 500, false);

    [Fact]
    public void A_pilot_with_nothing_open_is_normal() =>
        Assert.Equal(PilotStatus.Normal, (Row() with { CustomerCap = 500, Trends = [Customers(100, 200)] }).Status);

    [Fact]
    public void Customers_past_the_cap_or_a_risk_alert_put_a_pilot_at_risk()
    {
        Assert.Equal(PilotStatus.Risk, (Row() with { CustomerCap = 500, Trends = [Customers(480, 501)] }).Status);
        Assert.Equal(PilotStatus.Risk, (Row() with { OpenAlerts = 1, RiskAlerts = 1 }).Status);
    }

    [Fact]
    public void Anything_overdue_open_or_unconfirmed_asks_for_attention()
    {
        Assert.Equal(PilotStatus.Attention, (Row() with { OverdueObligations = 1 }).Status);
        Assert.Equal(PilotStatus.Attention, Row(reportsDue: 1).Status);
        Assert.Equal(PilotStatus.Attention, (Row() with { OpenAlerts = 2 }).Status);
        Assert.Equal(PilotStatus.Attention, Row(revision: 0).Status);
        Assert.Equal(PilotStatus.Attention, (Row() with { Trends = [new PilotTrend(MetricCodes.Availability, "可用率", "Availability", "%", [99.9, 98], 99.5, true)] }).Status);
    }

    [Fact]
    public void The_cap_is_compared_with_the_latest_customers_only() =>
        Assert.False((Row() with { CustomerCap = 500, Trends = [Customers(600, 400)] }).OverCap);
}
