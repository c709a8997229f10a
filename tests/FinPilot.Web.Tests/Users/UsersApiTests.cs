using System.Net;
using FinPilot.Domain.Identity;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Users;
using FinPilot.Web.Http;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static FinPilot.Web.Features.Users.UsersApi;

namespace FinPilot.Web.Tests.Users;

public sealed class UsersApiTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    private const string Path = "/api/v1/users";

    [Theory, AllProviders]
    public async Task Admin_creates_a_user_without_password_and_gets_a_one_time_password(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var admin = await app.ApiClientAsync(DemoUsers.Admin);
        var email = NewEmail();

        using var response = await admin.PostAsync(Path, new { email, displayName = "新用户" });

        var created = await response.ReadAsync<CreatedUserDto>(HttpStatusCode.Created);
        Assert.Equal(email, created.User.Email);
        Assert.False(string.IsNullOrWhiteSpace(created.OneTimePassword));
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Id == created.User.Id).Select(u => u.MustChangePassword).SingleAsync()));

        // The one-time password is real: it signs in (and the gate then asks for a new one).
        using var browser = await app.SignedInAsync(email, created.OneTimePassword!);
        using var home = await browser.GetAsync("/");
        Assert.Equal("/Account/Manage/ChangePassword", home.RedirectPath());
    }

    [Theory, AllProviders]
    public async Task Admin_creates_a_user_with_a_password_and_gets_no_one_time_password(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var admin = await app.ApiClientAsync(DemoUsers.Admin);

        using var response = await admin.PostAsync(Path, new { email = NewEmail(), displayName = "有密码", password = "Chosen#Passw0rd" });

        Assert.Null((await response.ReadAsync<CreatedUserDto>(HttpStatusCode.Created)).OneTimePassword);
    }

    [Theory, AllProviders]
    public async Task Weak_password_and_duplicate_email_are_refused(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var admin = await app.ApiClientAsync(DemoUsers.Admin);

        using var weak = await admin.PostAsync(Path, new { email = NewEmail(), displayName = "弱密码", password = "short" });
        using var duplicate = await admin.PostAsync(Path, new { email = DemoUsers.Expert, displayName = "重复" });

        Assert.True((await weak.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors.ContainsKey("Password"));
        Assert.True((await duplicate.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors.ContainsKey("Email"));
    }

    [Theory, AllProviders]
    public async Task Working_group_role_without_a_region_is_refused(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var admin = await app.ApiClientAsync(DemoUsers.Admin);
        var user = await CreateAsync(admin);

        using var response = await admin.PostAsync($"{Path}/{user.Id}/roles", new { role = nameof(Role.RegionalWorkingGroup) });

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("该角色必须指定地区。", Assert.Single(problem.Errors["RegionId"]));
        Assert.Empty((await (await admin.GetAsync($"{Path}/{user.Id}")).ReadAsync<UserDto>()).Roles);
    }

    [Theory, AllProviders]
    public async Task Granted_role_takes_effect_at_once(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var admin = await app.ApiClientAsync(DemoUsers.Admin);
        var user = await CreateAsync(admin);
        using var client = await app.ApiClientAsync(user.Email!);
        using var before = await client.GetAsync("/api/v1/audit");

        using var granted = await admin.PostAsync($"{Path}/{user.Id}/roles", new { role = nameof(Role.IntegrityOfficer) });
        var assignment = await granted.ReadAsync<AssignmentDto>(HttpStatusCode.Created);
        using var after = await client.GetAsync("/api/v1/audit");
        using var revoked = await admin.DeleteAsync($"{Path}/{user.Id}/roles/{assignment.Id}");
        using var afterRevoke = await client.GetAsync("/api/v1/audit");

        await before.AssertStatusAsync(HttpStatusCode.Forbidden);
        await after.AssertStatusAsync(HttpStatusCode.OK);
        await revoked.AssertStatusAsync(HttpStatusCode.NoContent);
        await afterRevoke.AssertStatusAsync(HttpStatusCode.Forbidden);
    }

    [Theory, AllProviders]
    public async Task Admin_cannot_take_away_their_own_administration(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var admin = await app.ApiClientAsync(DemoUsers.Admin);
        var me = (await (await admin.GetAsync($"{Path}?q=admin@")).ReadAsync<Page<UserDto>>()).Items.Single(u => u.Email == DemoUsers.Admin);
        var own = me.Roles.Single(r => r.Role == Role.PlatformAdmin);

        using var response = await admin.DeleteAsync($"{Path}/{me.Id}/roles/{own.Id}");

        Assert.True((await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors.ContainsKey("Role"));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, DemoUsers.Applicant)]
    [InlineData(DatabaseProvider.Sqlite, DemoUsers.Integrity)]
    [InlineData(DatabaseProvider.Postgres, DemoUsers.Applicant)]
    [InlineData(DatabaseProvider.Postgres, DemoUsers.Integrity)]
    public async Task Only_admins_reach_the_users_api(DatabaseProvider provider, string email)
    {
        var app = await apps.StartAsync(provider);
        using var client = await app.ApiClientAsync(email);

        using var list = await client.GetAsync(Path);
        using var create = await client.PostAsync(Path, new { email = NewEmail(), displayName = "越权" });

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
    }

    [Theory, AllProviders]
    public async Task Applicant_is_refused_the_admin_pages(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var applicant = await app.SignedInAsync(DemoUsers.Applicant);
        using var admin = await app.SignedInAsync(DemoUsers.Admin);

        using var refused = await applicant.GetAsync("/admin/users");
        using var allowed = await admin.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/Account/AccessDenied", refused.RedirectPath());
        await allowed.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Contains(DemoUsers.Applicant, await allowed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task Admin_unlocks_an_account_locked_by_wrong_passwords_and_it_signs_in_again(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var email = NewEmail();
        var user = (await app.CreateUserAsync(email, Role.Expert)).User;
        await LockOutAsync(app, email);
        using var admin = await app.ApiClientAsync(DemoUsers.Admin);
        using var page = await app.SignedInAsync(DemoUsers.Admin);
        var locked = await (await admin.GetAsync($"{Path}/{user.Id}")).ReadAsync<UserDto>();
        var listed = (await (await admin.GetAsync($"{Path}?q={email}")).ReadAsync<Page<UserDto>>()).Items.Single();
        var lockedPage = await (await page.GetAsync($"/admin/users/{user.Id}?unlock=true")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var lockedList = await (await page.GetAsync($"/admin/users?q={email}")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        using var response = await admin.PostAsync($"{Path}/{user.Id}/unlock", new { });

        var unlocked = await response.ReadAsync<Unlocked>();
        Assert.True(locked.LockedOut);
        Assert.True(locked.LockedOutUntil > app.Clock.GetUtcNow());
        Assert.Equal(locked.LockedOutUntil, listed.LockedOutUntil);
        Assert.Contains("data-testid=\"confirm-unlock\"", lockedPage, StringComparison.Ordinal);
        Assert.Contains("锁定至", lockedPage, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"locked-out\"", lockedList, StringComparison.Ordinal);
        Assert.True(unlocked.WasLockedOut);
        Assert.Equal(locked.LockedOutUntil, unlocked.LockedOutUntil);
        var after = await (await admin.GetAsync($"{Path}/{user.Id}")).ReadAsync<UserDto>();
        Assert.Equal((false, null), (after.LockedOut, after.LockedOutUntil));
        var unlockedPage = await (await page.GetAsync($"/admin/users/{user.Id}?unlock=true")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("data-testid=\"confirm-unlock\"", unlockedPage, StringComparison.Ordinal);
        Assert.Contains("未锁定", unlockedPage, StringComparison.Ordinal);

        // Signs in with the right password at once, well before the fifteen minutes are up.
        using var signedIn = await app.SignedInAsync(email);
        var adminId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoUsers.Admin).Select(u => u.Id).SingleAsync());
        var entry = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.UserUnlocked && e.ResourceId == user.Id));
        Assert.Equal(adminId, entry.ActorId);
    }

    [Theory, AllProviders]
    public async Task Working_group_member_cannot_unlock_an_account(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var email = NewEmail();
        var user = (await app.CreateUserAsync(email, Role.Expert)).User;
        await LockOutAsync(app, email);
        var lockedUntil = await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.LockoutEnd).SingleAsync());
        using var member = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);

        using var response = await member.PostAsync($"{Path}/{user.Id}/unlock", new { });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotNull(lockedUntil);
        Assert.Equal(lockedUntil, await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.LockoutEnd).SingleAsync()));
        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.UserUnlocked && e.ResourceId == user.Id)));
        using var browser = app.Browser();
        using var login = await browser.LogInAsync(email, FinPilotApp.DemoPassword);
        Assert.Equal("/Account/Lockout", login.RedirectPath());
    }

    [Theory, AllProviders]
    public async Task Unlocking_an_account_that_is_not_locked_out_only_clears_its_failed_sign_ins(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var email = NewEmail();
        var user = (await app.CreateUserAsync(email, Role.Expert)).User;
        using var admin = await app.ApiClientAsync(DemoUsers.Admin);
        using (var browser = app.Browser())
        {
            using var wrong = await browser.LogInAsync(email, "Wrong#password1");
        }

        using var first = await admin.PostAsync($"{Path}/{user.Id}/unlock", new { });
        using var second = await admin.PostAsync($"{Path}/{user.Id}/unlock", new { });
        using var unknown = await admin.PostAsync($"{Path}/{Guid.NewGuid()}/unlock", new { });

        Assert.Equal(new Unlocked(false, null, 1), await first.ReadAsync<Unlocked>());
        Assert.Equal(new Unlocked(false, null, 0), await second.ReadAsync<Unlocked>());
        await unknown.AssertStatusAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.AccessFailedCount).SingleAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.UserUnlocked && e.ResourceId == user.Id)));
    }

    /// <summary>Wrong passwords on the real login page, as the lockout tests do.</summary>
    private static async Task LockOutAsync(FinPilotApp app, string email)
    {
        await Identity.LoginTests.LockOutAsync(app, email);
        using var browser = app.Browser("10.9.0.9");
        using var right = await browser.LogInAsync(email, FinPilotApp.DemoPassword);
        Assert.Equal("/Account/Lockout", right.RedirectPath());
    }

    private static string NewEmail() => $"user.{Guid.NewGuid():N}@example.cn";

    private static async Task<UserDto> CreateAsync(HttpClient admin)
    {
        using var response = await admin.PostAsync(Path, new { email = NewEmail(), displayName = "测试用户", password = "Chosen#Passw0rd" });
        return (await response.ReadAsync<CreatedUserDto>(HttpStatusCode.Created)).User;
    }
}
