using System.IO.Compression;
using FinPilot.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace FinPilot.Browser.Tests;

/// <summary>A visitor reads the home page, the statistics with and without scripts, and takes the open data as XLSX.</summary>
public sealed class StatisticsJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task A_visitor_reads_the_figures_with_charts_and_the_same_tables_without_scripts_and_downloads_the_open_data()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("");
        var pilots = await page.Locator("[data-testid=figure-pilots]").InnerTextAsync();
        Assert.True(int.Parse(pilots, System.Globalization.CultureInfo.InvariantCulture) > 0, "the demo's pilots are counted on the home page");
        await page.Locator("[data-testid=home-figures] a[href=statistics]").ClickAsync();
        await page.WaitForURLAsync("**/statistics");

        // With scripts: ECharts draws a chart from each table, and the table stays for screen readers.
        var index = page.Locator("[data-testid='indicator-FP-R-005']");
        await index.Locator(".chart[data-drawn=true] canvas").First.WaitForAsync();
        Assert.True(await index.Locator("table tbody tr").CountAsync() > 0, "the pilot index has a row per region");
        var withScripts = await page.Locator("[data-testid='indicator-FP-R-001'] table tbody").InnerTextAsync();

        // Without scripts: the same tables are the content and no chart is shown.
        var context = await app.Browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString(), Locale = "zh-CN", JavaScriptEnabled = false });
        var plain = await context.NewPageAsync();
        await plain.GotoAsync("statistics");
        Assert.Equal(withScripts, await plain.Locator("[data-testid='indicator-FP-R-001'] table tbody").InnerTextAsync());
        Assert.Equal(0, await plain.Locator(".chart:visible").CountAsync());
        Assert.True(await plain.Locator("[data-testid='indicator-FP-R-005'] table tbody tr").CountAsync() > 0);
        await context.CloseAsync();

        // The open data: the register as XLSX, a workbook with the data and its dictionary.
        await page.GotoAsync("open-data");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=download-register-xlsx]").ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        var path = await download.PathAsync();
        using var workbook = ZipFile.OpenRead(path);
        var sheets = workbook.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, sheets.Count);
        using var reader = new StreamReader(workbook.GetEntry("xl/workbook.xml")!.Open());
        var names = await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
        Assert.Contains("name=\"dictionary\"", names, StringComparison.Ordinal);
        using var strings = new StreamReader(workbook.GetEntry("xl/sharedStrings.xml")!.Open());
        var text = await strings.ReadToEndAsync(TestContext.Current.CancellationToken);
        Assert.Contains("lead_type", text, StringComparison.Ordinal);
        Assert.Contains("project_id", text, StringComparison.Ordinal);
    }
}
