using System.Collections.Frozen;
using FinPilot.Domain.Common;

namespace FinPilot.Domain.Calendar;

/// <summary>
/// Chinese working days (工作日): Monday to Friday, except listed public holidays, plus listed
/// adjusted working days (调休), which are Saturdays or Sundays worked in exchange for a longer
/// holiday. Every deadline counted in working days is counted here.
/// </summary>
/// <remarks>
/// Counting rule, the one Chinese administrative deadlines use (期间开始的当日不计算在内): the day
/// on which something happens is not counted; the first working day after it is day 1. So
/// <c>AddWorkingDays(start, n)</c> is the n-th working day strictly after <c>start</c>, and
/// <c>WorkingDaysBetween(a, b)</c> counts working days in (a, b] — the two agree:
/// <c>WorkingDaysBetween(a, AddWorkingDays(a, n)) == n</c>.
/// Dates outside the years the calendar lists are counted as plain Monday–Friday weeks; ask
/// <see cref="Covers"/> to warn about that.
/// </remarks>
public sealed class WorkingDayCalendar
{
    private readonly FrozenDictionary<DateOnly, CalendarDay> _days;

    private WorkingDayCalendar(IEnumerable<CalendarDay> days)
    {
        _days = days.ToFrozenDictionary(d => d.Date);
        Days = [.. _days.Values.OrderBy(d => d.Date)];
        Years = [.. Days.Select(d => d.Date.Year).Distinct()];
    }

    /// <summary>No holidays at all: plain Monday–Friday weeks.</summary>
    public static WorkingDayCalendar Empty { get; } = new([]);

    /// <summary>The listed days, in date order.</summary>
    public IReadOnlyList<CalendarDay> Days { get; }

    /// <summary>The years that have at least one listed day, ascending.</summary>
    public IReadOnlyList<int> Years { get; }

    public static Result<WorkingDayCalendar> Create(IEnumerable<CalendarDay> days)
    {
        var errors = new List<Error>();
        var seen = new HashSet<DateOnly>();
        var list = days.ToList();
        foreach (var day in list)
        {
            if (!seen.Add(day.Date))
            {
                errors.Add(new Error(CalendarErrors.DuplicateDate, nameof(Days), day.Date));
            }

            errors.AddRange(day.Problems().Select(code => new Error(code, nameof(Days), day.Date)));
        }

        if (errors.Count > 0)
        {
            return Result<WorkingDayCalendar>.Fail([.. errors]);
        }

        return new WorkingDayCalendar(list.Select(d => d with { Name = d.Name?.Trim() ?? string.Empty }));
    }

    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>Whether the calendar lists any day of the date's year, i.e. knows its holidays.</summary>
    public bool Covers(DateOnly date) => Years.Contains(date.Year);

    /// <summary>The listed day for a date, or null for an ordinary one.</summary>
    public CalendarDay? Find(DateOnly date) => _days.GetValueOrDefault(date);

    public bool IsWorkingDay(DateOnly date) => Find(date)?.Kind switch
    {
        CalendarDayKind.Holiday => false,
        CalendarDayKind.AdjustedWorkingDay => true,
        _ => !IsWeekend(date),
    };

    /// <summary>
    /// The n-th working day strictly after <paramref name="start"/> (start itself never counts,
    /// whether or not it is a working day). n = 0 gives start back unchanged.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var date = start;
        while (n > 0)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                n--;
            }
        }

        return date;
    }

    /// <summary>
    /// How many working days lie after <paramref name="from"/> up to and including
    /// <paramref name="to"/>; negative when <paramref name="to"/> is earlier.
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from);
        }

        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            if (IsWorkingDay(date))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// A deadline of n working days from an instant: the end (23:59:59.9999999 in Asia/Shanghai)
    /// of the n-th working day after the Shanghai date on which <paramref name="from"/> falls.
    /// </summary>
    public DateTimeOffset DeadlineAfter(DateTimeOffset from, int workingDays) =>
        ChinaTime.EndOfDay(AddWorkingDays(ChinaTime.DateOf(from), workingDays));
}
