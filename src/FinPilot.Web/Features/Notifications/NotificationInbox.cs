using FinPilot.Domain.Common;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Notifications;

public static class NotificationErrors
{
    /// <summary>No such notification for this user: another user's id gets the same answer as a wrong one.</summary>
    public static readonly ErrorCode NotFound = ErrorCode.NotFound("Notification.NotFound");
}

/// <summary>The signed-in user's notifications, for the inbox page, the layout's counter and the API.</summary>
public sealed class NotificationInbox(FinPilotDbContext db, CurrentUser current, TimeProvider clock)
{
    public async Task<Page<Notification>> ListAsync(bool unreadOnly, int? page, int? pageSize = null, CancellationToken cancellationToken = default)
    {
        var mine = Mine();
        if (unreadOnly)
        {
            mine = mine.Where(n => n.ReadAt == null);
        }

        var (number, size) = Page<Notification>.Normalise(page, pageSize);
        var total = await mine.CountAsync(cancellationToken);

        // Ids are version-7 GUIDs made from the creation time, so they break ties between equal times.
        var items = await mine.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new Page<Notification>(items, number, size, total);
    }

    public Task<int> UnreadCountAsync(CancellationToken cancellationToken = default) =>
        current.Id is null ? Task.FromResult(0) : Mine().CountAsync(n => n.ReadAt == null, cancellationToken);

    /// <summary>Marks one of the user's notifications read (again is harmless) and returns it.</summary>
    public async Task<Result<Notification>> MarkReadAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var userId = current.Id;
        var notification = userId is null
            ? null
            : await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.UserId == userId, cancellationToken);
        if (notification is null)
        {
            return new Error(NotificationErrors.NotFound);
        }

        if (notification.ReadAt is null)
        {
            notification.MarkRead(clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }

        return notification;
    }

    /// <summary>Marks every unread notification of the user read; returns how many there were.</summary>
    public async Task<int> MarkAllReadAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        return await Mine().Where(n => n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
    }

    /// <summary>
    /// Where opening a notification leads: its site-relative link, or the inbox when the stored
    /// link is not one (an absolute or protocol-relative address would make this an open redirect).
    /// </summary>
    public static string SafeLink(string link) =>
        link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal) && !link.StartsWith("/\\", StringComparison.Ordinal)
            ? link
            : "/inbox";

    private IQueryable<Notification> Mine()
    {
        var userId = current.Id ?? string.Empty;
        return db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
    }
}
