using FinPilot.Domain.Calendar;
using FinPilot.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Calendar;

/// <summary>
/// The working-day calendar every deadline is counted with, built from the stored days and kept
/// in memory. A change on this node invalidates it at once; other nodes pick the change up when
/// their copy expires (<see cref="MaxAge"/>), since web nodes share nothing but the database.
/// </summary>
public sealed class WorkingCalendarProvider(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Cached? _cached;

    public async Task<WorkingDayCalendar> GetAsync(CancellationToken cancellationToken = default)
    {
        var cached = _cached;
        if (cached is not null && clock.GetUtcNow() - cached.LoadedAt < MaxAge)
        {
            return cached.Calendar;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            cached = _cached;
            if (cached is not null && clock.GetUtcNow() - cached.LoadedAt < MaxAge)
            {
                return cached.Calendar;
            }

            var calendar = await LoadAsync(cancellationToken);
            _cached = new Cached(calendar, clock.GetUtcNow());
            return calendar;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Forgets the copy in memory; the next <see cref="GetAsync"/> reads the database.</summary>
    public void Invalidate() => _cached = null;

    private async Task<WorkingDayCalendar> LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinPilotDbContext>();
        var records = await db.CalendarDays.AsNoTracking().ToListAsync(cancellationToken);
        var calendar = WorkingDayCalendar.Create(records.Select(r => r.Day));

        // Every write path validates first, so this only fails if someone edited the table by hand;
        // counting deadlines with a calendar known to be wrong would be worse than stopping.
        return calendar.Succeeded
            ? calendar.Value
            : throw new InvalidOperationException("The stored working-day calendar is invalid: " + string.Join("; ", calendar.Errors));
    }

    private sealed record Cached(WorkingDayCalendar Calendar, DateTimeOffset LoadedAt);
}
