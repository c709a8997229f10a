using System.Globalization;
using System.Threading.Channels;
using FinPilot.Web.Features.ApiTokens;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Notifications;
using FinPilot.Web.Features.Notifications.Mail;
using FinPilot.Web.Resources;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using MimeKit;

namespace FinPilot.Web.Features.Identity;

/// <summary>The <c>PasswordReset</c> settings.</summary>
public sealed class PasswordResetOptions
{
    public const string Section = "PasswordReset";

    /// <summary>How long a mailed link works; it also stops working once used or once the password changes.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>At most one mail per address within this time, so the form cannot be used to flood an inbox.</summary>
    public TimeSpan MinimumInterval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Password-reset tokens as Identity's data-protection provider makes them (creation time, user,
/// purpose and security stamp, protected), but timed by the app's <see cref="TimeProvider"/>. The
/// security stamp changes with the reset, so a link works once.
/// </summary>
public sealed class PasswordResetTokenProvider(IDataProtectionProvider protection, PasswordResetOptions options, TimeProvider clock)
    : IUserTwoFactorTokenProvider<User>
{
    public const string Name = "FinPilotPasswordReset";

    private readonly IDataProtector _protector = protection.CreateProtector("FinPilot.PasswordReset");

    public async Task<string> GenerateAsync(string purpose, UserManager<User> manager, User user)
    {
        using var stream = new MemoryStream();
        await using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(clock.GetUtcNow().UtcTicks);
            writer.Write(await manager.GetUserIdAsync(user));
            writer.Write(purpose);
            writer.Write(await manager.GetSecurityStampAsync(user) ?? string.Empty);
        }

        return WebEncoders.Base64UrlEncode(_protector.Protect(stream.ToArray()));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<User> manager, User user)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(_protector.Unprotect(WebEncoders.Base64UrlDecode(token))));
            var created = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
            var userId = reader.ReadString();
            var forPurpose = reader.ReadString();
            var stamp = reader.ReadString();
            return created + options.LinkLifetime >= clock.GetUtcNow()
                && userId == await manager.GetUserIdAsync(user)
                && forPurpose == purpose
                && stamp == (await manager.GetSecurityStampAsync(user) ?? string.Empty);
        }
        catch (Exception exception) when (exception is FormatException or System.Security.Cryptography.CryptographicException or EndOfStreamException or IOException)
        {
            return false;
        }
    }

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<User> manager, User user) => Task.FromResult(false);
}

/// <summary>
/// Reset mails wait here and are sent in the background, so the answer to a request takes the same
/// time whether or not the address has an account. The link is never stored.
/// </summary>
public sealed class PasswordResetOutbox(IMailTransport transport, ILogger<PasswordResetOutbox> logger) : BackgroundService
{
    private readonly Channel<MimeMessage> _queue = Channel.CreateBounded<MimeMessage>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest });

    public void Enqueue(MimeMessage message) => _queue.Writer.TryWrite(message);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var message in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await transport.SendAsync(message, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "A password-reset mail could not be sent.");
            }
        }
    }
}

/// <summary>At most one link per address per <see cref="PasswordResetOptions.MinimumInterval"/>, counted in the database for every node.</summary>
public sealed class PasswordResetPace(PasswordResetOptions options, ThrottleCounters counters)
{
    public Task<bool> TryTakeAsync(string normalizedAddress, CancellationToken cancellationToken = default) =>
        counters.TryTakeAsync(ThrottleCounters.KeyOf("password-reset", normalizedAddress), 1, options.MinimumInterval, cancellationToken);
}

/// <summary>Password reset by e-mail: the request (same answer for every address) and the reset itself.</summary>
public sealed class PasswordResets(
    UserManager<User> users,
    PasswordResetOutbox outbox,
    PasswordResetPace pace,
    MailOptions mail,
    PasswordResetOptions options,
    ApiTokenService tokens,
    AuditLog audit)
{
    public const string ResetPath = "/Account/ResetPassword";

    public int LinkMinutes => (int)Math.Ceiling(options.LinkLifetime.TotalMinutes);

    /// <summary>Mails a link if the address belongs to an active account; says nothing either way.</summary>
    public async Task RequestAsync(string email, CultureInfo pageCulture)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null || user.Disabled || user.Email is null || !await pace.TryTakeAsync(users.NormalizeEmail(email)))
        {
            return;
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = $"{mail.SiteUrl.TrimEnd('/')}{ResetPath}?userId={Uri.EscapeDataString(user.Id)}&code={Uri.EscapeDataString(token)}";
        var culture = user.PreferredCulture is null ? pageCulture : NotificationTexts.CultureFor(user.PreferredCulture);
        outbox.Enqueue(Compose(user.Email, user.DisplayName, link, culture));
        await audit.WriteAsync(AuditActions.PasswordResetRequested, AuditResource.User, user.Id, actorId: null, actorName: user.Email);
    }

    /// <summary>Sets the new password if the link is genuine and fresh; the account's API tokens are revoked.</summary>
    public async Task<IdentityResult> ResetAsync(string userId, string code, string newPassword)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || user.Disabled)
        {
            return IdentityResult.Failed(users.ErrorDescriber.InvalidToken());
        }

        var result = await users.ResetPasswordAsync(user, code, newPassword);
        if (!result.Succeeded)
        {
            return result;
        }

        // The person proved they read the account's mail: a printed one-time password and a lockout are over.
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.WriteAsync(AuditActions.PasswordReset, AuditResource.User, user.Id, actorId: user.Id, actorName: user.Email);
        await tokens.RevokeAllAfterPasswordChangeAsync(user.Id);
        return result;
    }

    private MimeMessage Compose(string to, string? name, string link, CultureInfo culture)
    {
        string Text(string key) => AccountStrings.ResourceManager.GetString(key, culture)!;
        var part = new TextPart("plain") { Text = string.Format(culture, Text(nameof(AccountStrings.ResetMail_Body)), link, LinkMinutes) };
        part.Headers.Add(HeaderId.ContentLanguage, culture.Name);
        var message = new MimeMessage { Subject = Text(nameof(AccountStrings.ResetMail_Subject)), Body = part };
        message.From.Add(new MailboxAddress(mail.From.DisplayName, mail.From.Address));
        message.To.Add(new MailboxAddress(name ?? string.Empty, to));
        return message;
    }
}
