using FinPilot.Web.Data;
using FinPilot.Web.Features.Notifications;
using FinPilot.Web.Features.Notifications.Mail;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;

namespace FinPilot.Web.Tests.Notifications;

/// <summary>
/// The e-mail job inside the running platform: the registered job and its pickup directory, and
/// a job with the real SMTP transport against <see cref="SmtpSink"/>. Nothing here moves the
/// clock, so the job's own timer never runs between a test's steps.
/// </summary>
public sealed class NotificationEmailTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task The_registered_job_mails_to_the_pickup_directory_in_each_recipients_language(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (chinese, _) = await app.NewPersonAsync("zh");
        var (english, englishEmail) = await app.NewPersonAsync("en");
        using (var session = await app.SignedInAsync(englishEmail))
        {
            // Choosing English on the site is what makes mail English.
            using var _ = await session.GetAsync("/culture?c=en&returnUrl=/");
        }

        var toChinese = await app.NotifyAsync(chinese, NotificationKind.ReturnedForSupplement, "数字人民币钱包");
        var toEnglish = await app.NotifyAsync(english, NotificationKind.ReturnedForSupplement, "数字人民币钱包");

        Assert.True(await app.Services.GetRequiredService<NotificationEmailJob>().TryRunAsync(TestContext.Current.CancellationToken));

        var mail = Directory.GetFiles(app.MailDirectory, "*.eml").Select(f => MimeMessage.Load(f))
            .ToDictionary(m => m.Headers["X-FinPilot-Notification"] ?? string.Empty);
        Assert.Equal("申报需补正：数字人民币钱包", mail[toChinese.ToString()].Subject);
        Assert.Equal("Supplement required: 数字人民币钱包", mail[toEnglish.ToString()].Subject);
        Assert.Contains($"http://localhost:5080/inbox/{toChinese}", mail[toChinese.ToString()].TextBody, StringComparison.Ordinal);
        Assert.NotNull((await app.StoredAsync(toChinese)).EmailSentAt);
        Assert.Equal(1, (await app.StoredAsync(toEnglish)).EmailAttempts);
    }

    [Theory, AllProviders]
    public async Task Mail_goes_through_smtp_with_its_chinese_subject(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        await app.QuietRegisteredJobAsync();
        await using var sink = new SmtpSink();
        var (person, email) = await app.NewPersonAsync("smtp");
        var id = await app.NotifyAsync(person, NotificationKind.ApplicationRejected, "区块链仓单");

        await SmtpJob(app, sink).TryRunAsync(TestContext.Current.CancellationToken);

        var received = sink.Received.Single(m => m.Message.Headers["X-FinPilot-Notification"] == id.ToString());
        Assert.Equal([email], received.To);
        Assert.Equal("申报未通过形式审查：区块链仓单", received.Message.Subject);
        Assert.Contains("未通过形式审查，原因见申报页面", received.Message.TextBody, StringComparison.Ordinal);
        Assert.NotNull((await app.StoredAsync(id)).EmailSentAt);
    }

    [Theory, AllProviders]
    public async Task A_refused_message_is_retried_five_times_with_its_error_recorded(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        await app.QuietRegisteredJobAsync();
        await using var sink = new SmtpSink { RejectRecipients = true };
        var (person, _) = await app.NewPersonAsync("refused");
        var id = await app.NotifyAsync(person, NotificationKind.ApplicationAccepted, "私募份额转让");
        var job = SmtpJob(app, sink);

        await job.TryRunAsync(TestContext.Current.CancellationToken);
        var afterOne = await app.StoredAsync(id);
        await job.TryRunAsync(TestContext.Current.CancellationToken);
        var tooSoon = await app.StoredAsync(id);
        for (var run = 0; run < NotificationEmailJob.MaxAttempts; run++)
        {
            // Moving the clock would let the registered job mail it to the pickup directory; making it due does not.
            await app.WithDbAsync(db => db.Notifications.Where(n => n.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailNextAttemptAt, (DateTimeOffset?)null), TestContext.Current.CancellationToken));
            await job.TryRunAsync(TestContext.Current.CancellationToken);
        }

        var final = await app.StoredAsync(id);
        Assert.Equal(1, afterOne.EmailAttempts);
        Assert.Contains("No such mailbox", afterOne.EmailError, StringComparison.Ordinal);
        // Stored to the millisecond (SQLite) or microsecond (PostgreSQL).
        var wait = afterOne.EmailNextAttemptAt!.Value - app.Clock.GetUtcNow();
        Assert.InRange(wait, NotificationEmailJob.FirstRetryDelay - TimeSpan.FromMilliseconds(1), NotificationEmailJob.FirstRetryDelay);
        Assert.Equal(1, tooSoon.EmailAttempts);
        Assert.Equal(NotificationEmailJob.MaxAttempts, final.EmailAttempts);
        Assert.Null(final.EmailSentAt);
        Assert.StartsWith("SmtpCommandException:", final.EmailError, StringComparison.Ordinal);
    }

    private static NotificationEmailJob SmtpJob(FinPilotApp app, SmtpSink sink)
    {
        var options = new MailOptions
        {
            Enabled = true,
            Host = "127.0.0.1",
            Port = sink.Port,
            UseTls = MailSecurity.None,
            SiteUrl = app.Services.GetRequiredService<MailOptions>().SiteUrl,
        };
        return new NotificationEmailJob(
            app.Services.GetRequiredService<IServiceScopeFactory>(), app.Clock, options, new SmtpMailTransport(options), NullLogger<NotificationEmailJob>.Instance);
    }
}

internal static class RegisteredMailJob
{
    /// <summary>
    /// The host starts the registered job's first pass as it starts; waiting for one more pass here
    /// (the job runs one pass at a time) means that first pass is over before a test makes the
    /// notifications it mails another way, so the pickup directory never takes them first.
    /// </summary>
    public static Task QuietRegisteredJobAsync(this FinPilotApp app) =>
        app.Services.GetRequiredService<NotificationEmailJob>().TryRunAsync(TestContext.Current.CancellationToken);
}
