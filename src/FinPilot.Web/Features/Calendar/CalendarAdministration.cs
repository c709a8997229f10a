using System.Globalization;
using System.Text;
using FinPilot.Domain.Calendar;
using FinPilot.Domain.Common;
using FinPilot.Domain.Identity;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Calendar;

/// <summary>What an import changed, per listed day.</summary>
public sealed record CalendarImportSummary(IReadOnlyList<int> Years, int Added, int Changed, int Removed, int Total);

/// <summary>
/// The platform admin's upkeep of the working-day calendar, the same for the page and the API.
/// Every change is audited and takes effect for deadline counting at once on this node.
/// </summary>
/// <remarks>
/// Import semantics, "replace the years in the file": each year that has at least one day in the
/// file ends up with exactly the file's days (days of that year missing from the file are
/// removed); years the file does not mention are left as they are. A file with any error changes
/// nothing. Through the API a file is sent for one year, which it then replaces even if empty.
/// </remarks>
public sealed class CalendarAdministration(FinPilotDbContext db, CommandPipeline commands, WorkingCalendarProvider provider)
{
    public const int MaxFileBytes = 256 * 1024;

    private const string FileField = "File";

    public async Task<IReadOnlyList<CalendarDay>> DaysOfYearAsync(int year, CancellationToken cancellationToken = default)
    {
        var (first, last) = YearRange(year);
        var records = await db.CalendarDays.AsNoTracking()
            .Where(d => d.Date >= first && d.Date <= last)
            .OrderBy(d => d.Date)
            .ToListAsync(cancellationToken);
        return records.Select(r => r.Day).ToList();
    }

    /// <summary>Years with listed days and how many, ascending.</summary>
    public async Task<IReadOnlyList<(int Year, int Days)>> YearsAsync(CancellationToken cancellationToken = default)
    {
        var dates = await db.CalendarDays.AsNoTracking().Select(d => d.Date).ToListAsync(cancellationToken);
        return dates.GroupBy(d => d.Year).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList();
    }

    public async Task<string> ExportAsync(int? year, CancellationToken cancellationToken = default)
    {
        var calendar = await provider.GetAsync(cancellationToken);
        return CalendarFile.Write(calendar.Days.Where(d => year is null || d.Date.Year == year));
    }

    public async Task<Result<CalendarDay>> AddAsync(CalendarDay day, CancellationToken cancellationToken = default)
    {
        if (!await commands.AllowsAsync(null, PlatformOperations.ManageCalendar))
        {
            return Problems.Forbidden;
        }

        var valid = WorkingDayCalendar.Create([day]);
        if (!valid.Succeeded)
        {
            return Result<CalendarDay>.Fail([.. valid.Errors.Select(e => FormError(e, day.Date))]);
        }

        day = valid.Value.Days[0];
        if (await db.CalendarDays.AnyAsync(d => d.Date == day.Date, cancellationToken))
        {
            return new Error(CalendarAdminErrors.DayExists, nameof(CalendarDay.Date), day.Date);
        }

        db.CalendarDays.Add(CalendarDayRecord.From(day));
        commands.Audit(AuditLines.CalendarDay(AuditActions.CalendarDayAdded, day.Date, Describe(day)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone added the same date a moment ago: the unique index caught it.
            db.ChangeTracker.Clear();
            return new Error(CalendarAdminErrors.DayExists, nameof(CalendarDay.Date), day.Date);
        }

        provider.Invalidate();
        return day;
    }

    public async Task<Result<CalendarDay>> RemoveAsync(DateOnly date, CancellationToken cancellationToken = default)
    {
        if (!await commands.AllowsAsync(null, PlatformOperations.ManageCalendar))
        {
            return Problems.Forbidden;
        }

        var record = await db.CalendarDays.SingleOrDefaultAsync(d => d.Date == date, cancellationToken);
        if (record is null)
        {
            return new Error(CalendarAdminErrors.NotFound, null, date);
        }

        db.CalendarDays.Remove(record);
        await commands.SaveAsync(cancellationToken, AuditLines.CalendarDay(AuditActions.CalendarDayRemoved, date, Describe(record.Day)));
        provider.Invalidate();
        return record.Day;
    }

    /// <summary>Reads an uploaded file: UTF-8 (with or without a byte order mark) and not too large.</summary>
    public static async Task<Result<string>> ReadFileAsync(Stream stream, long length, CancellationToken cancellationToken = default)
    {
        if (length > MaxFileBytes)
        {
            return new Error(CalendarAdminErrors.FileTooLarge, FileField, MaxFileBytes / 1024);
        }

        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxFileBytes)
        {
            return new Error(CalendarAdminErrors.FileTooLarge, FileField, MaxFileBytes / 1024);
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            // Most likely saved as GBK by an old editor; guessing the encoding could import wrong names.
            return new Error(CalendarAdminErrors.NotUtf8, FileField);
        }
    }

    /// <summary>
    /// Replaces the years the file lists (or, with <paramref name="year"/>, exactly that year) by the
    /// file's days, all or nothing; every error carries its line number.
    /// </summary>
    public async Task<Result<CalendarImportSummary>> ImportAsync(string text, int? year = null, CancellationToken cancellationToken = default)
    {
        if (!await commands.AllowsAsync(null, PlatformOperations.ManageCalendar))
        {
            return Problems.Forbidden;
        }

        if (Encoding.UTF8.GetByteCount(text) > MaxFileBytes)
        {
            return new Error(CalendarAdminErrors.FileTooLarge, FileField, MaxFileBytes / 1024);
        }

        var parsed = CalendarFile.Parse(text);
        var errors = parsed.Errors.Concat(year is { } only ? OutsideYear(text, only) : []).OrderBy(LineOf).ToList();
        if (errors.Count > 0)
        {
            return Result<CalendarImportSummary>.Fail([.. errors]);
        }

        var days = parsed.Value!;
        if (year is null && days.Count == 0)
        {
            return new Error(CalendarAdminErrors.Empty, FileField);
        }

        var years = year is { } y ? [y] : days.Select(d => d.Date.Year).Distinct().Order().ToList();
        var (first, _) = YearRange(years[0]);
        var (_, last) = YearRange(years[^1]);
        var existing = (await db.CalendarDays
                .Where(d => d.Date >= first && d.Date <= last)
                .ToListAsync(cancellationToken))
            .Where(r => years.Contains(r.Date.Year))
            .ToDictionary(r => r.Date);
        int added = 0, changed = 0, removed = 0;
        var incoming = days.ToDictionary(d => d.Date);
        foreach (var record in existing.Values.Where(r => !incoming.ContainsKey(r.Date)))
        {
            db.CalendarDays.Remove(record);
            removed++;
        }

        foreach (var day in days)
        {
            if (!existing.TryGetValue(day.Date, out var record))
            {
                db.CalendarDays.Add(CalendarDayRecord.From(day));
                added++;
            }
            else if (!record.Matches(day))
            {
                record.Change(day);
                changed++;
            }
        }

        var summary = new CalendarImportSummary(years, added, changed, removed, days.Count);
        await commands.SaveAsync(cancellationToken, AuditLines.Calendar(AuditActions.CalendarImported, years, summary));
        provider.Invalidate();
        return summary;
    }

    /// <summary>Lines whose date is a valid date of another year than the one the file is sent for.</summary>
    private static IEnumerable<Error> OutsideYear(string text, int year)
    {
        var lines = text.TrimStart('\uFEFF').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var dateText = line.Split(',', 2)[0].Trim();
            if (DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year != year)
            {
                yield return new Error(CalendarAdminErrors.OutsideYear, FileField, i + 1, date, year);
            }
        }
    }

    /// <summary>File errors carry their line number first; they are shown in line order.</summary>
    private static int LineOf(Error error) => error.Arguments is [int line, ..] ? line : 0;

    private static Error FormError(Error error, DateOnly date) => error.Code switch
    {
        var code when code == CalendarErrors.UnknownKind => new Error(CalendarAdminErrors.DayUnknownKind, nameof(CalendarDay.Kind), date),
        var code when code == CalendarErrors.WorkdayOnWeekday => new Error(CalendarAdminErrors.DayWorkdayOnWeekday, nameof(CalendarDay.Kind), date),
        var code when code == CalendarErrors.NameTooLong => new Error(CalendarAdminErrors.DayNameTooLong, nameof(CalendarDay.Name), CalendarDay.MaxNameLength),
        var code when code == CalendarErrors.NameInvalid => new Error(CalendarAdminErrors.DayNameInvalid, nameof(CalendarDay.Name), date),
        _ => error,
    };

    private static (DateOnly First, DateOnly Last) YearRange(int year) => (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static object Describe(CalendarDay day) => new { Date = Iso(day.Date), Kind = day.Kind.ToString(), day.Name };
}
