using System.Security.Cryptography;
using System.Text.Json;
using FinPilot.Browser.Tests.Infrastructure;
using FinPilot.Browser.Tests.Pages;
using FinPilot.Domain.Disclosure;
using FinPilot.Ledger.Proofs;
using FinPilot.Web.Features.Ledger;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FinPilot.Browser.Tests;

/// <summary>
/// Issue 18's casebook journey: the working group composes a casebook from a demo exited pilot on the
/// management pages, previews and publishes it; a reader downloads the PDF and checks, as
/// <c>finpilot ledger check-proof --file</c> does, that its SHA-256 is in the proven ledger record.
/// </summary>
public sealed class CasebookJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task The_working_group_publishes_a_casebook_whose_pdf_is_named_in_the_proven_ledger_record()
    {
        var page = await app.NewPageAsync();
        await new LoginPage(page).SignInAsync("wg.beijing@demo.finpilot.cn");
        var composer = new CasebookComposerPage(page);
        var title = $"浏览器案例集 {Guid.NewGuid():N}"[..16];
        await composer.CreateAsync(title, "首批");
        await composer.SelectFirstCandidateAndWriteAsync("浏览器里写的典型做法。", "浏览器里写的经验与启示。");

        // The preview is the public version, before anything is public.
        var composerUrl = page.Url;
        await page.Locator("[data-testid=compose-preview]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=casebook-preview]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=case-practices]")).ToHaveTextAsync("浏览器里写的典型做法。");
        await page.GotoAsync(composerUrl);
        await composer.PublishAsync();
        await Assertions.Expect(page.Locator("[data-testid=casebook-title]")).ToHaveTextAsync(title);

        // The ledger logs the record; the page links its entry.
        await app.RunLedgerAsync();
        await page.ReloadAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=casebook-pdf]").ClickAsync());
        var pdfPath = Path.Combine(Path.GetTempPath(), $"casebook-{Guid.NewGuid():N}.pdf");
        await download.SaveAsAsync(pdfPath);
        var pdfSha = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(pdfPath, TestContext.Current.CancellationToken)));
        File.Delete(pdfPath);
        await Assertions.Expect(page.Locator("[data-testid=casebook-pdf-sha]")).ToHaveTextAsync(pdfSha);
        var href = await page.Locator("[data-testid=ledger-entry-link]").First.GetAttributeAsync("href");
        var index = long.Parse(href!.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);

        // What check-proof --file does: the proof verifies offline under the ledger's key, the record matches the logged hash, the record names the file.
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var proof = TlogProof.Parse(await http.GetStringAsync($"/api/v1/ledger/entries/{index}/proof", TestContext.Current.CancellationToken)).Value;
        var key = app.Services.GetRequiredService<LedgerKey>();
        var verified = proof.Verify(proof.Extra, key.Origin, key.Verifiers);
        Assert.True(verified.IsSuccess, verified.Error);
        var entry = LedgerEntry.TryParse(proof.Extra!);
        Assert.NotNull(entry);
        var record = await http.GetStringAsync($"/api/v1/ledger/entries/{index}/record.json", TestContext.Current.CancellationToken);
        Assert.Equal(entry.ContentSha256, LedgerEntry.ContentHashOf(record));
        using var json = JsonDocument.Parse(record);
        Assert.Equal(pdfSha, json.RootElement.GetProperty("pdf").GetProperty("sha256").GetString());
    }
}
