namespace FinPilot.Web.Features.Notifications.Mail;

public enum MailSecurity
{
    /// <summary>Upgrade the connection with STARTTLS; refuse to send if the server cannot.</summary>
    StartTls,

    /// <summary>Plain SMTP, for a relay on the same host or network only.</summary>
    None,
}

public sealed class MailSender
{
    public string Address { get; set; } = "noreply@finpilot.local";

    public string DisplayName { get; set; } = "FinPilot 金融科技创新试点平台";
}

/// <summary>The <c>Mail</c> configuration section.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>The default pickup directory in development and demo mode, under the checkout root like the database.</summary>
    public const string DevelopmentPickupDirectory = "data/mail";

    /// <summary>Off by default: notifications still reach the inbox, and are mailed once this is turned on.</summary>
    public bool Enabled { get; set; }

    public MailSender From { get; set; } = new();

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public MailSecurity UseTls { get; set; } = MailSecurity.StartTls;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>When set, each message is written there as an <c>.eml</c> file instead of being sent.</summary>
    public string? PickupDirectory { get; set; }

    /// <summary>The address people reach the platform at; links in messages start with it.</summary>
    public string SiteUrl { get; set; } = "http://localhost:5080";
}
