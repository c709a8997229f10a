using Microsoft.Playwright;

namespace FinPilot.Browser.Tests.Pages;

/// <summary>The parts of every page: navigation, language switch, heading.</summary>
public sealed class Shell(IPage page)
{
    public async Task<IReadOnlyList<string>> NavigationKeysAsync()
    {
        var ids = await page.Locator("header nav a[data-testid^='nav-']").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.testid)");
        return ids.Select(id => id["nav-".Length..]).ToList();
    }

    public Task SwitchToEnglishAsync() => page.Locator("[data-testid=lang-en]").ClickAsync();

    public Task<string> HeadingAsync() => page.Locator("main h1").First.InnerTextAsync();

    public Task<string?> LanguageAsync() => page.Locator("html").GetAttributeAsync("lang");
}
