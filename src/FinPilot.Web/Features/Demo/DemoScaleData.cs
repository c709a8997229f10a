using FinPilot.Domain.Projects;
using static FinPilot.Domain.Projects.ProjectCategory;

namespace FinPilot.Web.Features.Demo;

/// <summary>
/// What <see cref="DemoScale"/> seeds: the rest of Beijing's first batch (北京首批: 16 pilots from 51
/// applications by 26 institutions, launched 2021-12-30), the first batches of Shanghai, Shenzhen,
/// Guangzhou and Nanjing, and applications to Shanghai's open second call. The institutions are in
/// <see cref="DemoData.Organisations"/>; their names and the projects are invented.
/// </summary>
internal static class DemoScaleData
{
    /// <summary>Where an application stops.</summary>
    public enum Outcome
    {
        Submitted,
        Screening,
        RejectedAtScreening,
        Withdrawn,
        RejectedInDeliberation,
        Admitted,
    }

    public sealed record Application(string OrganisationCode, string Title, ProjectCategory Category, string Scenario, string Technology, Outcome Outcome, int CustomerLimit = 500);

    /// <summary>The day of each step a batch's applications take (Beijing time).</summary>
    public sealed record Dates(
        DateTimeOffset Created, DateTimeOffset Submitted, DateTimeOffset Screening, DateTimeOffset Accepted, DateTimeOffset Evaluated,
        DateTimeOffset Resolved, DateTimeOffset Noticed, DateTimeOffset Admitted);

    /// <summary>A call's applications; <see cref="Dates"/> null means the call is open and they happen now.</summary>
    public sealed record Batch(string RegionCode, int BatchNumber, string Name, string NameEn, string NoticeTitle, string Scope, Dates? Dates, Application[] Applications);

    /// <summary>Beijing batch 1 as the source reports it.</summary>
    public const int BeijingFirstBatchApplications = 51;

    public const int BeijingFirstBatchAdmitted = 16;

    public const int BeijingFirstBatchInstitutions = 26;

    private static DateTimeOffset On(int year, int month, int day, int hour = 10) => new(year, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    /// <summary>Steps of an open call's applications: all at the seeding moment.</summary>
    public static Dates Now(DateTimeOffset now) => new(now, now, now, now, now, now, now, now);

    private const Outcome Admitted = Outcome.Admitted;
    private const Outcome NotApproved = Outcome.RejectedInDeliberation;
    private const Outcome ScreenedOut = Outcome.RejectedAtScreening;
    private const Outcome Withdrawn = Outcome.Withdrawn;

    public static readonly Batch[] Batches =
    [
        new("BJ", 1, "北京地区第一批", "Beijing batch 1", "北京地区资本市场金融科技创新试点第一批拟入箱项目公示（三）", "北京地区，限定业务品种。",
            new(On(2021, 5, 12), On(2021, 6, 18), On(2021, 7, 5), On(2021, 7, 20), On(2021, 10, 15), On(2021, 11, 25, 11), On(2021, 12, 10, 9), On(2021, 12, 30, 9)),
            [
                // Admitted with the batch on 2021-12-30: ten more beside DemoAdmittedBatch's three and DemoExits' three.
                new("MB01JCQ10", "基于知识图谱的上市公司信息披露智能审核试点", TechnologyInnovation, "compliance", "ai", Admitted),
                new("MB02HKQ11", "基于联邦学习的证券客户反洗钱风险识别试点", TechnologyInnovation, "risk-control", "privacy-computing", Admitted),
                new("MB03JJQ12", "期货标准仓单分布式账本登记与质押试点", BusinessInnovation, "trading", "blockchain", Admitted, 200),
                new("MB04BCJ13", "基金投资者适当性画像与产品适配评估试点", BusinessInnovation, "investment-advice", "big-data", Admitted, 2000),
                new("MB05JTQ14", "证券核心交易系统云原生架构改造试点", TechnologyEnablement, "trading", "cloud", Admitted, 1000),
                new("MB06XHJ15", "基于多方安全计算的基金销售数据共享试点", TechnologyInnovation, "customer-service", "privacy-computing", Admitted, 1000),
                new("MB07YDQ16", "期货公司客户风险实时监测与预警试点", TechnologyEnablement, "risk-control", "big-data", Admitted, 3000),
                new("MB08JJF17", "资本市场多源数据互联互通服务试点", PublicService, "operations", "cloud", Admitted, 50),
                new("MB09DYQ18", "融资融券客户信用风险智能评估试点", TechnologyInnovation, "risk-control", "ai", Admitted, 800),
                new("MB19JBX28", "证券期货业监管数据报送标准化服务试点", PublicService, "compliance", "cloud", Admitted, 100),

                // Evaluated, not approved by the coordination group.
                new("MB10HYJ19", "基于人工智能的基金经理业绩归因分析试点", TechnologyInnovation, "investment-advice", "ai", NotApproved),
                new("MB11JNQ20", "期货套期保值方案智能生成服务试点", BusinessInnovation, "trading", "ai", NotApproved),
                new("MB12BFP21", "基于大数据的债券发行人信用风险预警试点", TechnologyInnovation, "risk-control", "big-data", NotApproved),
                new("MB13JMT22", "证券投资咨询服务线上化双录质检试点", TechnologyEnablement, "compliance", "ai", NotApproved),
                new("MB14QHJ23", "私募基金投资者身份核验互认试点", BusinessInnovation, "customer-service", "privacy-computing", NotApproved),
                new("MB15LHQ24", "证券营业部远程开户视频见证智能化试点", TechnologyEnablement, "customer-service", "ai", NotApproved),
                new("MB16JRT25", "投资者教育内容个性化推送试点", PublicService, "customer-service", "big-data", NotApproved),
                new("MB17JHJ26", "私募基金估值核算云服务试点", TechnologyEnablement, "operations", "cloud", NotApproved),
                new("MB18TTQ27", "期货交易行为画像与异常交易识别试点", TechnologyInnovation, "risk-control", "big-data", NotApproved),
                new("MB20DHQ29", "证券公司员工执业行为智能监测试点", TechnologyInnovation, "internal-management", "ai", NotApproved),
                new("MB21WQQ30", "商品期货场外衍生品报价撮合试点", BusinessInnovation, "trading", "cloud", NotApproved),
                new("MB22AHJ31", "基金份额分布式账本登记对账试点", BusinessInnovation, "operations", "blockchain", NotApproved),
                new("MB23RHQ32", "证券行业灾备云共享服务试点", PublicService, "operations", "cloud", NotApproved),

                // Refused at screening (形式审查未通过).
                new("MB01JCQ10", "证券客户服务语音机器人应用试点", TechnologyEnablement, "customer-service", "ai", ScreenedOut),
                new("MB02HKQ11", "港股通交易结算智能对账试点", TechnologyEnablement, "operations", "big-data", ScreenedOut),
                new("MB03JJQ12", "期货保证金存管电子化试点", BusinessInnovation, "operations", "cloud", ScreenedOut),
                new("MB04BCJ13", "基金定投智能择时服务试点", BusinessInnovation, "investment-advice", "ai", ScreenedOut),
                new("MB05JTQ14", "证券研究报告智能撰写辅助试点", TechnologyInnovation, "internal-management", "ai", ScreenedOut),
                new("MB10HYJ19", "货币基金实时申赎垫资管理试点", BusinessInnovation, "trading", "big-data", ScreenedOut),
                new("MB11JNQ20", "期货交割库区物联网监管试点", TechnologyInnovation, "operations", "big-data", ScreenedOut),
                new("MB12BFP21", "评级模型可解释性验证平台试点", TechnologyInnovation, "compliance", "ai", ScreenedOut),
                new("MB13JMT22", "投资咨询签约电子合同存证试点", BusinessInnovation, "compliance", "blockchain", ScreenedOut),
                new("MB14QHJ23", "基金托管数据云端交换试点", TechnologyEnablement, "operations", "cloud", ScreenedOut),
                new("MB15LHQ24", "证券公司客户流失预测与挽留服务试点", TechnologyInnovation, "customer-service", "big-data", ScreenedOut),
                new("MB16JRT25", "上市公司舆情智能监测服务试点", TechnologyInnovation, "risk-control", "big-data", ScreenedOut),
                new("MB17JHJ26", "私募基金信息披露统一报送试点", PublicService, "compliance", "cloud", ScreenedOut),
                new("MB20DHQ29", "证券公司信创办公系统迁移试点", TechnologyEnablement, "internal-management", "cloud", ScreenedOut),
                new("MB21WQQ30", "期货风险管理子公司场外业务数字化试点", BusinessInnovation, "trading", "cloud", ScreenedOut),
                new("MB22AHJ31", "基金销售适当性双录隐私保护试点", TechnologyInnovation, "compliance", "privacy-computing", ScreenedOut),

                // Withdrawn by the applicant during the evaluation.
                new("MB06XHJ15", "养老目标基金智能配置服务试点", BusinessInnovation, "investment-advice", "ai", Withdrawn),
                new("MB07YDQ16", "期货期权做市报价风险控制试点", TechnologyInnovation, "trading", "big-data", Withdrawn),
                new("MB08JJF17", "资本市场电子证照共享服务试点", PublicService, "operations", "blockchain", Withdrawn),
                new("MB09DYQ18", "证券公司合规管理知识图谱试点", TechnologyInnovation, "compliance", "ai", Withdrawn),
                new("MB18TTQ27", "期货行情数据云分发试点", TechnologyEnablement, "trading", "cloud", Withdrawn),
                new("MB23RHQ32", "证券客户身份信息隐私保护查询试点", TechnologyInnovation, "customer-service", "privacy-computing", Withdrawn),
            ]),
        new("SH", 1, "上海地区第一批", "Shanghai batch 1", "上海地区资本市场金融科技创新试点第一批拟入箱项目公示", "上海地区，限定业务品种。",
            new(On(2022, 2, 14), On(2022, 3, 15), On(2022, 4, 6), On(2022, 4, 20), On(2022, 6, 17), On(2022, 7, 13, 11), On(2022, 7, 18, 9), On(2022, 8, 4, 9)),
            [
                new("MA06PJQ75", "期货公司场外衍生品交易风险智能监控试点", TechnologyInnovation, "risk-control", "ai", Admitted, 300),
                new("MA07HCQ86", "证券公司投资者适当性隐私计算核验试点", TechnologyInnovation, "customer-service", "privacy-computing", Admitted, 2000),
                new("MA08DFJ97", "资本市场行业云数据备份共享服务试点", PublicService, "operations", "cloud", Admitted, 50),
                new("MB30WTJ39", "基金直销平台智能客服应用试点", TechnologyEnablement, "customer-service", "ai", ScreenedOut),
            ]),
        new("SZ", 1, "深圳地区第一批", "Shenzhen batch 1", "深圳地区资本市场金融科技创新试点第一批拟入箱项目公示", "深圳地区，限定业务品种。",
            new(On(2022, 4, 6), On(2022, 4, 20), On(2022, 5, 9), On(2022, 5, 20), On(2022, 7, 15), On(2022, 8, 10, 11), On(2022, 8, 15, 9), On(2022, 9, 1, 9)),
            [
                new("MB24NHQ33", "基于隐私计算的跨境理财客户适当性核验试点", TechnologyInnovation, "customer-service", "privacy-computing", Admitted, 1000),
                new("MB25HGT34", "证券期货数据跨境安全流动服务试点", PublicService, "compliance", "privacy-computing", Admitted, 50),
                new("MB24NHQ33", "智能风控模型集中管理平台试点", TechnologyEnablement, "risk-control", "ai", ScreenedOut),
            ]),
        new("GZ", 1, "广州地区第一批", "Guangzhou batch 1", "广州地区资本市场金融科技创新试点第一批拟入箱项目公示", "广州地区，限定业务品种。",
            new(On(2022, 6, 1), On(2022, 6, 20), On(2022, 7, 4), On(2022, 7, 15), On(2022, 9, 16), On(2022, 10, 12, 11), On(2022, 10, 17, 9), On(2022, 11, 1, 9)),
            [
                new("MB26HJQ35", "期货含权贸易风险管理服务试点", BusinessInnovation, "trading", "big-data", Admitted, 300),
                new("MB27HCJ36", "基金销售全流程线上化适当性管理试点", BusinessInnovation, "customer-service", "ai", Admitted, 5000),
                new("MB27HCJ36", "基金投资者陪伴服务智能化试点", TechnologyInnovation, "investment-advice", "ai", Withdrawn),
            ]),
        new("NJ", 1, "南京地区第一批", "Nanjing batch 1", "南京地区资本市场金融科技创新试点第一批拟入箱项目公示", "南京地区，限定业务品种。",
            new(On(2022, 7, 1), On(2022, 7, 20), On(2022, 8, 1), On(2022, 8, 12), On(2022, 10, 14), On(2022, 11, 16, 11), On(2022, 11, 21, 9), On(2022, 12, 6, 9)),
            [
                new("MB28HLQ37", "证券公司数字化经营分析平台试点", TechnologyEnablement, "internal-management", "big-data", Admitted, 100),
                new("MB29QHQ38", "期货仓单分布式账本融资服务试点", BusinessInnovation, "trading", "blockchain", Admitted, 200),
                new("MB29QHQ38", "期货市场监管报送自动化试点", PublicService, "compliance", "cloud", NotApproved),
            ]),

        // Shanghai's second call is open: applications in progress, the working group's queue has work.
        new("SH", 2, "上海地区第二批", "Shanghai batch 2", "上海地区资本市场金融科技创新试点拟入箱项目公示", "上海地区，限定业务品种。", null,
            [
                new("MB30WTJ39", "基于隐私计算的基金投资者适当性管理试点", TechnologyInnovation, "customer-service", "privacy-computing", Outcome.Submitted),
                new("MB31HHQ40", "证券交易监管数据实时报送试点", TechnologyEnablement, "compliance", "big-data", Outcome.Screening),
                new("MB31HHQ40", "期货市场数字化转型综合服务试点", BusinessInnovation, "trading", "cloud", Outcome.Submitted),
            ]),
    ];
}
