using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using FinPilot.Domain.Identity;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace FinPilot.Web.Tests.Identity;

public sealed partial class PasswordResetTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    private const string ForgotPath = "/Account/ForgotPassword";
    private const string ResetPath = "/Account/ResetPassword";
    private const string NewPassword = "Fresh#Passw0rd2026";

    [Theory, AllProviders]
    public async Task A_mailed_link_sets_a_new_password_once_and_revokes_the_accounts_tokens(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var email = NewEmail();
        var user = (await app.CreateUserAsync(email, Role.Expert)).User;
        var (_, secret) = await app.IssueTokenAsync(email);
        using var browser = app.Browser();

        using var requested = await RequestAsync(browser, email);
        var link = await MailedLinkAsync(app, email);
        using var reset = await SetPasswordAsync(browser, link, NewPassword);
        using var again = await SetPasswordAsync(browser, link, "Second#Passw0rd2026");

        var page = await reset.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("data-testid=\"password-reset\"", page, StringComparison.Ordinal);
        Assert.Contains("重设链接无效或已过期", await again.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        using (var old = app.Browser())
        {
            using var _ = await old.LogInAsync(email, FinPilotApp.DemoPassword);
            Assert.False(old.IsSignedIn);
        }

        using var signedIn = await app.SignedInAsync(email, NewPassword);
        using var api = app.ApiClient(secret);
        await (await api.GetAsync("/api/v1/me", TestContext.Current.CancellationToken)).ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.PasswordReset && e.ResourceId == user.Id)));
    }

    [Theory, AllProviders]
    public async Task An_unknown_address_gets_the_same_answer_and_no_mail(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var known = NewEmail();
        await app.CreateUserAsync(known, Role.Expert);
        var unknown = NewEmail();
        using var browser = app.Browser();

        using var forUnknown = await RequestAsync(browser, unknown);
        using var forKnown = await RequestAsync(browser, known);

        Assert.Equal(forKnown.StatusCode, forUnknown.StatusCode);
        var answerUnknown = Answer(await forUnknown.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var answerKnown = Answer(await forKnown.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(answerKnown, answerUnknown);

        // Mails leave in order: once the known address's has arrived, one for the unknown would be there too.
        await MailedLinkAsync(app, known);
        Assert.Empty(MailsTo(app, unknown));
    }

    [Theory, AllProviders]
    public async Task An_expired_link_is_refused_and_the_password_stays(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var email = NewEmail();
        await app.CreateUserAsync(email, Role.Expert);
        using var browser = app.Browser();
        using var requested = await RequestAsync(browser, email);
        var link = await MailedLinkAsync(app, email);

        app.Clock.Advance(TimeSpan.FromMinutes(31));
        using var reset = await SetPasswordAsync(browser, link, NewPassword);

        Assert.Contains("重设链接无效或已过期", await reset.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        using var signedIn = await app.SignedInAsync(email, FinPilotApp.DemoPassword);
    }

    private static Task<HttpResponseMessage> RequestAsync(BrowserSession browser, string email) =>
        browser.SubmitAsync(ForgotPath, ForgotPath, new Dictionary<string, string> { ["Input.Email"] = email });

    private static Task<HttpResponseMessage> SetPasswordAsync(BrowserSession browser, string link, string password) =>
        browser.SubmitAsync(link, ResetPath, new Dictionary<string, string>
        {
            ["Input.NewPassword"] = password,
            ["Input.ConfirmPassword"] = password,
        });

    /// <summary>The path and query of the link in the reset mail, once the background sender has written it.</summary>
    private static async Task<string> MailedLinkAsync(FinPilotApp app, string email)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (MailsTo(app, email).SingleOrDefault() is { } mail)
            {
                var link = new Uri(Link().Match(mail.TextBody ?? "").Value);
                Assert.Contains("30", mail.TextBody, StringComparison.Ordinal);
                return link.PathAndQuery;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"No reset mail reached {email}.");
        return "";
    }

    private static List<MimeMessage> MailsTo(FinPilotApp app, string email) =>
        !Directory.Exists(app.MailDirectory) ? []
        : [.. Directory.GetFiles(app.MailDirectory, "*.eml").Select(f => MimeMessage.Load(f)).Where(m => m.To.Mailboxes.Any(b => b.Address == email))];

    private static string Answer(string page)
    {
        var match = Confirmation().Match(page);
        Assert.True(match.Success, "The page has no confirmation.");
        return match.Value;
    }

    private static string NewEmail() => $"reset.{Guid.NewGuid():N}@example.cn";

    [GeneratedRegex(@"https?://\S+/Account/ResetPassword\?\S+")]
    private static partial Regex Link();

    [GeneratedRegex("<div[^>]*data-testid=\"reset-requested\"[^>]*>[^<]*</div>")]
    private static partial Regex Confirmation();
}
