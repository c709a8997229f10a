using FinPilot.Browser.Tests.Infrastructure;
using FinPilot.Browser.Tests.Pages;
using Microsoft.Playwright;

namespace FinPilot.Browser.Tests;

public sealed class OrganisationFormTests(BrowserApp app)
{
    [Fact]
    public async Task A_wrong_credit_code_is_explained_next_to_the_field_and_nothing_typed_is_lost()
    {
        var page = await app.NewPageAsync();
        await new LoginPage(page).SignInAsync("wg.beijing@demo.finpilot.cn");
        var form = new OrganisationFormPage(page);
        await form.OpenNewAsync();

        // A real-looking code whose last (check) character is wrong.
        await form.FillAsync("测试数科有限公司", "Test Data Technology Co., Ltd.", "91110000MA01JHQ20X", "TechnologyCompany");
        await form.SubmitAsync();

        await Assertions.Expect(form.CreditCodeError).ToContainTextAsync("校验位");
        await Assertions.Expect(form.CreditCodeInput).ToHaveValueAsync("91110000MA01JHQ20X");
        await Assertions.Expect(page.Locator("#name-zh")).ToHaveValueAsync("测试数科有限公司");
    }

    [Fact]
    public async Task A_valid_organisation_is_saved_and_shown()
    {
        var page = await app.NewPageAsync();
        await new LoginPage(page).SignInAsync("wg.beijing@demo.finpilot.cn");
        var form = new OrganisationFormPage(page);
        await form.OpenNewAsync();

        await form.FillAsync("京西区块链科技有限公司", "Jingxi Blockchain Technology Co., Ltd.", ValidCode("MA0DJXQ42"), "TechnologyCompany");
        await form.SubmitAsync();

        await page.WaitForURLAsync(url => url.Contains("saved=true", StringComparison.Ordinal));
        Assert.Equal("京西区块链科技有限公司", await new Shell(page).HeadingAsync());
    }

    private static string ValidCode(string organisationCode)
    {
        var first17 = "91110000" + organisationCode;
        return first17 + FinPilot.Domain.Organisations.UnifiedSocialCreditCode.CheckCharacter(first17);
    }
}
