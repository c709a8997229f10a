using FinPilot.Domain.Calendar;
using FinPilot.Domain.Obligations;
using FinPilot.Domain.Supervision;

namespace FinPilot.Domain.Tests.Obligations;

/// <summary>Due dates of the rule table with the official 2025 and 2026 schedules; every date worked out by hand.</summary>
public sealed class ObligationRulesTests
{
    private static readonly WorkingDayCalendar China = OfficialHolidaySchedules.Calendar;

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static DateTimeOffset EndOf(int year, int month, int day) => new DateTimeOffset(year, month, day, 23, 59, 59, TimeSpan.FromHours(8)).AddMilliseconds(999);

    [Fact]
    public void A_december_monthly_report_counts_the_new_year_holiday_out_and_the_sunday_worked_in()
    {
        // Period ends Wed 2025-12-31 (not counted). 1/1–1/3 元旦; Sun 1/4 worked (调休) = 1; Mon 1/5 = 2 …
        // Fri 1/9 = 6; Mon 1/12 = 7, 1/13 = 8, 1/14 = 9, Thu 1/15 = 10.
        var due = ObligationRules.ReportDue(D(2025, 12, 31), ReportFrequency.Monthly, China);
        Assert.Equal(EndOf(2026, 1, 15), due);
        Assert.Equal(TimeSpan.Zero, due.Offset);

        // Plain weeks would end a day earlier (1/1, 1/2, 1/5 … 1/14): the calendar is consulted.
        Assert.Equal(EndOf(2026, 1, 14), ObligationRules.ReportDue(D(2025, 12, 31), ReportFrequency.Monthly, WorkingDayCalendar.Empty));
    }

    [Fact]
    public void A_september_monthly_report_waits_out_national_day_and_counts_the_saturday_worked()
    {
        // Ends Tue 2025-09-30. 10/1–10/8 holiday; Thu 10/9 = 1, Fri 10/10 = 2, Sat 10/11 (调休) = 3,
        // Mon 10/13 = 4 … Fri 10/17 = 8, Mon 10/20 = 9, Tue 10/21 = 10.
        Assert.Equal(EndOf(2025, 10, 21), ObligationRules.ReportDue(D(2025, 9, 30), ReportFrequency.Monthly, China));
    }

    [Fact]
    public void A_quarterly_report_is_due_fifteen_working_days_after_the_quarter()
    {
        // Continuing the count above: 10/22 = 11, 10/23 = 12, 10/24 = 13, Mon 10/27 = 14, Tue 10/28 = 15.
        Assert.Equal(EndOf(2025, 10, 28), ObligationRules.ReportDue(D(2025, 9, 30), ReportFrequency.Quarterly, China));
        Assert.Equal(15, ObligationRules.ReportWorkingDays(ReportFrequency.Quarterly));
        Assert.Equal(10, ObligationRules.ReportWorkingDays(ReportFrequency.Monthly));
    }

    [Fact]
    public void A_disclosure_asked_before_spring_festival_counts_both_saturdays_worked()
    {
        // Asked Fri 2026-02-13 (not counted). Sat 2/14 (调休) = 1; 2/15–2/23 春节; Tue 2/24 = 2 … Fri 2/27 = 5;
        // Sat 2/28 (调休) = 6; Mon 3/2 = 7 … Thu 3/5 = 10.
        var asked = new DateTimeOffset(2026, 2, 13, 10, 0, 0, TimeSpan.FromHours(8));
        Assert.Equal(EndOf(2026, 3, 5), ObligationRules.DisclosureDue(asked, China));
    }

    [Fact]
    public void The_day_an_event_falls_on_is_the_beijing_day_whatever_the_server_zone()
    {
        // 17:00 UTC on the 13th is 01:00 on Sat the 14th in Beijing, so the count starts after the 14th:
        // 2/24 = 1 … 2/27 = 4, 2/28 = 5, 3/2 = 6 … 3/6 = 10.
        var asked = new DateTimeOffset(2026, 2, 13, 17, 0, 0, TimeSpan.Zero);
        Assert.Equal(EndOf(2026, 3, 6), ObligationRules.DisclosureDue(asked, China));
        Assert.Equal(EndOf(2026, 3, 6), ObligationRules.ReportSupplementDue(asked, China));
        Assert.Equal(EndOf(2026, 3, 6), ObligationRules.PlanConfirmationDue(asked, China));
    }

    [Fact]
    public void An_incident_report_is_due_in_clock_hours_even_over_a_holiday()
    {
        var detected = new DateTimeOffset(2026, 2, 15, 10, 0, 0, TimeSpan.FromHours(8));
        Assert.Equal(new DateTimeOffset(2026, 2, 16, 2, 0, 0, TimeSpan.Zero), ObligationRules.IncidentReportDue(detected, 24));
        Assert.Equal(detected.AddHours(4), ObligationRules.IncidentReportDue(detected, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => ObligationRules.IncidentReportDue(detected, 0));
    }

    [Fact]
    public void Exit_or_extension_is_due_working_days_before_the_approved_end_counting_back_over_the_holiday()
    {
        // Ends Fri 2025-10-10. Back: Thu 10/9 = 1; 10/1–10/8 holiday; Tue 9/30 = 2, Mon 9/29 = 3,
        // Sun 9/28 (调休) = 4, Fri 9/26 = 5 … Mon 9/22 = 9, Fri 9/19 = 10.
        Assert.Equal(EndOf(2025, 9, 19), ObligationRules.ExitOrExtensionDue(D(2025, 10, 10), China));
        Assert.Equal(EndOf(2025, 10, 9), ObligationRules.ExitOrExtensionDue(D(2025, 10, 10), China, 1));
    }

    [Fact]
    public void A_metric_stream_is_fresh_until_grace_days_after_the_next_period()
    {
        // Last sample covers January 2026; February ends Sat 2/28 (a worked Saturday, but the anchor is
        // not counted): Mon 3/2 = 1 … Fri 3/6 = 5.
        Assert.Equal(EndOf(2026, 3, 6), ObligationRules.MetricFreshnessDue(D(2026, 1, 31), D(2025, 12, 10), ReportFrequency.Monthly, China));

        // None yet: the plan's first month, December 2025, + 5: Sun 1/4 (调休) = 1, 1/5 … 1/8 = 5.
        Assert.Equal(EndOf(2026, 1, 8), ObligationRules.MetricFreshnessDue(null, D(2025, 12, 10), ReportFrequency.Monthly, China));
    }

    [Theory]
    [InlineData(-5, 2026, 2, 10)] // 2/14 (调休) = 1, 2/13 = 2, 2/12 = 3, 2/11 = 4, 2/10 = 5
    [InlineData(-1, 2026, 2, 14)] // the worked Saturday before the festival: the last working day before the 24th
    [InlineData(1, 2026, 2, 25)]
    [InlineData(5, 2026, 3, 2)] // 2/25, 2/26, 2/27, Sat 2/28 (调休), Mon 3/2
    public void Reminder_days_count_working_days_from_the_due_day(int offset, int year, int month, int day)
    {
        Assert.Equal(D(year, month, day), ObligationRules.ReminderDate(EndOf(2026, 2, 24), offset, China));
    }

    [Fact]
    public void Every_kind_has_a_rule()
    {
        foreach (var kind in Enum.GetValues<ObligationKind>())
        {
            Assert.Equal(kind, ObligationRules.For(kind).Kind);
        }
    }

    [Fact]
    public void Report_periods_are_the_months_or_quarters_that_have_ended()
    {
        Assert.Equal(["2026-01", "2026-02", "2026-03", "2026-04"],
            ReportPeriod.Ended(D(2026, 1, 15), D(2026, 4, 30), ReportFrequency.Monthly).Select(p => p.Subject));
        Assert.Equal(["2025-Q4", "2026-Q1"], ReportPeriod.Ended(D(2025, 11, 20), D(2026, 6, 29), ReportFrequency.Quarterly).Select(p => p.Subject));
        Assert.Empty(ReportPeriod.Ended(D(2026, 1, 15), D(2026, 1, 30), ReportFrequency.Monthly));
        var february = ReportPeriod.Of(D(2028, 2, 10), ReportFrequency.Monthly);
        Assert.Equal((D(2028, 2, 1), D(2028, 2, 29)), (february.Start, february.End));
    }
}
