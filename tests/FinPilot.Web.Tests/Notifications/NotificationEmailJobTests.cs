using FinPilot.Web.Data;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Jobs;
using FinPilot.Web.Features.Notifications;
using FinPilot.Web.Features.Notifications.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Xunit;

namespace FinPilot.Web.Tests.Notifications;

/// <summary>
/// The e-mail job against a real, migrated SQLite database and real transports, without the web
/// host: what it sends, in whose language, and what it does when sending fails.
/// </summary>
public sealed class NotificationEmailJobTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("finpilot-job-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 9, 30, 2, 0, 0, TimeSpan.Zero));
    private ServiceProvider _services = default!;

    private string Pickup => Path.Combine(_directory, "mail");

    public async ValueTask InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddDbContext<SqliteFinPilotDbContext>(o => o.UseSqlite($"Data Source={Path.Combine(_directory, "job.db")}"));
        services.AddScoped<FinPilotDbContext>(sp => sp.GetRequiredService<SqliteFinPilotDbContext>());
        services.AddScoped<JobLeases>();
        _services = services.BuildServiceProvider();
        await WithDbAsync(db => db.Database.MigrateAsync(TestContext.Current.CancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Sends_each_unsent_notification_once_in_the_recipients_language()
    {
        var zh = await AddUserAsync("zh@example.cn", preferredCulture: null);
        var en = await AddUserAsync("en@example.cn", preferredCulture: "en");
        var first = await NotifyAsync(zh);
        var second = await NotifyAsync(en);
        var job = Job(new PickupDirectoryMailTransport(Pickup));

        Assert.True(await job.TryRunAsync(TestContext.Current.CancellationToken));
        Assert.True(await job.TryRunAsync(TestContext.Current.CancellationToken));

        var messages = Directory.GetFiles(Pickup, "*.eml").Select(f => MimeMessage.Load(f)).ToList();
        Assert.Equal(2, messages.Count);
        Assert.Equal("申报已通过形式审查：区块链仓单", messages.Single(m => m.To.Mailboxes.Single().Address == "zh@example.cn").Subject);
        var english = messages.Single(m => m.To.Mailboxes.Single().Address == "en@example.cn");
        Assert.Equal("Application accepted: 区块链仓单", english.Subject);
        Assert.Contains($"https://finpilot.example.cn/inbox/{second}", english.TextBody, StringComparison.Ordinal);

        var stored = await WithDbAsync(db => db.Notifications.AsNoTracking().ToListAsync());
        Assert.All(stored, n => Assert.Equal(_clock.GetUtcNow(), n.EmailSentAt));
        Assert.All(stored, n => Assert.Equal(1, n.EmailAttempts));
        Assert.Contains(stored, n => n.Id == first);
    }

    [Fact]
    public async Task Mails_someone_without_an_account_once_in_the_language_they_wrote_in_with_a_link_to_the_public_page()
    {
        await WithDbAsync(async db =>
        {
            db.AddressedNotifications.Add(AddressedNotification.For("objector@example.com", "en", NotificationKind.ObjectionResolved, "/notices/42",
                new Dictionary<string, string> { ["notice"] = "公示一", ["title"] = "区块链仓单", ["outcome"] = "异议成立", ["outcomeEn"] = "Upheld", ["reason"] = "已核实" }, _clock.GetUtcNow()));
            db.AddressedNotifications.Add(AddressedNotification.For("zh@example.com", "zh-CN", NotificationKind.ObjectionAnswered, "/notices/42",
                new Dictionary<string, string> { ["notice"] = "公示一", ["title"] = "区块链仓单", ["answer"] = "经核查属实。" }, _clock.GetUtcNow()));
            await db.SaveChangesAsync();
        });
        var job = Job(new PickupDirectoryMailTransport(Pickup));

        Assert.True(await job.TryRunAsync(TestContext.Current.CancellationToken));
        Assert.True(await job.TryRunAsync(TestContext.Current.CancellationToken));

        var messages = Directory.GetFiles(Pickup, "*.eml").Select(f => MimeMessage.Load(f)).ToList();
        Assert.Equal(2, messages.Count);
        var english = messages.Single(m => m.To.Mailboxes.Single().Address == "objector@example.com");
        Assert.Equal("Your objection was resolved: 公示一", english.Subject);
        Assert.Contains("has been resolved: Upheld. Note: 已核实", english.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://finpilot.example.cn/notices/42", english.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("/inbox", english.TextBody, StringComparison.Ordinal);
        var chinese = messages.Single(m => m.To.Mailboxes.Single().Address == "zh@example.com");
        Assert.Equal("您的异议已获答复：公示一", chinese.Subject);
        Assert.Contains("经核查属实。", chinese.TextBody, StringComparison.Ordinal);
        Assert.All(await WithDbAsync(db => db.AddressedNotifications.AsNoTracking().ToListAsync()), n => Assert.Equal((_clock.GetUtcNow(), 1), (n.EmailSentAt!.Value, n.EmailAttempts)));
    }

    [Fact]
    public async Task Sends_through_smtp_to_a_real_socket()
    {
        await using var sink = new SmtpSink();
        var user = await AddUserAsync("smtp@example.cn", preferredCulture: "zh-CN");
        await NotifyAsync(user);
        var options = Options();
        options.PickupDirectory = null;
        options.Host = "127.0.0.1";
        options.Port = sink.Port;
        options.UseTls = MailSecurity.None;

        await Job(new SmtpMailTransport(options), options).TryRunAsync(TestContext.Current.CancellationToken);

        var mail = Assert.Single(sink.Received);
        Assert.Equal("申报已通过形式审查：区块链仓单", mail.Message.Subject);
        Assert.Equal(["smtp@example.cn"], mail.To);
    }

    [Fact]
    public async Task A_refused_message_is_retried_up_to_five_times_and_the_error_is_kept()
    {
        await using var sink = new SmtpSink { RejectRecipients = true };
        var user = await AddUserAsync("refused@example.cn", preferredCulture: null);
        var id = await NotifyAsync(user);
        var options = Options();
        options.PickupDirectory = null;
        options.Host = "127.0.0.1";
        options.Port = sink.Port;
        options.UseTls = MailSecurity.None;
        var job = Job(new SmtpMailTransport(options), options);

        for (var run = 0; run < NotificationEmailJob.MaxAttempts + 2; run++)
        {
            await job.TryRunAsync(TestContext.Current.CancellationToken);
            _clock.Advance(NotificationEmailJob.MaxRetryDelay);
        }

        var stored = await WithDbAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.Id == id));
        Assert.Null(stored.EmailSentAt);
        Assert.Equal(NotificationEmailJob.MaxAttempts, stored.EmailAttempts);
        Assert.Null(stored.EmailNextAttemptAt);
        Assert.StartsWith("SmtpCommandException:", stored.EmailError, StringComparison.Ordinal);
        Assert.Contains("No such mailbox", stored.EmailError, StringComparison.Ordinal);
        Assert.Empty(sink.Received);
    }

    [Fact]
    public async Task A_failed_message_waits_a_minute_then_twice_as_long_each_time_and_stops_after_five_attempts()
    {
        var user = await AddUserAsync("down@example.cn", preferredCulture: null);
        var id = await NotifyAsync(user);
        var down = new AlwaysFailing();
        var job = Job(down);
        var waits = new List<TimeSpan>();

        await job.TryRunAsync(TestContext.Current.CancellationToken);
        for (var attempt = 1; attempt < NotificationEmailJob.MaxAttempts; attempt++)
        {
            var failedAt = _clock.GetUtcNow();
            var stored = await WithDbAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.Id == id));
            Assert.Equal(attempt, stored.EmailAttempts);
            Assert.NotNull(stored.EmailNextAttemptAt);
            waits.Add(stored.EmailNextAttemptAt.Value - failedAt);

            // A run a second before its time leaves it alone.
            _clock.Advance(stored.EmailNextAttemptAt.Value - failedAt - TimeSpan.FromSeconds(1));
            await job.TryRunAsync(TestContext.Current.CancellationToken);
            Assert.Equal(attempt, down.Calls);

            // A run at its time tries it again.
            _clock.Advance(TimeSpan.FromSeconds(1));
            await job.TryRunAsync(TestContext.Current.CancellationToken);
            Assert.Equal(attempt + 1, down.Calls);
        }

        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(8)], waits);

        // The fifth failure is the last: no next time, and a day later it is still not tried.
        var last = await WithDbAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.Id == id));
        Assert.Equal((NotificationEmailJob.MaxAttempts, null), (last.EmailAttempts, last.EmailNextAttemptAt));
        _clock.Advance(TimeSpan.FromDays(1));
        await job.TryRunAsync(TestContext.Current.CancellationToken);
        Assert.Equal(NotificationEmailJob.MaxAttempts, down.Calls);
    }

    [Fact]
    public async Task A_waiting_message_does_not_hold_up_a_new_one()
    {
        var user = await AddUserAsync("queue@example.cn", preferredCulture: null);
        var failed = await NotifyAsync(user);
        var flaky = new FailingOnce(new PickupDirectoryMailTransport(Pickup));
        var job = Job(flaky);
        await job.TryRunAsync(TestContext.Current.CancellationToken);

        _clock.Advance(TimeSpan.FromSeconds(30));
        var fresh = await NotifyAsync(user);
        await job.TryRunAsync(TestContext.Current.CancellationToken);

        var stored = await WithDbAsync(db => db.Notifications.AsNoTracking().ToDictionaryAsync(n => n.Id));
        Assert.Null(stored[failed].EmailSentAt);
        Assert.Equal(1, stored[failed].EmailAttempts);
        Assert.Equal(_clock.GetUtcNow(), stored[fresh].EmailSentAt);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(4, 8)]
    [InlineData(6, 32)]
    [InlineData(7, 60)]
    [InlineData(1000, 60)]
    public void The_wait_doubles_from_a_minute_up_to_an_hour(int failures, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), NotificationEmailJob.RetryDelay(failures));

    [Fact]
    public async Task A_success_after_a_failure_clears_the_error()
    {
        var user = await AddUserAsync("flaky@example.cn", preferredCulture: null);
        var id = await NotifyAsync(user);
        var flaky = new FailingOnce(new PickupDirectoryMailTransport(Pickup));
        var job = Job(flaky);

        await job.TryRunAsync(TestContext.Current.CancellationToken);
        var failed = await WithDbAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.Id == id));
        _clock.Advance(NotificationEmailJob.FirstRetryDelay);
        await job.TryRunAsync(TestContext.Current.CancellationToken);
        var sent = await WithDbAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.Id == id));

        Assert.Equal((1, "IOException: connection reset"), (failed.EmailAttempts, failed.EmailError));
        Assert.Equal((2, null, null), (sent.EmailAttempts, sent.EmailError, sent.EmailNextAttemptAt));
        Assert.NotNull(sent.EmailSentAt);
        Assert.Single(Directory.GetFiles(Pickup, "*.eml"));
    }

    [Fact]
    public async Task Nothing_is_sent_while_mail_is_disabled()
    {
        var user = await AddUserAsync("off@example.cn", preferredCulture: null);
        var id = await NotifyAsync(user);
        var options = Options();
        options.Enabled = false;

        await Job(new PickupDirectoryMailTransport(Pickup), options).TryRunAsync(TestContext.Current.CancellationToken);

        Assert.False(Directory.Exists(Pickup));
        var stored = await WithDbAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.Id == id));
        Assert.Equal((0, null), (stored.EmailAttempts, stored.EmailSentAt));
    }

    private MailOptions Options() => new() { Enabled = true, PickupDirectory = Pickup, SiteUrl = "https://finpilot.example.cn" };

    private NotificationEmailJob Job(IMailTransport transport, MailOptions? options = null) =>
        new(_services.GetRequiredService<IServiceScopeFactory>(), _clock, options ?? Options(), transport, NullLogger<NotificationEmailJob>.Instance);

    private Task<string> AddUserAsync(string email, string? preferredCulture) => WithDbAsync(async db =>
    {
        var user = new User
        {
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            DisplayName = email.Split('@')[0],
            PreferredCulture = preferredCulture,
            CreatedAt = _clock.GetUtcNow(),
        };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    });

    private Task<Guid> NotifyAsync(string userId) => WithDbAsync(async db =>
    {
        var notification = Notification.For(userId, NotificationKind.ApplicationAccepted, "/applications/7", new Dictionary<string, string> { ["title"] = "区块链仓单" }, _clock.GetUtcNow());
        db.Notifications.Add(notification);
        await db.SaveChangesAsync();
        return notification.Id;
    });

    private async Task<T> WithDbAsync<T>(Func<FinPilotDbContext, Task<T>> work)
    {
        await using var scope = _services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<FinPilotDbContext>());
    }

    private async Task WithDbAsync(Func<FinPilotDbContext, Task> work)
    {
        await using var scope = _services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<FinPilotDbContext>());
    }

    /// <summary>A transport whose first delivery fails as a dropped connection does.</summary>
    private sealed class FailingOnce(IMailTransport inner) : IMailTransport
    {
        private bool _failed;

        public Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            if (!_failed)
            {
                _failed = true;
                throw new IOException("connection reset");
            }

            return inner.SendAsync(message, cancellationToken);
        }
    }

    /// <summary>A transport that is down: every delivery fails, and it counts them.</summary>
    private sealed class AlwaysFailing : IMailTransport
    {
        public int Calls { get; private set; }

        public Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            Calls++;
            throw new IOException("connection refused");
        }
    }
}
