using System.Text.Json;

namespace FinPilot.Web.Features.Notifications;

/// <summary>
/// A message to someone without an account, by e-mail only: a member of the public who left an
/// address with an objection. It has no inbox, so its language is fixed when it is written (the
/// one the person wrote in); the e-mail job sends it like a <see cref="Notification"/>, with the
/// same retries.
/// </summary>
public sealed class AddressedNotification
{
    public const int MaxAddressLength = 254;

    private AddressedNotification()
    {
    }

    public Guid Id { get; private set; }

    public string Address { get; private set; } = string.Empty;

    /// <summary>The culture it is written in: <c>zh-CN</c> or <c>en</c>.</summary>
    public string Culture { get; private set; } = "zh-CN";

    public NotificationKind Kind { get; private set; }

    /// <summary>Values for the message template, as a JSON object of strings.</summary>
    public string ValuesJson { get; private set; } = "{}";

    /// <summary>Site-relative address of the public page the message is about.</summary>
    public string Link { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? EmailSentAt { get; private set; }

    public int EmailAttempts { get; private set; }

    public string? EmailError { get; private set; }

    public DateTimeOffset? EmailNextAttemptAt { get; private set; }

    public IReadOnlyDictionary<string, string> Values =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(ValuesJson) ?? [];

    public static AddressedNotification For(string address, string culture, NotificationKind kind, string link, IReadOnlyDictionary<string, string> values, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Address = address.Trim(),
        Culture = NotificationTexts.CultureFor(culture).Name,
        Kind = kind,
        Link = link,
        ValuesJson = JsonSerializer.Serialize(values),
        CreatedAt = now,
    };

    public void EmailSent(DateTimeOffset now)
    {
        EmailSentAt = now;
        EmailAttempts++;
        EmailError = null;
        EmailNextAttemptAt = null;
    }

    public void EmailFailed(string error, DateTimeOffset? retryAt)
    {
        EmailAttempts++;
        EmailError = error.Length > 500 ? error[..500] : error;
        EmailNextAttemptAt = retryAt;
    }
}
