using System.Globalization;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Jobs;
using FinPilot.Web.Features.Notifications.Mail;
using FinPilot.Web.Resources;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace FinPilot.Web.Features.Applications;

/// <summary>Mails the invitations of submitted applications, in Chinese (the invitee has no language setting yet).</summary>
public sealed class PartnerInvitationJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<PartnerInvitationJob> logger)
    : LeasedJob(scopes, clock, logger)
{
    private static readonly CultureInfo Chinese = new("zh-CN");

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
                               select new { p.Title, Lead = o.NameZh }).SingleAsync(cancellationToken);
            try
            {
                await transport.SendAsync(Compose(invitation.Email, about.Title, about.Lead, options), cancellationToken);
                invitation.Sent(Clock.GetUtcNow());
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                invitation.Failed(exception.Message);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static MimeMessage Compose(string to, string title, string lead, MailOptions options)
    {
        var message = new MimeMessage
        {
            Subject = string.Format(Chinese, ApplicationsStrings.ResourceManager.GetString(nameof(ApplicationsStrings.Invitation_Subject), Chinese)!, lead),
            Body = new TextPart("plain")
            {
                Text = string.Format(Chinese, ApplicationsStrings.ResourceManager.GetString(nameof(ApplicationsStrings.Invitation_Body), Chinese)!, lead, title, options.SiteUrl.TrimEnd('/')),
            },
        };
        message.From.Add(new MailboxAddress(options.From.DisplayName, options.From.Address));
        message.To.Add(MailboxAddress.Parse(to));
        return message;
    }
}
