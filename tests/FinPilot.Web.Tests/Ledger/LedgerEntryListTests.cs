using System.Globalization;
using System.Net;
using ClosedXML.Excel;
using FinPilot.Domain.Calendar;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Ledger;
using FinPilot.Web.Http;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.Ledger;

/// <summary>The ledger's entries searched by kind, region and date, sorted and exported — the same rows a query of the records gives.</summary>
public sealed class LedgerEntryListTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    private sealed record Logged(long Index, string Kind, int? RegionId, DateTimeOffset At);

    [Theory, AllProviders]
    public async Task Entries_are_found_by_kind_region_and_date_as_the_records_say(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        await app.RunLedgerAsync();
        using var client = app.Anonymous();
        var logged = await LoggedAsync(app);
        var regions = await app.WithDbAsync(db => db.Regions.ToDictionaryAsync(r => r.Id, r => r.Code));

        // By kind: every entry of the kind, newest first, and nothing else.
        var kind = logged.GroupBy(l => l.Kind).OrderByDescending(g => g.Count()).First().Key;
        var byKind = await ListAsync(client, $"kind={kind}");
        AssertListed(logged.Where(l => l.Kind == kind), byKind);
        Assert.All(byKind.Items, i => Assert.Equal(LedgerNames.Kind(kind), i.KindName));

        // By region, and the national level's records.
        var regionId = logged.First(l => l.RegionId is not null).RegionId!.Value;
        var byRegion = await ListAsync(client, $"region={regions[regionId]}");
        AssertListed(logged.Where(l => l.RegionId == regionId), byRegion);
        var national = await ListAsync(client, "region=national");
        AssertListed(logged.Where(l => l.RegionId is null), national);
        Assert.Empty((await ListAsync(client, "region=XX")).Items);

        // By a day in China time, both ends inclusive.
        var day = ChinaTime.DateOf(logged[logged.Count / 2].At);
        var text = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var onDay = await ListAsync(client, $"from={text}&to={text}");
        AssertListed(logged.Where(l => ChinaTime.DateOf(l.At) == day), onDay);
        Assert.NotEmpty(onDay.Items);

        // Oldest first, and the unfiltered total is the checkpoint's size.
        var oldest = await (await client.GetAsync("/api/v1/ledger/entries?sort=Oldest&pageSize=5")).ReadAsync<Page<LedgerApi.EntryRowDto>>();
        Assert.Equal(logged.Select(l => l.Index).Order().Take(5), oldest.Items.Select(i => i.Index));
        Assert.Equal(logged.Count, oldest.Total);

        // A malformed date is the caller's mistake, told as a problem.
        await (await client.GetAsync("/api/v1/ledger/entries?from=2026-13-45")).ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory, AllProviders]
    public async Task The_export_holds_the_filtered_entries_by_name(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        await app.RunLedgerAsync();
        using var client = app.Anonymous();
        var logged = await LoggedAsync(app);
        var kind = logged.GroupBy(l => l.Kind).OrderBy(g => g.Count()).Last(g => g.Count() <= 50).Key;

        using var file = await client.GetAsync($"/api/v1/ledger/entries.xlsx?kind={kind}&sort=Oldest");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        using var workbook = new XLWorkbook(await file.Content.ReadAsStreamAsync());
        var rows = workbook.Worksheets.First().RowsUsed().Skip(1).ToList();
        Assert.Equal(logged.Where(l => l.Kind == kind).Select(l => l.Index), rows.Select(r => r.Cell(1).GetValue<long>()));
        var zh = LedgerStrings.ResourceManager.GetString("Kind_" + kind.Replace('.', '_'), CultureInfo.GetCultureInfo("zh-CN"));
        Assert.NotNull(zh);
        Assert.All(rows, r => Assert.Equal(zh, r.Cell(2).GetString()));
    }

    [Theory, AllProviders]
    public async Task The_ledger_page_searches_and_forgives_a_malformed_date(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        await app.RunLedgerAsync();
        using var client = app.Anonymous();
        var logged = await LoggedAsync(app);
        // A kind with one page of entries (the page shows 50).
        var kind = logged.GroupBy(l => l.Kind).OrderBy(g => g.Count()).Last(g => g.Count() <= 50).Key;

        var html = await client.GetStringAsync($"/ledger?kind={kind}&from=not-a-date");
        Assert.Contains("日期格式应为 YYYY-MM-DD", html, StringComparison.Ordinal);
        var kindName = LedgerStrings.ResourceManager.GetString("Kind_" + kind.Replace('.', '_'), CultureInfo.GetCultureInfo("zh-CN"))!;
        var shown = html.Split("data-testid=\"ledger-kind\">").Skip(1).Select(s => s[..s.IndexOf('<', StringComparison.Ordinal)]).ToList();
        Assert.Equal(logged.Count(l => l.Kind == kind), shown.Count);
        Assert.All(shown, s => Assert.Equal(kindName, s));
        Assert.Contains($"api/v1/ledger/entries.xlsx?kind={Uri.EscapeDataString(kind)}&amp;sort=Newest", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_kind_of_public_record_has_a_name_in_both_languages()
    {
        foreach (var kind in LedgerKinds.All)
        {
            foreach (var culture in new[] { "zh-CN", "en" })
            {
                var name = LedgerStrings.ResourceManager.GetString("Kind_" + kind.Replace('.', '_'), CultureInfo.GetCultureInfo(culture));
                Assert.False(string.IsNullOrWhiteSpace(name), $"{kind} has no {culture} name");
            }
        }

        Assert.Equal(LedgerKinds.All.Count, LedgerKinds.All.Distinct().Count());
    }

    // The first page (of 100) is the expected entries newest first, and the total counts them all.
    private static void AssertListed(IEnumerable<Logged> expected, Page<LedgerApi.EntryRowDto> page)
    {
        var indexes = expected.Select(l => l.Index).OrderDescending().ToList();
        Assert.Equal(indexes.Take(100), page.Items.Select(i => i.Index));
        Assert.Equal(indexes.Count, page.Total);
    }

    private static Task<List<Logged>> LoggedAsync(FinPilotApp app) => app.WithDbAsync(async db =>
    {
        var signed = await db.LedgerCheckpoints.MaxAsync(c => c.Size);
        var rows = await (from e in db.LedgerEntries
                          join r in db.PublicRecords on e.RecordSequence equals r.Sequence
                          where e.Index < signed
                          orderby e.Index
                          select new { e.Index, r.Kind, r.RegionId, r.At }).ToListAsync();
        return rows.Select(r => new Logged(r.Index, r.Kind, r.RegionId, r.At)).ToList();
    });

    private static async Task<Page<LedgerApi.EntryRowDto>> ListAsync(HttpClient client, string query) =>
        await (await client.GetAsync($"/api/v1/ledger/entries?pageSize=100&{query}")).ReadAsync<Page<LedgerApi.EntryRowDto>>();
}
