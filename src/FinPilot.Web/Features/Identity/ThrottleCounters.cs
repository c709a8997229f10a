using System.Security.Cryptography;
using System.Text;
using FinPilot.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Identity;

/// <summary>
/// One slot of a throttle's count: how many events <see cref="Key"/> had from
/// <see cref="WindowStart"/> for one slot (a fifteenth of the throttle's window). Kept in the
/// database so that every web node counts together; rows past <see cref="ExpiresAt"/> are purged.
/// </summary>
public sealed class ThrottleCounter
{
    public const int MaxKeyLength = 100;

    /// <summary>The throttle's name and a SHA-256 of what it counts (an address, a network), never the value itself.</summary>
    public string Key { get; set; } = string.Empty;

    /// <summary>The slot's start, in seconds since the Unix epoch (a number compares alike on every provider).</summary>
    public long WindowStart { get; set; }

    public int Count { get; set; }

    /// <summary>When the slot no longer counts for any window (seconds since the Unix epoch).</summary>
    public long ExpiresAt { get; set; }
}

/// <summary>
/// Counters shared by all web nodes (sign-in failures, password-reset mails, witness refusals), in
/// the database: each event adds one to its key's current slot with a single atomic upsert, and a
/// window's count is the sum of the slots that started within it. A slot is a fifteenth of the
/// window, so an event counts for between 14/15 of the window and the whole window. Expired slots
/// are purged on write, at most once a minute per node.
/// </summary>
public sealed class ThrottleCounters(FinPilotDbContext db, ThrottlePurge purge, TimeProvider clock)
{
    private const int SlotsPerWindow = 15;

    /// <summary>The stored key for <paramref name="value"/> counted by the throttle <paramref name="name"/>.</summary>
    public static string KeyOf(string name, string value) =>
        $"{name}:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)))}"[..Math.Min(ThrottleCounter.MaxKeyLength, name.Length + 65)];

    /// <summary>Counts one event for <paramref name="key"/>; returns the window's count with it.</summary>
    public async Task<int> AddAsync(string key, TimeSpan window, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var slot = Slot(window);
        var start = now.ToUnixTimeSeconds() / slot * slot;
        var expires = start + (long)Math.Ceiling(window.TotalSeconds);
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "ThrottleCounters" ("Key", "WindowStart", "Count", "ExpiresAt") VALUES ({key}, {start}, 1, {expires})
            ON CONFLICT ("Key", "WindowStart") DO UPDATE SET "Count" = "ThrottleCounters"."Count" + 1
            """,
            cancellationToken);
        if (purge.IsDue(now))
        {
            var nowSeconds = now.ToUnixTimeSeconds();
            await db.Set<ThrottleCounter>().Where(c => c.ExpiresAt <= nowSeconds).ExecuteDeleteAsync(cancellationToken);
        }

        return (await SlotsAsync(key, window, now, cancellationToken)).Sum(s => s.Count);
    }

    /// <summary>How many events <paramref name="key"/> had within the window.</summary>
    public async Task<int> CountAsync(string key, TimeSpan window, CancellationToken cancellationToken = default) =>
        (await SlotsAsync(key, window, clock.GetUtcNow(), cancellationToken)).Sum(s => s.Count);

    /// <summary>
    /// Null while <paramref name="key"/> has fewer than <paramref name="limit"/> events within the
    /// window; otherwise how long until enough of its oldest events have left the window.
    /// </summary>
    public async Task<TimeSpan?> RetryAfterAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var slots = await SlotsAsync(key, window, now, cancellationToken);
        var total = slots.Sum(s => s.Count);
        foreach (var (start, count) in slots)
        {
            if (total < limit)
            {
                break;
            }

            total -= count;
            if (total < limit)
            {
                return DateTimeOffset.FromUnixTimeSeconds(start) + window - now;
            }
        }

        return null;
    }

    /// <summary>
    /// Takes one of <paramref name="limit"/> events per window for <paramref name="key"/>: false,
    /// and nothing counted, when they are all taken. Two nodes racing for the last one may both be
    /// refused, never both let through.
    /// </summary>
    public async Task<bool> TryTakeAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken = default) =>
        await CountAsync(key, window, cancellationToken) < limit && await AddAsync(key, window, cancellationToken) <= limit;

    /// <summary>Forgets every event of <paramref name="key"/>.</summary>
    public Task ResetAsync(string key, CancellationToken cancellationToken = default) =>
        db.Set<ThrottleCounter>().Where(c => c.Key == key).ExecuteDeleteAsync(cancellationToken);

    private static long Slot(TimeSpan window) => Math.Max(1, (long)window.TotalSeconds / SlotsPerWindow);

    private async Task<List<(long Start, int Count)>> SlotsAsync(string key, TimeSpan window, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var from = (now - window).ToUnixTimeSeconds();
        var rows = await db.Set<ThrottleCounter>().AsNoTracking()
            .Where(c => c.Key == key && c.WindowStart > from)
            .OrderBy(c => c.WindowStart)
            .Select(c => new { c.WindowStart, c.Count })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.WindowStart, r.Count))];
    }
}

/// <summary>When this node last purged expired throttle slots: at most once a minute.</summary>
public sealed class ThrottlePurge
{
    private long _lastTicks;

    public bool IsDue(DateTimeOffset now)
    {
        var last = Interlocked.Read(ref _lastTicks);
        return now.UtcTicks - last >= TimeSpan.TicksPerMinute && Interlocked.CompareExchange(ref _lastTicks, now.UtcTicks, last) == last;
    }
}
