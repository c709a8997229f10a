using FinPilot.Domain.Evaluation;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Organisations;

namespace FinPilot.Web.Features.Demo;

/// <summary>
/// The sample world of demo mode. Regions and dates follow the public record (DESIGN.md,
/// "Reference facts"); the organisations are invented, with credit codes that pass GB 32100.
/// </summary>
public static class DemoData
{
    public sealed record DemoRegion(string Code, string NameZh, string NameEn, DateOnly ApprovedOn, string Division);

    public sealed record DemoOrganisation(string NameZh, string NameEn, OrganisationType Type, bool Licensed, string RegionCode, string OrganisationCode, string ContactName);

    public sealed record DemoUser(string Email, string DisplayName, Role Role, string? RegionCode = null, string? OrganisationCode = null);

    public static readonly DemoRegion[] Regions =
    [
        new("BJ", "北京", "Beijing", new DateOnly(2021, 3, 1), "110000"),
        new("SH", "上海", "Shanghai", new DateOnly(2021, 12, 1), "310000"),
        new("SZ", "深圳", "Shenzhen", new DateOnly(2021, 12, 1), "440300"),
        new("GZ", "广州", "Guangzhou", new DateOnly(2022, 1, 1), "440100"),
        new("NJ", "南京", "Nanjing", new DateOnly(2022, 1, 1), "320100"),
    ];

    public static readonly DemoOrganisation[] Organisations =
    [
        new("京华证券股份有限公司", "Jinghua Securities Co., Ltd.", OrganisationType.SecuritiesFirm, true, "BJ", "MA01JHQ20", "王敏"),
        new("北方资本市场登记服务中心", "Northern Capital Market Registry Centre", OrganisationType.MarketCoreInstitution, true, "BJ", "MA02BFD31", "李强"),
        new("燕山基金管理有限公司", "Yanshan Fund Management Co., Ltd.", OrganisationType.FundManager, true, "BJ", "MA03YJJ42", "张丽"),
        new("智链数科技术有限公司", "Zhilian Data Technology Co., Ltd.", OrganisationType.TechnologyCompany, false, "BJ", "MA04ALK53", "陈晨"),
        new("北京股权交易中心有限公司", "Beijing Equity Exchange Centre Co., Ltd.", OrganisationType.RegionalEquityMarket, true, "BJ", "MA05GQJ64", "刘洋"),
        new("浦江期货有限公司", "Pujiang Futures Co., Ltd.", OrganisationType.FuturesFirm, true, "SH", "MA06PJQ75", "赵磊"),
        new("申城证券股份有限公司", "Shencheng Securities Co., Ltd.", OrganisationType.SecuritiesFirm, true, "SH", "MA07HCQ86", "孙悦"),
        new("东方数据服务有限公司", "Dongfang Data Services Co., Ltd.", OrganisationType.SecuritiesFuturesServiceInstitution, true, "SH", "MA08DFJ97", "周杰"),
        new("鹏城基金管理有限公司", "Pengcheng Fund Management Co., Ltd.", OrganisationType.FundManager, true, "SZ", "MA09PCJ08", "吴芳"),
        new("前海隐私计算科技有限公司", "Qianhai Privacy Computing Technology Co., Ltd.", OrganisationType.TechnologyCompany, false, "SZ", "MA0AQHY19", "郑浩"),
        new("羊城证券股份有限公司", "Yangcheng Securities Co., Ltd.", OrganisationType.SecuritiesFirm, true, "GZ", "MA0BYCQ20", "冯婷"),
        new("金陵金融科技研究院", "Jinling Fintech Research Institute", OrganisationType.Other, false, "NJ", "MA0CJLJ31", "何军"),

        // Beijing's first batch at the source's scale (DemoScale): 26 institutions in all applied, these with the three above.
        new("京诚证券股份有限公司", "Jingcheng Securities Co., Ltd.", OrganisationType.SecuritiesFirm, true, "BJ", "MB01JCQ10", "高远"),
        new("华坤证券有限责任公司", "Huakun Securities Co., Ltd.", OrganisationType.SecuritiesFirm, true, "BJ", "MB02HKQ11", "林雪"),
        new("京畿期货有限公司", "Jingji Futures Co., Ltd.", OrganisationType.FuturesFirm, true, "BJ", "MB03JJQ12", "马骏"),
        new("北辰基金管理有限公司", "Beichen Fund Management Co., Ltd.", OrganisationType.FundManager, true, "BJ", "MB04BCJ13", "罗琳"),
        new("金台证券股份有限公司", "Jintai Securities Co., Ltd.", OrganisationType.SecuritiesFirm, true, "BJ", "MB05JTQ14", "梁栋"),
        new("西山基金管理有限公司", "Xishan Fund Management Co., Ltd.", OrganisationType.FundManager, true, "BJ", "MB06XHJ15", "宋佳"),
        new("永定河期货有限公司", "Yongdinghe Futures Co., Ltd.", OrganisationType.FuturesFirm, true, "BJ", "MB07YDQ16", "谢飞"),
        new("京津冀资本市场服务有限公司", "Jing-Jin-Ji Capital Market Services Co., Ltd.", OrganisationType.SecuritiesFuturesServiceInstitution, true, "BJ", "MB08JJF17", "韩梅"),
        new("鼎元证券股份有限公司", "Dingyuan Securities Co., Ltd.", OrganisationType.SecuritiesFirm, true, "BJ", "MB09DYQ18", "唐宁"),
        new("恒岳基金管理有限公司", "Hengyue Fund Management Co., Ltd.", OrganisationType.FundManager, true, "BJ", "MB10HYJ19", "冯涛"),
        new("京南期货经纪有限公司", "Jingnan Futures Brokerage Co., Ltd.", OrganisationType.FuturesFirm, true, "BJ", "MB11JNQ20", "董洁"),
        new("北方信用评级有限公司", "Beifang Credit Rating Co., Ltd.", OrganisationType.SecuritiesFuturesServiceInstitution, true, "BJ", "MB12BFP21", "萧然"),
        new("蓟门投资咨询有限公司", "Jimen Investment Consulting Co., Ltd.", OrganisationType.SecuritiesFuturesServiceInstitution, true, "BJ", "MB13JMT22", "程曦"),
        new("清河基金管理有限公司", "Qinghe Fund Management Co., Ltd.", OrganisationType.FundManager, true, "BJ", "MB14QHJ23", "曹磊"),
        new("潞河证券股份有限公司", "Luhe Securities Co., Ltd.", OrganisationType.SecuritiesFirm, true, "BJ", "MB15LHQ24", "袁媛"),
        new("京融证券投资咨询有限公司", "Jingrong Securities Investment Consulting Co., Ltd.", OrganisationType.SecuritiesFuturesServiceInstitution, true, "BJ", "MB16JRT25", "邓超"),
        new("景山私募基金管理有限公司", "Jingshan Private Fund Management Co., Ltd.", OrganisationType.FundManager, true, "BJ", "MB17JHJ26", "许诺"),
        new("天坛期货有限公司", "Tiantan Futures Co., Ltd.", OrganisationType.FuturesFirm, true, "BJ", "MB18TTQ27", "傅强"),
        new("首都资本市场信息服务中心", "Capital Markets Information Services Centre", OrganisationType.MarketCoreInstitution, true, "BJ", "MB19JBX28", "沈蕾"),
        new("德胜证券股份有限公司", "Desheng Securities Co., Ltd.", OrganisationType.SecuritiesFirm, true, "BJ", "MB20DHQ29", "曾凡"),
        new("万泉期货有限公司", "Wanquan Futures Co., Ltd.", OrganisationType.FuturesFirm, true, "BJ", "MB21WQQ30", "彭亮"),
        new("安华基金管理有限公司", "Anhua Fund Management Co., Ltd.", OrganisationType.FundManager, true, "BJ", "MB22AHJ31", "蒋琪"),
        new("融和证券股份有限公司", "Ronghe Securities Co., Ltd.", OrganisationType.SecuritiesFirm, true, "BJ", "MB23RHQ32", "蔡文"),

        // Pilots of the other regions (DemoScale).
        new("南山证券股份有限公司", "Nanshan Securities Co., Ltd.", OrganisationType.SecuritiesFirm, true, "SZ", "MB24NHQ33", "丁一"),
        new("深港通联数据服务有限公司", "Shengang Tonglian Data Services Co., Ltd.", OrganisationType.SecuritiesFuturesServiceInstitution, true, "SZ", "MB25HGT34", "魏然"),
        new("珠江期货有限公司", "Zhujiang Futures Co., Ltd.", OrganisationType.FuturesFirm, true, "GZ", "MB26HJQ35", "潘婷"),
        new("花城基金管理有限公司", "Huacheng Fund Management Co., Ltd.", OrganisationType.FundManager, true, "GZ", "MB27HCJ36", "杜鹏"),
        new("钟山证券股份有限公司", "Zhongshan Securities Co., Ltd.", OrganisationType.SecuritiesFirm, true, "NJ", "MB28HLQ37", "叶青"),
        new("秦淮期货有限公司", "Qinhuai Futures Co., Ltd.", OrganisationType.FuturesFirm, true, "NJ", "MB29QHQ38", "钟岚"),
        new("外滩基金管理有限公司", "Waitan Fund Management Co., Ltd.", OrganisationType.FundManager, true, "SH", "MB30WTJ39", "汪洋"),
        new("淞沪证券股份有限公司", "Songhu Securities Co., Ltd.", OrganisationType.SecuritiesFirm, true, "SH", "MB31HHQ40", "姜涛"),
    ];

    /// <summary>
    /// A demo call. Times are days relative to the seeding moment, except for calls of the public
    /// record, which carry their real dates. <see cref="Status"/> is where the seed leaves it.
    /// </summary>
    public sealed record DemoCall(
        string RegionCode, int Batch, string Title, string BodyHtml, string[] Directions, OrganisationType[] EligibleTypes,
        string[] Materials, string Contact, FinPilot.Domain.Calls.CallStatus Status,
        DateTimeOffset? OpensAt = null, DateTimeOffset? ClosesAt = null, int OpensInDays = -10, int ClosesInDays = 30);

    private static readonly OrganisationType[] Licensed =
    [
        OrganisationType.MarketCoreInstitution, OrganisationType.SecuritiesFirm, OrganisationType.FundManager, OrganisationType.FuturesFirm,
        OrganisationType.SecuritiesFuturesServiceInstitution, OrganisationType.RegionalEquityMarket,
    ];

    private static readonly string[] Materials =
    [
        "申报书（含创新性、监管启发、风险评估与防控措施）", "投资者保护方案", "测试方案", "应急处置预案与退出方案", "持牌机构营业执照及金融业务许可证复印件",
    ];

    public static readonly DemoCall[] Calls =
    [
        new("BJ", 2, "北京地区资本市场金融科技创新试点第二批项目征集公告",
            "<p>为深入推进资本市场金融科技创新试点工作，现面向辖区持牌机构及科技公司征集第二批试点项目。</p>"
            + "<p>申报项目应坚持<strong>依法合规、有序创新、风险可控</strong>，以制度创新为核心，以风险防范为底线。</p>",
            [
                "数字人民币钱包应用与反洗钱管控", "多源数据互联互通", "金融活动穿透式分析", "智能化决策",
                "期货领域开放接口与区块链仓单", "区域性股权市场区块链建设", "金融公共基础设施建设",
            ],
            [.. Licensed, OrganisationType.TechnologyCompany], Materials, "北京证监局科技监管处 010-8000 0001",
            FinPilot.Domain.Calls.CallStatus.Published),
        new("BJ", 1, "北京地区资本市场金融科技创新试点第一批项目征集公告",
            "<p>首批试点面向辖区资本市场机构征集金融科技创新项目，2021年12月30日启动。</p>",
            ["区块链在私募基金份额转让中的应用", "证券行业数字人民币应用场景", "智能投顾与风险控制"],
            Licensed, Materials, "北京证监局科技监管处 010-8000 0001", FinPilot.Domain.Calls.CallStatus.Closed,
            OpensAt: new DateTimeOffset(2021, 4, 1, 9, 0, 0, TimeSpan.FromHours(8)),
            ClosesAt: new DateTimeOffset(2021, 6, 30, 17, 0, 0, TimeSpan.FromHours(8))),
        new("SH", 2, "上海地区资本市场金融科技创新试点项目征集公告",
            "<p>上海地区现征集资本市场金融科技创新试点项目，欢迎辖区机构申报。</p>",
            ["期货市场数字化转型", "隐私计算在投资者适当性管理中的应用", "监管科技"],
            [.. Licensed, OrganisationType.TechnologyCompany], Materials, "上海证监局 021-6000 0001",
            FinPilot.Domain.Calls.CallStatus.Published, OpensInDays: -5, ClosesInDays: 45),
        new("BJ", 3, "北京地区资本市场金融科技创新试点第三批项目征集公告",
            "<p>第三批征集方向正在研究中。</p>", ["待定"], Licensed, Materials, "北京证监局科技监管处 010-8000 0001",
            FinPilot.Domain.Calls.CallStatus.Draft, OpensInDays: 60, ClosesInDays: 120),

        // The first calls of Shanghai, Shenzhen, Guangzhou and Nanjing, closed, with pilots admitted from them (DemoScale);
        // Shanghai's open call above is its second batch.
        new("SH", 1, "上海地区资本市场金融科技创新试点第一批项目征集公告",
            "<p>上海地区首批资本市场金融科技创新试点面向辖区持牌机构征集项目。</p>",
            ["期货市场数字化转型", "证券业务智能化", "金融数据服务"],
            Licensed, Materials, "上海证监局 021-6000 0001", FinPilot.Domain.Calls.CallStatus.Closed,
            OpensAt: new DateTimeOffset(2022, 1, 10, 9, 0, 0, TimeSpan.FromHours(8)),
            ClosesAt: new DateTimeOffset(2022, 3, 31, 17, 0, 0, TimeSpan.FromHours(8))),
        new("SZ", 1, "深圳地区资本市场金融科技创新试点第一批项目征集公告",
            "<p>深圳地区首批资本市场金融科技创新试点面向辖区持牌机构征集项目。</p>",
            ["隐私计算在客户服务中的应用", "跨境数据安全流动", "智能风控"],
            [.. Licensed, OrganisationType.TechnologyCompany], Materials, "深圳证监局 0755-8000 0001", FinPilot.Domain.Calls.CallStatus.Closed,
            OpensAt: new DateTimeOffset(2022, 3, 1, 9, 0, 0, TimeSpan.FromHours(8)),
            ClosesAt: new DateTimeOffset(2022, 4, 29, 17, 0, 0, TimeSpan.FromHours(8))),
        new("GZ", 1, "广州地区资本市场金融科技创新试点第一批项目征集公告",
            "<p>广州地区首批资本市场金融科技创新试点面向辖区持牌机构征集项目。</p>",
            ["期货市场服务实体经济", "基金销售数字化", "投资者教育"],
            Licensed, Materials, "广东证监局 020-8000 0001", FinPilot.Domain.Calls.CallStatus.Closed,
            OpensAt: new DateTimeOffset(2022, 5, 9, 9, 0, 0, TimeSpan.FromHours(8)),
            ClosesAt: new DateTimeOffset(2022, 6, 30, 17, 0, 0, TimeSpan.FromHours(8))),
        new("NJ", 1, "南京地区资本市场金融科技创新试点第一批项目征集公告",
            "<p>南京地区首批资本市场金融科技创新试点面向辖区机构征集项目。</p>",
            ["证券业务数字化转型", "期货风险管理", "监管科技"],
            [.. Licensed, OrganisationType.Other], Materials, "江苏证监局 025-8000 0001", FinPilot.Domain.Calls.CallStatus.Closed,
            OpensAt: new DateTimeOffset(2022, 6, 1, 9, 0, 0, TimeSpan.FromHours(8)),
            ClosesAt: new DateTimeOffset(2022, 7, 29, 17, 0, 0, TimeSpan.FromHours(8))),
    ];

    /// <summary>Organisations (by organisation code) subscribed to a region's new calls.</summary>
    public static readonly (string OrganisationCode, string RegionCode)[] CallSubscriptions = [("MA01JHQ20", "BJ")];

    public const string DemoDomain = "demo.finpilot.cn";

    public static readonly DemoUser[] Users =
    [
        new($"admin@{DemoDomain}", "平台管理员 Admin", Role.PlatformAdmin),
        new($"coordination@{DemoDomain}", "协调小组 Coordination", Role.CoordinationGroup),
        new($"wg.beijing@{DemoDomain}", "北京工作组 WG Beijing", Role.RegionalWorkingGroup, RegionCode: "BJ"),
        new($"wg.shanghai@{DemoDomain}", "上海工作组 WG Shanghai", Role.RegionalWorkingGroup, RegionCode: "SH"),
        new($"secretariat@{DemoDomain}", "评估秘书处 Secretariat", Role.EvaluationSecretariat),
        new($"expert@{DemoDomain}", "评估专家 Expert", Role.Expert),
        new($"integrity@{DemoDomain}", "廉政监督 Integrity", Role.IntegrityOfficer),
        new($"applicant@{DemoDomain}", "京华证券 Applicant", Role.Applicant, OrganisationCode: "MA01JHQ20"),

        // The rest of the expert pool, so a round of the demo call can be assigned: each of the three domains twice or more.
        new($"expert.legal@{DemoDomain}", "周律 法律合规专家", Role.Expert),
        new($"expert.compliance@{DemoDomain}", "吴规 合规专家", Role.Expert),
        new($"expert.finance@{DemoDomain}", "钱融 金融业务专家", Role.Expert),
        new($"expert.markets@{DemoDomain}", "孙市 市场专家", Role.Expert),
        new($"expert.it@{DemoDomain}", "郑链 信息科技专家", Role.Expert),
        new($"expert.equity@{DemoDomain}", "林股 股权市场专家", Role.Expert),

        // The lead institutions of the demo exits (DemoExits), so the casebook's news to the institution reaches someone.
        new($"applicant.registry@{DemoDomain}", "北方登记中心 Applicant", Role.Applicant, OrganisationCode: "MA02BFD31"),
        new($"applicant.yanshan@{DemoDomain}", "燕山基金 Applicant", Role.Applicant, OrganisationCode: "MA03YJJ42"),
    ];

    /// <summary>Expert profiles by e-mail: domains, sub-group regions, tags, load and employer (by organisation code, or a name off the platform).</summary>
    public static readonly DemoExpert[] Experts =
    [
        new($"expert@{DemoDomain}", [ExpertDomain.InformationTechnology], ["BJ"], ["blockchain", "privacy-computing", "big-data"], null, "清华大学金融科技研究院",
            "长期研究区块链与隐私计算在证券登记结算中的应用。"),
        new($"expert.legal@{DemoDomain}", [ExpertDomain.LegalCompliance], ["BJ"], ["compliance", "customer-service"], null, "北京金融法院研究室",
            "证券法、投资者保护与金融消费者权益保护。"),
        new($"expert.compliance@{DemoDomain}", [ExpertDomain.LegalCompliance], ["SH"], ["compliance", "trading"], null, "华东政法大学",
            "金融监管合规、反洗钱与数据合规。"),
        new($"expert.finance@{DemoDomain}", [ExpertDomain.FinancialBusiness], ["BJ"], ["trading", "investment-advice"], null, "中央财经大学",
            "证券经营机构业务、投资顾问与财富管理。"),
        new($"expert.markets@{DemoDomain}", [ExpertDomain.FinancialBusiness, ExpertDomain.LegalCompliance], ["BJ", "SH"], ["trading", "compliance"], null, "资本市场研究会",
            "多层次资本市场、交易制度与市场监管。"),
        new($"expert.it@{DemoDomain}", [ExpertDomain.InformationTechnology, ExpertDomain.FinancialBusiness], [], ["digital-rmb", "big-data", "cloud"], null, "中科院计算所",
            "金融信息系统架构、数字人民币与数据安全。"),
        new($"expert.equity@{DemoDomain}", [ExpertDomain.FinancialBusiness], ["BJ"], ["blockchain", "compliance"], "MA05GQJ64", null,
            "区域性股权市场登记托管与私募股权转让。"),
    ];

    public sealed record DemoExpert(
        string Email, ExpertDomain[] Domains, string[] RegionCodes, string[] Tags, string? EmployerOrganisationCode, string? EmployerName, string Profile);

    /// <summary>A valid 统一社会信用代码 for an enterprise (91…) registered in the given division.</summary>
    public static string CreditCode(string division, string organisationCode)
    {
        var first17 = "91" + division + organisationCode;
        return first17 + UnifiedSocialCreditCode.CheckCharacter(first17);
    }
}
