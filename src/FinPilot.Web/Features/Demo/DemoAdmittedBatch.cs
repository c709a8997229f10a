using FinPilot.Domain.Applications;
using FinPilot.Domain.Calendar;
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
/// Beijing's first batch walked through the whole path on its real dates — applied in 2021,
/// screened, evaluated, approved by the coordination group, publicly noticed and admitted on
/// 2021-12-30 — so the register has running pilots with a full public timeline.
/// </summary>
internal sealed class DemoAdmittedBatch(FinPilotDbContext db, WorkingCalendarProvider calendars)
{
    private const string Actor = "demo-seed";

    private static readonly (string OrganisationCode, string Title, ProjectCategory Category, string Scenario, string Technology)[] Pilots =
    [
        ("MA02BFD31", "基于区块链的私募基金份额登记与转让试点", ProjectCategory.BusinessInnovation, "trading", "blockchain"),
        ("MA01JHQ20", "基于人工智能的智能投顾客户适当性管理试点", ProjectCategory.TechnologyInnovation, "investment-advice", "ai"),
        ("MA03YJJ42", "基金销售数字人民币支付结算试点", ProjectCategory.BusinessInnovation, "customer-service", "digital-rmb"),
    ];

    private static DateTimeOffset On(int year, int month, int day, int hour = 10) => new(year, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    public async Task SeedAsync(IReadOnlyDictionary<string, Organisation> organisations, CancellationToken cancellationToken)
    {
        var beijing = await db.Regions.SingleAsync(r => r.Code == "BJ", cancellationToken);
        var call = await db.Calls.SingleOrDefaultAsync(c => c.RegionId == beijing.Id && c.BatchNumber == 1, cancellationToken);
        if (call is null || await db.Projects.AnyAsync(p => p.CallId == call.Id, cancellationToken))
        {
            return;
        }

        var chair = await db.Users.Where(u => u.Email == $"coordination@{DemoData.DemoDomain}").Select(u => u.Id).SingleOrDefaultAsync(cancellationToken);
        if (chair is null)
        {
            return;
        }

        var records = new PublicRecordWriter(db);
        var projects = new List<PilotProject>();
        foreach (var (code, title, category, scenario, technology) in Pilots)
        {
            var project = PilotProject.Create(Guid.CreateVersion7(On(2021, 5, 10)), call.Id, call.RegionId, organisations[code].Id, category, title, On(2021, 5, 10), Actor).ValueOrThrow();
            var version = ApplicationVersionRecord.Open(project.Id, 1, Form(title, category, scenario, technology), On(2021, 5, 10), Actor);
            project.Submit(On(2021, 6, 1), Actor, call.ClosesAt);
            version.Freeze(On(2021, 6, 1));
            project.StartScreening(On(2021, 7, 5), Actor);
            project.Accept(On(2021, 7, 20), Actor, "材料齐全，进入专业评估。");
            project.CompleteEvaluation(On(2021, 10, 15), Actor, "第一批专业评估");
            db.Projects.Add(project);
            db.ApplicationVersions.Add(version);
            projects.Add(project);
        }

        // 协调小组审议: one meeting, one admission item, the chair's vote and resolution.
        var meetingDay = On(2021, 11, 25, 9);
        var meeting = Meeting.Schedule(Guid.CreateVersion7(meetingDay), new MeetingDetails("2021年第四次试点协调小组会议", new DateOnly(2021, 11, 25), new TimeOnly(9, 30), chair, [chair]), On(2021, 11, 18), chair).ValueOrThrow();
        var itemId = Guid.CreateVersion7(meetingDay);
        meeting.AddAgendaItem(itemId, AgendaItemKind.Admission, "北京地区第一批试点项目入箱", projects, "北京工作组经形式审查与专业评估，建议纳入试点。", On(2021, 11, 18), chair);
        meeting.Convene(On(2021, 11, 25, 10), chair);
        meeting.Vote(itemId, chair, VoteChoice.Approve, "同意", null, [], On(2021, 11, 25, 10));
        var resolved = On(2021, 11, 25, 11);
        meeting.RecordResolution(itemId, chair, [.. projects.Select(p => ProjectOutcome.Approved(p.Id))], "同意将北京地区第一批项目纳入试点，进入公示。", [], resolved);
        meeting.Close(On(2021, 11, 25, 12), chair);
        db.Add(meeting);
        foreach (var project in projects)
        {
            project.Approve(resolved, chair, null, "北京地区第一批试点项目入箱");
            records.Write(
                PublicRecord.Create(DeliberationActions.RecordResolution, project.Id.ToString(), resolved, new { meetingId = meeting.Id, itemId, projectId = project.Id, outcome = OutcomeKind.Approved }),
                project.RegionId,
                [new PublicEvent(project.Id, PublicEventKind.ResolutionPublished, resolved, "协调小组审议通过：北京地区第一批试点项目入箱", "Approved by the coordination group: Beijing batch 1", $"/pilots/{project.Id}")]);
        }

        // 公示, then 入箱 on 2021-12-30.
        var published = On(2021, 12, 10, 9);
        // The notice states what each application says: its scenarios and technologies (the register shows them).
        var summaries = projects.Select((p, i) => new PublicProjectSummary(
            p.Id, p.Title, organisations.Values.Single(o => o.Id == p.LeadOrganisationId).NameZh, [], p.Category, [Pilots[i].Scenario], [Pilots[i].Technology],
            "检验新技术在该业务场景下的合规边界与风险控制有效性。", "仅限专业投资者，不超过 500 户。", 12)
        { LeadType = organisations.Values.Single(o => o.Id == p.LeadOrganisationId).Type }).ToList();
        var notice = PublicNotice.Create(Guid.CreateVersion7(published), call.RegionId,
            new PublicNoticeContent("北京地区资本市场金融科技创新试点第一批拟入箱项目公示", "经试点协调小组审议，现将拟纳入试点的项目予以公示。", "北京证监局科技监管处 010-8000 0001", summaries), published, Actor).ValueOrThrow();
        notice.Publish(published, Actor, await calendars.GetAsync(cancellationToken));
        db.PublicNotices.Add(notice);
        records.Write(
            PublicRecord.Create(NoticeActions.RecordPublished, notice.Id.ToString(), published, new { notice.Id, notice.Title, notice.EndsOn, projects = summaries }),
            notice.RegionId,
            [.. summaries.Select(s => new PublicEvent(s.ProjectId, PublicEventKind.NoticePublished, published, $"公示：{notice.Title}", $"Public notice: {notice.Title}", $"/notices/{notice.Id}"))]);
        var admitted = On(2021, 12, 30, 9);
        foreach (var project in projects)
        {
            var start = new PilotStart(new DateOnly(2021, 12, 30), new DateOnly(2022, 12, 29), 500);
            project.Admit(admitted, Actor, start);
            notice.Admit(project.Id, admitted, Actor);
            records.Write(
                PublicRecord.Create(NoticeActions.RecordAdmitted, project.Id.ToString(), admitted, new { noticeId = notice.Id, projectId = project.Id, start.StartsOn, start.PlannedEndOn, start.CustomerLimit }),
                project.RegionId,
                [new PublicEvent(project.Id, PublicEventKind.Admitted, admitted, "公示期满，入箱启动试点（2021-12-30 起）", "Admitted after public notice; the pilot starts 2021-12-30", $"/pilots/{project.Id}")]);
        }

        notice.Close(admitted);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static ApplicationForm Form(string title, ProjectCategory category, string scenario, string technology) => new()
    {
        Name = title,
        Category = category,
        Summary = $"{title}：在可控范围内检验新技术对业务流程与投资者保护的影响。",
        Scenarios = [scenario],
        Technologies = [technology],
        Innovation = "以新技术重构业务流程，提升效率与透明度。",
        Problem = "现有流程依赖人工核对，效率低、差错多。",
        RegulatoryQuestion = "检验新技术在该业务场景下的合规边界与风险控制有效性。",
        RiskAssessment = "主要风险为技术风险与操作风险，已逐项评估。",
        RiskControls = "设置交易限额、双人复核与实时监控告警。",
        CustomerSelection = "仅面向专业投资者，经风险测评后纳入。",
        CustomerCaps = "仅限专业投资者，不超过 500 户。",
        CustomerDisclosure = "签署试点风险揭示书，定期披露运行情况。",
        Complaints = "设立专线与线上渠道，5 个工作日内答复。",
        Compensation = "设立风险准备金，因系统原因造成的损失先行赔付。",
        TestScope = "北京地区，限定业务品种。",
        CustomerLimit = 500,
        DurationMonths = 12,
        Metrics = "客户数、交易笔数与金额、系统可用率、投诉数。",
        EmergencyPlan = "系统故障时切换至原有流程，并通知客户。",
        ExitPlan = "试点结束后有序迁移或终止服务，妥善处置客户资产。",
    };
}
