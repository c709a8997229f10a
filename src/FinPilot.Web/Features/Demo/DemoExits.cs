using FinPilot.Domain.Applications;
using FinPilot.Domain.Calendar;
using FinPilot.Domain.Deliberation;
using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Evaluation;
using FinPilot.Domain.Exit;
using FinPilot.Domain.Obligations;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Applications;
using FinPilot.Web.Features.Calendar;
using FinPilot.Web.Features.Deliberation;
using FinPilot.Web.Features.Disclosure;
using FinPilot.Web.Features.Exit;
using FinPilot.Web.Features.Obligations;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Demo;

/// <summary>
/// 退出: three more pilots of Beijing's 2021 batch (admitted with the batch on 2021-12-30 for a year)
/// walked through the exit path with the aggregates' own methods, so their events, obligations and
/// public records are the real ones: two completed — one tiered 示范 (exemplary), one 良好 (good) — and
/// one withdrawn early; each with a self-assessment, the customer-protection checklist, the working
/// group's audit, a three-expert opinion and the coordination group's resolution of 2023-02-20.
/// The batch's three running pilots stay running (other demos and their tests build on them).
/// </summary>
internal sealed class DemoExits(FinPilotDbContext db, WorkingCalendarProvider calendars, TimeProvider clock)
{
    private const string Actor = "demo-seed";

    private static readonly DemoExit[] Exits =
    [
        new("MA02BFD31", "基于区块链的债券质押登记试点", ProjectCategory.BusinessInnovation, "trading", "blockchain", ExitMode.Completed, 9,
            "试点期满，测试计划全部执行，质押登记效率提升六成，申请完成退出。", null),
        new("MA03YJJ42", "基金销售智能客服应答试点", ProjectCategory.TechnologyInnovation, "customer-service", "ai", ExitMode.Completed, 8,
            "试点期满，智能客服应答准确率达标，申请完成退出并转入常规业务。", null),
        new("MA02BFD31", "区块链私募份额质押融资试点", ProjectCategory.BusinessInnovation, "trading", "blockchain", ExitMode.Withdrawn, 6,
            "合作银行调整业务安排，试点难以继续，申请提前主动退出。", "存量 37 户客户提前三十日告知，质押登记于 2022 年 9 月底前迁回原有登记流程，未了结业务按原合同履行至到期。"),
    ];

    private static readonly (string Name, string Opinion)[] Experts =
    [
        ("expert", "试点达成测试目标，风险控制有效，客户权益保护到位。"),
        ("expert.legal", "退出安排合法合规，客户告知与数据处置符合方案。"),
        ("expert.finance", "资产迁移与资金清算安排稳妥，未见遗留风险。"),
    ];

    private static DateTimeOffset On(int year, int month, int day, int hour = 10) => new(year, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var beijing = await db.Regions.SingleOrDefaultAsync(r => r.Code == "BJ", cancellationToken);
        var call = beijing is null ? null : await db.Calls.SingleOrDefaultAsync(c => c.RegionId == beijing.Id && c.BatchNumber == 1, cancellationToken);
        var titles = Exits.Select(e => e.Title).ToList();
        if (call is null || await db.Projects.AnyAsync(p => titles.Contains(p.Title), cancellationToken))
        {
            return;
        }

        var officer = await UserAsync("wg.beijing", cancellationToken);
        var chair = await UserAsync("coordination", cancellationToken);
        var codes = Exits.Select(e => e.OrganisationCode).Distinct().ToList();
        var organisations = (await db.Organisations.ToListAsync(cancellationToken)).Where(o => codes.Any(c => o.CreditCode.Contains(c, StringComparison.Ordinal)))
            .ToDictionary(o => codes.First(c => o.CreditCode.Contains(c, StringComparison.Ordinal)));
        if (officer is null || chair is null || organisations.Count != codes.Count)
        {
            return;
        }

        var projects = Admit(call, organisations, chair, await calendars.GetAsync(cancellationToken));
        var records = new PublicRecordWriter(db);
        var publicRecords = new ExitPublicRecords(records);
        var book = new ObligationBook(db, clock);
        var exits = new List<(ExitCase Case, PilotProject Project)>();
        foreach (var (demo, project) in Exits.Zip(projects))
        {
            exits.Add((await WalkAsync(demo, project, officer, book, publicRecords, cancellationToken), project));
        }

        // 结果确认: one coordination-group meeting, an Exit item per pilot, voted and resolved; the pilots exit and their tiers are public.
        var meetingDay = On(2023, 2, 20, 9);
        var meeting = Meeting.Schedule(Guid.CreateVersion7(meetingDay), new MeetingDetails("2023年第一次试点协调小组会议", new DateOnly(2023, 2, 20), new TimeOnly(9, 30), chair, [chair]),
            On(2023, 2, 13), chair).ValueOrThrow();
        var items = new List<Guid>();
        foreach (var (exit, project) in exits)
        {
            var itemId = Guid.CreateVersion7(On(2023, 2, 13, 10 + items.Count));
            meeting.AddAgendaItem(itemId, AgendaItemKind.Exit, ExitTexts.Format("Agenda_Title", ExitTexts.Chinese, project.Title), [project],
                ExitTexts.Format("Agenda_View", ExitTexts.Chinese, exit.ForwardNote, ExitTexts.Of(exit.Mode, ExitTexts.Chinese), ExitTexts.Of(exit.Proposal!.Tier, ExitTexts.Chinese),
                    exit.Proposal.Score, exit.Proposal.FormulaVersion), On(2023, 2, 13, 11), chair).OrThrow();
            exit.PutOnAgenda(meeting.Id, itemId).OrThrow();
            items.Add(itemId);
        }

        meeting.Convene(On(2023, 2, 20), chair).OrThrow();
        var resolvedAt = On(2023, 2, 20, 11);
        foreach (var ((exit, project), itemId) in exits.Zip(items))
        {
            meeting.Vote(itemId, chair, VoteChoice.Approve, "同意", null, [], On(2023, 2, 20)).OrThrow();
            var resolution = $"经审议，确认{project.Title}{ExitTexts.Of(exit.Mode, ExitTexts.Chinese)}，分层分类为{ExitTexts.Of(exit.Proposal!.Tier, ExitTexts.Chinese)}。";
            meeting.RecordResolution(itemId, chair, [ProjectOutcome.Approved(project.Id)], resolution, [], resolvedAt).OrThrow();
            exit.Resolve(meeting.Id, itemId, true, resolution, resolvedAt, chair).OrThrow();
            await book.FulfilAsync(exit.ProjectId, ObligationKind.ExitConfirmation, ExitService.CaseSubject(exit.Id), resolvedAt, chair, cancellationToken);
            project.CompleteExit(resolvedAt, chair, resolution).OrThrow();
            publicRecords.Exited(exit, resolvedAt);
        }

        meeting.Close(On(2023, 2, 20, 12), chair).OrThrow();
        db.Add(meeting);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The exit path of one pilot up to the forward, each step on its date and each step's obligation owed and met.</summary>
    private async Task<ExitCase> WalkAsync(DemoExit demo, PilotProject project, string officer, ObligationBook book, ExitPublicRecords publicRecords, CancellationToken cancellationToken)
    {
        var withdrawn = demo.Mode == ExitMode.Withdrawn;
        var opened = withdrawn ? On(2022, 8, 15) : On(2022, 11, 28);
        DateTimeOffset Day(int days) => opened.AddDays(days);
        var exit = ExitCase.Open(project, demo.Mode, demo.Reasons, demo.TransitionPlan, confirmed: true, opened, Actor).ValueOrThrow();
        project.RequestExit(demo.Mode, opened, Actor, demo.Reasons).OrThrow();
        db.ExitCases.Add(exit);
        publicRecords.Requested(exit, opened);
        await OweAndMeetAsync(book, exit, ObligationKind.ExitSelfAssessment, ExitService.CaseSubject(exit.Id), Day(21), Day(14), Actor, cancellationToken);

        exit.SaveSelfAssessment(Assessment(demo), [], Day(10), Actor).OrThrow();
        foreach (var kind in ChecklistItem.Kinds)
        {
            exit.RecordChecklistItem(kind, true, Evidence(kind, withdrawn), null, Day(12), Actor).OrThrow();
        }

        exit.SubmitForAudit(Day(14), Actor).OrThrow();
        exit.Accept("自评报告与客户权益保护清单齐全，证明材料充分，审核通过。", Day(20), officer).OrThrow();
        await OweAndMeetAsync(book, exit, ObligationKind.ExitAudit, ExitService.AuditSubject(exit.Id, exit.Submissions), Day(24), Day(20), officer, cancellationToken);
        publicRecords.Step(exit, "Public_AuditAccepted", Day(20));

        var due = Day(40);
        exit.StartReview(3, due, Day(21), officer).OrThrow();
        var day = 30;
        foreach (var (name, opinion) in Experts)
        {
            if (await UserAsync(name, cancellationToken) is not { } expert)
            {
                continue;
            }

            exit.AssignReviewer(expert, [], due, Day(21), officer).OrThrow();
            var scores = ExitReview.Criteria.Select(c => new ExitCriterionScore(c, demo.Score, opinion)).ToList();
            exit.SubmitReview(expert, scores, demo.Score >= 7 ? Recommendation.Recommend : Recommendation.RecommendWithConditions, opinion, Day(day)).OrThrow();
            await OweAndMeetAsync(book, exit, ObligationKind.ExitExpertReview, ExitReviewService.ExpertSubject(exit.Id, expert), due, Day(day), expert, cancellationToken);
            day++;
        }

        if (exit.Review is { IsComplete: true })
        {
            publicRecords.Step(exit, "Public_ReviewCompleted", Day(day));
        }

        var proposal = TierFormula.Propose(await new ExitRecord(db, clock).TierInputsAsync(exit, cancellationToken), Day(day + 2));
        exit.Forward("专家论证意见一致，工作组同意提请协调小组确认退出。", proposal, Day(day + 2), officer).OrThrow();
        await OweAndMeetAsync(book, exit, ObligationKind.ExitExpertReview, ExitReviewService.ReviewSubject(exit.Id), due, Day(day + 2), officer, cancellationToken);
        await book.EnsureAsync(ExitService.Draft(exit, ObligationKind.ExitConfirmation, ExitService.CaseSubject(exit.Id), On(2023, 3, 31, 18)), cancellationToken);
        publicRecords.Step(exit, "Public_Forwarded", Day(day + 2));
        return exit;
    }

    /// <summary>Admits the pilots with Beijing's first batch: screened, evaluated, approved, noticed and admitted on 2021-12-30 for a year.</summary>
    private List<PilotProject> Admit(Domain.Calls.Call call, Dictionary<string, Domain.Organisations.Organisation> organisations, string chair, WorkingDayCalendar calendar)
    {
        var records = new PublicRecordWriter(db);
        var projects = new List<PilotProject>();
        foreach (var demo in Exits)
        {
            var organisation = organisations[demo.OrganisationCode];
            var project = PilotProject.Create(Guid.CreateVersion7(On(2021, 5, 11)), call.Id, call.RegionId, organisation.Id, demo.Category, demo.Title, On(2021, 5, 11), Actor)
                .ValueOrThrow();
            var version = ApplicationVersionRecord.Open(project.Id, 1, Form(demo), On(2021, 5, 11), Actor);
            project.Submit(On(2021, 6, 1), Actor, call.ClosesAt).OrThrow();
            version.Freeze(On(2021, 6, 1));
            project.StartScreening(On(2021, 7, 5), Actor).OrThrow();
            project.Accept(On(2021, 7, 20), Actor, "材料齐全，进入专业评估。").OrThrow();
            project.CompleteEvaluation(On(2021, 10, 15), Actor, "第一批专业评估").OrThrow();
            var resolved = On(2021, 11, 25, 11);
            project.Approve(resolved, chair, null, "北京地区第一批试点项目入箱").OrThrow();
            records.Write(
                PublicRecord.Create(DeliberationActions.RecordResolution, project.Id.ToString(), resolved, new { projectId = project.Id, outcome = OutcomeKind.Approved }),
                project.RegionId,
                [new PublicEvent(project.Id, PublicEventKind.ResolutionPublished, resolved, "协调小组审议通过：北京地区第一批试点项目入箱", "Approved by the coordination group: Beijing batch 1", $"/pilots/{project.Id}")]);
            db.Projects.Add(project);
            db.ApplicationVersions.Add(version);
            projects.Add(project);
        }

        var published = On(2021, 12, 10, 9);
        var summaries = Exits.Zip(projects).Select(x => new PublicProjectSummary(
            x.Second.Id, x.Second.Title, organisations[x.First.OrganisationCode].NameZh, [], x.First.Category, [x.First.Scenario], [x.First.Technology],
            "检验新技术在该业务场景下的合规边界与风险控制有效性。", "仅限专业投资者，不超过 300 户。", 12)
        { LeadType = organisations[x.First.OrganisationCode].Type }).ToList();
        var notice = PublicNotice.Create(Guid.CreateVersion7(published), call.RegionId,
            new PublicNoticeContent("北京地区资本市场金融科技创新试点第一批拟入箱项目公示（二）", "经试点协调小组审议，现将第一批其余拟纳入试点的项目予以公示。", "北京证监局科技监管处 010-8000 0001", summaries),
            published, Actor).ValueOrThrow();
        notice.Publish(published, Actor, calendar).OrThrow();
        db.PublicNotices.Add(notice);
        records.Write(
            PublicRecord.Create(NoticeActions.RecordPublished, notice.Id.ToString(), published, new { notice.Id, notice.Title, notice.EndsOn, projects = summaries }),
            notice.RegionId,
            [.. summaries.Select(s => new PublicEvent(s.ProjectId, PublicEventKind.NoticePublished, published, $"公示：{notice.Title}", $"Public notice: {notice.Title}", $"/notices/{notice.Id}"))]);
        var admitted = On(2021, 12, 30, 9);
        foreach (var project in projects)
        {
            var start = new PilotStart(new DateOnly(2021, 12, 30), new DateOnly(2022, 12, 29), 300);
            project.Admit(admitted, Actor, start).OrThrow();
            notice.Admit(project.Id, admitted, Actor);
            records.Write(
                PublicRecord.Create(NoticeActions.RecordAdmitted, project.Id.ToString(), admitted, new { noticeId = notice.Id, projectId = project.Id, start.StartsOn, start.PlannedEndOn, start.CustomerLimit }),
                project.RegionId,
                [new PublicEvent(project.Id, PublicEventKind.Admitted, admitted, "公示期满，入箱启动试点（2021-12-30 起）", "Admitted after public notice; the pilot starts 2021-12-30", $"/pilots/{project.Id}")]);
        }

        notice.Close(admitted);
        return projects;
    }

    private static async Task OweAndMeetAsync(
        ObligationBook book, ExitCase exit, ObligationKind kind, string subject, DateTimeOffset due, DateTimeOffset met, string actor, CancellationToken cancellationToken)
    {
        await book.EnsureAsync(ExitService.Draft(exit, kind, subject, due), cancellationToken);
        await book.FulfilAsync(exit.ProjectId, kind, subject, met, actor, cancellationToken);
    }

    private static ExitSelfAssessment Assessment(DemoExit demo) => new()
    {
        GoalsResults = demo.Mode == ExitMode.Withdrawn ? "完成测试计划约六成，已验证的部分达到预期目标。" : "测试计划全部执行，各项测试目标均已达成。",
        InnovationValue = "以新技术重构业务流程，处理时效显著提升。",
        RegulatoryInsight = "验证了穿透式监测与实时报送在该场景下的可行性。",
        RiskControl = "试点期间未发生重大风险事件，限额与监控告警运行有效。",
        InvestorProtection = "客户均签署风险揭示书，投诉全部在时限内办结。",
        ServiceQuality = "服务稳定，处理时效与准确率达到方案要求。",
        UserSatisfaction = "客户满意度调查 94% 满意。",
        BusinessContinuity = "系统可用率 99.95%，应急演练两次均达标。",
        LegalityCompliance = "业务开展符合试点方案与监管要求。",
        TransactionSecurity = "未发生交易安全事件。",
        DataSecurity = "客户数据按方案分级保护，未发生数据泄露。",
        Lessons = "客户告知宜更早启动，报送口径需与工作组提前对齐。",
    };

    private static string Evidence(ChecklistItemKind kind, bool withdrawn) => kind switch
    {
        ChecklistItemKind.CustomersInformed => withdrawn ? "提前三十日逐户电话与书面告知，回执齐全。" : "试点期满前一个月以短信与书面方式告知全部客户。",
        ChecklistItemKind.AssetsMigrated => "客户资产已全部迁移或返还，托管行出具对账确认函。",
        ChecklistItemKind.ComplaintsClosed => "试点期间投诉全部办结，无未结投诉。",
        ChecklistItemKind.CompensationSettled => "无待赔付事项，风险准备金余额已确认。",
        ChecklistItemKind.DataHandled => "客户数据按方案留存五年，其余数据已删除并出具删除证明。",
        _ => "试点服务已关闭，相关业务转入持牌业务办理。",
    };

    private static ApplicationForm Form(DemoExit demo) => new()
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
        RiskControls = "设置交易限额、双人复核与实时监控告警。",
        CustomerSelection = "仅面向专业投资者，经风险测评后纳入。",
        CustomerCaps = "仅限专业投资者，不超过 300 户。",
        CustomerDisclosure = "签署试点风险揭示书，定期披露运行情况。",
        Complaints = "设立专线与线上渠道，5 个工作日内答复。",
        Compensation = "设立风险准备金，因系统原因造成的损失先行赔付。",
        TestScope = "北京地区，限定业务品种。",
        CustomerLimit = 300,
        DurationMonths = 12,
        Metrics = "客户数、交易笔数与金额、系统可用率、投诉数。",
        EmergencyPlan = "系统故障时切换至原有流程，并通知客户。",
        ExitPlan = "试点结束后有序迁移或终止服务，妥善处置客户资产。",
    };

    private Task<string?> UserAsync(string name, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.Email == $"{name}@{DemoData.DemoDomain}").Select(u => u.Id).SingleOrDefaultAsync(cancellationToken);

    private sealed record DemoExit(
        string OrganisationCode, string Title, ProjectCategory Category, string Scenario, string Technology, ExitMode Mode, int Score, string Reasons, string? TransitionPlan);
}
