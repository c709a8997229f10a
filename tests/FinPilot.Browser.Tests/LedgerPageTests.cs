using FinPilot.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace FinPilot.Browser.Tests;

public sealed class LedgerPageTests(BrowserApp app)
{
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task The_ledger_page_and_an_entry_fit_a_phone_without_sideways_scrolling(string language)
    {
        await app.RunLedgerAsync();
        var page = await app.NewPageAsync();
        if (language == "en")
        {
            await page.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = "c=en|uic=en", Url = app.BaseAddress.ToString() }]);
        }

        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("ledger");
        Assert.True(await page.Locator("[data-testid=ledger-entry-link]").CountAsync() > 0);
        Assert.True(await FitsAsync(page), "The ledger page scrolls sideways at 390 px.");

        await page.Locator("[data-testid=ledger-entries] [data-testid=ledger-entry-link]").First.ClickAsync();
        await page.WaitForURLAsync("**/ledger/entries/*");
        Assert.True(await page.Locator("[data-testid=ledger-entry-content]").IsVisibleAsync());
        Assert.True(await FitsAsync(page), "The ledger entry page scrolls sideways at 390 px.");
    }

    private static Task<bool> FitsAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");
}
