using System.Net;
using System.Text.RegularExpressions;
using FinPilot.Web.Tests.Infrastructure;

namespace FinPilot.Web.Tests.Security;

public sealed partial class CookieApiCsrfTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    private const string ReadAll = "/api/v1/notifications/read-all";

    [Fact]
    public async Task A_change_made_with_the_cookie_needs_a_same_origin_or_an_antiforgery_token()
    {
        var app = await apps.StartAsync(Web.Data.DatabaseProvider.Sqlite);
        using var session = await app.SignedInAsync(DemoUsers.Applicant);
        var token = AntiforgeryField().Match(await session.Client.GetStringAsync("/Account/Manage")).Groups[1].Value;
        Assert.NotEmpty(token);

        using var bare = await session.Client.SendAsync(Post());
        using var foreign = await session.Client.SendAsync(Post(origin: "https://evil.example"));
        using var nullOrigin = await session.Client.SendAsync(Post(origin: "null"));
        using var forgedToken = await session.Client.SendAsync(Post(token: "forged"));
        using var sameOrigin = await session.Client.SendAsync(Post(origin: "http://localhost"));
        using var withToken = await session.Client.SendAsync(Post(token: WebUtility.HtmlDecode(token)));
        using var reading = await session.Client.GetAsync("/api/v1/notifications");

        await bare.ReadProblemAsync(HttpStatusCode.Forbidden);
        await foreign.ReadProblemAsync(HttpStatusCode.Forbidden);
        await nullOrigin.ReadProblemAsync(HttpStatusCode.Forbidden);
        await forgedToken.ReadProblemAsync(HttpStatusCode.Forbidden);
        await sameOrigin.AssertStatusAsync(HttpStatusCode.OK);
        await withToken.AssertStatusAsync(HttpStatusCode.OK);
        await reading.AssertStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Bearer_token_calls_need_neither()
    {
        var app = await apps.StartAsync(Web.Data.DatabaseProvider.Sqlite);
        using var client = await app.ApiClientAsync(DemoUsers.Applicant);

        using var bare = await client.SendAsync(Post());
        using var foreign = await client.SendAsync(Post(origin: "https://evil.example"));

        await bare.AssertStatusAsync(HttpStatusCode.OK);
        await foreign.AssertStatusAsync(HttpStatusCode.OK);
    }

    private static HttpRequestMessage Post(string? origin = null, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, ReadAll);
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (token is not null)
        {
            request.Headers.Add("RequestVerificationToken", token);
        }

        return request;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
