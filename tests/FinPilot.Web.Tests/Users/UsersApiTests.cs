using System.Net;
using FinPilot.Domain.Identity;
using FinPilot.Web.Data;
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

    private static string NewEmail() => $"user.{Guid.NewGuid():N}@example.cn";

    private static async Task<UserDto> CreateAsync(HttpClient admin)
    {
        using var response = await admin.PostAsync(Path, new { email = NewEmail(), displayName = "测试用户", password = "Chosen#Passw0rd" });
        return (await response.ReadAsync<CreatedUserDto>(HttpStatusCode.Created)).User;
    }
}
