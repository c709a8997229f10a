using FinPilot.Domain.Common;

namespace FinPilot.Web.Features.Calendar;

/// <summary>
/// Errors of the calendar's administration. File errors keep the domain's codes
/// (<see cref="FinPilot.Domain.Calendar.CalendarErrors"/>, line number first); a single day entered
/// in the form gets these codes, whose messages have no line to name.
/// </summary>
public static class CalendarAdminErrors
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;
    public const int MaxWorkingDaysToAdd = 1000;

    /// <summary>The day to remove is not listed. Arguments: date.</summary>
    public static readonly ErrorCode NotFound = ErrorCode.NotFound("Calendar.NotFound");

    /// <summary>A file with no days at all, which would replace nothing. No arguments.</summary>
    public static readonly ErrorCode Empty = ErrorCode.Validation("Calendar.Empty");

    /// <summary>A line of a file sent for one year lists a day of another. Arguments: line, date, year.</summary>
    public static readonly ErrorCode OutsideYear = ErrorCode.Validation("Calendar.OutsideYear");

    /// <summary>An uploaded file that is not UTF-8 text. No arguments.</summary>
    public static readonly ErrorCode NotUtf8 = ErrorCode.Validation("Calendar.NotUtf8");

    /// <summary>A file larger than <see cref="CalendarAdministration.MaxFileBytes"/>. Arguments: limit in KB.</summary>
    public static readonly ErrorCode FileTooLarge = ErrorCode.Validation("Calendar.FileTooLarge");

    /// <summary>A year the calendar does not keep. Arguments: lowest, highest year.</summary>
    public static readonly ErrorCode YearOutOfRange = ErrorCode.Validation("Calendar.YearOutOfRange");

    /// <summary>A count of working days outside what the calculator accepts. Arguments: lowest, highest.</summary>
    public static readonly ErrorCode AddOutOfRange = ErrorCode.Validation("Calendar.AddOutOfRange");

    /// <summary>The date is listed already. Arguments: date.</summary>
    public static readonly ErrorCode DayExists = ErrorCode.Validation("CalendarDay.Exists");

    /// <summary>Arguments: date.</summary>
    public static readonly ErrorCode DayUnknownKind = ErrorCode.Validation("CalendarDay.UnknownKind");

    /// <summary>Arguments: date.</summary>
    public static readonly ErrorCode DayWorkdayOnWeekday = ErrorCode.Validation("CalendarDay.WorkdayOnWeekday");

    /// <summary>Arguments: date.</summary>
    public static readonly ErrorCode DayNameTooLong = ErrorCode.Validation("CalendarDay.NameTooLong");

    /// <summary>Arguments: date.</summary>
    public static readonly ErrorCode DayNameInvalid = ErrorCode.Validation("CalendarDay.NameInvalid");
}
