using FinPilot.Domain.Calendar;
using FinPilot.Domain.Corrections;
using FinPilot.Domain.Obligations;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Calendar;
using FinPilot.Web.Features.Obligations;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Demo;

/// <summary>
/// 容错纠偏 in Beijing's 2021 batch: the blockchain pilot, past its customer cap in November 2022, is
/// ordered to rectify, answers with a plan and evidence and is verified and closed; earlier, a brief
/// excess of its daily amount during a system switch was tolerated, renewed once and ended with the pilot.
/// </summary>
internal sealed class DemoCorrections(FinPilotDbContext db, WorkingCalendarProvider calendars, TimeProvider clock)
{
    private const string Actor = "demo-seed";

    private static DateTimeOffset At(DateOnly day, int hour) => ChinaTime.StartOfDay(day).AddHours(hour);

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var beijing = await db.Regions.SingleAsync(r => r.Code == "BJ", cancellationToken);
        var project = await db.Projects
            .Where(p => p.RegionId == beijing.Id && p.Stage == ProjectStage.Running && p.StartsOn == new DateOnly(2021, 12, 30) && p.Title.Contains("区块链"))
            .OrderBy(p => p.Id).FirstOrDefaultAsync(cancellationToken);
        if (project is null || await db.CorrectionOrders.AnyAsync(o => o.ProjectId == project.Id, cancellationToken))
        {
            return;
        }

        var calendar = await calendars.GetAsync(cancellationToken);
        var officer = await db.Users.Where(u => u.Email == $"wg.beijing@{DemoData.DemoDomain}").Select(u => u.Id).SingleOrDefaultAsync(cancellationToken) ?? Actor;
        var applicant = await db.Users.Where(u => u.Email == $"applicant@{DemoData.DemoDomain}").Select(u => u.Id).SingleOrDefaultAsync(cancellationToken) ?? Actor;
        var book = new ObligationBook(db, clock);

        var issued = At(new DateOnly(2022, 11, 15), 10);
        var order = CorrectionOrder.Issue(project, new CorrectionOrderInput
        {
            Findings = "2022 年 11 月服务客户数 512 户，超过批准的客户数量上限 500 户。",
            Breach = "入箱批复的测试参数：客户数量上限 500 户。",
            RequiredActions = "立即停止新增客户；两周内将客户数压降至上限以内；提交客户清单和压降说明。",
            Severity = CorrectionSeverity.Moderate,
            WorkingDays = 10,
            MustRectify = true,
        }, CorrectionSource.Direct, null, calendar.DeadlineAfter(issued, 10), issued, officer).ValueOrThrow();
        project.OrderCorrection(issued, officer, "客户数超过批准上限，责令整改。").OrThrow();
        var first = order.ObligationSubject;
        var obligation = await book.EnsureAsync(new ObligationDraft(project.Id, project.RegionId, project.LeadOrganisationId, ObligationKind.CorrectionResponse, first, order.DueAt), cancellationToken);
        order.SubmitPlan("11 月 16 日起暂停开户；对非活跃客户逐户确认后办理销户；11 月 25 日前完成压降。", At(new DateOnly(2022, 11, 17), 16), applicant).OrThrow();
        var answered = At(new DateOnly(2022, 11, 25), 17);
        order.SubmitEvidence("截至 11 月 25 日服务客户数 486 户，附客户清单与销户记录。", answered, applicant).OrThrow();
        obligation.Fulfil(answered, applicant).OrThrow();
        var closed = At(new DateOnly(2022, 11, 30), 11);
        order.Close("经核验，客户数已降至上限以内，整改到位，予以销号。", closed, officer).OrThrow();
        project.CloseCorrection(closed, officer, "整改核验通过。").OrThrow();
        db.CorrectionOrders.Add(order);

        var recorded = At(new DateOnly(2022, 7, 20), 15);
        var deviation = ToleratedDeviation.Record(project, new ToleranceInput
        {
            Deviation = "核心系统切换期间（7 月 18 日至 19 日）单日交易金额两次超过批准限额。",
            Rationale = "属技术切换中的短时偏差，未造成客户损失，符合试点探索精神。",
            Conditions = "切换完成后不得再超限；每周报送交易金额；再次超限即撤销容错并责令整改。",
            ExpiresOn = new DateOnly(2022, 10, 31),
        }, ChinaTime.DateOf(recorded), recorded, officer).ValueOrThrow();
        var review = await book.EnsureAsync(Draft(deviation), cancellationToken);
        var renewed = At(new DateOnly(2022, 10, 28), 10);
        deviation.Review(ToleranceDecision.Renew, "切换后未再超限，条件仍满足，续期至试点期满。", new DateOnly(2022, 12, 29), ChinaTime.DateOf(renewed), renewed, officer).OrThrow();
        review.Fulfil(renewed, officer).OrThrow();
        var second = await book.EnsureAsync(Draft(deviation), cancellationToken);
        var ended = At(new DateOnly(2022, 12, 29), 16);
        deviation.Review(ToleranceDecision.End, "试点期满，容错随之结束。", null, ChinaTime.DateOf(ended), ended, officer).OrThrow();
        second.Fulfil(ended, officer).OrThrow();
        db.ToleratedDeviations.Add(deviation);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static ObligationDraft Draft(ToleratedDeviation deviation) =>
        new(deviation.ProjectId, deviation.RegionId, deviation.OrganisationId, ObligationKind.ToleranceReview, deviation.ReviewSubject,
            ObligationRules.Precise(ChinaTime.EndOfDay(deviation.ExpiresOn)));
}
