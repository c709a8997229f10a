using System.Globalization;
using FinPilot.Domain.Disposal;
using FinPilot.Domain.Identity;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Disposal;

/// <summary>
/// Who hears of a disposal case: the lead organisation's applicants and the region's working group
/// of its steps, the coordination group of a proposal to terminate. A level is written in each
/// reader's language.
/// </summary>
public sealed class DisposalNotifications(FinPilotDbContext db, Notifier notifier)
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static string Link(Guid caseId) => $"/disposal/{caseId}";

    public Task OpenedAsync(DisposalCase c, string projectTitle, CancellationToken ct) =>
        ToPartiesAsync(c, NotificationKind.DisposalOpened, projectTitle, culture => new() { [NotificationValues.Level] = DisposalTexts.Of(c.Level, culture) }, ct);

    public Task LevelRaisedAsync(DisposalCase c, string projectTitle, CancellationToken ct) =>
        ToPartiesAsync(c, NotificationKind.DisposalLevelRaised, projectTitle, culture => new() { [NotificationValues.Level] = DisposalTexts.Of(c.Level, culture) }, ct);

    public Task SuspendedAsync(DisposalCase c, string projectTitle, string reason, CancellationToken ct) =>
        ToPartiesAsync(c, NotificationKind.DisposalPilotSuspended, projectTitle, _ => new() { [NotificationValues.Reason] = reason.Trim() }, ct);

    public Task ResumedAsync(DisposalCase c, string projectTitle, string reason, CancellationToken ct) =>
        ToPartiesAsync(c, NotificationKind.DisposalPilotResumed, projectTitle, _ => new() { [NotificationValues.Reason] = reason.Trim() }, ct);

    public Task ClosedAsync(DisposalCase c, string projectTitle, CancellationToken ct) =>
        ToPartiesAsync(c, NotificationKind.DisposalClosed, projectTitle, _ => [], ct);

    /// <summary>The coordination group hears of a proposal to terminate the pilot.</summary>
    public async Task TerminationProposedAsync(DisposalCase c, string projectTitle, string reason, CancellationToken ct)
    {
        var ids = await db.UserIdsWithAsync(Role.CoordinationGroup, null, null, ct);
        if (ids.Count > 0)
        {
            notifier.Enqueue(ids, NotificationKind.DisposalTerminationProposed, Link(c.Id), new Dictionary<string, string>
            {
                [NotificationValues.Title] = projectTitle,
                [NotificationValues.Reason] = reason.Trim(),
            });
        }
    }

    private async Task ToPartiesAsync(
        DisposalCase c, NotificationKind kind, string projectTitle, Func<CultureInfo, Dictionary<string, string>> values, CancellationToken ct)
    {
        var ids = (await db.UserIdsWithAsync(Role.Applicant, null, c.OrganisationId, ct))
            .Concat(await db.UserIdsWithAsync(Role.RegionalWorkingGroup, c.RegionId, null, ct)).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.PreferredCulture }).ToListAsync(ct);
        foreach (var group in users.GroupBy(u => NotificationTexts.CultureFor(u.PreferredCulture).Name == "en" ? English : Chinese))
        {
            var dictionary = values(group.Key);
            dictionary[NotificationValues.Title] = projectTitle;
            notifier.Enqueue(group.Select(u => u.Id), kind, Link(c.Id), dictionary);
        }
    }
}
