using System.Net;
using FinPilot.Domain.Identity;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.Identity;

public sealed class LoginTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    private const string LockoutPath = "/Account/Lockout";

    [Theory, AllProviders]
    public async Task Demo_user_signs_in_and_the_cookie_works_on_the_api(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var browser = app.Browser();

        using var login = await browser.LogInAsync(DemoUsers.WorkingGroupShanghai, FinPilotApp.DemoPassword);
        using var me = await browser.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.True(browser.IsSignedIn);
        var body = await me.ReadAsync<MeApi.MeDto>();
        Assert.Equal(DemoUsers.WorkingGroupShanghai, body.Email);
        Assert.Equal(Role.RegionalWorkingGroup, Assert.Single(body.Grants).Role);
    }

    [Theory, AllProviders]
    public async Task Wrong_password_does_not_sign_in_and_is_audited(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var email = NewEmail();
        var user = await app.CreateUserAsync(email, Role.Expert);
        using var browser = app.Browser();

        using var login = await browser.LogInAsync(email, "Wrong#password1");
        using var me = await browser.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.False(browser.IsSignedIn);
        await me.ReadProblemAsync(HttpStatusCode.Unauthorized);
        var failures = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.LoginFailed && e.ResourceId == user.User.Id).ToListAsync());
        Assert.Equal(email, Assert.Single(failures).ActorName);
    }

    [Theory, AllProviders]
    public async Task Unknown_account_is_audited_without_an_actor(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var email = NewEmail();
        using var browser = app.Browser();

        using var login = await browser.LogInAsync(email, "Whatever#2026x");

        Assert.False(browser.IsSignedIn);
        var entry = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.LoginFailed && e.ActorName == email));
        Assert.Null(entry.ActorId);
    }

    [Theory, AllProviders]
    public async Task Ten_wrong_passwords_from_two_networks_lock_the_account(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var email = NewEmail();
        var user = (await app.CreateUserAsync(email, Role.Expert)).User;

        await LockOutAsync(app, email);
        using var third = app.Browser("10.9.0.3");
        using var right = await third.LogInAsync(email, FinPilotApp.DemoPassword);

        Assert.Equal(LockoutPath, right.RedirectPath());
        Assert.False(third.IsSignedIn);
        var lockoutEnd = await app.WithDbAsync(async db => (await db.Users.SingleAsync(u => u.Id == user.Id)).LockoutEnd);
        Assert.True(lockoutEnd > app.Clock.GetUtcNow(), $"LockoutEnd {lockoutEnd} should be in the future");
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.LoginLockedOut && e.ResourceId == user.Id)));
    }

    [Theory, AllProviders]
    public async Task A_locked_account_cannot_use_its_tokens_either(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var email = NewEmail();
        await app.CreateUserAsync(email, Role.Expert);
        using var api = await app.ApiClientAsync(email);
        using var before = await api.GetAsync("/api/v1/me");

        await LockOutAsync(app, email);
        using var after = await api.GetAsync("/api/v1/me");

        await before.AssertStatusAsync(HttpStatusCode.OK);
        await after.ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    /// <summary>
    /// Ten wrong passwords lock an account; one network may try only five before the sign-in
    /// throttle holds it back, so they come from two.
    /// </summary>
    internal static async Task LockOutAsync(FinPilotApp app, string email)
    {
        foreach (var network in new[] { "10.9.0.1", "10.9.0.2" })
        {
            using var browser = app.Browser(network);
            for (var attempt = 1; attempt <= 5; attempt++)
            {
                using var wrong = await browser.LogInAsync(email, $"Wrong#password{attempt}");
                Assert.NotEqual(HttpStatusCode.TooManyRequests, wrong.StatusCode);
            }
        }
    }

    private static string NewEmail() => $"login.{Guid.NewGuid():N}@example.cn";
}
