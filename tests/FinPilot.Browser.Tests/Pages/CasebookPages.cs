using Microsoft.Playwright;

namespace FinPilot.Browser.Tests.Pages;

/// <summary>The working group's casebook pages: the list with its creation form, and the composer of one casebook.</summary>
public sealed class CasebookComposerPage(IPage page)
{
    /// <summary>Creates a casebook of the user's (only) region from <c>/casebooks/manage</c> and lands on its composer.</summary>
    public async Task CreateAsync(string titleZh, string period)
    {
        await page.GotoAsync("casebooks/manage");
        await page.Locator("input[name=Scope]").First.CheckAsync();
        await page.Locator("#title-zh").FillAsync(titleZh);
        await page.Locator("#period").FillAsync(period);
        await page.Locator("[data-testid=casebook-create]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/casebooks/manage/", StringComparison.Ordinal));
    }

    /// <summary>Selects the first candidate (exemplary first) and writes its Chinese editorial text.</summary>
    public async Task SelectFirstCandidateAndWriteAsync(string practices, string lessons)
    {
        await page.Locator("[data-testid=candidate-select]").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=compose-case]")).ToHaveCountAsync(1);
        var item = page.Locator("[data-testid=compose-case]").First;
        await item.Locator("textarea[name=PracticesZh]").FillAsync(practices);
        await item.Locator("textarea[name=LessonsZh]").FillAsync(lessons);
        await item.Locator("[data-testid=compose-case-save]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=saved]")).ToBeVisibleAsync();
    }

    /// <summary>Ticks the irreversibility and publishes; lands on the public casebook.</summary>
    public async Task PublishAsync()
    {
        await page.Locator("[data-testid=publish-confirm]").CheckAsync();
        await page.Locator("[data-testid=publish-submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/manage", StringComparison.Ordinal));
    }
}
