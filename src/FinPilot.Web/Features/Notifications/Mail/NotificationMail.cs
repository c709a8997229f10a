using System.Globalization;
using System.Text;
using FinPilot.Web.Resources;
using MimeKit;

namespace FinPilot.Web.Features.Notifications.Mail;

/// <summary>One notification as an e-mail in the recipient's language, plain text, with a link back to the site.</summary>
public static class NotificationMail
{
    public static MimeMessage Compose(Notification notification, string toAddress, string? toName, CultureInfo culture, MailOptions options, DateTimeOffset now)
    {
        var text = NotificationTexts.Render(notification, culture);
        var site = options.SiteUrl.TrimEnd('/');
        var body = new StringBuilder()
            .Append(text.Body).Append("\n\n")
            .Append(NotificationsStrings.ResourceManager.GetString(nameof(NotificationsStrings.Mail_Open), culture)).Append('\n')
            .Append(site).Append("/inbox/").Append(notification.Id.ToString()).Append("\n\n")
            .Append("-- \n")
            .Append(string.Format(culture, NotificationsStrings.ResourceManager.GetString(nameof(NotificationsStrings.Mail_Footer), culture)!, site + "/inbox"))
            .Append('\n');

        var part = new TextPart("plain") { Text = body.ToString() };
        part.Headers.Add(HeaderId.ContentLanguage, culture.Name);
        var message = new MimeMessage
        {
            Subject = text.Subject,
            Date = now,
            Body = part,
        };
        message.From.Add(new MailboxAddress(options.From.DisplayName, options.From.Address));
        message.To.Add(new MailboxAddress(toName ?? string.Empty, toAddress));

        // Lets mail readers and support staff tie a message to its inbox entry.
        message.Headers.Add("X-FinPilot-Notification", notification.Id.ToString());
        return message;
    }

    /// <summary>A message to someone without an account, in the language it was written for, linking to the public page it is about.</summary>
    public static MimeMessage Compose(AddressedNotification notification, MailOptions options, DateTimeOffset now)
    {
        var culture = CultureInfo.GetCultureInfo(notification.Culture);
        var text = NotificationTexts.Render(notification.Kind, notification.Values, culture);
        var site = options.SiteUrl.TrimEnd('/');
        var body = new StringBuilder()
            .Append(text.Body).Append("\n\n")
            .Append(NotificationsStrings.ResourceManager.GetString(nameof(NotificationsStrings.Mail_Open), culture)).Append('\n')
            .Append(site).Append(notification.Link).Append("\n\n")
            .Append("-- \n")
            .Append(NotificationsStrings.ResourceManager.GetString(nameof(NotificationsStrings.Mail_PublicFooter), culture))
            .Append('\n');

        var part = new TextPart("plain") { Text = body.ToString() };
        part.Headers.Add(HeaderId.ContentLanguage, culture.Name);
        var message = new MimeMessage
        {
            Subject = text.Subject,
            Date = now,
            Body = part,
        };
        message.From.Add(new MailboxAddress(options.From.DisplayName, options.From.Address));
        message.To.Add(new MailboxAddress(string.Empty, notification.Address));
        message.Headers.Add("X-FinPilot-Notification", notification.Id.ToString());
        return message;
    }
}
