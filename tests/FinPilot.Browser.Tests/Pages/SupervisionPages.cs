using Microsoft.Playwright;

namespace FinPilot.Browser.Tests.Pages;

/// <summary>A pilot's supervision page and the report pages it leads to, as the applicant uses them.</summary>
public sealed class SupervisionPages(IPage page)
{
    public Task OpenProjectAsync(Guid projectId) => page.GotoAsync($"/supervision/projects/{projectId}");

    /// <summary>Starts the report of the latest period that has ended and waits for its page.</summary>
    public async Task StartLastEndedReportAsync(string due)
    {
        await page.Locator("[data-testid=period-row]").Filter(new() { HasText = due }).Last.Locator("[data-testid=start-report]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/supervision/reports/", StringComparison.Ordinal));
    }

    public async Task SubmitReportAsync(string progress)
    {
        await page.Locator("[data-testid=report-form] #progress").FillAsync(progress);
        await page.Locator("[data-testid=submit-report]").ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    public ILocator ReportStatus => page.Locator("[data-testid=report-status]");

    public ILocator Errors => page.Locator("[data-testid=form-errors]");
}

/// <summary>The working group's alert list and an alert's page.</summary>
public sealed class AlertPages(IPage page)
{
    /// <summary>The list filtered to one rule, as a person filters it.</summary>
    public async Task OpenListAsync(string ruleName)
    {
        await page.GotoAsync("/alerts");
        await page.Locator("[data-testid=filters] #kind").SelectOptionAsync(new SelectOptionValue { Label = ruleName });
        await page.Locator("[data-testid=filters] button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("kind=", StringComparison.Ordinal));
    }

    public ILocator RowOf(string projectTitle) => page.Locator("[data-testid=alert]").Filter(new() { HasText = projectTitle });

    public async Task OpenAsync(string projectTitle)
    {
        await RowOf(projectTitle).Locator("a").First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/alerts/", StringComparison.Ordinal));
    }

    public Task AcknowledgeAsync() => page.Locator("[data-testid=acknowledge]").ClickAsync();

    public async Task EscalateAsync(string reason, bool confirm = true)
    {
        await page.Locator("#escalate-reason").FillAsync(reason);
        if (confirm)
        {
            await page.Locator("[data-testid=confirm-escalate]").CheckAsync();
        }

        await page.Locator("[data-testid=escalate]").ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    public ILocator Status => page.Locator("[data-testid=alert-status]");

    public ILocator Evidence => page.Locator("[data-testid=evidence]");

    public ILocator ClosingNote => page.Locator("[data-testid=closing-note]");

    public ILocator Done => page.Locator("[data-testid=done]");
}
