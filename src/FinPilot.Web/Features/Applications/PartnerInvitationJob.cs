using System.Globalization;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Jobs;
using FinPilot.Web.Features.Notifications.Mail;
using FinPilot.Web.Resources;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace FinPilot.Web.Features.Applications;

/// <summary>Mails the invitations of submitted applications in Chinese and English (the invitee has no language setting yet).</summary>
public sealed class PartnerInvitationJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<PartnerInvitationJob> logger)
    : LeasedJob(scopes, clock, logger)
{
    private static readonly CultureInfo Chinese = new("zh-CN");

    private static readonly CultureInfo English = new("en");

    protected override string Name => "partner-invitations";

    protected override TimeSpan Interval => TimeSpan.FromMinutes(1);

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<MailOptions>();
        if (!options.Enabled)
        {
            return;
        }

        var db = services.GetRequiredService<FinPilotDbContext>();
        var transport = services.GetRequiredService<IMailTransport>();
        var pending = await db.PartnerInvitations
            .Where(i => i.SentAt == null && i.Attempts < PartnerInvitation.MaxAttempts)
            .OrderBy(i => i.CreatedAt).Take(50).ToListAsync(cancellationToken);
        foreach (var invitation in pending)
        {
            var about = await (from p in db.Projects
                               join o in db.Organisations on p.LeadOrganisationId equals o.Id
                               where p.Id == invitation.ProjectId
                               select new { p.Title, o.NameZh, o.NameEn }).SingleAsync(cancellationToken);
            try
            {
                await transport.SendAsync(Compose(invitation.Email, about.Title, about.NameZh, about.NameEn, options), cancellationToken);
                invitation.Sent(Clock.GetUtcNow());
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                invitation.Failed(exception.Message);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static MimeMessage Compose(string to, string title, string leadZh, string leadEn, MailOptions options)
    {
        var site = options.SiteUrl.TrimEnd('/');
        var message = new MimeMessage
        {
            Subject = $"{Text(nameof(ApplicationsStrings.Invitation_Subject), Chinese, leadZh)} / {Text(nameof(ApplicationsStrings.Invitation_Subject), English, leadEn)}",
            Body = new TextPart("plain")
            {
                Text = Text(nameof(ApplicationsStrings.Invitation_Body), Chinese, leadZh, title, site)
                    + "\n\n——————\n\n"
                    + Text(nameof(ApplicationsStrings.Invitation_Body), English, leadEn, title, site),
            },
        };
        message.From.Add(new MailboxAddress(options.From.DisplayName, options.From.Address));
        message.To.Add(MailboxAddress.Parse(to));
        return message;
    }

    private static string Text(string key, CultureInfo culture, params object[] values) =>
        string.Format(culture, ApplicationsStrings.ResourceManager.GetString(key, culture)!, values);
}
