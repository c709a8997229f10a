using System.Globalization;
using FinPilot.Domain.Calendar;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Integrity;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Integrity;

/// <summary>
/// Who hears of integrity flags: the unit asked to explain, the integrity officers of an answer, the
/// unit of the conclusion. Never the public, never an institution about a person.
/// </summary>
public sealed class IntegrityNotifications(FinPilotDbContext db, Notifier notifier)
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static string Link(IntegrityFlag flag) => $"/integrity/flags/{flag.Id}";

    public Task RequestedAsync(IntegrityFlag flag, string title, CancellationToken ct) =>
        SendAsync(Unit(flag), NotificationKind.IntegrityExplanationRequested, Link(flag), title, ct,
            _ => (NotificationValues.Due, ChinaTime.DateOf(flag.ExplanationDueAt!.Value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

    public Task ExplainedAsync(IntegrityFlag flag, string title, CancellationToken ct) =>
        SendAsync([(Role.IntegrityOfficer, null, null)], NotificationKind.IntegrityExplained, Link(flag), title, ct);

    public Task ClosedAsync(IntegrityFlag flag, string title, CancellationToken ct) =>
        SendAsync(Unit(flag), NotificationKind.IntegrityFlagClosed, Link(flag), title, ct,
            c => (NotificationValues.Action, IntegrityTexts.Of(flag.Conclusion!.Value, c)));

    private static (Role, int?, Guid?)[] Unit(IntegrityFlag flag) => flag.Unit == ResponsibleUnitKind.Organisation
        ? [(Role.Applicant, null, flag.UnitOrganisationId)]
        : [(Role.RegionalWorkingGroup, flag.RegionId, null)];

    private async Task SendAsync(
        IReadOnlyList<(Role Role, int? Region, Guid? Organisation)> audiences, NotificationKind kind, string link, string title, CancellationToken ct,
        params Func<CultureInfo, (string Key, string Value)>[] values)
    {
        var ids = new List<string>();
        foreach (var (role, region, organisation) in audiences)
        {
            ids.AddRange(await db.UserIdsWithAsync(role, region, organisation, ct));
        }

        var distinct = ids.Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => distinct.Contains(u.Id)).Select(u => new { u.Id, u.PreferredCulture }).ToListAsync(ct);
        foreach (var group in users.GroupBy(u => NotificationTexts.CultureFor(u.PreferredCulture).Name == "en" ? English : Chinese))
        {
            var map = new Dictionary<string, string> { [NotificationValues.Title] = title };
            foreach (var value in values)
            {
                var (key, text) = value(group.Key);
                map[key] = text;
            }

            notifier.Enqueue(group.Select(u => u.Id), kind, link, map);
        }
    }
}
