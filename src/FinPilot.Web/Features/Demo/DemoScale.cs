using FinPilot.Domain.Applications;
using FinPilot.Domain.Calls;
using FinPilot.Domain.Common;
using FinPilot.Domain.Deliberation;
using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Organisations;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Applications;
using FinPilot.Web.Features.Calendar;
using FinPilot.Web.Features.Deliberation;
using FinPilot.Web.Features.Disclosure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Demo;

/// <summary>
/// The demo at the scale of the source: Beijing's first batch grows to 16 admitted pilots from 51
/// applications by 26 institutions (the three running and three exited pilots of
/// <see cref="DemoAdmittedBatch"/> and <see cref="DemoExits"/> with the rest of the batch, screened
/// out, not approved, withdrawn or admitted on 2021-12-30), Shanghai, Shenzhen, Guangzhou and Nanjing
/// have their first batches admitted in 2022, and Shanghai's open second call has applications in progress.
/// Walked with the aggregates' own methods, public records through <see cref="PublicRecordWriter"/>;
/// each part is skipped when its first project exists, so seeding again adds nothing.
/// </summary>
internal sealed class DemoScale(FinPilotDbContext db, WorkingCalendarProvider calendars, TimeProvider clock)
{
    private const string Actor = "demo-seed";

    public async Task SeedAsync(IReadOnlyDictionary<string, Organisation> organisations, CancellationToken cancellationToken)
    {
        var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Code, r => r.Id, cancellationToken);
        foreach (var batch in DemoScaleData.Batches)
        {
            if (!regions.TryGetValue(batch.RegionCode, out var regionId))
            {
                continue;
            }

            var call = await db.Calls.SingleOrDefaultAsync(c => c.RegionId == regionId && c.BatchNumber == batch.BatchNumber, cancellationToken);
            var first = batch.Applications[0].Title;
            // A batch of the past goes into a closed call only (a demo seeded before Shanghai's first batch existed keeps its open call as batch 1).
            if (call is null || (batch.Dates is not null && call.Status != CallStatus.Closed)
                || await db.Projects.AnyAsync(p => p.CallId == call.Id && p.Title == first, cancellationToken))
            {
                continue;
            }

            await SeedBatchAsync(batch, call, organisations, cancellationToken);
        }
    }

    private async Task SeedBatchAsync(DemoScaleData.Batch batch, Call call, IReadOnlyDictionary<string, Organisation> organisations, CancellationToken cancellationToken)
    {
        var records = new PublicRecordWriter(db);
        var dates = batch.Dates ?? DemoScaleData.Now(clock.GetUtcNow());
        var workingGroup = await db.RoleAssignments.Where(a => a.RegionId == call.RegionId).Select(a => a.UserId).FirstOrDefaultAsync(cancellationToken) ?? Actor;
        var chair = await db.Users.Where(u => u.Email == $"coordination@{DemoData.DemoDomain}").Select(u => u.Id).SingleOrDefaultAsync(cancellationToken) ?? Actor;
        var approved = new List<(PilotProject Project, DemoScaleData.Application Demo)>();
        var seeded = new List<IRecordsEvents>();
        foreach (var demo in batch.Applications)
        {
            var lead = organisations[demo.OrganisationCode];
            var project = PilotProject.Create(Guid.CreateVersion7(dates.Created), call.Id, call.RegionId, lead.Id, demo.Category, demo.Title, dates.Created, Actor).ValueOrThrow();
            var version = ApplicationVersionRecord.Open(project.Id, 1, Form(demo, batch.Scope), dates.Created, Actor);
            db.Projects.Add(project);
            db.ApplicationVersions.Add(version);
            seeded.Add(project);
            project.Submit(dates.Submitted, Actor, call.ClosesAt).OrThrow();
            version.Freeze(dates.Submitted);
            if (demo.Outcome == DemoScaleData.Outcome.Submitted)
            {
                continue;
            }

            project.StartScreening(dates.Screening, workingGroup).OrThrow();
            switch (demo.Outcome)
            {
                case DemoScaleData.Outcome.Screening:
                    continue;
                case DemoScaleData.Outcome.RejectedAtScreening:
                    project.Reject(dates.Accepted, workingGroup, "申报材料未能说明创新性与监管启发，测试方案不完整，不予受理。").OrThrow();
                    continue;
            }

            project.Accept(dates.Accepted, workingGroup, "材料齐全，进入专业评估。").OrThrow();
            if (demo.Outcome == DemoScaleData.Outcome.Withdrawn)
            {
                project.Withdraw(dates.Accepted.AddDays(30), Actor, "合作方调整业务安排，申请撤回。").OrThrow();
                continue;
            }

            project.CompleteEvaluation(dates.Evaluated, Actor, $"{batch.Name}专业评估").OrThrow();
            var rejected = demo.Outcome == DemoScaleData.Outcome.RejectedInDeliberation;
            if (rejected)
            {
                project.RejectAfterDeliberation(dates.Resolved, chair, "专业评估认为创新性与风险防控措施不足，暂不纳入试点。").OrThrow();
            }
            else
            {
                project.Approve(dates.Resolved, chair, null, $"{batch.Name}试点项目入箱").OrThrow();
                approved.Add((project, demo));
            }

            records.Write(
                PublicRecord.Create(DeliberationActions.RecordResolution, project.Id.ToString(), dates.Resolved,
                    new { projectId = project.Id, outcome = rejected ? OutcomeKind.Rejected : OutcomeKind.Approved }),
                project.RegionId,
                [new PublicEvent(project.Id, PublicEventKind.ResolutionPublished, dates.Resolved,
                    rejected ? $"协调小组审议未通过：{batch.Name}" : $"协调小组审议通过：{batch.Name}试点项目入箱",
                    rejected ? $"Not approved by the coordination group: {batch.NameEn}" : $"Approved by the coordination group: {batch.NameEn}",
                    $"/pilots/{project.Id}")]);
        }

        if (approved.Count > 0)
        {
            seeded.Add(await AdmitAsync(batch, call, dates, approved, organisations, records, cancellationToken));
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var aggregate in seeded)
        {
            aggregate.ClearEvents();
        }
    }

    /// <summary>公示, then 入箱: one notice for the batch's approved projects, each admitted when it ends.</summary>
    private async Task<PublicNotice> AdmitAsync(
        DemoScaleData.Batch batch, Call call, DemoScaleData.Dates dates, List<(PilotProject Project, DemoScaleData.Application Demo)> approved,
        IReadOnlyDictionary<string, Organisation> organisations, PublicRecordWriter records, CancellationToken cancellationToken)
    {
        var summaries = approved.Select(a => new PublicProjectSummary(
            a.Project.Id, a.Project.Title, organisations[a.Demo.OrganisationCode].NameZh, [], a.Demo.Category, [a.Demo.Scenario], [a.Demo.Technology],
            "检验新技术在该业务场景下的合规边界与风险控制有效性。", $"仅限专业投资者，不超过 {a.Demo.CustomerLimit} 户。", 12)
        { LeadType = organisations[a.Demo.OrganisationCode].Type }).ToList();
        var notice = PublicNotice.Create(Guid.CreateVersion7(dates.Noticed), call.RegionId,
            new PublicNoticeContent(batch.NoticeTitle, "经试点协调小组审议，现将拟纳入试点的项目予以公示。", call.Contact, summaries), dates.Noticed, Actor).ValueOrThrow();
        notice.Publish(dates.Noticed, Actor, await calendars.GetAsync(cancellationToken)).OrThrow();
        db.PublicNotices.Add(notice);
        records.Write(
            PublicRecord.Create(NoticeActions.RecordPublished, notice.Id.ToString(), dates.Noticed, new { notice.Id, notice.Title, notice.EndsOn, projects = summaries }),
            notice.RegionId,
            [.. summaries.Select(s => new PublicEvent(s.ProjectId, PublicEventKind.NoticePublished, dates.Noticed, $"公示：{notice.Title}", $"Public notice: {notice.Title}", $"/notices/{notice.Id}"))]);
        var startsOn = Domain.Calendar.ChinaTime.DateOf(dates.Admitted);
        foreach (var (project, demo) in approved)
        {
            var start = new PilotStart(startsOn, startsOn.AddYears(1).AddDays(-1), demo.CustomerLimit);
            project.Admit(dates.Admitted, Actor, start).OrThrow();
            notice.Admit(project.Id, dates.Admitted, Actor);
            records.Write(
                PublicRecord.Create(NoticeActions.RecordAdmitted, project.Id.ToString(), dates.Admitted,
                    new { noticeId = notice.Id, projectId = project.Id, start.StartsOn, start.PlannedEndOn, start.CustomerLimit }),
                project.RegionId,
                [new PublicEvent(project.Id, PublicEventKind.Admitted, dates.Admitted, $"公示期满，入箱启动试点（{startsOn:yyyy-MM-dd} 起）",
                    $"Admitted after public notice; the pilot starts {startsOn:yyyy-MM-dd}", $"/pilots/{project.Id}")]);
        }

        notice.Close(dates.Admitted);
        return notice;
    }

    private static ApplicationForm Form(DemoScaleData.Application demo, string scope) => new()
    {
        Name = demo.Title,
        Category = demo.Category,
        Summary = $"{demo.Title}：在可控范围内检验新技术对业务流程与投资者保护的影响。",
        Scenarios = [demo.Scenario],
        Technologies = [demo.Technology],
        Innovation = "以新技术重构业务流程，提升效率与透明度。",
        Problem = "现有流程依赖人工核对，效率低、差错多。",
        RegulatoryQuestion = "检验新技术在该业务场景下的合规边界与风险控制有效性。",
        RiskAssessment = "主要风险为技术风险与操作风险，已逐项评估。",
        RiskControls = "设置业务限额、双人复核与实时监控告警。",
        CustomerSelection = "仅面向专业投资者，经风险测评后纳入。",
        CustomerCaps = $"仅限专业投资者，不超过 {demo.CustomerLimit} 户。",
        CustomerDisclosure = "签署试点风险揭示书，定期披露运行情况。",
        Complaints = "设立专线与线上渠道，5 个工作日内答复。",
        Compensation = "设立风险准备金，因系统原因造成的损失先行赔付。",
        TestScope = scope,
        CustomerLimit = demo.CustomerLimit,
        DurationMonths = 12,
        Metrics = "客户数、业务笔数与金额、系统可用率、投诉数。",
        EmergencyPlan = "系统故障时切换至原有流程，并通知客户。",
        ExitPlan = "试点结束后有序迁移或终止服务，妥善处置客户资产。",
    };
}
