using System.Net;
using FinPilot.Web.Data;
using FinPilot.Web.Tests.Infrastructure;

namespace FinPilot.Web.Tests.Hosting;

/// <summary>Browsers ask for /favicon.ico on every page; a 404 there fills every log with noise.</summary>
public sealed class FaviconTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Fact]
    public async Task The_site_has_an_icon_and_every_page_names_it()
    {
        var app = await apps.StartAsync(DatabaseProvider.Sqlite);
        using var client = app.Anonymous();

        using var icon = await client.GetAsync("/favicon.ico");
        await icon.AssertStatusAsync(HttpStatusCode.OK);
        var bytes = await icon.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0, 0, 1, 0 }, bytes[..4]); // an ICO file's header: reserved 0, type 1 (icon)

        var home = await client.GetStringAsync("/");
        Assert.Matches("""<link rel="icon" href="[^"]*favicon[^"]*\.ico" """, home);
    }
}
