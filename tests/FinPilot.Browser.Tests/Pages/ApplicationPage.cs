using Microsoft.Playwright;

namespace FinPilot.Browser.Tests.Pages;

/// <summary>The application form as an applicant sees it.</summary>
public sealed class ApplicationPage(IPage page)
{
    private static readonly string[] LongTexts =
    [
        "Innovation", "Problem", "RegulatoryQuestion", "RiskAssessment", "RiskControls", "CustomerSelection", "CustomerCaps",
        "CustomerDisclosure", "Complaints", "Compensation", "TestScope", "Metrics", "EmergencyPlan", "ExitPlan",
    ];

    public async Task StartAsync(Guid callId, string title)
    {
        // The way an applicant gets there: the call's page offers to apply while it is open.
        await page.GotoAsync($"/calls/{callId}");
        await page.Locator("[data-testid=apply]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/applications/new", StringComparison.Ordinal));
        await page.Locator("#title").FillAsync(title);
        await page.Locator("#category").SelectOptionAsync("TechnologyInnovation");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/new", StringComparison.Ordinal));
    }

    public async Task FillEverythingAsync()
    {
        await page.Locator("#app-summary").FillAsync("以隐私计算打通多源数据，为投顾业务提供穿透式风险画像。");
        await page.Locator("input[name='Model.ScenarioChecks[investment-advice]']").CheckAsync();
        await page.Locator("input[name='Model.TechnologyChecks[privacy-computing]']").CheckAsync();
        foreach (var field in LongTexts)
        {
            await page.Locator($"#app-{field}").FillAsync($"{field} 的说明（测试）。");
        }

        await page.Locator("#app-partners").FillAsync("智链数科");
        await page.Locator("#app-customer-limit").FillAsync("500");
        await page.Locator("#app-duration").FillAsync("12");
    }

    public Task SaveAsync() => page.Locator("button[name='Model.Action'][value='save']").ClickAsync();

    public async Task SubmitAsync()
    {
        await page.Locator("[data-testid=confirm-submit]").CheckAsync();
        await page.Locator("[data-testid=submit-application]").ClickAsync();
    }

    /// <summary>Presses submit without ticking the confirmation.</summary>
    public Task SubmitUnconfirmedAsync() => page.Locator("[data-testid=submit-application]").ClickAsync();

    public async Task UploadAsync(string fileName, byte[] content, string mimeType)
    {
        await page.Locator("#upload").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = mimeType, Buffer = content });
        await page.Locator("[data-testid=upload-form] button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    /// <summary>Uploads a file for each required material still missing (the material list offers the first missing one).</summary>
    public async Task UploadMissingMaterialsAsync(byte[] content)
    {
        while (await MissingMaterials.CountAsync() > 0)
        {
            var material = await page.Locator("#upload-material").InputValueAsync();
            await UploadAsync(material + ".pdf", content, "application/pdf");
        }
    }

    public ILocator MissingMaterials => page.Locator("[data-testid=required-materials] .status-risk");

    public ILocator Stage => page.Locator("[data-testid=stage]");

    public ILocator ReadOnly => page.Locator("[data-testid=application-readonly]");

    public ILocator Attachments => page.Locator("[data-testid=attachments]");

    public ILocator MissingItems => page.Locator("[data-testid=missing-items]");

    public ILocator FormErrors => page.Locator("[data-testid=form-errors]");

    public ILocator SupplementRequest => page.Locator("[data-testid=supplement-request]");
}
