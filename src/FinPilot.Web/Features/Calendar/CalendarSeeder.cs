using FinPilot.Domain.Calendar;
using FinPilot.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Calendar;

/// <summary>
/// Puts the official holiday schedules the platform ships with (<see cref="OfficialHolidaySchedules"/>)
/// into the database. The calendar is reference data, not demo data: every installation needs it
/// from its first deadline on.
/// </summary>
/// <remarks>
/// Year by year: a shipped year is added only if the database lists no day of that year. So it is
/// safe to run at every start, a release that ships next year's schedule adds it, and an admin's
/// own corrections to a year are never overwritten.
/// </remarks>
public sealed class CalendarSeeder(FinPilotDbContext db, WorkingCalendarProvider provider, ILogger<CalendarSeeder> logger)
{
    public async Task<IReadOnlyList<int>> SeedOfficialSchedulesAsync(CancellationToken cancellationToken = default)
    {
        var shipped = OfficialHolidaySchedules.Calendar;
        var first = new DateOnly(shipped.Years[0], 1, 1);
        var last = new DateOnly(shipped.Years[^1], 12, 31);
        var listedDates = await db.CalendarDays.AsNoTracking()
            .Where(d => d.Date >= first && d.Date <= last)
            .Select(d => d.Date)
            .ToListAsync(cancellationToken);
        var listedYears = listedDates.Select(d => d.Year).ToHashSet();
        var missing = shipped.Years.Where(y => !listedYears.Contains(y)).ToList();
        if (missing.Count == 0)
        {
            return [];
        }

        db.CalendarDays.AddRange(shipped.Days.Where(d => missing.Contains(d.Date.Year)).Select(CalendarDayRecord.From));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node seeded the same years at the same moment; its rows are the same rows.
            db.ChangeTracker.Clear();
            return [];
        }

        provider.Invalidate();
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Working-day calendar: added the official schedules of {Years}.", string.Join(", ", missing));
        }
        return missing;
    }
}
