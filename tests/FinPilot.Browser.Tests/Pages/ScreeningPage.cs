using Microsoft.Playwright;

namespace FinPilot.Browser.Tests.Pages;

/// <summary>A working group's screening page of one application.</summary>
public sealed class ScreeningPage(IPage page)
{
    public Task OpenAsync(Guid projectId) => page.GotoAsync($"/screening/{projectId}");

    public Task StartAsync() => page.Locator("[data-testid=start-screening]").ClickAsync();

    public async Task ReturnForSupplementAsync(string items, int workingDays)
    {
        await page.Locator("#return-items").FillAsync(items);
        await page.Locator("#return-days").FillAsync(workingDays.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("[data-testid=return-for-supplement]").ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    public async Task TickEverythingAsync()
    {
        foreach (var box in await page.Locator("[data-testid=checklist] input[type=checkbox]").AllAsync())
        {
            await box.CheckAsync();
        }

        await page.Locator("[data-testid=checklist] button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    public Task AcceptAsync() => page.Locator("[data-testid=accept]").ClickAsync();

    public ILocator Stage => page.Locator("[data-testid=stage]");
}
