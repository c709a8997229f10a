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

    /// <summary>Mails someone without an account (no inbox) at <paramref name="address"/>, in <paramref name="culture"/>.</summary>
    public void EnqueueMail(string address, string culture, NotificationKind kind, string link, IReadOnlyDictionary<string, string> values) =>
        db.AddressedNotifications.Add(AddressedNotification.For(address, culture, kind, link, values, clock.GetUtcNow()));
}
