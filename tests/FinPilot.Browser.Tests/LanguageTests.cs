using FinPilot.Browser.Tests.Infrastructure;
using FinPilot.Browser.Tests.Pages;

namespace FinPilot.Browser.Tests;

public sealed class LanguageTests(BrowserApp app)
{
    [Fact]
    public async Task Pages_are_in_Chinese_until_the_visitor_switches_to_English()
    {
        var page = await app.NewPageAsync();
        await new LoginPage(page).SignInAsync("wg.beijing@demo.finpilot.cn");
        var shell = new Shell(page);
        Assert.Equal("zh-CN", await shell.LanguageAsync());
        Assert.Equal("资本市场金融科技创新试点", await shell.HeadingAsync());

        await shell.SwitchToEnglishAsync();
        await page.WaitForFunctionAsync("document.documentElement.lang === 'en'");

        Assert.Equal("Capital-market fintech innovation pilots", await shell.HeadingAsync());
        await page.GotoAsync("/organisations");
        Assert.Equal("Organisations", await shell.HeadingAsync());
    }
}
