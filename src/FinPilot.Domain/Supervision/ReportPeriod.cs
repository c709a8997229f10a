using System.Globalization;

namespace FinPilot.Domain.Supervision;

/// <summary>
/// A report period (报告期): a calendar month or quarter, or that period cut to a pilot's approved
/// window. <see cref="Subject"/> names it the way obligations and periodic reports key it
/// ("2026-03", "2026-Q1"), so the report of a period and the obligation to file it always agree.
/// </summary>
public sealed record ReportPeriod(DateOnly Start, DateOnly End, string Subject)
{
    /// <summary>The whole calendar month or quarter that holds <paramref name="day"/>.</summary>
    public static ReportPeriod Of(DateOnly day, ReportFrequency frequency)
    {
        var months = frequency == ReportFrequency.Quarterly ? 3 : 1;
        var firstMonth = ((day.Month - 1) / months * months) + 1;
        var start = new DateOnly(day.Year, firstMonth, 1);
        var subject = frequency == ReportFrequency.Quarterly
            ? string.Create(CultureInfo.InvariantCulture, $"{day.Year:D4}-Q{((firstMonth - 1) / 3) + 1}")
            : string.Create(CultureInfo.InvariantCulture, $"{day.Year:D4}-{firstMonth:D2}");
        return new ReportPeriod(start, start.AddMonths(months).AddDays(-1), subject);
    }

    /// <summary>The period that holds <paramref name="day"/>, cut to the pilot's window.</summary>
    public static ReportPeriod Containing(DateOnly day, ReportFrequency frequency, TestParameters window)
    {
        ArgumentNullException.ThrowIfNull(window);
        var whole = Of(day, frequency);
        return whole with { Start = Max(whole.Start, window.StartsOn), End = Min(whole.End, window.EndsOn) };
    }

    /// <summary>Every period of the window at the frequency, cut to it, oldest first.</summary>
    public static IReadOnlyList<ReportPeriod> Of(TestParameters window, ReportFrequency frequency)
    {
        ArgumentNullException.ThrowIfNull(window);
        var periods = new List<ReportPeriod>();
        for (var day = window.StartsOn; day <= window.EndsOn;)
        {
            var period = Containing(day, frequency, window);
            periods.Add(period);
            day = period.End.AddDays(1);
        }

        return periods;
    }

    /// <summary>The periods of the window that have ended before <paramref name="today"/>: the ones a report is due for.</summary>
    public static IReadOnlyList<ReportPeriod> Ended(TestParameters window, ReportFrequency frequency, DateOnly today) =>
        Of(window, frequency).Where(p => p.End < today).ToList();

    /// <summary>
    /// The whole periods from the one containing <paramref name="from"/> to the one containing
    /// <paramref name="through"/>, the latter included though it has not ended yet (its report is
    /// owed after it ends, and can be shown as coming).
    /// </summary>
    public static IEnumerable<ReportPeriod> Upto(DateOnly from, DateOnly through, ReportFrequency frequency)
    {
        for (var period = Of(from, frequency); period.Start <= through; period = Of(period.End.AddDays(1), frequency))
        {
            yield return period;
        }
    }

    /// <summary>
    /// The whole periods from the one containing <paramref name="from"/> to the last one that has
    /// ended on or before <paramref name="through"/>: a report is owed only for a period that is over.
    /// </summary>
    public static IEnumerable<ReportPeriod> Ended(DateOnly from, DateOnly through, ReportFrequency frequency)
    {
        for (var period = Of(from, frequency); period.End <= through; period = Of(period.End.AddDays(1), frequency))
        {
            yield return period;
        }
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
