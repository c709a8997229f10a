using System.Security.Claims;
using FinPilot.Domain.Calls;
using FinPilot.Domain.Common;
using FinPilot.Domain.Organisations;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Scenarios;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Scenarios;
using Microsoft.EntityFrameworkCore;
using static FinPilot.Domain.Scenarios.BusinessArea;
using static FinPilot.Domain.Scenarios.Technology;

namespace FinPilot.Web.Features.Demo;

/// <summary>
/// 应用场景对接: the directions of Beijing's second batch (September 2022) published as scenarios by the
/// institutions and the working group that would own them, and a dozen solutions from technology
/// companies and service institutions — some standing, some answering a scenario. The first match
/// (数字人民币 wallets: 京华证券 with 智链数科) is then turned into a joint application draft for Beijing's
/// open call, through the match → application command run as the lead's demo applicant.
/// </summary>
internal sealed class DemoScenarios(FinPilotDbContext db, IServiceProvider services)
{
    private static DateTimeOffset At(int month, int day) => new(2022, month, day, 10, 0, 0, TimeSpan.FromHours(8));

    public async Task SeedAsync(Dictionary<string, Organisation> organisations, CancellationToken cancellationToken)
    {
        if (!organisations.TryGetValue("MA01JHQ20", out var jinghua) || await db.Scenarios.AnyAsync(cancellationToken))
        {
            return;
        }

        var beijing = jinghua.RegionId;
        var scenarios = new Dictionary<string, Scenario>
        {
            ["rmb"] = Publish(Input("数字人民币钱包在证券行业的应用与反洗钱管控", Payments, [DigitalRmb, BigData, ArtificialIntelligence],
                "在充分考虑合规风控的前提下，研究数字人民币钱包在证券行业的应用场景。钱包与资金账户对接后资金进出频繁，需要实时识别拆分转账、快进快出等可疑交易，加强资金安全和反洗钱管控。",
                "脱敏后的钱包流水与资金账户流水", ScenarioConstraints.Privacy | ScenarioConstraints.Xinchuang, "可疑交易识别时效由 T+1 提升到 T+0，资金安全事件零发生。"),
                jinghua.Id, beijing, At(9, 20)),
            ["data"] = Publish(Input("多源数据互联互通", Operations, [BigData, PrivacyComputing, OpenApi],
                "登记、托管、交易数据分散在多家机构和多个系统，数据口径不一，难以互联互通。希望在保护隐私、数据不出域的前提下实现多源数据融合与共享。",
                "登记托管数据的统计口径与样例", ScenarioConstraints.Privacy | ScenarioConstraints.OnPremise, "建立跨机构的数据共享机制，统一主要数据口径。"),
                organisations["MA02BFD31"].Id, beijing, At(9, 21)),
            ["penetrate"] = Publish(Input("金融活动穿透式分析", BusinessArea.Supervision, [BigData, KnowledgeGraph, ArtificialIntelligence],
                "监管需要穿透资金来源与去向、识别实际控制关系和隐藏的关联交易，现有报表只能看到单一账户，难以还原账户之间、机构之间的关系网络。",
                "辖区机构报送的账户与交易数据（脱敏）", ScenarioConstraints.Privacy | ScenarioConstraints.OnPremise, "形成可复用的穿透式分析工具，支持日常监管与风险排查。"),
                null, beijing, At(9, 22)),
            ["decision"] = Publish(Input("智能决策支持投资顾问业务", InvestmentAdvice, [ArtificialIntelligence, BigData],
                "投顾人员服务客户有限、配置建议同质化，难以根据客户风险偏好动态调整组合。希望借助智能决策模型生成个性化资产配置建议，并完整留痕投资者适当性管理过程。",
                "基金产品数据与脱敏的客户画像", ScenarioConstraints.Privacy, "投顾服务覆盖客户数提升一倍，适当性匹配全程留痕。"),
                organisations["MA03YJJ42"].Id, beijing, At(9, 23)),
            ["futures-api"] = Publish(Input("期货行业系统接口开放统一", BusinessArea.Futures, [OpenApi, Cloud],
                "期货公司对接交易所、银行、第三方软件的系统接口标准不一，重复开发、运维成本高且存在安全隐患，需要解决系统接口开放统一问题，增强合规风控能力。",
                "现有接口清单与调用量统计", ScenarioConstraints.Xinchuang, "形成统一接口规范与网关，新外部系统接入周期缩短一半。"),
                null, beijing, At(9, 24)),
            ["receipts"] = Publish(Input("区块链技术在标准仓单流通领域的应用", BusinessArea.Futures, [Blockchain, Iot],
                "标准仓单的注册、转让、质押依赖纸质单据和人工核对，存在重复质押和信息不透明风险。推动区块链技术在标准仓单流通领域应用，结合仓库物联网监控提升可信度。",
                "仓单登记样例数据与仓库监控接口", ScenarioConstraints.None, "仓单流转全程上链，杜绝重复质押。"),
                null, beijing, At(9, 25)),
            ["equity"] = Publish(Input("区域性股权市场区块链与监管链应用", RegionalEquity, [Blockchain, Cryptography],
                "提高区域性股权市场服务能力，加大区块链、监管链在认股服务、信息披露、穿透式监管、账户对接等方面的应用，让投资者可以核实股东名册和披露信息的真实性。",
                "挂牌企业股东名册与披露文件样例", ScenarioConstraints.Xinchuang, "股权登记与信息披露上链，监管链节点实时同步。"),
                organisations["MA05GQJ64"].Id, beijing, At(9, 26)),
            ["infra"] = Publish(Input("资本市场公共基础设施建设", Infrastructure, [Cloud, Cryptography],
                "中小证券期货机构自建机房成本高、灾备能力弱、信创改造压力大，需要符合信创要求的行业公共基础设施，提供统一的密码服务、灾备和安全运维。",
                "机构信息系统现状调研", ScenarioConstraints.Xinchuang, "形成可供辖区中小机构共享的行业云与密码服务。"),
                null, beijing, At(9, 27)),
        };
        foreach (var scenario in scenarios.Values)
        {
            db.Scenarios.Add(scenario);
        }

        var zhilian = organisations["MA04ALK53"];
        var qianhai = organisations["MA0AQHY19"];
        var dongfang = organisations["MA08DFJ97"];
        var jinling = organisations["MA0CJLJ31"];
        Solution[] solutions =
        [
            Offer(zhilian, scenarios["rmb"], "数字人民币智能反洗钱监测平台", Payments, [DigitalRmb, BigData, ArtificialIntelligence],
                "实时比对钱包流水与资金账户流水，内置拆分转账、快进快出等可疑交易模型，自动生成可疑交易报告。", "已在两家券商试运行。", "等保三级", At(10, 8)),
            Offer(zhilian, null, "资金流向知识图谱穿透分析系统", BusinessArea.Supervision, [KnowledgeGraph, BigData],
                "以知识图谱还原账户、机构和实际控制人之间的关联关系，追踪资金来源与去向，识别关联交易和违规嵌套。", "服务地方金融监管部门的风险排查。", "ISO 27001", At(10, 9)),
            Offer(zhilian, scenarios["receipts"], "区块链标准仓单登记流转平台", BusinessArea.Futures, [Blockchain, Iot],
                "仓单注册、转让、质押、注销全流程上链，交易所、仓库、银行多方共同记账，结合仓库物联网数据存证。", "在两个交割仓库试点。", "区块链信息服务备案", At(10, 10)),
            Offer(qianhai, scenarios["data"], "隐私计算多方数据融合平台", Operations, [PrivacyComputing, BigData, OpenApi],
                "基于多方安全计算和联邦学习，多家机构在数据不出域的前提下联合统计、联合查询和联合建模，支持本地部署。", "服务三家银行与一家交易场所。", "金融科技产品认证（多方安全计算）", At(10, 11)),
            Offer(qianhai, null, "联邦学习联合风控模型", RiskControl, [PrivacyComputing, ArtificialIntelligence],
                "与银行、征信机构在数据不出域的前提下联合建模，提升信用风险识别能力。", "已上线两个联合模型。", "金融科技产品认证", At(10, 12)),
            Offer(dongfang, scenarios["futures-api"], "期货交易统一开放接口网关", BusinessArea.Futures, [OpenApi, Cloud],
                "按统一接口规范对接交易所、银行和第三方交易软件，提供认证、限流、审计和协议转换，一次接入即可开放标准接口。", "服务五家期货公司。", "等保三级", At(10, 13)),
            Offer(dongfang, scenarios["infra"], "信创金融行业云平台", Infrastructure, [Cloud, Cryptography],
                "基于国产芯片与操作系统的金融行业云，提供计算、存储、灾备和统一密码服务，满足信创要求。", "承载十余家中小机构的系统。", "信创适配认证、等保三级", At(10, 14)),
            Offer(dongfang, null, "金融数据中台与统一数据服务", Operations, [BigData, OpenApi, Cloud],
                "汇聚交易、清算、客户等多源数据，统一数据标准和口径，通过开放接口提供数据共享服务。", "服务四家证券公司。", "DCMM 三级", At(10, 15)),
            Offer(jinling, scenarios["decision"], "智能投顾决策引擎", InvestmentAdvice, [ArtificialIntelligence, BigData],
                "理解客户投资目标与风险偏好，生成个性化资产配置建议和调仓提示，全程记录适当性匹配过程。", "与高校联合研发，完成回测验证。", "软件著作权", At(10, 16)),
            Offer(jinling, scenarios["equity"], "区域股权市场区块链登记托管链", RegionalEquity, [Blockchain, Cryptography],
                "股东名册、认股和转让记录上链，信息披露文件实时存证，与监管链对接实现穿透式监管和账户对接。", "在一家区域性股权市场完成验证。", "区块链信息服务备案", At(10, 17)),
            Offer(jinling, null, "监管规则知识库与合规检查", Compliance, [KnowledgeGraph, ArtificialIntelligence],
                "汇集法律法规与监管规则，支持规则检索和业务合规检查，规则更新后自动提示受影响的业务。", "服务多家证券公司合规部门。", "软件著作权", At(10, 18)),
            Offer(zhilian, null, "国密密码服务与密钥管理平台", Infrastructure, [Cryptography],
                "符合国密标准的加密、签名和密钥管理服务，支持云上和本地部署。", "服务十余家金融机构。", "商用密码产品认证", At(10, 19)),
        ];
        db.Solutions.AddRange(solutions);
        await db.SaveChangesAsync(cancellationToken);

        // Two matches (对接成功) and a roadshow (路演) whose panel scored both and whose results are released.
        var panellist = await db.Users.Where(u => u.Email == $"expert.it@{DemoData.DemoDomain}").Select(u => u.Id).SingleOrDefaultAsync(cancellationToken);
        List<IRecordsEvents> seeded = [.. scenarios.Values, .. solutions];
        if (panellist is not null)
        {
            seeded.AddRange(SeedMatching(scenarios, solutions[0], solutions[8], beijing, panellist));
            await db.SaveChangesAsync(cancellationToken);
        }

        // Seeded, not written by anyone: no later save in this scope may audit them.
        foreach (var aggregate in seeded)
        {
            aggregate.ClearEvents();
        }

        if (panellist is not null)
        {
            await JointApplicationAsync(jinghua, scenarios["rmb"].Id, solutions[0].Id, beijing, cancellationToken);
        }
    }

    /// <summary>
    /// The lead's demo applicant turns the first match into a draft for the region's open call, through
    /// <see cref="JointApplications.StartAsync"/> in a scope of its own signed in as that applicant (as a
    /// request would be): the draft is pre-filled, owned by the lead, audited and linked to the match.
    /// </summary>
    private async Task JointApplicationAsync(Organisation lead, Guid scenarioId, Guid solutionId, int regionId, CancellationToken cancellationToken)
    {
        var accessor = services.GetService<IHttpContextAccessor>();
        var applicant = await db.RoleAssignments.Where(a => a.OrganisationId == lead.Id && a.Role == FinPilot.Domain.Identity.Role.Applicant)
            .Join(db.Users.Where(u => u.Email == $"applicant@{DemoData.DemoDomain}"), a => a.UserId, u => u.Id, (a, u) => u.Id).FirstOrDefaultAsync(cancellationToken);
        var match = await db.ScenarioMatches.Where(m => m.ScenarioId == scenarioId && m.SolutionId == solutionId).Select(m => (Guid?)m.Id).SingleOrDefaultAsync(cancellationToken);
        var calls = await db.Calls.AsNoTracking().Where(c => c.RegionId == regionId && c.Status == CallStatus.Published).ToListAsync(cancellationToken);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var call = calls.Where(c => c.IsOpenAt(now)).OrderByDescending(c => c.BatchNumber).FirstOrDefault();
        if (accessor is null || applicant is null || match is not { } matchId || call is null)
        {
            return;
        }

        var previous = accessor.HttpContext;
        await using var scope = services.CreateAsyncScope();
        accessor.HttpContext = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, applicant)], "demo-seed")),
            RequestServices = scope.ServiceProvider,
        };
        try
        {
            (await scope.ServiceProvider.GetRequiredService<JointApplications>().StartAsync(matchId, call.Id, ProjectCategory.BusinessInnovation, cancellationToken)).ValueOrThrow();
        }
        finally
        {
            accessor.HttpContext = previous;
        }
    }

    private IEnumerable<IRecordsEvents> SeedMatching(Dictionary<string, Scenario> scenarios, Solution rmb, Solution decision, int beijing, string panellist)
    {
        var first = ScenarioMatch.Propose(scenarios["rmb"], rmb, MatchParty.Solution, At(10, 20), "demo-seed").ValueOrThrow();
        first.Consent(MatchParty.Scenario, At(10, 21), "demo-seed").OrThrow();
        first.Post("下周三可以到贵司演示钱包流水与资金账户的实时比对。", "智链数科", At(10, 21).AddHours(2), "demo-seed").ValueOrThrow();
        var second = ScenarioMatch.Propose(scenarios["decision"], decision, MatchParty.Scenario, At(10, 22), "demo-seed").ValueOrThrow();
        second.Consent(MatchParty.Solution, At(10, 23), "demo-seed").OrThrow();
        db.ScenarioMatches.AddRange(first, second);

        var roadshow = Roadshow.Create(beijing, new RoadshowInput(
            "2022 年第二批金融科技应用场景路演", At(11, 10), "北京市西城区金融大街 · 线上同步直播", 8, [scenarios["rmb"].Id, scenarios["decision"].Id], null), At(10, 25), "demo-seed")
            .ValueOrThrow();
        roadshow.SetPanel([panellist]).OrThrow();
        var a = roadshow.Register(rmb, first.Id, At(10, 26), "demo-seed").ValueOrThrow();
        var b = roadshow.Register(decision, second.Id, At(10, 27), "demo-seed").ValueOrThrow();
        roadshow.Score(a.Id, panellist, [88, 85, 92, 80], At(11, 10).AddHours(3)).OrThrow();
        roadshow.Score(b.Id, panellist, [82, 78, 85, 75], At(11, 10).AddHours(4)).OrThrow();
        roadshow.Release(At(11, 11)).OrThrow();
        db.Roadshows.Add(roadshow);
        return [first, second, roadshow];
    }

    private static ScenarioInput Input(string title, BusinessArea area, Technology[] technologies, string painPoint, string data, ScenarioConstraints constraints, string outcome) => new()
    {
        Title = title,
        PainPoint = painPoint,
        Area = area,
        Technologies = technologies,
        DataAvailable = data,
        Constraints = constraints,
        ExpectedOutcome = outcome,
        Timeline = "2022 年第四季度启动，2023 年内完成验证",
        Visibility = ScenarioVisibility.Public,
    };

    private static Scenario Publish(ScenarioInput input, Guid? publisher, int region, DateTimeOffset at)
    {
        var scenario = Scenario.Draft(input, publisher, region, at, "demo-seed").ValueOrThrow();
        scenario.Publish(at).OrThrow();
        return scenario;
    }

    private static Solution Offer(
        Organisation organisation, Scenario? answers, string title, BusinessArea area, Technology[] technologies, string capability, string references, string certifications, DateTimeOffset at)
    {
        var solution = Solution.Draft(new SolutionInput
        {
            Title = title,
            Capability = capability,
            Area = area,
            Technologies = technologies,
            References = references,
            Certifications = certifications,
        }, organisation.Id, organisation.RegionId, answers?.Id, at, "demo-seed").ValueOrThrow();
        solution.Publish(at).OrThrow();
        return solution;
    }
}
