using FinPilot.Web.Data;
using FinPilot.Web.Features.Jobs;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Notifications.Mail;

/// <summary>
/// Mails notifications that have not been mailed yet, oldest first, a bounded batch per run. A
/// failed message is retried on later runs until <see cref="MaxAttempts"/>, each time after a longer
/// wait (<see cref="RetryDelay"/>), so a mail server that is down for a while is not hammered every
/// run and a short outage does not use up every attempt; the last error stays on the notification
/// for the admin to see. The inbox entry exists whatever happens to the mail.
/// </summary>
public sealed class NotificationEmailJob(
    IServiceScopeFactory scopes, TimeProvider clock, MailOptions options, IMailTransport transport, ILogger<NotificationEmailJob> logger)
    : LeasedJob(scopes, clock, logger)
{
    public const int MaxAttempts = 5;
    public const int BatchSize = 50;

    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(1);

    private static readonly Backoff Retries = new(FirstRetryDelay, MaxRetryDelay);

    // The lease keeps other nodes out; this keeps the timer's run and a test's run in one process apart.
    private readonly SemaphoreSlim _running = new(1, 1);

    protected override string Name => "notification-email";

    protected override TimeSpan Interval => TimeSpan.FromSeconds(30);

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (!options.Enabled)
        {
            return;
        }

        await _running.WaitAsync(cancellationToken);
        try
        {
            await SendBatchAsync(services.GetRequiredService<FinPilotDbContext>(), services.GetRequiredService<TimeProvider>(), cancellationToken);
            await SendAddressedBatchAsync(services.GetRequiredService<FinPilotDbContext>(), services.GetRequiredService<TimeProvider>(), cancellationToken);
        }
        finally
        {
            _running.Release();
        }
    }

    private async Task SendBatchAsync(FinPilotDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var batch = await db.Notifications
            .Where(n => n.EmailSentAt == null && n.EmailAttempts < MaxAttempts && (n.EmailNextAttemptAt == null || n.EmailNextAttemptAt <= now))
            .OrderBy(n => n.CreatedAt).ThenBy(n => n.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            return;
        }

        var userIds = batch.Select(n => n.UserId).Distinct().ToList();
        var recipients = await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.PreferredCulture, u.Disabled })
            .ToDictionaryAsync(u => u.Id, cancellationToken);

        foreach (var notification in batch)
        {
            var recipient = recipients.GetValueOrDefault(notification.UserId);
            if (recipient is null || string.IsNullOrWhiteSpace(recipient.Email) || recipient.Disabled)
            {
                notification.EmailFailed(
                    recipient is null || recipient.Disabled ? "The recipient's account is disabled or gone." : "The recipient has no e-mail address.",
                    RetryAt(notification, clock.GetUtcNow()));
            }
            else
            {
                var culture = NotificationTexts.CultureFor(recipient.PreferredCulture);
                var message = NotificationMail.Compose(notification, recipient.Email, recipient.DisplayName, culture, options, clock.GetUtcNow());
                try
                {
                    await transport.SendAsync(message, cancellationToken);
                    notification.EmailSent(clock.GetUtcNow());
                }
                catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
                {
                    logger.LogWarning(exception, "Notification {Id} could not be mailed (attempt {Attempt}).", notification.Id, notification.EmailAttempts + 1);
                    notification.EmailFailed($"{exception.GetType().Name}: {exception.Message}", RetryAt(notification, clock.GetUtcNow()));
                }
            }

            // Saved message by message, so a crash halfway never sends the first half again.
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Mails to people without an account (objectors who left an address), with the same retries.</summary>
    private async Task SendAddressedBatchAsync(FinPilotDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var batch = await db.AddressedNotifications
            .Where(n => n.EmailSentAt == null && n.EmailAttempts < MaxAttempts && (n.EmailNextAttemptAt == null || n.EmailNextAttemptAt <= now))
            .OrderBy(n => n.CreatedAt).ThenBy(n => n.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        foreach (var notification in batch)
        {
            try
            {
                await transport.SendAsync(NotificationMail.Compose(notification, options, clock.GetUtcNow()), cancellationToken);
                notification.EmailSent(clock.GetUtcNow());
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Addressed notification {Id} could not be mailed (attempt {Attempt}).", notification.Id, notification.EmailAttempts + 1);
                var failures = notification.EmailAttempts + 1;
                notification.EmailFailed($"{exception.GetType().Name}: {exception.Message}", failures >= MaxAttempts ? null : clock.GetUtcNow() + RetryDelay(failures));
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>The wait after the <paramref name="failures"/>-th failed attempt: a minute, doubling, at most an hour.</summary>
    public static TimeSpan RetryDelay(int failures) => Retries.After(failures);

    /// <summary>When a notification failing now may be tried again, or null when this failure is its last attempt.</summary>
    private static DateTimeOffset? RetryAt(Notification notification, DateTimeOffset now)
    {
        var failures = notification.EmailAttempts + 1;
        return failures >= MaxAttempts ? null : now + RetryDelay(failures);
    }

    public override void Dispose()
    {
        _running.Dispose();
        base.Dispose();
    }
}
