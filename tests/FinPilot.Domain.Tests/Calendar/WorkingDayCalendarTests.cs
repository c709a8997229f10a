using FinPilot.Domain.Calendar;

namespace FinPilot.Domain.Tests.Calendar;

/// <summary>Counting working days with the 2025 and 2026 schedules; expected dates worked out by hand.</summary>
public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar China = OfficialHolidaySchedules.Calendar;

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Theory]
    [InlineData(2025, 9, 28, true)] // Sunday, worked for the National Day holiday (调休)
    [InlineData(2025, 9, 27, false)] // ordinary Saturday
    [InlineData(2025, 9, 29, true)] // ordinary Monday
    [InlineData(2025, 10, 1, false)] // Wednesday, National Day
    [InlineData(2025, 10, 4, false)] // Saturday inside the holiday run
    [InlineData(2025, 10, 8, false)] // Wednesday, last day of the eight-day run
    [InlineData(2025, 10, 11, true)] // Saturday, worked (调休)
    [InlineData(2026, 2, 14, true)] // Saturday before the Spring Festival, worked
    [InlineData(2026, 2, 23, false)] // Monday, 正月初七, last day of the Spring Festival run
    public void Working_days_follow_the_official_schedule(int year, int month, int day, bool working)
    {
        Assert.Equal(working, China.IsWorkingDay(D(year, month, day)));
    }

    [Fact]
    public void Five_working_days_after_the_eve_of_national_day_2025_end_on_14_october()
    {
        // Start Tue 9/30 (not counted). Wed 10/1 – Wed 10/8 are holidays. Then:
        // Thu 10/9 = 1, Fri 10/10 = 2, Sat 10/11 (调休, worked) = 3, Sun 10/12 rests,
        // Mon 10/13 = 4, Tue 10/14 = 5.
        Assert.Equal(D(2025, 10, 14), China.AddWorkingDays(D(2025, 9, 30), 5));
    }

    [Fact]
    public void Without_the_schedule_the_same_count_would_end_a_week_earlier()
    {
        // Plain weeks: 10/1, 10/2, 10/3, 10/6, 10/7. Shows the holidays are actually consulted.
        Assert.Equal(D(2025, 10, 7), WorkingDayCalendar.Empty.AddWorkingDays(D(2025, 9, 30), 5));
    }

    [Fact]
    public void A_worked_sunday_can_be_the_next_working_day()
    {
        // Fri 9/26 → Sat 9/27 rests → Sun 9/28 is worked.
        Assert.Equal(D(2025, 9, 28), China.AddWorkingDays(D(2025, 9, 26), 1));
    }

    [Fact]
    public void Counting_from_a_holiday_starts_after_it()
    {
        // Start Fri 10/3 (a holiday, not counted either way); first working day is Thu 10/9.
        Assert.Equal(D(2025, 10, 9), China.AddWorkingDays(D(2025, 10, 3), 1));
    }

    [Fact]
    public void Three_working_days_after_the_friday_before_spring_festival_2026()
    {
        // Fri 2/13 → Sat 2/14 worked = 1; 2/15–2/23 holidays; Tue 2/24 = 2; Wed 2/25 = 3.
        Assert.Equal(D(2026, 2, 25), China.AddWorkingDays(D(2026, 2, 13), 3));
    }

    [Fact]
    public void Zero_working_days_is_the_start_itself_and_negative_is_a_programming_error()
    {
        Assert.Equal(D(2025, 10, 1), China.AddWorkingDays(D(2025, 10, 1), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => China.AddWorkingDays(D(2025, 10, 1), -1));
    }

    [Fact]
    public void Working_days_between_counts_after_the_first_date_up_to_the_second()
    {
        Assert.Equal(5, China.WorkingDaysBetween(D(2025, 9, 30), D(2025, 10, 14)));
        Assert.Equal(-5, China.WorkingDaysBetween(D(2025, 10, 14), D(2025, 9, 30)));
        Assert.Equal(0, China.WorkingDaysBetween(D(2025, 10, 1), D(2025, 10, 8)));
        Assert.Equal(0, China.WorkingDaysBetween(D(2025, 9, 30), D(2025, 9, 30)));
    }

    [Fact]
    public void Adding_and_counting_agree_across_both_years()
    {
        // The documented identity, over every start date and short spans through every holiday.
        for (var start = D(2024, 12, 20); start <= D(2026, 12, 31); start = start.AddDays(1))
        {
            foreach (var n in new[] { 1, 5, 10, 20 })
            {
                Assert.Equal(n, China.WorkingDaysBetween(start, China.AddWorkingDays(start, n)));
            }
        }
    }

    [Fact]
    public void The_deadline_ends_at_the_last_instant_of_the_due_day_in_beijing()
    {
        var deadline = China.DeadlineAfter(new DateTimeOffset(2025, 9, 30, 20, 0, 0, TimeSpan.FromHours(8)), 5);

        Assert.Equal(TimeSpan.FromHours(8), deadline.Offset);
        Assert.Equal(new DateTimeOffset(2025, 10, 15, 0, 0, 0, TimeSpan.FromHours(8)).AddTicks(-1), deadline);
    }

    [Fact]
    public void The_deadline_counts_from_the_beijing_date_of_the_instant()
    {
        // 16:30 UTC on 9/29 is already 00:30 on 9/30 in Beijing: from 9/29 it would end on 10/13.
        var deadline = China.DeadlineAfter(new DateTimeOffset(2025, 9, 29, 16, 30, 0, TimeSpan.Zero), 5);
        Assert.Equal(D(2025, 10, 14), DateOnly.FromDateTime(deadline.DateTime));
    }

    [Fact]
    public void The_calendar_knows_which_years_it_covers()
    {
        Assert.Equal([2025, 2026], China.Years);
        Assert.True(China.Covers(D(2026, 12, 31)));
        Assert.False(China.Covers(D(2027, 1, 4)));
    }

    [Fact]
    public void A_calendar_refuses_the_same_date_twice_and_a_workday_on_a_weekday()
    {
        var result = WorkingDayCalendar.Create(
        [
            new CalendarDay(D(2025, 10, 1), CalendarDayKind.Holiday, "国庆节"),
            new CalendarDay(D(2025, 10, 1), CalendarDayKind.Holiday, "国庆节"),
            new CalendarDay(D(2025, 9, 29), CalendarDayKind.AdjustedWorkingDay, "周一"),
        ]);

        Assert.Equal(
            [(CalendarErrors.DuplicateDate, D(2025, 10, 1)), (CalendarErrors.WorkdayOnWeekday, D(2025, 9, 29))],
            result.Errors.Select(e => (e.Code, (DateOnly)e.Arguments[0])));
    }
}
