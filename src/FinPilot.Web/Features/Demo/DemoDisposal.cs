using FinPilot.Domain.Calendar;
using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Disposal;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Calendar;
using FinPilot.Web.Features.Disclosure;
using FinPilot.Web.Features.Disposal;
using FinPilot.Web.Features.Obligations;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Demo;

/// <summary>
/// 风险处置 in Beijing's 2021 batch: after the AI advisory pilot's July 2022 outage the working group
/// opened a level-III case, suspended the pilot, the institution told every affected customer and
/// settled their claims, and the pilot was resumed and the case closed. The suspension and the
/// resumption are on the pilot's public timeline and in the ledger.
/// </summary>
internal sealed class DemoDisposal(FinPilotDbContext db, WorkingCalendarProvider calendars, TimeProvider clock)
{
    private const string Actor = "demo-seed";

    private static DateTimeOffset At(DateOnly day, int hour) => ChinaTime.StartOfDay(day).AddHours(hour);

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var beijing = await db.Regions.SingleAsync(r => r.Code == "BJ", cancellationToken);
        var incident = await (
            from i in db.Incidents
            join p in db.Projects on i.ProjectId equals p.Id
            where p.RegionId == beijing.Id && p.StartsOn == new DateOnly(2021, 12, 30) && p.Stage == ProjectStage.Running
            orderby i.ReportedAt
            select i).FirstOrDefaultAsync(cancellationToken);
        if (incident is null || await db.DisposalCases.AnyAsync(c => c.ProjectId == incident.ProjectId, cancellationToken))
        {
            return;
        }

        var project = await db.Projects.SingleAsync(p => p.Id == incident.ProjectId, cancellationToken);
        var plan = await db.ContingencyPlanVersions.OrderBy(v => v.Number).FirstAsync(cancellationToken);
        var calendar = await calendars.GetAsync(cancellationToken);
        var officer = await db.Users.Where(u => u.Email == $"wg.beijing@{DemoData.DemoDomain}").Select(u => u.Id).SingleOrDefaultAsync(cancellationToken) ?? Actor;
        var applicant = await db.Users.Where(u => u.Email == $"applicant@{DemoData.DemoDomain}").Select(u => u.Id).SingleOrDefaultAsync(cancellationToken) ?? Actor;
        var book = new ObligationBook(db, clock);
        var records = new DisposalPublicRecords(new PublicRecordWriter(db));

        var opened = At(new DateOnly(2022, 7, 15), 10);
        var disposal = DisposalCase.Open(project, plan, DisposalLevel.III, DisposalSource.Incident, incident.Id,
            "智能投顾服务中断，部分客户未能按建议调仓，需暂停新增服务、告知客户并处理赔偿申请。", 126, opened, officer, calendar).ValueOrThrow();
        var obligations = new List<Domain.Obligations.Obligation>();
        foreach (var action in disposal.Actions)
        {
            obligations.Add(await book.EnsureAsync(new ObligationDraft(
                project.Id, project.RegionId, project.LeadOrganisationId, DisposalCommands.KindOf(action.Owner), disposal.SubjectOf(action.Kind), action.DueAt), cancellationToken));
        }

        const string SuspendReason = "服务中断原因尚未查明，暂停试点新增业务。";
        disposal.RecordSuspension(SuspendReason, opened, officer).OrThrow();
        project.Suspend(opened, officer, SuspendReason).OrThrow();
        records.Suspended(disposal, SuspendReason, opened);

        disposal.RecordNotice(NoticeChannel.Sms, 100, new DateOnly(2022, 7, 16), At(new DateOnly(2022, 7, 16), 17), applicant).OrThrow();
        disposal.RecordNotice(NoticeChannel.Phone, 26, new DateOnly(2022, 7, 18), At(new DateOnly(2022, 7, 18), 17), applicant).OrThrow();
        disposal.RecordCompensation(9, 18_600m, 6, "首批赔偿申请。", At(new DateOnly(2022, 7, 22), 16), applicant).OrThrow();
        disposal.RecordCompensation(2, 3_200m, 5, "余下申请处理完毕。", At(new DateOnly(2022, 7, 29), 16), applicant).OrThrow();
        var compensated = At(new DateOnly(2022, 8, 1), 10);
        disposal.CompleteAction(DisposalActionKind.Compensation, "全部 11 件赔偿申请已办结。", compensated, officer).OrThrow();

        var resumed = At(new DateOnly(2022, 8, 3), 10);
        const string ResumeReason = "故障设备已更换，全链路演练通过，恢复试点。";
        disposal.RecordResumption(ResumeReason, resumed, officer).OrThrow();
        project.Resume(resumed, officer, ResumeReason).OrThrow();
        records.Resumed(disposal, ResumeReason, resumed);
        foreach (var open in disposal.OpenActions)
        {
            disposal.WaiveAction(open.Kind, "本次处置无需此项。", resumed, officer).OrThrow();
        }

        foreach (var action in disposal.Actions)
        {
            var obligation = obligations.Single(o => o.Subject == disposal.SubjectOf(action.Kind));
            (action.State == DisposalActionState.Done
                ? obligation.Fulfil(action.ClosedAt ?? resumed, action.ClosedBy ?? officer)
                : obligation.Waive(action.ClosedAt ?? resumed, action.ClosedBy ?? officer, action.Note ?? "本次处置无需此项。")).OrThrow();
        }

        disposal.Close("客户均已告知，赔偿申请全部办结，试点已恢复运行，结案。", At(new DateOnly(2022, 8, 5), 15), officer).OrThrow();
        db.DisposalCases.Add(disposal);
        await db.SaveChangesAsync(cancellationToken);
    }
}
