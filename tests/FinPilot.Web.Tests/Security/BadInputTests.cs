using System.Net;
using System.Text;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.Extensions.Hosting;

namespace FinPilot.Web.Tests.Security;

/// <summary>What an outside probe sent: each must be a 4xx (problem+json on the API), never a 500.</summary>
public sealed class BadInputTests(EnvironmentApps apps) : IClassFixture<EnvironmentApps>
{
    private const string AnyNotice = "/api/v1/notices/00000000-0000-0000-0000-000000000001/responses";

    public static TheoryData<string> EnvironmentNames => [Environments.Development, Environments.Production];

    [Theory, MemberData(nameof(EnvironmentNames))]
    public async Task Malformed_json_wrong_types_and_bad_query_values_are_400_problems(string environment)
    {
        var app = await apps.StartAsync(environment);
        using var anonymous = EnvironmentApps.Https(app);
        using var staff = EnvironmentApps.Https(app);
        staff.DefaultRequestHeaders.Authorization = new("Bearer", (await app.IssueTokenAsync(DemoUsers.WorkingGroupBeijing)).Secret);

        var probes = new List<(string What, HttpClient Client, HttpRequestMessage Request)>
        {
            ("malformed json", anonymous, Json(HttpMethod.Post, AnyNotice, "{bad")),
            ("wrong type", anonymous, Json(HttpMethod.Post, AnyNotice, """{"kind":"Comment","text":123}""")),
            ("unknown enum", anonymous, Json(HttpMethod.Post, AnyNotice, """{"kind":"Nope"}""")),
            ("array for object", anonymous, Json(HttpMethod.Post, AnyNotice, "[1,2]")),
            ("signed-in malformed json", staff, Json(HttpMethod.Post, "/api/v1/calls", "{\"regionId\": \"x\"")),
            ("signed-in wrong type", staff, Json(HttpMethod.Post, "/api/v1/calls", """{"regionId":"Beijing","title":5}""")),
            ("number query", anonymous, new HttpRequestMessage(HttpMethod.Get, "/api/v1/pilots?page=abc")),
            ("enum query", anonymous, new HttpRequestMessage(HttpMethod.Get, "/api/v1/pilots?status=bogus")),
            ("guid query", anonymous, new HttpRequestMessage(HttpMethod.Get, "/api/v1/pilots?callId=not-a-guid")),
            ("signed-in number query", staff, new HttpRequestMessage(HttpMethod.Get, "/api/v1/notifications?page=x&pageSize=y")),
        };

        foreach (var (what, client, request) in probes)
        {
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{environment}, {what}: {(int)response.StatusCode} {body}");
            Assert.Equal(HttpResponses.ProblemJson, response.Content.Headers.ContentType?.MediaType);
            Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        }
    }

    [Theory, MemberData(nameof(EnvironmentNames))]
    public async Task Unreadable_query_values_on_pages_are_400_not_500(string environment)
    {
        var app = await apps.StartAsync(environment);
        using var client = EnvironmentApps.Https(app);

        foreach (var path in new[] { "/pilots?page=abc", "/calls?page=abc", "/calls?region=%00", "/notices?page=-1" })
        {
            using var response = await client.GetAsync(path);
            Assert.True((int)response.StatusCode < 500, $"{environment}, {path}: {(int)response.StatusCode}");
        }
    }

    [Theory, MemberData(nameof(EnvironmentNames))]
    public async Task A_backslash_or_external_return_url_is_ignored(string environment)
    {
        var app = await apps.StartAsync(environment);
        using var client = EnvironmentApps.Https(app);

        foreach (var target in new[] { "/\\evil.example", "https://evil.example/", "//evil.example", "\\\\evil.example", "/\t/evil.example" })
        {
            using var culture = await client.GetAsync($"/culture?c=en&returnUrl={Uri.EscapeDataString(target)}");
            Assert.True(culture.StatusCode == HttpStatusCode.Redirect, $"{environment}, culture, {target}: {(int)culture.StatusCode}");
            Assert.Equal("/", culture.Headers.Location?.OriginalString);

            using var session = new BrowserSession(app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://finpilot.example/") }));
            using var page = await session.GetAsync($"/Account/Login?returnUrl={Uri.EscapeDataString(target)}");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        // Signing in with a hostile returnUrl lands on the site, not on the other host, and is no error.
        foreach (var target in new[] { "/\\evil.example", "https://evil.example/" })
        {
            using var session = new BrowserSession(app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://finpilot.example/") }));
            using var login = await LogInWithReturnUrlAsync(session, target);
            Assert.True(login.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther, $"{environment}, login, {target}: {(int)login.StatusCode}");
            Assert.DoesNotContain("evil.example", login.Headers.Location?.ToString() ?? string.Empty, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_production_error_page_shows_a_reference_and_nothing_of_the_failure()
    {
        var app = await apps.ProductionAsync();
        using var client = EnvironmentApps.Https(app);

        var body = await client.GetStringAsync("/Error");

        Assert.Contains("<h1", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_page_answers_404_with_the_not_found_page_not_an_empty_body()
    {
        var app = await apps.ProductionAsync();
        using var client = EnvironmentApps.Https(app);

        using var missing = await client.GetAsync("/no-such-page");
        var body = await missing.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("页面不存在", body, StringComparison.Ordinal);
        Assert.Contains("<h1", body, StringComparison.Ordinal);
    }

    private static HttpRequestMessage Json(HttpMethod method, string path, string body) =>
        new(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    /// <summary>The login form posted to the address that carries the returnUrl, as the browser would.</summary>
    private static async Task<HttpResponseMessage> LogInWithReturnUrlAsync(BrowserSession session, string target)
    {
        var path = $"/Account/Login?returnUrl={Uri.EscapeDataString(target)}";
        var page = await session.Client.GetStringAsync(path);
        var fields = System.Text.RegularExpressions.Regex.Matches(page, """<input\b[^>]*\btype="hidden"[^>]*>""")
            .Select(m => (Name: System.Text.RegularExpressions.Regex.Match(m.Value, "name=\"([^\"]*)\"").Groups[1].Value,
                Value: WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(m.Value, "value=\"([^\"]*)\"").Groups[1].Value)))
            .Where(f => f.Name.Length > 0)
            .ToDictionary(f => f.Name, f => f.Value);
        fields["Input.Email"] = DemoUsers.Applicant;
        fields["Input.Password"] = FinPilotApp.DemoPassword;
        return await session.Client.PostAsync(path, new FormUrlEncodedContent(fields));
    }
}
