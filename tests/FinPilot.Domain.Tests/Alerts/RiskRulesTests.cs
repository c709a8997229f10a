using FinPilot.Domain.Alerts;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Supervision;

namespace FinPilot.Domain.Tests.Alerts;

public sealed class RiskRulesTests
{
    private static readonly TestParameters Parameters = new()
    {
        CustomerCap = 1000,
        AmountPerCustomerCap = 500_000m,
        StartsOn = new DateOnly(2025, 1, 1),
        EndsOn = new DateOnly(2025, 12, 31),
    };

    private static readonly MetricDefinition Availability = new()
    {
        Code = MetricCodes.Availability,
        NameZh = "系统可用率",
        Unit = "%",
        LowerLimit = 99.5,
        UpperLimit = 100,
    };

    private static readonly MetricDefinition Complaints = new()
    {
        Code = MetricCodes.Complaints,
        NameZh = "客户投诉数",
        Unit = "件",
        Kind = MetricKind.Counter,
        Direction = MetricDirection.HigherIsWorse,
    };

    private static MetricSample Sample(string code, double value, int month = 3, int year = 2025)
    {
        var start = new DateOnly(year, month, 1);
        var end = start.AddMonths(1).AddDays(-1);
        return MetricSample.Record(Guid.NewGuid(), code, start, end, value,
            new DateTimeOffset(end.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(8)), DateTimeOffset.UtcNow, "test", Guid.NewGuid().ToString(), null);
    }

    [Theory]
    [InlineData(99.9, false)]
    [InlineData(99.5, false)]
    [InlineData(99.4, true)]
    [InlineData(100.1, true)]
    public void Threshold_is_outside_the_limits(double value, bool breached)
    {
        var breach = RiskRules.Threshold(Availability, Sample(MetricCodes.Availability, value));
        Assert.Equal(breached, breach is not null);
        if (breach is not null)
        {
            Assert.Equal((RiskRuleKind.Threshold, MetricCodes.Availability, value), (breach.Kind, breach.RuleKey, breach.Evidence.Observed!.Value));
            Assert.Equal(value < 99.5 ? 99.5 : 100, breach.Evidence.Limit);
        }
    }

    [Fact]
    public void A_metric_without_limits_never_crosses_them() =>
        Assert.Null(RiskRules.Threshold(Complaints, Sample(MetricCodes.Complaints, 1e9)));

    [Theory]
    [InlineData(1000, false)]
    [InlineData(1001, true)]
    public void Customers_above_the_cap_breach_it(double customers, bool breached)
    {
        var breach = RiskRules.CustomerCap(Parameters, Sample(MetricCodes.Customers, customers));
        Assert.Equal(breached, breach is not null);
        Assert.Equal(breached ? AlertSeverity.Risk : null, breach?.Severity);
        Assert.Null(RiskRules.CustomerCap(Parameters with { CustomerCap = null }, Sample(MetricCodes.Customers, 1e6)));
        Assert.Null(RiskRules.CustomerCap(Parameters, Sample(MetricCodes.Transactions, 1e6)));
    }

    [Fact]
    public void The_largest_amount_of_one_customer_above_its_cap_breaches_it()
    {
        Assert.Null(RiskRules.AmountPerCustomerCap(Parameters, Sample(MetricCodes.MaxAmountPerCustomer, 500_000)));
        var breach = RiskRules.AmountPerCustomerCap(Parameters, Sample(MetricCodes.MaxAmountPerCustomer, 500_001));
        Assert.Equal(500_000, breach?.Evidence.Limit);
    }

    [Fact]
    public void Activity_before_the_start_or_after_the_end_is_outside_the_window()
    {
        Assert.Null(RiskRules.OutsideWindow(Parameters, Sample(MetricCodes.Customers, 1, month: 6)));
        var after = RiskRules.OutsideWindow(Parameters, Sample(MetricCodes.Customers, 1, month: 1, year: 2026));
        Assert.Equal((RiskRuleKind.ActivityOutsideWindow, Parameters.EndsOn, "after"), (after!.Kind, after.Evidence.Date!.Value, after.Evidence.Detail!));
        var before = RiskRules.OutsideWindow(Parameters, Sample(MetricCodes.Customers, 1, month: 12, year: 2024));
        Assert.Equal(Parameters.StartsOn, before!.Evidence.Date);
    }

    [Theory]
    [InlineData(10, 15, 50, false)]
    [InlineData(10, 16, 50, true)]
    [InlineData(10, 12, 10, true)]
    [InlineData(0, 50, 50, false)]
    [InlineData(10, 5, 50, false)]
    public void Complaints_up_by_more_than_the_percentage_breach_the_change_rate(double before, double now, double percent, bool breached)
    {
        var breach = RiskRules.ChangeRate(Complaints, Sample(MetricCodes.Complaints, before, month: 2), Sample(MetricCodes.Complaints, now, month: 3), percent);
        Assert.Equal(breached, breach is not null);
        if (breach is not null)
        {
            Assert.Equal((before, now, percent), (breach.Evidence.Previous!.Value, breach.Evidence.Observed!.Value, breach.Evidence.Limit!.Value));
        }
    }

    [Fact]
    public void A_change_rate_is_only_for_metrics_where_higher_is_worse_and_needs_an_earlier_period()
    {
        Assert.Null(RiskRules.ChangeRate(Availability, Sample(MetricCodes.Availability, 10, 2), Sample(MetricCodes.Availability, 100, 3), 50));
        Assert.Null(RiskRules.ChangeRate(Complaints, null, Sample(MetricCodes.Complaints, 100, 3), 50));
        Assert.Null(RiskRules.ChangeRate(Complaints, Sample(MetricCodes.Complaints, 1, 3), Sample(MetricCodes.Complaints, 100, 3), 50));
    }

    [Fact]
    public void A_stream_is_stale_after_its_period_and_the_grace_days()
    {
        var lastReported = new DateOnly(2025, 3, 31);

        // The April sample is due by 30 April; ten days' grace runs to 10 May.
        Assert.Equal(new DateOnly(2025, 4, 30), RiskRules.NextSampleDue(ReportFrequency.Monthly, lastReported, Parameters.StartsOn));
        Assert.Null(RiskRules.Stale(Complaints, Parameters, lastReported, new DateOnly(2025, 5, 10), 10));
        var stale = RiskRules.Stale(Complaints, Parameters, lastReported, new DateOnly(2025, 5, 11), 10);
        Assert.Equal((RiskRuleKind.StaleStream, MetricCodes.Complaints, "2025-03-31"), (stale!.Kind, stale.RuleKey, stale.Episode!));
        Assert.Equal(new DateOnly(2025, 4, 30), stale.Evidence.Date);

        // Quarterly streams wait a quarter; nothing at all counts from the start; nothing is due after the end.
        Assert.Null(RiskRules.Stale(Complaints with { Frequency = ReportFrequency.Quarterly }, Parameters, lastReported, new DateOnly(2025, 6, 30), 10));
        Assert.Equal("none", RiskRules.Stale(Complaints, Parameters, null, new DateOnly(2025, 2, 11), 10)?.Episode);
        Assert.Null(RiskRules.Stale(Complaints, Parameters, null, new DateOnly(2025, 2, 10), 10));
        Assert.Null(RiskRules.Stale(Complaints, Parameters, Parameters.EndsOn, new DateOnly(2026, 6, 1), 10));
    }

    [Fact]
    public void Breaches_of_the_approval_concern_the_applicant_and_an_overdue_obligation_is_announced_by_its_clock_alone()
    {
        Assert.True(RiskRules.ConcernsApplicant(RiskRuleKind.CustomerCapBreach));
        Assert.False(RiskRules.ConcernsApplicant(RiskRuleKind.Threshold));
        Assert.False(RiskRules.AnnouncesOnRaise(RiskRuleKind.OverdueObligation));
        Assert.True(RiskRules.AnnouncesOnRaise(RiskRuleKind.SevereIncident));
    }

    [Fact]
    public void A_pilot_past_its_end_date_breaches_from_the_next_day()
    {
        Assert.Null(RiskRules.PastEndDate(Parameters, Parameters.EndsOn));
        var breach = RiskRules.PastEndDate(Parameters, Parameters.EndsOn.AddDays(3));
        Assert.Equal(("2025-12-31", 3, AlertSeverity.Risk), (breach!.RuleKey, breach.Evidence.Count!.Value, breach.Severity));
    }

    [Fact]
    public void Settings_default_by_category_and_are_checked()
    {
        Assert.Equal(50, RiskRuleSettings.For(ProjectCategory.BusinessInnovation).ChangeRatePercent);
        Assert.Equal(100, RiskRuleSettings.For(ProjectCategory.TechnologyInnovation).ChangeRatePercent);
        Assert.True(RiskRuleSettings.For(ProjectCategory.PublicService).Enables(RiskRuleKind.StaleStream));
        var bad = new RiskRuleSettings { ChangeRatePercent = 0, StaleGraceDays = 91, Disabled = [(RiskRuleKind)77] };
        Assert.Equal([AlertErrors.KindUnknown, AlertErrors.ChangeRateInvalid, AlertErrors.GraceInvalid], bad.Validate().Select(e => e.Code));
        var off = new RiskRuleSettings { Disabled = [RiskRuleKind.StaleStream, RiskRuleKind.ChangeRate, RiskRuleKind.StaleStream] };
        Assert.False(off.Enables(RiskRuleKind.StaleStream));
        Assert.Equal([RiskRuleKind.ChangeRate, RiskRuleKind.StaleStream], off.Normalised().Disabled);
        Assert.True(off.SameAs(new RiskRuleSettings { Disabled = [RiskRuleKind.ChangeRate, RiskRuleKind.StaleStream] }));
    }

    [Fact]
    public void An_override_records_who_changed_it_and_refuses_no_change()
    {
        var at = DateTimeOffset.UtcNow;
        var o = RiskRuleOverride.Create(Guid.NewGuid(), 1, new RiskRuleSettings { ChangeRatePercent = 20 }, at, "wg").ValueOrThrow();
        Assert.Contains(o.Change(new RiskRuleSettings { ChangeRatePercent = 20 }, at, "wg").Errors, e => e.Code == AlertErrors.SettingsUnchanged);
        var version = o.Version;
        Assert.True(o.Change(new RiskRuleSettings { ChangeRatePercent = 30 }, at.AddDays(1), "wg2").Succeeded);
        Assert.Equal((30d, "wg2"), (o.Settings.ChangeRatePercent, o.UpdatedBy));
        Assert.NotEqual(version, o.Version);
        Assert.False(RiskRuleOverride.Create(Guid.NewGuid(), 1, new RiskRuleSettings { StaleGraceDays = -1 }, at, "wg").Succeeded);
    }
}
