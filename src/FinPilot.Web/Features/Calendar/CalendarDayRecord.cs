using FinPilot.Domain.Calendar;

namespace FinPilot.Web.Features.Calendar;

/// <summary>
/// One listed day of the working-day calendar as stored: a holiday or an adjusted working day.
/// The domain's <see cref="CalendarDay"/> is the value; this is its row.
/// </summary>
public sealed class CalendarDayRecord
{
    private CalendarDayRecord()
    {
    }

    public int Id { get; private set; }

    public DateOnly Date { get; private set; }

    public CalendarDayKind Kind { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public CalendarDay Day => new(Date, Kind, Name);

    /// <summary>Only for days that passed the domain's checks (a file or <see cref="WorkingDayCalendar.Create"/>).</summary>
    public static CalendarDayRecord From(CalendarDay day) => new() { Date = day.Date, Kind = day.Kind, Name = day.Name?.Trim() ?? string.Empty };

    public bool Matches(CalendarDay day) => Kind == day.Kind && Name == (day.Name?.Trim() ?? string.Empty);

    public void Change(CalendarDay day)
    {
        Kind = day.Kind;
        Name = day.Name?.Trim() ?? string.Empty;
    }
}
