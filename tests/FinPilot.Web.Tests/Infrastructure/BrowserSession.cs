using System.Net;
using System.Text.RegularExpressions;

namespace FinPilot.Web.Tests.Infrastructure;

/// <summary>
/// A person's browser without the rendering: keeps cookies, shows redirects, and fills in the
/// login page (a Blazor static SSR form: its hidden <c>_handler</c> and antiforgery fields are
/// posted back with the credentials, exactly as a browser would).
/// </summary>
public sealed partial class BrowserSession(HttpClient client) : IDisposable
{
    public const string LoginPath = "/Account/Login";
    public const string AuthCookie = "finpilot.auth";

    public HttpClient Client => client;

    /// <summary>True once a login has answered with the sign-in cookie.</summary>
    public bool IsSignedIn { get; private set; }

    public async Task<HttpResponseMessage> LogInAsync(string email, string password)
    {
        var page = await client.GetStringAsync(LoginPath);
        var fields = HiddenFields(page);
        Assert.True(fields.ContainsKey("_handler"), "The login page has no Blazor form handler field.");
        Assert.True(fields.ContainsKey("__RequestVerificationToken"), "The login page has no antiforgery field.");
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;

        var response = await client.PostAsync(LoginPath, new FormUrlEncodedContent(fields));
        IsSignedIn |= response.Headers.TryGetValues("Set-Cookie", out var cookies)
            && cookies.Any(c => c.StartsWith(AuthCookie + "=", StringComparison.Ordinal) && !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));
        return response;
    }

    public Task<HttpResponseMessage> GetAsync(string path) => client.GetAsync(path);

    /// <summary>
    /// Opens <paramref name="pagePath"/> and posts its hidden fields (antiforgery token, Blazor form
    /// handler; the last of each name) with <paramref name="fields"/> to <paramref name="postPath"/>.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pagePath, string postPath, IReadOnlyDictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(pagePath);
        var form = HiddenInput().Matches(page)
            .Select(m => Attributes(m.Value))
            .Where(a => a.ContainsKey("name"))
            .GroupBy(a => a["name"])
            .ToDictionary(g => g.Key, g => g.Last().GetValueOrDefault("value") ?? string.Empty);
        foreach (var (name, value) in fields)
        {
            form[name] = value;
        }

        return await client.PostAsync(postPath, new FormUrlEncodedContent(form));
    }

    public void Dispose() => client.Dispose();

    private static Dictionary<string, string> HiddenFields(string html) =>
        HiddenInput().Matches(html)
            .Select(m => Attributes(m.Value))
            .Where(a => a.ContainsKey("name"))
            .ToDictionary(a => a["name"], a => a.GetValueOrDefault("value") ?? string.Empty);

    private static Dictionary<string, string> Attributes(string tag) =>
        Attribute().Matches(tag).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));

    [GeneratedRegex("""<input\b[^>]*\btype="hidden"[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenInput();

    [GeneratedRegex("([\\w.\\-]+)=\"([^\"]*)\"")]
    private static partial Regex Attribute();
}
