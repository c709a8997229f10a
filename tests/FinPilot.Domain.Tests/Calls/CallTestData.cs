using FinPilot.Domain.Calls;
using FinPilot.Domain.Organisations;

namespace FinPilot.Domain.Tests.Calls;

internal static class CallTestData
{
    public const int RegionId = 1;
    public const string WorkingGroup = "wg-beijing";

    public static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));
    public static readonly DateTimeOffset OpensAt = new(2026, 3, 10, 9, 0, 0, TimeSpan.FromHours(8));
    public static readonly DateTimeOffset ClosesAt = new(2026, 4, 30, 17, 0, 0, TimeSpan.FromHours(8));

    public static CallDetails Complete() => new(
        2,
        "北京地区第二批项目征集公告",
        "<p>征集第二批试点项目。</p>",
        ["数字人民币钱包应用与反洗钱管控", "多源数据互联互通"],
        [OrganisationType.SecuritiesFirm, OrganisationType.TechnologyCompany],
        OpensAt,
        ClosesAt,
        ["申报书", "测试方案"],
        "北京证监局 010-8000 0001");

    public static Call NewDraft(CallDetails? details = null) =>
        Call.Create(Guid.NewGuid(), RegionId, details ?? Complete(), Now, WorkingGroup).Value!;

    public static Call NewPublished()
    {
        var call = NewDraft();
        Assert.True(call.Publish(Now, WorkingGroup).Succeeded);
        return call;
    }

    public static Call NewClosed()
    {
        var call = NewPublished();
        Assert.True(call.Close(ClosesAt, null).Succeeded);
        return call;
    }
}
