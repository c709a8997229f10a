using System.Globalization;
using FinPilot.Web.Features.Notifications;
using FinPilot.Web.Features.Notifications.Mail;
using MailKit.Net.Smtp;
using MimeKit;
using Xunit;

namespace FinPilot.Web.Tests.Notifications;

/// <summary>Both transports for real: MailKit against an SMTP server on a socket, and .eml files on disk.</summary>
public sealed class MailTransportTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 9, 30, 2, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Directory.CreateTempSubdirectory("finpilot-mail-").FullName;

    [Fact]
    public async Task Smtp_delivers_the_message_with_its_chinese_subject()
    {
        await using var sink = new SmtpSink();
        var options = SmtpOptions(sink.Port);

        await new SmtpMailTransport(options).SendAsync(Compose(options, "zh-CN"), TestContext.Current.CancellationToken);

        var mail = Assert.Single(sink.Received);
        Assert.Equal("noreply@finpilot.test", mail.From);
        Assert.Equal(["applicant@example.cn"], mail.To);
        Assert.Equal("申报需补正：数字人民币钱包", mail.Message.Subject);
        Assert.Contains("请于 2025-10-15 前补正", mail.Message.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://finpilot.example.cn/inbox/", mail.Message.TextBody, StringComparison.Ordinal);
        Assert.Equal("FinPilot 平台", ((MailboxAddress)mail.Message.From[0]).Name);
    }

    [Fact]
    public async Task Smtp_refusal_is_an_exception_for_the_job_to_record()
    {
        await using var sink = new SmtpSink { RejectRecipients = true };
        var options = SmtpOptions(sink.Port);

        var refused = await Assert.ThrowsAsync<SmtpCommandException>(() =>
            new SmtpMailTransport(options).SendAsync(Compose(options, "zh-CN"), TestContext.Current.CancellationToken));

        Assert.Equal(SmtpStatusCode.MailboxUnavailable, refused.StatusCode);
        Assert.Empty(sink.Received);
    }

    [Fact]
    public async Task Smtp_without_a_host_says_what_to_configure()
    {
        var options = new MailOptions { Enabled = true };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new SmtpMailTransport(options).SendAsync(Compose(options, "zh-CN"), TestContext.Current.CancellationToken));

        Assert.Contains("Mail:Host", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pickup_directory_gets_one_complete_eml_file_per_message()
    {
        var options = new MailOptions { Enabled = true, PickupDirectory = Path.Combine(_directory, "drop"), SiteUrl = "https://finpilot.example.cn/" };
        var transport = new PickupDirectoryMailTransport(options.PickupDirectory);

        await transport.SendAsync(Compose(options, "en"), TestContext.Current.CancellationToken);

        var file = Assert.Single(Directory.GetFiles(options.PickupDirectory));
        Assert.EndsWith(".eml", file, StringComparison.Ordinal);
        using var message = await MimeMessage.LoadAsync(file, TestContext.Current.CancellationToken);
        Assert.Equal("Supplement required: 数字人民币钱包", message.Subject);
        Assert.Equal("en", message.Body!.Headers[HeaderId.ContentLanguage]);
        Assert.Contains("Open it on the platform:\nhttps://finpilot.example.cn/inbox/", message.TextBody!.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal("applicant@example.cn", ((MailboxAddress)message.To[0]).Address);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static MailOptions SmtpOptions(int port) => new()
    {
        Enabled = true,
        Host = "127.0.0.1",
        Port = port,
        UseTls = MailSecurity.None,
        From = new MailSender { Address = "noreply@finpilot.test", DisplayName = "FinPilot 平台" },
        SiteUrl = "https://finpilot.example.cn",
    };

    private static MimeMessage Compose(MailOptions options, string culture)
    {
        var notification = Notification.For(
            "user-1",
            NotificationKind.ReturnedForSupplement,
            "/applications/1",
            new Dictionary<string, string> { ["title"] = "数字人民币钱包", ["due"] = "2025-10-15" },
            Now);
        return NotificationMail.Compose(notification, "applicant@example.cn", "申报人", CultureInfo.GetCultureInfo(culture), options, Now);
    }
}
