using FinPilot.Domain.Calendar;

namespace FinPilot.Domain.Tests.Calendar;

/// <summary>
/// The shipped schedules against the State Council notices for 2025 (国办发明电〔2024〕12号) and
/// 2026: every holiday run with its length ("共N天") and every worked weekend day, re-typed here
/// from the notices so a slip in the shipped data shows.
/// </summary>
public sealed class OfficialHolidaySchedulesTests
{
    private static readonly WorkingDayCalendar China = OfficialHolidaySchedules.Calendar;

    [Theory]
    [InlineData("2025-01-01", 1)] // 元旦
    [InlineData("2025-01-28", 8)] // 春节 1/28–2/4
    [InlineData("2025-04-04", 3)] // 清明节
    [InlineData("2025-05-01", 5)] // 劳动节 5/1–5/5
    [InlineData("2025-05-31", 3)] // 端午节 5/31–6/2
    [InlineData("2025-10-01", 8)] // 国庆节、中秋节 10/1–10/8
    [InlineData("2026-01-01", 3)] // 元旦 1/1–1/3
    [InlineData("2026-02-15", 9)] // 春节 2/15–2/23
    [InlineData("2026-04-04", 3)] // 清明节
    [InlineData("2026-05-01", 5)] // 劳动节 5/1–5/5
    [InlineData("2026-06-19", 3)] // 端午节
    [InlineData("2026-09-25", 3)] // 中秋节
    [InlineData("2026-10-01", 7)] // 国庆节 10/1–10/7
    public void Each_holiday_run_starts_where_the_notice_says_and_lasts_as_long(string first, int days)
    {
        var start = DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture);
        var run = Enumerable.Range(0, days).Select(start.AddDays);

        Assert.All(run, d => Assert.Equal(CalendarDayKind.Holiday, China.Find(d)?.Kind));
        // The run ends there: the day before and the day after are not holidays.
        Assert.NotEqual(CalendarDayKind.Holiday, China.Find(start.AddDays(-1))?.Kind);
        Assert.NotEqual(CalendarDayKind.Holiday, China.Find(start.AddDays(days))?.Kind);
    }

    [Fact]
    public void The_holiday_days_add_up_to_the_notices()
    {
        // 2025: 1+8+3+5+3+8 = 28; 2026: 3+9+3+5+3+3+7 = 33. No stray holidays elsewhere.
        Assert.Equal(28, China.Days.Count(d => d.Date.Year == 2025 && d.Kind == CalendarDayKind.Holiday));
        Assert.Equal(33, China.Days.Count(d => d.Date.Year == 2026 && d.Kind == CalendarDayKind.Holiday));
    }

    [Fact]
    public void The_worked_weekend_days_are_exactly_those_of_the_notices()
    {
        string[] expected =
        [
            "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
            "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10",
        ];

        var actual = China.Days.Where(d => d.Kind == CalendarDayKind.AdjustedWorkingDay).Select(d => d.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Every_day_carries_its_festival_name()
    {
        Assert.All(China.Days, d => Assert.False(string.IsNullOrWhiteSpace(d.Name)));
        Assert.Equal("国庆节、中秋节", China.Find(new DateOnly(2025, 10, 6))!.Name);
    }

    [Fact]
    public void The_shipped_text_parses_without_errors()
    {
        // The static calendar swallows nothing silently: this is where a typo in the text shows.
        var result = CalendarFile.Parse(OfficialHolidaySchedules.FileText);
        Assert.Empty(result.Errors);
        Assert.Equal(28 + 5 + 33 + 6, result.Value!.Count);
    }
}
