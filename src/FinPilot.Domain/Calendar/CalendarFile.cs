using System.Globalization;
using System.Text;
using FinPilot.Domain.Common;

namespace FinPilot.Domain.Calendar;

/// <summary>
/// The plain-text form in which the admin imports and exports the calendar, one listed day a line:
/// <code>
/// # comments and blank lines are ignored
/// 2025-10-01,holiday,国庆节
/// 2025-09-28,workday,国庆节调休
/// </code>
/// The date is yyyy-MM-dd; the kind is <c>holiday</c> or <c>workday</c> (an adjusted working day,
/// which must fall on a Saturday or Sunday); the name is optional and runs to the end of the line.
/// Every problem is reported with its line number as the first argument, so the admin can fix
/// the whole file in one go.
/// </summary>
public static class CalendarFile
{
    public const string HolidayKind = "holiday";
    public const string WorkdayKind = "workday";

    private const string Field = "File";

    public static Result<IReadOnlyList<CalendarDay>> Parse(string text)
    {
        var errors = new List<Error>();
        var days = new List<CalendarDay>();
        var firstLineOf = new Dictionary<DateOnly, int>();
        var lines = text.TrimStart('\uFEFF').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var number = i + 1;
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            // The name may itself contain commas, so only the first two separate fields.
            var parts = line.Split(',', 3);
            if (parts.Length < 2)
            {
                errors.Add(new Error(CalendarErrors.BadLine, Field, number));
                continue;
            }

            var dateText = parts[0].Trim();
            var kindText = parts[1].Trim();
            var name = parts.Length == 3 ? parts[2].Trim() : string.Empty;
            var dateOk = DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
            if (!dateOk)
            {
                errors.Add(new Error(CalendarErrors.BadDate, Field, number, dateText));
            }

            CalendarDayKind? kind = kindText.ToLowerInvariant() switch
            {
                HolidayKind => CalendarDayKind.Holiday,
                WorkdayKind => CalendarDayKind.AdjustedWorkingDay,
                _ => null,
            };
            if (kind is null)
            {
                errors.Add(new Error(CalendarErrors.UnknownKind, Field, number, kindText));
            }

            if (!dateOk || kind is null)
            {
                continue;
            }

            if (firstLineOf.TryGetValue(date, out var first))
            {
                errors.Add(new Error(CalendarErrors.DuplicateDate, Field, number, date, first));
                continue;
            }

            firstLineOf[date] = number;
            var day = new CalendarDay(date, kind.Value, name);
            var problems = day.Problems().ToList();
            errors.AddRange(problems.Select(code => new Error(code, Field, number, date)));
            if (problems.Count == 0)
            {
                days.Add(day);
            }
        }

        return errors.Count > 0 ? Result<IReadOnlyList<CalendarDay>>.Fail([.. errors]) : days;
    }

    /// <summary>Reads a file straight into a calendar.</summary>
    public static Result<WorkingDayCalendar> ParseCalendar(string text)
    {
        var days = Parse(text);
        return days.Succeeded ? WorkingDayCalendar.Create(days.Value) : Result<WorkingDayCalendar>.Fail([.. days.Errors]);
    }

    /// <summary>Writes days in date order, a blank line between years, in the form <see cref="Parse"/> reads.</summary>
    public static string Write(IEnumerable<CalendarDay> days)
    {
        var text = new StringBuilder();
        text.Append("# FinPilot working-day calendar: date,kind,name").Append('\n');
        text.Append("# kind: holiday (放假) or workday (调休上班, a Saturday or Sunday)").Append('\n');
        int? year = null;
        foreach (var day in days.OrderBy(d => d.Date))
        {
            if (year != day.Date.Year)
            {
                text.Append('\n');
                year = day.Date.Year;
            }

            var kind = day.Kind == CalendarDayKind.Holiday ? HolidayKind : WorkdayKind;
            text.Append(day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',').Append(kind);
            if (!string.IsNullOrWhiteSpace(day.Name))
            {
                text.Append(',').Append(day.Name.Trim());
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}
