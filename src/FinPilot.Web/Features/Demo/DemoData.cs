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
    ];

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
    ];

    /// <summary>A valid 统一社会信用代码 for an enterprise (91…) registered in the given division.</summary>
    public static string CreditCode(string division, string organisationCode)
    {
        var first17 = "91" + division + organisationCode;
        return first17 + UnifiedSocialCreditCode.CheckCharacter(first17);
    }
}
