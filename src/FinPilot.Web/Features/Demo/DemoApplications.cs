using FinPilot.Domain.Applications;
using FinPilot.Domain.Calendar;
using FinPilot.Domain.Calls;
using FinPilot.Domain.Organisations;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Demo;

/// <summary>
/// Applications to Beijing's open call in every state screening knows, so each demo role finds
/// work waiting: a draft, a submitted one, one returned for supplement, three accepted for evaluation.
/// </summary>
internal sealed class DemoApplications(FinPilotDbContext db, TimeProvider clock)
{
    private const string SeedActor = "demo-seed";

    private sealed record Sample(string OrganisationCode, string Title, ProjectCategory Category, ProjectStage Stage, string Scenario, string Technology);

    private static readonly Sample[] Samples =
    [
        new("MA01JHQ20", "基于隐私计算的投顾客户风险画像", ProjectCategory.TechnologyInnovation, ProjectStage.Draft, "investment-advice", "privacy-computing"),
        new("MA02BFD31", "基于区块链的私募基金份额转让平台", ProjectCategory.BusinessInnovation, ProjectStage.Submitted, "trading", "blockchain"),
        new("MA03YJJ42", "证券行业数字人民币应用场景创新试点", ProjectCategory.BusinessInnovation, ProjectStage.ReturnedForSupplement, "customer-service", "digital-rmb"),
        new("MA05GQJ64", "区域性股权市场区块链登记托管试点", ProjectCategory.PublicService, ProjectStage.Evaluation, "compliance", "blockchain"),
        new("MA01JHQ20", "基于大数据的证券交易异常行为智能监测", ProjectCategory.TechnologyInnovation, ProjectStage.Evaluation, "risk-control", "big-data"),
        new("MA02BFD31", "证券账户数字人民币资金结算试点", ProjectCategory.BusinessInnovation, ProjectStage.Evaluation, "trading", "digital-rmb"),
    ];

    public async Task SeedAsync(IReadOnlyDictionary<string, Organisation> organisations, CancellationToken cancellationToken)
    {
        var beijing = await db.Regions.SingleAsync(r => r.Code == "BJ", cancellationToken);
        var now = clock.GetUtcNow();
        var call = (await db.Calls.Where(c => c.RegionId == beijing.Id && c.Status == CallStatus.Published).ToListAsync(cancellationToken))
            .FirstOrDefault(c => c.IsOpenAt(now));
        if (call is null)
        {
            return;
        }

        var workingGroup = await db.RoleAssignments.Where(a => a.RegionId == beijing.Id).Select(a => a.UserId).FirstOrDefaultAsync(cancellationToken) ?? SeedActor;
        var applicant = await db.RoleAssignments.Where(a => a.OrganisationId == organisations["MA01JHQ20"].Id).Select(a => a.UserId).FirstOrDefaultAsync(cancellationToken) ?? SeedActor;
        foreach (var sample in Samples)
        {
            if (await db.Projects.AnyAsync(p => p.CallId == call.Id && p.Title == sample.Title, cancellationToken))
            {
                continue;
            }

            var organisation = organisations[sample.OrganisationCode];
            var actor = sample.OrganisationCode == "MA01JHQ20" ? applicant : SeedActor;
            var project = PilotProject.Create(Guid.CreateVersion7(now), call.Id, call.RegionId, organisation.Id, sample.Category, sample.Title, now, actor).ValueOrThrow();
            db.Projects.Add(project);
            var form = Form(sample, complete: sample.Stage != ProjectStage.Draft);
            var version = ApplicationVersionRecord.Open(project.Id, 1, form, now, actor);
            db.ApplicationVersions.Add(version);
            if (sample.Stage == ProjectStage.Draft)
            {
                continue;
            }

            project.Submit(now, actor, call.ClosesAt);
            version.Freeze(now);
            if (sample.Stage == ProjectStage.Submitted)
            {
                continue;
            }

            project.StartScreening(now, workingGroup);
            if (sample.Stage == ProjectStage.ReturnedForSupplement)
            {
                project.ReturnForSupplement(now, workingGroup, ["数字人民币钱包反洗钱控制措施说明", "合作银行书面意见"], 10, OfficialHolidaySchedules.Calendar);
                db.ApplicationVersions.Add(ApplicationVersionRecord.Open(project.Id, project.ApplicationVersion, form, now, workingGroup));
                continue;
            }

            db.ScreeningChecklists.Add(new ScreeningChecklist
            {
                ProjectId = project.Id,
                Ticked = [.. ScreeningService.StandardChecks, .. call.Materials.Select(m => "material:" + m)],
                UpdatedAt = now,
                UpdatedBy = workingGroup,
            });
            project.Accept(now, workingGroup, "材料齐全，进入专业评估。");
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static ApplicationForm Form(Sample sample, bool complete)
    {
        var form = new ApplicationForm
        {
            Name = sample.Title,
            Category = sample.Category,
            Summary = $"{sample.Title}：在可控范围内检验新技术对业务流程与投资者保护的影响。",
            Scenarios = [sample.Scenario],
            Technologies = [sample.Technology],
        };
        return !complete ? form : form with
        {
            Innovation = "以新技术重构业务流程，提升效率与透明度。",
            Problem = "现有流程依赖人工核对，效率低、差错多。",
            RegulatoryQuestion = "检验穿透式监管数据报送在该场景下的可行性。",
            RiskAssessment = "主要风险为技术风险与操作风险，已逐项评估。",
            RiskControls = "设置交易限额、双人复核与实时监控告警。",
            CustomerSelection = "仅面向专业投资者，经风险测评后纳入。",
            CustomerCaps = "客户不超过 500 户，单户金额不超过 100 万元。",
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
}
