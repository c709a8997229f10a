using FinPilot.Domain.Scenarios;
using FinPilot.Web.Features.Scenarios;
using static FinPilot.Domain.Scenarios.BusinessArea;
using static FinPilot.Domain.Scenarios.Technology;

namespace FinPilot.Web.Tests.Scenarios;

/// <summary>
/// The recommender's labelled set, written for this project: twelve scenarios after the directions of
/// Beijing's second batch and the business scenarios of the first, twenty-four solutions, and graded
/// judgements of scenario–solution pairs (2: made for it, 1: of real use to it, 0: looks close but is
/// not). Unjudged pairs count as 0. Regions: 1 Beijing, 2 Shanghai, 3 Shenzhen.
/// </summary>
public static class LabelledSet
{
    public sealed record Item(string Key, MatchDocument Document);

    public static readonly IReadOnlyList<Item> Scenarios =
    [
        S("S01", "数字人民币钱包资金安全与反洗钱管控", Payments, 1, [DigitalRmb, BigData, ArtificialIntelligence],
            "证券账户与数字人民币钱包对接后，客户资金进出频繁，可疑交易识别滞后，反洗钱监测依赖人工抽查。需要对钱包流水与证券资金流水进行实时比对，识别拆分转账、快进快出等异常模式，加强资金安全和反洗钱管控。"),
        S("S02", "多源数据互联互通与共享", Operations, 1, [BigData, PrivacyComputing, OpenApi],
            "公司内部交易、清算、客户、营销数据分散在多个系统，外部工商、司法数据接入各自为政，数据口径不一致，难以互联互通。希望建设统一的数据共享与交换机制，在保护隐私的前提下实现多源数据融合。"),
        S("S03", "金融活动全链条穿透式分析", BusinessArea.Supervision, 1, [BigData, KnowledgeGraph, ArtificialIntelligence],
            "监管需要对资金来源、去向和实际控制关系进行穿透式分析，识别隐藏的关联交易和违规嵌套。现有报表只能看到单一账户，难以还原账户之间、机构之间的关联关系网络。"),
        S("S04", "智能投资决策与资产配置", InvestmentAdvice, 2, [ArtificialIntelligence, BigData],
            "投顾人员服务客户数量有限，资产配置建议同质化，难以根据客户风险偏好动态调整组合。希望引入智能决策模型，为客户生成个性化资产配置建议，并保留投资者适当性管理的留痕。"),
        S("S05", "期货行业系统接口开放统一", BusinessArea.Futures, 1, [OpenApi, Cloud],
            "期货公司对接交易所、银行、第三方软件的系统接口标准不一，每接入一个外部系统都要重复开发，运维成本高且存在安全隐患。需要统一的开放接口规范和接口网关，解决系统接口开放统一问题。"),
        S("S06", "区块链技术在标准仓单流通领域的应用", BusinessArea.Futures, 1, [Blockchain, Iot],
            "标准仓单的注册、转让、质押环节依赖纸质单据和人工核对，存在重复质押和信息不透明风险。希望利用区块链记录仓单全生命周期，结合仓库物联网监控，提升仓单流通效率和可信度。"),
        S("S07", "区域性股权市场区块链认股与信息披露", RegionalEquity, 1, [Blockchain, Cryptography],
            "区域性股权市场的股权登记、认股服务和信息披露分散在各挂牌企业，投资者难以核实股东名册的真实性，监管难以穿透。希望运用区块链和监管链实现股权登记上链、信息披露存证和账户对接。"),
        S("S08", "行业公共基础设施与信创云平台", BusinessArea.Infrastructure, 1, [Cloud, Cryptography],
            "中小证券期货机构自建机房成本高、灾备能力弱，信创改造压力大。希望建设符合信创要求的行业公共云基础设施，提供统一的密码服务、灾备和安全运维能力。"),
        S("S09", "线上开户客户身份核验", CustomerService, 3, [Biometrics, ArtificialIntelligence],
            "线上开户中冒名开户、身份证件伪造时有发生，视频见证依赖人工坐席，高峰时段排队严重。需要可靠的人脸识别与活体检测，自动完成客户身份核验并保留证据。"),
        S("S10", "合规文档智能审核", Compliance, 2, [ArtificialIntelligence, Rpa],
            "营销材料、产品说明书、信息披露文件上线前需要合规部门逐份人工审核，工作量大、标准不一，容易遗漏违规表述。希望利用自然语言处理自动比对监管规则，标注疑似违规内容。"),
        S("S11", "隐私计算支持下的联合风控", RiskControl, 2, [PrivacyComputing, BigData],
            "机构之间无法直接共享客户数据，融资融券和场外业务的信用风险评估缺少外部数据支撑。希望在数据不出域的前提下，与银行、征信机构开展联合建模，提升信用风险识别能力。"),
        S("S12", "运营流程自动化", Operations, 3, [Rpa, ArtificialIntelligence],
            "清算对账、报表报送、账户业务复核等运营环节大量重复的人工操作，差错率高、夜间加班多。希望通过流程机器人和智能识别实现运营流程自动化，减少人工干预。"),
    ];

    public static readonly IReadOnlyList<Item> Solutions =
    [
        P("P01", "数字人民币智能反洗钱监测平台", Payments, 1, [DigitalRmb, BigData, ArtificialIntelligence],
            "面向证券、期货机构的数字人民币反洗钱监测系统，实时比对钱包流水与资金账户流水，内置拆分转账、快进快出、集中转入分散转出等可疑交易模型，自动生成可疑交易报告。"),
        P("P02", "数字人民币钱包证券资金对接中间件", Payments, 1, [DigitalRmb, OpenApi],
            "提供证券资金账户与数字人民币钱包的对接中间件，支持钱包开立、绑定、银证转账和资金安全校验，已通过运营机构联调测试。"),
        P("P03", "隐私计算多方数据融合平台", null, 2, [PrivacyComputing, BigData],
            "基于多方安全计算和联邦学习的数据融合平台，支持多家机构在数据不出域的前提下进行联合统计、联合查询和联合建模，满足个人信息保护要求。"),
        P("P04", "金融数据中台与统一数据服务", Operations, 1, [BigData, OpenApi, Cloud],
            "为证券公司建设统一的数据中台，汇聚交易、清算、客户、营销等多源数据，统一数据标准和口径，通过开放接口向各业务系统提供数据共享服务。"),
        P("P05", "资金流向知识图谱穿透分析系统", BusinessArea.Supervision, 1, [KnowledgeGraph, BigData],
            "以知识图谱还原账户、机构和实际控制人之间的关联关系，追踪资金来源与去向，识别关联交易、违规嵌套和隐藏的一致行动人，支持穿透式分析。"),
        P("P06", "监管科技实时监测引擎", BusinessArea.Supervision, 1, [BigData, ArtificialIntelligence],
            "面向监管和机构合规部门的实时监测引擎，接入交易与资金数据，按监管指标实时预警异常交易，支持规则配置和监测报告自动生成。"),
        P("P07", "大模型智能投顾引擎", InvestmentAdvice, 2, [ArtificialIntelligence],
            "基于大模型的智能投顾引擎，理解客户投资目标与风险偏好，生成个性化资产配置建议和调仓提示，全程记录适当性匹配过程。"),
        P("P08", "量化资产配置决策平台", InvestmentAdvice, 2, [ArtificialIntelligence, BigData],
            "为投顾团队提供量化资产配置与组合优化工具，结合宏观因子和客户画像生成配置方案，支持智能决策回测。"),
        P("P09", "期货交易统一开放接口网关", BusinessArea.Futures, 1, [OpenApi, Cloud],
            "按统一接口规范对接交易所、银行和第三方交易软件，提供认证、限流、审计和协议转换，期货公司一次接入即可开放标准接口，降低重复开发和运维成本。"),
        P("P10", "期货公司云原生柜台系统", BusinessArea.Futures, 2, [Cloud],
            "云原生架构的期货交易柜台，支持弹性扩容和同城灾备，提供标准化的外部接口。"),
        P("P11", "区块链标准仓单登记流转平台", BusinessArea.Futures, 1, [Blockchain],
            "将标准仓单注册、转让、质押、注销全流程上链，交易所、仓库、银行多方共同记账，杜绝重复质押，提升仓单流通效率。"),
        P("P12", "物联网仓储监管与仓单溯源", BusinessArea.Futures, 2, [Iot, Blockchain],
            "在交割仓库部署物联网传感器和视频监控，实时采集货物重量、位置和出入库数据并上链存证，为仓单提供可信的货物溯源。"),
        P("P13", "区域股权市场区块链登记托管链", RegionalEquity, 1, [Blockchain, Cryptography],
            "为区域性股权市场提供区块链股权登记托管服务，股东名册、认股和转让记录上链，与监管链对接实现穿透式监管和账户对接。"),
        P("P14", "监管链信息披露存证服务", RegionalEquity, 1, [Blockchain],
            "挂牌企业信息披露文件实时上链存证，投资者可核验披露内容未被篡改，监管部门通过监管链节点同步查看。"),
        P("P15", "信创金融行业云平台", BusinessArea.Infrastructure, 1, [Cloud, Cryptography],
            "基于国产芯片和操作系统的金融行业云，提供计算、存储、灾备和统一密码服务，满足信创要求，适合中小机构共享使用。"),
        P("P16", "国密密码服务与密钥管理平台", BusinessArea.Infrastructure, 2, [Cryptography],
            "提供符合国密标准的加密、签名和密钥管理服务，支持云上和本地部署。"),
        P("P17", "远程视频开户人脸识别核验", CustomerService, 3, [Biometrics, ArtificialIntelligence],
            "人脸识别与活体检测结合公安身份核验，自动完成线上开户身份核验，识别证件伪造和冒名开户，留存核验视频证据。"),
        P("P18", "智能客服与身份核验机器人", CustomerService, 3, [ArtificialIntelligence, Biometrics],
            "智能客服机器人承接开户咨询和业务办理，支持声纹与人脸身份核验，缓解高峰时段人工坐席排队。"),
        P("P19", "合规文档智能审核系统", Compliance, 2, [ArtificialIntelligence],
            "运用自然语言处理自动审核营销材料、产品说明书和信息披露文件，比对监管规则库，标注疑似违规表述并给出修改建议。"),
        P("P20", "监管规则知识库与合规检查", Compliance, 1, [KnowledgeGraph, ArtificialIntelligence],
            "汇集法律法规与监管规则的知识库，支持规则检索和业务合规检查，监管规则更新后自动提示受影响的业务。"),
        P("P21", "联邦学习联合风控模型", RiskControl, 2, [PrivacyComputing, ArtificialIntelligence],
            "与银行、征信机构在数据不出域的前提下开展联邦学习联合建模，提升融资融券等业务的信用风险识别能力。"),
        P("P22", "信用风险预警大数据平台", RiskControl, 3, [BigData],
            "汇聚工商、司法、舆情等外部数据，对交易对手和发行人进行信用风险预警。"),
        P("P23", "RPA 运营流程机器人", Operations, 3, [Rpa],
            "流程机器人自动完成清算对账、报表报送和账户业务复核等重复操作，减少人工差错和夜间加班。"),
        P("P24", "智能运营中台", Operations, 3, [Rpa, ArtificialIntelligence, BigData],
            "结合流程自动化与智能文字识别的运营中台，统一调度运营流程，实现运营流程自动化和实时监控。"),
    ];

    /// <summary>Graded judgements of scenario–solution pairs.</summary>
    public static readonly IReadOnlyList<(string Scenario, string Solution, int Grade)> Judgements =
    [
        ("S01", "P01", 2), ("S01", "P02", 2), ("S01", "P05", 1), ("S01", "P06", 1), ("S01", "P16", 0), ("S01", "P22", 0),
        ("S02", "P03", 2), ("S02", "P04", 2), ("S02", "P09", 1), ("S02", "P21", 1), ("S02", "P24", 1), ("S02", "P23", 0),
        ("S03", "P05", 2), ("S03", "P06", 2), ("S03", "P14", 1), ("S03", "P20", 1), ("S03", "P22", 1), ("S03", "P01", 1), ("S03", "P13", 0),
        ("S04", "P07", 2), ("S04", "P08", 2), ("S04", "P18", 0), ("S04", "P19", 0),
        ("S05", "P09", 2), ("S05", "P10", 1), ("S05", "P04", 1), ("S05", "P15", 1), ("S05", "P11", 0), ("S05", "P02", 0),
        ("S06", "P11", 2), ("S06", "P12", 2), ("S06", "P13", 1), ("S06", "P09", 0), ("S06", "P14", 0),
        ("S07", "P13", 2), ("S07", "P14", 2), ("S07", "P16", 1), ("S07", "P11", 1), ("S07", "P05", 0),
        ("S08", "P15", 2), ("S08", "P16", 1), ("S08", "P10", 1), ("S08", "P04", 0),
        ("S09", "P17", 2), ("S09", "P18", 2), ("S09", "P07", 0),
        ("S10", "P19", 2), ("S10", "P20", 2), ("S10", "P23", 1), ("S10", "P06", 1), ("S10", "P07", 0),
        ("S11", "P21", 2), ("S11", "P03", 2), ("S11", "P22", 1), ("S11", "P06", 0),
        ("S12", "P23", 2), ("S12", "P24", 2), ("S12", "P19", 1), ("S12", "P18", 1), ("S12", "P04", 0),
    ];

    public static int Grade(string scenario, string solution) =>
        Judgements.Where(j => j.Scenario == scenario && j.Solution == solution).Select(j => j.Grade).FirstOrDefault();

    private static Item S(string key, string title, BusinessArea area, int region, Technology[] technologies, string text) =>
        new(key, new MatchDocument(Id(key), MatchSide.Scenario, title, text, technologies, area, region));

    private static Item P(string key, string title, BusinessArea? area, int region, Technology[] technologies, string text) =>
        new(key, new MatchDocument(Id(key), MatchSide.Solution, title, text, technologies, area, region));

    private static Guid Id(string key) => Guid.Parse($"00000000-0000-0000-0000-{(key[0] == 'S' ? 1 : 2)}{int.Parse(key[1..], System.Globalization.CultureInfo.InvariantCulture):D11}");
}
