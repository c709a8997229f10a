using FinPilot.Web.Data;

namespace FinPilot.Web.Features.Notifications;

/// <summary>
/// Adds notifications to the caller's unit of work; they are saved with the caller's change.
/// The e-mail job sends them afterwards, so a slow mail server never holds up a request.
/// </summary>
public sealed class Notifier(FinPilotDbContext db, TimeProvider clock)
{
    public void Enqueue(IEnumerable<string> userIds, NotificationKind kind, string link, IReadOnlyDictionary<string, string> values)
    {
        var now = clock.GetUtcNow();
        foreach (var userId in userIds.Distinct())
        {
            db.Notifications.Add(Notification.For(userId, kind, link, values, now));
        }
    }
}
