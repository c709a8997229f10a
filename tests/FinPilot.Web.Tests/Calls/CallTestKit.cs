using System.Net;
using FinPilot.Domain.Organisations;
using FinPilot.Web.Features.Calls;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.Calls;

/// <summary>Making calls through the API for the calls tests.</summary>
internal static class CallTestKit
{
    // Batch numbers are unique per region; every call a test makes takes the next one.
    private static int _batch = 100;

    public static int NextBatch() => Interlocked.Increment(ref _batch);

    public static Task<int> RegionIdAsync(this FinPilotApp app, string code) =>
        app.WithDbAsync(db => db.Regions.Where(r => r.Code == code).Select(r => r.Id).SingleAsync());

    /// <summary>The required materials (申报材料) of every call the kit makes.</summary>
    public static readonly string[] Materials = ["申报书", "测试方案"];

    /// <summary>A complete call, open from an hour ago for <paramref name="openDays"/> days of the app's clock.</summary>
    public static CallsApi.CallInput Input(FinPilotApp app, int regionId, string title, int openDays = 30)
    {
        var now = app.Clock.GetUtcNow();
        return new CallsApi.CallInput(
            regionId, NextBatch(), title, "<p>征集正文</p><script>alert('x')</script>",
            ["数字人民币钱包应用", "多源数据互联互通"], [OrganisationType.SecuritiesFirm, OrganisationType.TechnologyCompany],
            now.AddHours(-1), now.AddDays(openDays), Materials, "010-8000 0001");
    }

    public static async Task<CallsApi.CallDto> CreateAsync(this HttpClient client, CallsApi.CallInput input)
    {
        using var response = await client.PostAsync("/api/v1/calls", input);
        return await response.ReadAsync<CallsApi.CallDto>(HttpStatusCode.Created);
    }

    public static async Task<CallsApi.CallDto> PublishAsync(this HttpClient client, CallsApi.CallDto call)
    {
        using var response = await client.PostAsync($"/api/v1/calls/{call.Id}/publish", new CallsApi.CallTransition(call.Version));
        return await response.ReadAsync<CallsApi.CallDto>();
    }

    public static async Task<CallsApi.CallDto> PublishedAsync(this FinPilotApp app, string email, string regionCode, string title)
    {
        using var client = await app.ApiClientAsync(email);
        var draft = await client.CreateAsync(Input(app, await app.RegionIdAsync(regionCode), title));
        return await client.PublishAsync(draft);
    }
}
