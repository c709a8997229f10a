using FinPilot.Domain.Organisations;
using FinPilot.Web.Features.Demo;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static FinPilot.Web.Features.Organisations.OrganisationsApi;

namespace FinPilot.Web.Tests.Organisations;

/// <summary>Bodies for the organisations API written out as a client would send them, and demo ids to put in them.</summary>
public static class OrganisationRequests
{
    public const string Path = "/api/v1/organisations";

    public static object New(int regionId, string? creditCode = null, string nameZh = "测试金融科技有限公司") => new
    {
        nameZh,
        nameEn = "Test Fintech Co., Ltd.",
        type = nameof(OrganisationType.TechnologyCompany),
        licensed = false,
        creditCode = creditCode ?? CreditCodes.NewValid(),
        regionId,
        contacts = new[] { new { name = "李雷", title = "总经理", phone = "021-6000 0000", email = "lilei@example.cn" } },
    };

    /// <summary>The organisation as read, with a new Chinese name, sent against the version that was read.</summary>
    public static object Renamed(OrganisationDto read, string nameZh, int? regionId = null, string? creditCode = null) => new
    {
        nameZh,
        read.NameEn,
        type = read.Type.ToString(),
        read.Licensed,
        creditCode = creditCode ?? read.CreditCode,
        regionId = regionId ?? read.RegionId,
        read.Contacts,
        read.Version,
    };

    public static Task<int> RegionIdAsync(this FinPilotApp app, string code) =>
        app.WithDbAsync(db => db.Regions.Where(r => r.Code == code).Select(r => r.Id).SingleAsync());

    /// <summary>A seeded organisation by its demo organisation code, e.g. MA01JHQ20 for 京华证券.</summary>
    public static Task<Organisation> DemoOrganisationAsync(this FinPilotApp app, string organisationCode)
    {
        var demo = DemoData.Organisations.Single(o => o.OrganisationCode == organisationCode);
        return app.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.NameZh == demo.NameZh));
    }

    public static async Task<OrganisationDto> CreateAsync(this HttpClient client, int regionId)
    {
        using var response = await client.PostAsync(Path, New(regionId));
        return await response.ReadAsync<OrganisationDto>(System.Net.HttpStatusCode.Created);
    }
}
