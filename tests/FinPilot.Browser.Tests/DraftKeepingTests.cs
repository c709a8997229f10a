using FinPilot.Browser.Tests.Infrastructure;
using FinPilot.Browser.Tests.Pages;
using Microsoft.Playwright;

namespace FinPilot.Browser.Tests;

public sealed class DraftKeepingTests(BrowserApp app)
{
    [Fact]
    public async Task Text_typed_before_the_session_ends_is_back_after_signing_in_again()
    {
        var page = await app.NewPageAsync();
        await new LoginPage(page).SignInAsync("applicant@demo.finpilot.cn");
        var form = new ApplicationPage(page);
        await form.StartAsync(await app.OpenBeijingCallAsync(), "会话过期保留草稿");
        var address = page.Url;
        await page.Locator("#app-Innovation").FillAsync("会话过期前输入的创新点");

        // The session ends (cookie gone) and the person presses save: the server sends them to sign in.
        await page.Context.ClearCookiesAsync();
        await form.SaveAsync();
        await page.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.Ordinal));
        await page.Locator("#email").FillAsync("applicant@demo.finpilot.cn");
        await page.Locator("#password").FillAsync(LoginPage.DemoPassword);
        await page.Locator("form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/applications/", StringComparison.Ordinal));

        Assert.Equal(new Uri(address).AbsolutePath, new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.Locator("#app-Innovation")).ToHaveValueAsync("会话过期前输入的创新点");
        await Assertions.Expect(page.Locator("[data-draft-restored]")).ToBeVisibleAsync();

        // Once saved, the server has it and the browser's copy is gone.
        await form.SaveAsync();
        await page.WaitForURLAsync(url => url.Contains("saved=true", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#app-Innovation")).ToHaveValueAsync("会话过期前输入的创新点");
        Assert.Equal(0, await page.EvaluateAsync<int>("Object.keys(localStorage).filter(k => k.startsWith('finpilot.draft.')).length"));
    }
}
