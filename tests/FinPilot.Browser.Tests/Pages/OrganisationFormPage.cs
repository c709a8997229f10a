using Microsoft.Playwright;

namespace FinPilot.Browser.Tests.Pages;

public sealed class OrganisationFormPage(IPage page)
{
    public Task OpenNewAsync() => page.GotoAsync("/organisations/new");

    public async Task FillAsync(string nameZh, string nameEn, string creditCode, string type)
    {
        await page.Locator("#name-zh").FillAsync(nameZh);
        await page.Locator("#name-en").FillAsync(nameEn);
        await page.Locator("#credit-code").FillAsync(creditCode);
        await page.Locator("#type").SelectOptionAsync(type);
    }

    public Task SubmitAsync() => page.Locator("main form button[type=submit]").ClickAsync();

    public ILocator CreditCodeError => page.Locator("[data-testid=credit-code-error]");

    public ILocator CreditCodeInput => page.Locator("#credit-code");
}
