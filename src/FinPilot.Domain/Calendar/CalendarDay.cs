using FinPilot.Domain.Common;

namespace FinPilot.Domain.Calendar;

/// <summary>A date that is not an ordinary day: a public holiday, or a weekend day worked instead (调休).</summary>
public sealed record CalendarDay(DateOnly Date, CalendarDayKind Kind, string Name)
{
    public const int MaxNameLength = 50;

    /// <summary>What is wrong with this day on its own (duplicates are the calendar's concern), as error codes.</summary>
    internal IEnumerable<ErrorCode> Problems()
    {
        if (!Enum.IsDefined(Kind))
        {
            yield return CalendarErrors.UnknownKind;
        }

        // A holiday may fall on a weekend (the notices list whole runs, e.g. 10/1–10/8), but an
        // adjusted working day exists only to make a weekend day a working one.
        if (Kind == CalendarDayKind.AdjustedWorkingDay && !WorkingDayCalendar.IsWeekend(Date))
        {
            yield return CalendarErrors.WorkdayOnWeekday;
        }

        if (Name is not null && Name.Trim().Length > MaxNameLength)
        {
            yield return CalendarErrors.NameTooLong;
        }

        // One day is one line of the calendar file; a line break or separator-like control
        // character in a name would corrupt the file on export.
        if (Name is not null && Name.Any(char.IsControl))
        {
            yield return CalendarErrors.NameInvalid;
        }
    }
}

public enum CalendarDayKind
{
    /// <summary>放假: no work, even on a weekday.</summary>
    Holiday = 1,

    /// <summary>调休上班: a Saturday or Sunday worked in exchange for a longer holiday.</summary>
    AdjustedWorkingDay = 2,
}

public static class CalendarErrors
{
    /// <summary>A file line without both a date and a kind. Arguments: line.</summary>
    public static readonly ErrorCode BadLine = ErrorCode.Validation("Calendar.BadLine");

    /// <summary>Not a yyyy-MM-dd date. Arguments: line, text.</summary>
    public static readonly ErrorCode BadDate = ErrorCode.Validation("Calendar.BadDate");

    /// <summary>Neither "holiday" nor "workday". Arguments: line (in files), text or date.</summary>
    public static readonly ErrorCode UnknownKind = ErrorCode.Validation("Calendar.UnknownKind");

    /// <summary>The same date twice. Arguments: line and date (in files, plus the first line), or date.</summary>
    public static readonly ErrorCode DuplicateDate = ErrorCode.Validation("Calendar.DuplicateDate");

    /// <summary>An adjusted working day on a Monday–Friday, which is a working day anyway. Arguments: as above.</summary>
    public static readonly ErrorCode WorkdayOnWeekday = ErrorCode.Validation("Calendar.WorkdayOnWeekday");

    public static readonly ErrorCode NameTooLong = ErrorCode.Validation("Calendar.NameTooLong");

    public static readonly ErrorCode NameInvalid = ErrorCode.Validation("Calendar.NameInvalid");
}
