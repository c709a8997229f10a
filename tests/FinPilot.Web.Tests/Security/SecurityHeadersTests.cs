using System.Net;
using FinPilot.Web.Http;
using FinPilot.Web.Tests.Infrastructure;

namespace FinPilot.Web.Tests.Security;

public sealed class SecurityHeadersTests(EnvironmentApps apps) : IClassFixture<EnvironmentApps>
{
    [Fact]
    public async Task Public_pages_staff_pages_the_api_feeds_static_files_and_errors_carry_the_headers_in_production()
    {
        var app = await apps.ProductionAsync();
        using var anonymous = EnvironmentApps.Https(app);
        using var staff = new BrowserSession(app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://finpilot.example/") }));
        using var signIn = await staff.LogInAsync(DemoUsers.Admin, FinPilotApp.DemoPassword);
        Assert.True(staff.IsSignedIn);
        using var api = EnvironmentApps.Https(app);
        api.DefaultRequestHeaders.Authorization = new("Bearer", (await app.IssueTokenAsync(DemoUsers.Admin)).Secret);

        var responses = new Dictionary<string, HttpResponseMessage>
        {
            ["public page"] = await anonymous.GetAsync("/calls"),
            ["staff page"] = await staff.GetAsync("/admin/users"),
            ["api"] = await api.GetAsync("/api/v1/me"),
            ["feed"] = await anonymous.GetAsync("/calls/feed.atom"),
            ["static file"] = await anonymous.GetAsync("/app.css"),
            ["not found"] = await anonymous.GetAsync("/no-such-page"),
        };

        foreach (var (what, response) in responses)
        {
            var csp = Header(response, "Content-Security-Policy");
            Assert.True(csp is not null, $"{what}: no Content-Security-Policy");
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline'; style-src", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
            Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
            Assert.StartsWith("max-age=", Header(response, "Strict-Transport-Security") ?? $"{what}: no HSTS", StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, responses["public page"].StatusCode);
        Assert.Equal(HttpStatusCode.OK, responses["staff page"].StatusCode);
        Assert.Equal(HttpStatusCode.OK, responses["api"].StatusCode);
        Assert.Equal(HttpStatusCode.OK, responses["static file"].StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, responses["not found"].StatusCode);
        foreach (var response in responses.Values)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Pages_have_no_inline_script_for_the_policy_to_block()
    {
        var app = await apps.ProductionAsync();
        using var anonymous = EnvironmentApps.Https(app);

        var html = await anonymous.GetStringAsync("/calls");

        Assert.Matches("<script src=\"[^\"]*blazor", html);
        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)[^>]*>", html);
    }

    [Fact]
    public async Task Every_cookie_is_secure_outside_development()
    {
        var app = await apps.ProductionAsync();
        using var client = EnvironmentApps.Https(app);

        using var login = await client.GetAsync("/Account/Login");
        using var culture = await client.GetAsync("/culture?c=en&returnUrl=/calls");

        var cookies = SetCookies(login).Concat(SetCookies(culture)).ToList();
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Culture", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Plain_http_is_redirected_to_https_in_production_but_not_in_development()
    {
        var production = await apps.ProductionAsync();
        var development = await apps.DevelopmentAsync();
        using var productionClient = EnvironmentApps.Http(production);
        using var developmentClient = EnvironmentApps.Http(development);

        using var redirected = await productionClient.GetAsync("/calls");
        using var served = await developmentClient.GetAsync("/calls");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirected.StatusCode);
        Assert.Equal("https://finpilot.example/calls", redirected.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Null(Header(served, "Strict-Transport-Security"));
        Assert.NotNull(Header(served, "Content-Security-Policy"));
    }

    [Fact]
    public async Task Forwarded_scheme_and_address_are_believed_only_from_a_configured_proxy()
    {
        var app = await apps.ProductionAsync();
        using var client = EnvironmentApps.Http(app);

        // The TLS proxy spoke HTTPS to the browser and plain HTTP to the app.
        using var fromProxy = await client.SendAsync(Forwarded("10.20.3.4"));
        using var fromStranger = await client.SendAsync(Forwarded("203.0.113.9"));

        Assert.Equal(HttpStatusCode.OK, fromProxy.StatusCode);
        Assert.NotNull(Header(fromProxy, "Strict-Transport-Security"));
        Assert.Equal(HttpStatusCode.TemporaryRedirect, fromStranger.StatusCode);

        static HttpRequestMessage Forwarded(string from)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/calls");
            request.Headers.Add(EnvironmentApps.RemoteAddressHeader, from);
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-For", "198.51.100.7");
            return request;
        }
    }

    [Fact]
    public void The_policy_forbids_framing_plugins_and_foreign_scripts()
    {
        Assert.Contains("frame-ancestors 'none'", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
}
