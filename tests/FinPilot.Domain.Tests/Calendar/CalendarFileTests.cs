using FinPilot.Domain.Calendar;

namespace FinPilot.Domain.Tests.Calendar;

/// <summary>The admin's import file: what it accepts, how it reports mistakes, and that export reads back.</summary>
public sealed class CalendarFileTests
{
    [Fact]
    public void Comments_blank_lines_windows_line_ends_and_a_byte_order_mark_are_accepted()
    {
        var text = "\uFEFF# 2025 国庆\r\n\r\n2025-10-01,holiday,国庆节\r\n  2025-09-28 , WORKDAY , 国庆节调休  \r\n2025-10-04,holiday\r\n";

        var days = CalendarFile.Parse(text);

        Assert.True(days.Succeeded, string.Join(", ", days.Errors));
        Assert.Equal(
            [
                new CalendarDay(new DateOnly(2025, 10, 1), CalendarDayKind.Holiday, "国庆节"),
                new CalendarDay(new DateOnly(2025, 9, 28), CalendarDayKind.AdjustedWorkingDay, "国庆节调休"),
                new CalendarDay(new DateOnly(2025, 10, 4), CalendarDayKind.Holiday, string.Empty),
            ],
            days.Value!);
    }

    [Fact]
    public void A_name_may_contain_commas()
    {
        var days = CalendarFile.Parse("2025-10-01,holiday,国庆节, 中秋节");
        Assert.Equal("国庆节, 中秋节", Assert.Single(days.Value!).Name);
    }

    [Fact]
    public void A_holiday_on_a_weekend_is_allowed()
    {
        // The notices list whole runs, weekend days included (Sat 2025-10-04).
        Assert.True(CalendarFile.Parse("2025-10-04,holiday,国庆节").Succeeded);
    }

    [Theory]
    [InlineData("2025-10-01", "Calendar.BadLine")]
    [InlineData("2025/10/01,holiday,国庆节", "Calendar.BadDate")]
    [InlineData("2025-02-30,holiday,国庆节", "Calendar.BadDate")]
    [InlineData("2025-10-01,day-off,国庆节", "Calendar.UnknownKind")]
    [InlineData("2025-09-29,workday,周一", "Calendar.WorkdayOnWeekday")]
    public void A_bad_line_is_reported_with_its_line_number(string badLine, string code)
    {
        var text = $"# header\n2025-10-02,holiday,国庆节\n{badLine}\n2025-10-03,holiday,国庆节\n";

        var error = Assert.Single(CalendarFile.Parse(text).Errors);

        Assert.Equal(code, error.Code);
        Assert.Equal(3, error.Arguments[0]);
    }

    [Fact]
    public void A_repeated_date_names_both_lines()
    {
        var error = Assert.Single(CalendarFile.Parse("2025-10-01,holiday,国庆节\n\n2025-10-01,holiday,国庆节").Errors);

        Assert.Equal(CalendarErrors.DuplicateDate, error.Code);
        Assert.Equal([3, new DateOnly(2025, 10, 1), 1], error.Arguments);
    }

    [Fact]
    public void Every_mistake_in_a_file_is_reported_at_once()
    {
        // The admin fixes a whole file in one pass rather than one error per upload.
        var errors = CalendarFile.Parse("x\n2025-13-01,holiday\n2025-10-01,maybe\n2025-10-01,holiday\n").Errors;
        Assert.Equal([1, 2, 3], errors.Select(e => (int)e.Arguments[0]));
    }

    [Fact]
    public void A_name_over_the_limit_is_refused()
    {
        var error = Assert.Single(CalendarFile.Parse($"2025-10-01,holiday,{new string('节', CalendarDay.MaxNameLength + 1)}").Errors);
        Assert.Equal(CalendarErrors.NameTooLong, error.Code);
    }

    [Fact]
    public void Writing_puts_days_in_date_order_in_the_form_that_is_read()
    {
        var text = CalendarFile.Write(
        [
            new CalendarDay(new DateOnly(2026, 1, 1), CalendarDayKind.Holiday, "元旦"),
            new CalendarDay(new DateOnly(2025, 9, 28), CalendarDayKind.AdjustedWorkingDay, "国庆节调休"),
            new CalendarDay(new DateOnly(2025, 10, 1), CalendarDayKind.Holiday, ""),
        ]);

        var lines = text.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#'));
        Assert.Equal(["2025-09-28,workday,国庆节调休", "2025-10-01,holiday", "2026-01-01,holiday,元旦"], lines);
    }

    [Fact]
    public void The_official_schedules_survive_a_round_trip()
    {
        var days = OfficialHolidaySchedules.Calendar.Days;

        var reread = CalendarFile.Parse(CalendarFile.Write(days));

        Assert.Equal(days, reread.Value!);
    }

    [Fact]
    public void A_file_reads_straight_into_a_calendar()
    {
        var calendar = CalendarFile.ParseCalendar("2025-09-28,workday,国庆节调休").Value!;
        Assert.True(calendar.IsWorkingDay(new DateOnly(2025, 9, 28)));
    }
}
