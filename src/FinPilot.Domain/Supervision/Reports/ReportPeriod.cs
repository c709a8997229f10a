namespace FinPilot.Domain.Supervision.Reports;

/// <summary>
/// One reporting period of a pilot: a calendar month or quarter cut to the pilot's approved window.
/// <see cref="Subject"/> names it the way obligations key it ("2026-03", "2026-Q1").
/// </summary>
public sealed record ReportPeriod(DateOnly Start, DateOnly End, string Subject)
{
    /// <summary>Every period of the window at the frequency, oldest first.</summary>
    public static IReadOnlyList<ReportPeriod> Of(TestParameters window, ReportFrequency frequency)
    {
        ArgumentNullException.ThrowIfNull(window);
        var periods = new List<ReportPeriod>();
        if (window.EndsOn < window.StartsOn)
        {
            return periods;
        }

        for (var day = window.StartsOn; day <= window.EndsOn;)
        {
            var period = Containing(day, frequency, window);
            periods.Add(period);
            day = period.End.AddDays(1);
        }

        return periods;
    }

    /// <summary>The period that holds <paramref name="day"/>, cut to the window.</summary>
    public static ReportPeriod Containing(DateOnly day, ReportFrequency frequency, TestParameters window)
    {
        ArgumentNullException.ThrowIfNull(window);
        var months = frequency == ReportFrequency.Quarterly ? 3 : 1;
        var firstMonth = ((day.Month - 1) / months * months) + 1;
        var start = new DateOnly(day.Year, firstMonth, 1);
        var end = start.AddMonths(months).AddDays(-1);
        var subject = frequency == ReportFrequency.Quarterly ? $"{day.Year:D4}-Q{((firstMonth - 1) / 3) + 1}" : $"{day.Year:D4}-{firstMonth:D2}";
        return new ReportPeriod(Max(start, window.StartsOn), Min(end, window.EndsOn), subject);
    }

    /// <summary>The periods that have ended on or before <paramref name="today"/>: the ones a report is due for.</summary>
    public static IReadOnlyList<ReportPeriod> Ended(TestParameters window, ReportFrequency frequency, DateOnly today) =>
        Of(window, frequency).Where(p => p.End < today).ToList();

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
