using FinPilot.Domain.Disclosure;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Disclosure;
using FinPilot.Web.Http;
using FinPilot.Web.Tests.Infrastructure;

namespace FinPilot.Web.Tests.Disclosure;

public sealed class DemoRegisterTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task The_demo_shows_beijings_first_batch_admitted_through_the_whole_path(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var visitor = app.Anonymous();

        var page = await (await visitor.GetAsync("/api/v1/pilots?region=BJ&status=Running&pageSize=100")).ReadAsync<Page<PilotsApi.PilotSummaryDto>>();
        var batch = page.Items.Where(p => p.Batch.Number == 1).ToList();
        // 16 admitted in batch 1 (DemoScale), of which three exited (DemoExits): 13 running.
        Assert.Equal(13, batch.Count);

        visitor.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        // The blockchain pilot's public story is the admission path alone; its siblings later had a disposal and a plan change made public.
        var chosen = batch.Single(p => p.Name.Contains("区块链", StringComparison.Ordinal));
        var pilot = await (await visitor.GetAsync($"/api/v1/pilots/{chosen.Id}")).ReadAsync<PilotsApi.PilotDto>();
        Assert.Equal([PublicEventKind.ResolutionPublished, PublicEventKind.NoticePublished, PublicEventKind.Admitted], pilot.Timeline.Select(e => e.Kind));
        Assert.Equal("Admitted after public notice; the pilot starts 2021-12-30", pilot.Timeline[^1].Title);

        // The register states each application's scenarios and technologies, not "none".
        var html = System.Net.WebUtility.HtmlDecode(await visitor.GetStringAsync($"/pilots/{chosen.Id}"));
        foreach (var id in new[] { "pilot-scenarios", "pilot-technologies" })
        {
            var value = System.Text.RegularExpressions.Regex.Match(html, $"data-testid=\"{id}\">([^<]*)<").Groups[1].Value.Trim();
            Assert.False(string.IsNullOrEmpty(value), id);
            Assert.NotEqual(DisclosureStrings.ResourceManager.GetString("Pilot_None", System.Globalization.CultureInfo.GetCultureInfo("en")), value);
        }

        Assert.All(batch, p => Assert.NotEmpty(p.Technologies));

        // The AI advisory pilot's level-III disposal suspended and resumed it in public; the fund-sales pilot's major plan change is public.
        var advisory = batch.Single(p => p.Name.Contains("智能投顾", StringComparison.Ordinal));
        var story = await (await visitor.GetAsync($"/api/v1/pilots/{advisory.Id}")).ReadAsync<PilotsApi.PilotDto>();
        Assert.Equal([PublicEventKind.Suspended, PublicEventKind.Resumed], story.Timeline.Select(e => e.Kind).Where(k => k is PublicEventKind.Suspended or PublicEventKind.Resumed));
        var fundSales = batch.Single(p => p.Name.Contains("数字人民币", StringComparison.Ordinal));
        var changed = await (await visitor.GetAsync($"/api/v1/pilots/{fundSales.Id}")).ReadAsync<PilotsApi.PilotDto>();
        Assert.Contains(PublicEventKind.PlanChanged, changed.Timeline.Select(e => e.Kind));
    }
}
