using FinPilot.Domain.Obligations;
using FinPilot.Domain.Supervision;

namespace FinPilot.Domain.Tests.Supervision;

/// <summary>
/// One report period for obligations and periodic reports: the period a report is filed for and the
/// obligation to file it name the same subject, and a pilot's cut period lies inside the whole one.
/// </summary>
public sealed class ReportPeriodTests
{
    private static readonly TestParameters Window = new() { StartsOn = new DateOnly(2021, 12, 30), EndsOn = new DateOnly(2022, 12, 29), Scope = "测试" };

    [Theory]
    [InlineData(ReportFrequency.Monthly)]
    [InlineData(ReportFrequency.Quarterly)]
    public void A_pilots_periods_are_the_obligation_periods_cut_to_its_window(ReportFrequency frequency)
    {
        var cut = ReportPeriod.Of(Window, frequency);
        var whole = ReportPeriod.Upto(Window.StartsOn, Window.EndsOn, frequency).ToList();

        Assert.Equal(whole.Select(p => p.Subject), cut.Select(p => p.Subject));
        Assert.All(cut.Zip(whole), pair =>
        {
            Assert.True(pair.First.Start >= pair.Second.Start && pair.First.End <= pair.Second.End);
            Assert.Equal(pair.Second, ReportPeriod.Of(pair.First.Start, frequency));
        });
        Assert.Equal(new ReportPeriod(new DateOnly(2021, 12, 30), new DateOnly(2021, 12, 31), frequency == ReportFrequency.Monthly ? "2021-12" : "2021-Q4"), cut[0]);
    }

    [Fact]
    public void A_period_within_the_window_is_the_whole_calendar_period()
    {
        var day = new DateOnly(2022, 5, 17);
        Assert.Equal(ReportPeriod.Of(day, ReportFrequency.Monthly), ReportPeriod.Containing(day, ReportFrequency.Monthly, Window));
        Assert.Equal(ReportPeriod.Of(day, ReportFrequency.Quarterly), ReportPeriod.Containing(day, ReportFrequency.Quarterly, Window));

        // The report's due date is counted from the end of the whole period, which the obligation keys by the same subject.
        var period = ReportPeriod.Containing(day, ReportFrequency.Monthly, Window);
        Assert.Equal("2022-05", period.Subject);
        Assert.Equal(ObligationKind.PeriodicReport, ObligationRules.For(ObligationKind.PeriodicReport).Kind);
    }
}
