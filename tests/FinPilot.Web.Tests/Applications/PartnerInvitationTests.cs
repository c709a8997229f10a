using System.Net;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Applications;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace FinPilot.Web.Tests.Applications;

public sealed class PartnerInvitationTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task An_unregistered_partner_is_invited_by_mail_once_the_application_is_submitted(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        var partner = $"partner-{provider}@example.cn".ToLowerInvariant();
        var project = await applicant.StartAsync(await app.OpenBeijingCallAsync("邀请合作机构征集"), "邀请合作机构");
        await applicant.SaveAsync(project.Id, ApplicationTestKit.CompleteForm("邀请合作机构") with { InvitedPartnerEmails = [partner] });
        var job = app.Services.GetRequiredService<PartnerInvitationJob>();

        // A draft may still change its mind: nothing is sent before submission.
        await job.TryRunAsync(CancellationToken.None);
        Assert.False(await app.WithDbAsync(db => db.PartnerInvitations.AnyAsync(i => i.ProjectId == project.Id)));

        await applicant.UploadMaterialsAsync(project.Id);
        await (await applicant.PostAsync($"/api/v1/applications/{project.Id}/submit", new { })).AssertStatusAsync(HttpStatusCode.OK);
        await job.TryRunAsync(CancellationToken.None);
        await job.TryRunAsync(CancellationToken.None);

        var invitation = await app.WithDbAsync(db => db.PartnerInvitations.SingleAsync(i => i.ProjectId == project.Id));
        Assert.NotNull(invitation.SentAt);
        var sent = Directory.GetFiles(app.MailDirectory, "*.eml").Select(f => MimeMessage.Load(f))
            .Where(m => m.To.Mailboxes.Any(b => b.Address == partner)).ToList();
        var mail = Assert.Single(sent);
        Assert.Contains("京华证券股份有限公司", mail.Subject);
        Assert.Contains("邀请合作机构", mail.TextBody);
        // The invitee has no language setting yet: the mail says it in English too, with the English name.
        Assert.Contains("Jinghua Securities Co., Ltd.", mail.Subject);
        Assert.Contains("Jinghua Securities Co., Ltd.", mail.TextBody);
    }
}
