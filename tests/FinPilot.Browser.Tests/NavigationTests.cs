using FinPilot.Browser.Tests.Infrastructure;
using FinPilot.Browser.Tests.Pages;

namespace FinPilot.Browser.Tests;

public sealed class NavigationTests(BrowserApp app)
{
    public static TheoryData<string, string[], string[]> Roles => new()
    {
        { "admin@demo.finpilot.cn", ["pilots", "organisations", "users", "regions", "calendar", "audit", "tokens", "screening"], ["my-organisation", "applications"] },
        { "coordination@demo.finpilot.cn", ["pilots", "organisations", "tokens"], ["users", "regions", "calendar", "audit"] },
        { "wg.beijing@demo.finpilot.cn", ["pilots", "organisations", "tokens", "screening"], ["users", "regions", "calendar", "audit", "applications"] },
        { "secretariat@demo.finpilot.cn", ["pilots", "organisations", "tokens", "experts", "rounds"], ["users", "regions", "calendar", "audit", "integrity", "my-evaluations"] },
        { "expert@demo.finpilot.cn", ["pilots", "tokens", "my-evaluations"], ["organisations", "users", "regions", "calendar", "audit", "experts", "rounds", "integrity"] },
        { "integrity@demo.finpilot.cn", ["pilots", "organisations", "audit", "tokens", "integrity", "rounds"], ["users", "regions", "calendar", "experts"] },
        { "applicant@demo.finpilot.cn", ["pilots", "my-organisation", "applications", "tokens"], ["organisations", "users", "regions", "calendar", "audit", "screening", "rounds", "experts"] },
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
