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
    public const string NotFound = "Calendar.NotFound";

    /// <summary>A file with no days at all, which would replace nothing. No arguments.</summary>
    public const string Empty = "Calendar.Empty";

    /// <summary>A line of a file sent for one year lists a day of another. Arguments: line, date, year.</summary>
    public const string OutsideYear = "Calendar.OutsideYear";

    /// <summary>An uploaded file that is not UTF-8 text. No arguments.</summary>
    public const string NotUtf8 = "Calendar.NotUtf8";

    /// <summary>A file larger than <see cref="CalendarAdministration.MaxFileBytes"/>. Arguments: limit in KB.</summary>
    public const string FileTooLarge = "Calendar.FileTooLarge";

    /// <summary>A year the calendar does not keep. Arguments: lowest, highest year.</summary>
    public const string YearOutOfRange = "Calendar.YearOutOfRange";

    /// <summary>A count of working days outside what the calculator accepts. Arguments: lowest, highest.</summary>
    public const string AddOutOfRange = "Calendar.AddOutOfRange";

    /// <summary>The date is listed already. Arguments: date.</summary>
    public const string DayExists = "CalendarDay.Exists";

    /// <summary>Arguments: date.</summary>
    public const string DayUnknownKind = "CalendarDay.UnknownKind";

    /// <summary>Arguments: date.</summary>
    public const string DayWorkdayOnWeekday = "CalendarDay.WorkdayOnWeekday";

    /// <summary>Arguments: date.</summary>
    public const string DayNameTooLong = "CalendarDay.NameTooLong";

    /// <summary>Arguments: date.</summary>
    public const string DayNameInvalid = "CalendarDay.NameInvalid";
}
