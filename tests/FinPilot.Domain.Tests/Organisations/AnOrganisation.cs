using FinPilot.Domain.Organisations;

namespace FinPilot.Domain.Tests.Organisations;

/// <summary>Valid organisation details to start from, so each test changes only what it is about.</summary>
public static class AnOrganisation
{
    public static OrganisationDetails Details(string nameZh = "京华证券股份有限公司", int regionId = 1) => new(
        nameZh,
        "Jinghua Securities Co., Ltd.",
        OrganisationType.SecuritiesFirm,
        Licensed: true,
        CreditCode: "91330100799655058B",
        regionId,
        [new OrganisationContact("王敏", "创新业务负责人", "010-8000 0000", "wangmin@example.cn")]);

    public static Organisation Named(string nameZh, int regionId) =>
        Organisation.Create(Details(nameZh, regionId), NextId()).Value!;

    private static Guid NextId() => Guid.CreateVersion7();
}
