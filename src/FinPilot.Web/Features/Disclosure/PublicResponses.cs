using System.Globalization;
using System.Security.Cryptography;
using FinPilot.Domain.Common;
using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Identity;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Notifications;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Disclosure;

/// <summary>
/// Comments and objections from anyone during a notice's period. Spam is kept out without
/// third-party services: a hidden honeypot field, a signed form timestamp (too fast or too old is
/// refused) and a rate limit per client, whose network address is kept only as a keyed hash
/// (<see cref="ClientAddressKey"/>).
/// </summary>
public sealed class PublicResponses(
    FinPilotDbContext db, IDataProtectionProvider protection, Notifier notifier, NoticeNotifications notifications, ClientAddressKey addressKey, TimeProvider clock)
{
    private const string Purpose = "FinPilot.PublicResponseForm.v1";

    /// <summary>The value of the form's hidden timestamp field: when the form was issued, signed.</summary>
    public string IssueFormToken() =>
        protection.CreateProtector(Purpose).Protect(clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture));

    public async Task<Result<PublicResponse>> SubmitAsync(
        Guid noticeId, PublicResponseForm form, string? honeypot, string? formToken, string? clientAddress, CancellationToken cancellationToken = default)
    {
        var notice = await db.PublicNotices.SingleOrDefaultAsync(n => n.Id == noticeId, cancellationToken);
        if (notice is null || !notice.IsPublic)
        {
            return new Error(DisclosureErrors.NotFound);
        }

        var now = clock.GetUtcNow();
        var clientKey = addressKey.For(clientAddress);
        var since = now.AddDays(-1);
        var previous = await db.PublicSubmissionLog.AsNoTracking().Where(l => l.ClientKey == clientKey && l.At > since).Select(l => l.At).ToListAsync(cancellationToken);
        var guard = new SubmissionGuard().Check(new SubmissionAttempt(honeypot, IssuedAt(formToken) ?? DateTimeOffset.MinValue, previous, form.Text), now);
        if (!guard.Succeeded)
        {
            return Result<PublicResponse>.Fail([.. guard.Errors]);
        }

        // Answers by mail go back in the language of the page the visitor wrote on.
        var response = notice.Respond(Guid.CreateVersion7(now), form with { Language = form.Language ?? CultureInfo.CurrentUICulture.Name }, now);
        if (!response.Succeeded)
        {
            return response;
        }

        db.PublicSubmissionLog.Add(new PublicSubmissionLog { ClientKey = clientKey, At = now });
        if (form.Kind == PublicResponseKind.Objection)
        {
            var workingGroup = await db.UserIdsWithAsync(Role.RegionalWorkingGroup, notice.RegionId, null, cancellationToken);
            notifier.Enqueue(workingGroup, NotificationKind.ObjectionReceived, $"/notices/manage/{notice.Id}",
                new Dictionary<string, string> { [NotificationValues.Title] = notice.Title });
            await notifications.ObjectionFiledAsync(notice, response.Value, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return response;
    }

    /// <summary>A form token that does not verify counts as issued long ago, so the guard calls it expired.</summary>
    private DateTimeOffset? IssuedAt(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        try
        {
            var ticks = long.Parse(protection.CreateProtector(Purpose).Unprotect(token), CultureInfo.InvariantCulture);
            return new DateTimeOffset(ticks, TimeSpan.Zero);
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
