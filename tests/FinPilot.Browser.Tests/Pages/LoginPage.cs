using Microsoft.Playwright;

namespace FinPilot.Browser.Tests.Pages;

public sealed class LoginPage(IPage page)
{
    public const string DemoPassword = "Demo#2026pilot";

    public async Task SignInAsync(string email, string password = DemoPassword)
    {
        await page.GotoAsync("/Account/Login");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
    }
}
