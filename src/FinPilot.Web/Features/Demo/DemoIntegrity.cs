using FinPilot.Domain.Calendar;
using FinPilot.Domain.Integrity;
using FinPilot.Domain.Obligations;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Calendar;
using FinPilot.Web.Features.Obligations;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Demo;

/// <summary>
/// 廉政监督: the integrity officer flagged the Beijing blockchain pilot's correction order in December
/// 2022 (was ten working days generous?), asked the working group to explain, read its answer and
/// cleared it. The computed flags (the pilot's tolerance renewed) come from the integrity scan.
/// </summary>
internal sealed class DemoIntegrity(FinPilotDbContext db, WorkingCalendarProvider calendars, TimeProvider clock)
{
    private static DateTimeOffset At(DateOnly day, int hour) => ChinaTime.StartOfDay(day).AddHours(hour);

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var order = await db.CorrectionOrders.OrderBy(o => o.IssuedAt).FirstOrDefaultAsync(cancellationToken);
        if (order is null || await db.IntegrityFlags.AnyAsync(f => f.Rule == IntegrityRule.RaisedByOfficer, cancellationToken))
        {
            return;
        }

        var officer = await UserAsync("integrity", cancellationToken);
        var wg = await UserAsync("wg.beijing", cancellationToken);
        if (officer is null || wg is null)
        {
            return;
        }

        var raised = At(new DateOnly(2022, 12, 5), 9);
        var flag = IntegrityFlag.Raise(
            new IntegrityTarget
            {
                RecordKind = IntegrityRecordKind.CorrectionOrder,
                RecordId = order.Id.ToString(),
                RegionId = order.RegionId,
                ProjectId = order.ProjectId,
                PersonId = wg,
                Unit = ResponsibleUnitKind.WorkingGroup,
            },
            "超出客户上限的整改期限为十个工作日，宽于同类情形，请关注。", raised, officer).ValueOrThrow();
        var calendar = await calendars.GetAsync(cancellationToken);
        var requested = At(new DateOnly(2022, 12, 6), 10);
        var due = ObligationRules.Precise(calendar.DeadlineAfter(requested, 5));
        flag.RequestExplanation("请说明确定十个工作日整改期限的依据。", due, requested, officer).OrThrow();
        var book = new ObligationBook(db, clock);
        await book.EnsureAsync(new ObligationDraft(order.ProjectId, order.RegionId, order.OrganisationId, ObligationKind.IntegrityExplanationByWorkingGroup, flag.ObligationSubject, due), cancellationToken);
        var explained = At(new DateOnly(2022, 12, 9), 15);
        flag.Explain("压降客户需逐户沟通并办理销户，参照本地区同类整改的通常期限确定为十个工作日。", explained, wg).OrThrow();
        await book.FulfilAsync(order.ProjectId, ObligationKind.IntegrityExplanationByWorkingGroup, flag.ObligationSubject, explained, wg, cancellationToken);
        flag.Close(IntegrityConclusion.Cleared, "说明理由充分，期限与同类情形一致，予以排除。", At(new DateOnly(2022, 12, 12), 11), officer).OrThrow();
        db.IntegrityFlags.Add(flag);
        await db.SaveChangesAsync(cancellationToken);
    }

    private Task<string?> UserAsync(string name, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.Email == $"{name}@{DemoData.DemoDomain}").Select(u => u.Id).SingleOrDefaultAsync(cancellationToken);
}
