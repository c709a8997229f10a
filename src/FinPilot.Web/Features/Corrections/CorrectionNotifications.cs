using System.Globalization;
using FinPilot.Domain.Calendar;
using FinPilot.Domain.Corrections;
using FinPilot.Domain.Identity;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Corrections;

/// <summary>
/// Who hears of correction orders and tolerated deviations: the institution of each decision about
/// it, the working group of each answer, the coordination group of each escalation. Words (the
/// severity, the action) are written in each reader's language.
/// </summary>
public sealed class CorrectionNotifications(FinPilotDbContext db, Notifier notifier)
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static string Link(CorrectionOrder order) => $"/corrections/{order.Id}";

    public static string Link(ToleratedDeviation deviation) => $"/corrections/tolerances/{deviation.Id}";

    public Task OrderedAsync(CorrectionOrder order, string projectTitle, CancellationToken ct) =>
        SendAsync(Institution(order), NotificationKind.CorrectionOrdered, Link(order), projectTitle, ct,
            c => (NotificationValues.Severity, CorrectionTexts.Of(order.Severity, c)), _ => (NotificationValues.Due, Day(order.DueAt)));

    public Task AnsweredAsync(CorrectionOrder order, CorrectionStepKind kind, string projectTitle, CancellationToken ct) =>
        SendAsync(WorkingGroup(order.RegionId), NotificationKind.CorrectionAnswered, Link(order), projectTitle, ct,
            c => (NotificationValues.Action, CorrectionTexts.Of(kind, c)));

    public Task VerifiedAsync(CorrectionOrder order, CorrectionStepKind kind, string projectTitle, CancellationToken ct) =>
        SendAsync(Institution(order), NotificationKind.CorrectionVerified, Link(order), projectTitle, ct,
            c => (NotificationValues.Action, CorrectionTexts.Of(kind, c)), _ => (NotificationValues.Due, Day(order.DueAt)));

    public Task EscalatedAsync(CorrectionOrder order, CorrectionEscalation rung, string projectTitle, CancellationToken ct) =>
        SendAsync(
            [(Role.CoordinationGroup, null, null), (Role.RegionalWorkingGroup, order.RegionId, null)],
            rung == CorrectionEscalation.DisposalProposed ? NotificationKind.CorrectionDisposalProposed : NotificationKind.CorrectionEscalated,
            Link(order), projectTitle, ct, _ => (NotificationValues.Due, Day(order.DueAt)));

    public Task ToleratedAsync(ToleratedDeviation deviation, string projectTitle, CancellationToken ct) =>
        SendAsync(Institution(deviation), NotificationKind.ToleranceRecorded, Link(deviation), projectTitle, ct,
            _ => (NotificationValues.Due, deviation.ExpiresOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

    public Task ReviewedAsync(ToleratedDeviation deviation, ToleranceDecision decision, string projectTitle, CancellationToken ct) =>
        SendAsync(Institution(deviation), NotificationKind.ToleranceReviewed, Link(deviation), projectTitle, ct,
            c => (NotificationValues.Action, CorrectionTexts.Of(decision, c)),
            _ => (NotificationValues.Due, deviation.ExpiresOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

    private static (Role, int?, Guid?)[] Institution(Domain.Supervision.ISupervisedRecord record) => [(Role.Applicant, null, record.OrganisationId)];

    private static (Role, int?, Guid?)[] WorkingGroup(int regionId) => [(Role.RegionalWorkingGroup, regionId, null)];

    private static string Day(DateTimeOffset at) => ChinaTime.DateOf(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task SendAsync(
        IReadOnlyList<(Role Role, int? Region, Guid? Organisation)> audiences, NotificationKind kind, string link, string projectTitle, CancellationToken ct,
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
            var map = new Dictionary<string, string> { [NotificationValues.Title] = projectTitle };
            foreach (var value in values)
            {
                var (key, text) = value(group.Key);
                map[key] = text;
            }

            notifier.Enqueue(group.Select(u => u.Id), kind, link, map);
        }
    }
}
