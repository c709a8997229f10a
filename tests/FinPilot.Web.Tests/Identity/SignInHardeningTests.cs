using System.Net;
using FinPilot.Domain.Identity;
using FinPilot.Web.Data;
using FinPilot.Web.Features.ApiTokens;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinPilot.Web.Tests.Identity;

/// <summary>The demo world with a password hasher that counts how often a password is checked.</summary>
public sealed class AppsCountingPasswordChecks(PostgresServer postgres)
    : TestApps(postgres, demoEnabled: true, builder => builder.ConfigureTestServices(services =>
    {
        services.AddSingleton<PasswordCheckCounter>();
        services.AddScoped<IPasswordHasher<User>>(sp => new CountingPasswordHasher(sp.GetRequiredService<PasswordCheckCounter>()));
    }));

public sealed class PasswordCheckCounter
{
    private int _checks;

    public int Checks => Volatile.Read(ref _checks);

    public void Add() => Interlocked.Increment(ref _checks);
}

internal sealed class CountingPasswordHasher(PasswordCheckCounter counter) : PasswordHasher<User>
{
    public override PasswordVerificationResult VerifyHashedPassword(User user, string hashedPassword, string providedPassword)
    {
        counter.Add();
        return base.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

public sealed class SignInHardeningTests(AppsCountingPasswordChecks apps) : IClassFixture<AppsCountingPasswordChecks>
{
    [Theory, AllProviders]
    public async Task An_unknown_address_costs_the_same_password_check_as_a_wrong_password(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var counter = app.Services.GetRequiredService<PasswordCheckCounter>();
        var known = NewEmail();
        await app.CreateUserAsync(known, Role.Expert);
        using var browser = app.Browser("10.1.0.1");

        var before = counter.Checks;
        using var unknown = await browser.LogInAsync(NewEmail(), "Wrong#password1");
        var forUnknown = counter.Checks - before;
        before = counter.Checks;
        using var wrong = await browser.LogInAsync(known, "Wrong#password1");
        var forWrong = counter.Checks - before;

        Assert.Equal(1, forWrong);
        Assert.Equal(forWrong, forUnknown);
        var unknownPage = await unknown.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var wrongPage = await wrong.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(wrong.StatusCode, unknown.StatusCode);
        Assert.Contains("邮箱或密码不正确", unknownPage, StringComparison.Ordinal);
        Assert.Contains("邮箱或密码不正确", wrongPage, StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task Failures_from_one_network_hold_back_that_network_only_and_do_not_lock_the_account(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var email = NewEmail();
        var user = (await app.CreateUserAsync(email, Role.Expert)).User;
        using var stranger = app.Browser("10.1.1.1");
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await stranger.LogInAsync(email, $"Wrong#password{attempt}");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var held = await stranger.LogInAsync(email, FinPilotApp.DemoPassword);
        using var owner = app.Browser("10.1.1.2");
        using var ownerLogin = await owner.LogInAsync(email, FinPilotApp.DemoPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, held.StatusCode);
        var retryAfter = held.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
        Assert.Contains("登录尝试失败次数过多", await held.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.False(stranger.IsSignedIn);
        Assert.True(owner.IsSignedIn);
        Assert.Null(await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.LockoutEnd).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.LoginThrottled && e.ActorName == email)));

        // Once the window has passed, the held-back network may try again.
        app.Clock.Advance(TimeSpan.FromMinutes(15));
        using var later = await stranger.LogInAsync(email, FinPilotApp.DemoPassword);
        Assert.True(stranger.IsSignedIn, $"{(int)later.StatusCode}");
    }

    [Theory, AllProviders]
    public async Task Failures_from_many_networks_are_capped_per_address(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var email = NewEmail();
        for (var network = 1; network <= 4; network++)
        {
            using var browser = app.Browser($"10.1.2.{network}");
            for (var attempt = 1; attempt <= 5; attempt++)
            {
                using var wrong = await browser.LogInAsync(email, $"Wrong#password{attempt}");
                Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            }
        }

        using var fifth = app.Browser("10.1.2.5");
        using var refused = await fifth.LogInAsync(email, "Wrong#password6");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
    }

    [Theory, AllProviders]
    public async Task Signing_out_makes_a_copy_of_the_cookie_useless(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var email = NewEmail();
        await app.CreateUserAsync(email, Role.Expert);
        using var browser = app.Browser();
        using var login = await browser.LogInAsync(email, FinPilotApp.DemoPassword);
        var cookie = string.Join("; ", login.Headers.GetValues("Set-Cookie")
            .Where(c => c.StartsWith(BrowserSession.AuthCookie, StringComparison.Ordinal))
            .Select(c => c.Split(';')[0]));
        using var replay = app.Anonymous();
        replay.DefaultRequestHeaders.Add("Cookie", cookie);
        using var before = await replay.GetAsync("/api/v1/me", TestContext.Current.CancellationToken);

        using var logout = await browser.SubmitAsync("/", "/Account/Logout", new Dictionary<string, string> { ["returnUrl"] = "/" });
        using var after = await replay.GetAsync("/api/v1/me", TestContext.Current.CancellationToken);

        await before.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        await after.ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory, AllProviders]
    public async Task Changing_the_password_revokes_the_accounts_api_tokens(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var email = NewEmail();
        var user = (await app.CreateUserAsync(email, Role.Expert)).User;
        var other = NewEmail();
        await app.CreateUserAsync(other, Role.Expert);
        var (tokenId, secret) = await app.IssueTokenAsync(email);
        var (_, otherSecret) = await app.IssueTokenAsync(other);
        using var api = app.ApiClient(secret);
        using var otherApi = app.ApiClient(otherSecret);
        using var before = await api.GetAsync("/api/v1/me", TestContext.Current.CancellationToken);
        using var browser = await app.SignedInAsync(email);

        using var changed = await browser.SubmitAsync("/Account/Manage/ChangePassword", "/Account/Manage/ChangePassword", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = FinPilotApp.DemoPassword,
            ["Input.NewPassword"] = "Another#Passw0rd",
            ["Input.ConfirmPassword"] = "Another#Passw0rd",
        });
        using var after = await api.GetAsync("/api/v1/me", TestContext.Current.CancellationToken);
        using var untouched = await otherApi.GetAsync("/api/v1/me", TestContext.Current.CancellationToken);

        await before.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        await after.ReadProblemAsync(HttpStatusCode.Unauthorized);
        await untouched.AssertStatusAsync(HttpStatusCode.OK);
        Assert.NotNull(await app.WithDbAsync(db => db.ApiTokens.Where(t => t.Id == tokenId).Select(t => t.RevokedAt).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.TokensRevokedWithPassword && e.ResourceId == user.Id)));
    }

    private static string NewEmail() => $"signin.{Guid.NewGuid():N}@example.cn";
}
