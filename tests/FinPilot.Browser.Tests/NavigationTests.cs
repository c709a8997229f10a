using FinPilot.Browser.Tests.Infrastructure;
using FinPilot.Browser.Tests.Pages;

namespace FinPilot.Browser.Tests;

public sealed class NavigationTests(BrowserApp app)
{
    public static TheoryData<string, string[], string[]> Roles => new()
    {
        { "admin@demo.finpilot.cn", ["organisations", "users", "regions", "calendar", "audit", "tokens", "screening"], ["my-organisation", "applications"] },
        { "coordination@demo.finpilot.cn", ["organisations", "tokens"], ["users", "regions", "calendar", "audit"] },
        { "wg.beijing@demo.finpilot.cn", ["organisations", "tokens", "screening"], ["users", "regions", "calendar", "audit", "applications"] },
        { "secretariat@demo.finpilot.cn", ["organisations", "tokens", "experts", "rounds"], ["users", "regions", "calendar", "audit", "integrity", "my-evaluations"] },
        { "expert@demo.finpilot.cn", ["tokens", "my-evaluations"], ["organisations", "users", "regions", "calendar", "audit", "experts", "rounds", "integrity"] },
        { "integrity@demo.finpilot.cn", ["organisations", "audit", "tokens", "integrity", "rounds"], ["users", "regions", "calendar", "experts"] },
        { "applicant@demo.finpilot.cn", ["my-organisation", "applications", "tokens"], ["organisations", "users", "regions", "calendar", "audit", "screening", "rounds", "experts"] },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Each_role_sees_its_own_navigation(string email, string[] expected, string[] hidden)
    {
        var page = await app.NewPageAsync();
        await new LoginPage(page).SignInAsync(email);

        var keys = await new Shell(page).NavigationKeysAsync();

        Assert.All(expected, key => Assert.Contains(key, keys));
        Assert.All(hidden, key => Assert.DoesNotContain(key, keys));
    }

    [Fact]
    public async Task An_applicant_who_types_an_admin_address_gets_the_access_denied_page()
    {
        var page = await app.NewPageAsync();
        await new LoginPage(page).SignInAsync("applicant@demo.finpilot.cn");

        var response = await page.GotoAsync("/admin/users");

        Assert.Equal(403, response!.Status);
        Assert.Equal(0, await page.Locator("a[href^='admin/users/']").CountAsync());
    }
}
