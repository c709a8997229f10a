using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace FinPilot.Web.Features.Notifications.Mail;

/// <summary>Delivers one finished message; a failure is an exception, which the caller records and retries.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>Sends through an SMTP server (MailKit), one connection per message.</summary>
/// <remarks>
/// A connection per message keeps failures independent and the code simple; the job sends small
/// batches every 30 seconds, well within what any relay accepts.
/// </remarks>
public sealed class SmtpMailTransport(MailOptions options) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            throw new InvalidOperationException("Mail:Host is not set and no Mail:PickupDirectory is configured.");
        }

        using var client = new SmtpClient { Timeout = 30_000 };
        var security = options.UseTls == MailSecurity.StartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None;
        await client.ConnectAsync(options.Host, options.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(options.UserName))
        {
            await client.AuthenticateAsync(options.UserName, options.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>Writes each message as an <c>.eml</c> file, for development and tests: open it in any mail reader.</summary>
public sealed class PickupDirectoryMailTransport(string directory) : IMailTransport
{
    public string Directory { get; } = directory;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var name = $"{DateTime.UtcNow:yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}.eml";

        // Written under a temporary name and then renamed, so a reader never sees half a message.
        var temporary = Path.Combine(Directory, name + ".tmp");
        await using (var file = File.Create(temporary))
        {
            await message.WriteToAsync(file, cancellationToken);
        }

        File.Move(temporary, Path.Combine(Directory, name));
    }
}
