using System.Net;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Ledger;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace FinPilot.Web.Tests.Hosting;

/// <summary>Operators' metrics (issue 15): a Prometheus scrape endpoint behind a setting, readable only from this machine or with the token.</summary>
public sealed class TelemetryTests(PostgresServer postgres)
{
    private const string Token = "scrape-token-for-tests";

    [Fact]
    public async Task The_scrape_endpoint_shows_requests_jobs_and_the_ledger_to_this_machine_or_the_token_holder_only()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, postgres);
        await using var app = new FinPilotApp(database, demoEnabled: false, builder => builder
            .UseSetting("Telemetry:Prometheus", "true")
            .UseSetting("Telemetry:PrometheusToken", Token));
        using var client = app.Anonymous();
        await (await client.GetAsync("/health")).AssertStatusAsync(HttpStatusCode.OK);
        Assert.True(await app.Services.GetRequiredService<LedgerJob>().TryRunAsync(CancellationToken.None));

        var local = await ScrapeAsync(client, "127.0.0.1", token: null);
        Assert.Equal(HttpStatusCode.OK, local.Status);
        Assert.Contains("finpilot_job_runs", local.Body, StringComparison.Ordinal);
        Assert.Contains("job=\"ledger.append\"", local.Body, StringComparison.Ordinal);
        Assert.Contains("finpilot_ledger_waiting", local.Body, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds", local.Body, StringComparison.Ordinal);

        // Another machine needs the token; a wrong one, or none, finds nothing there.
        Assert.Equal(HttpStatusCode.NotFound, (await ScrapeAsync(client, "10.9.8.7", token: null)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ScrapeAsync(client, "10.9.8.7", token: "wrong")).Status);
        Assert.Equal(HttpStatusCode.OK, (await ScrapeAsync(client, "10.9.8.7", Token)).Status);
    }

    [Fact]
    public async Task Without_the_setting_there_is_no_scrape_endpoint()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, postgres);
        await using var app = new FinPilotApp(database, demoEnabled: false);
        using var client = app.Anonymous();
        Assert.Equal(HttpStatusCode.NotFound, (await ScrapeAsync(client, "127.0.0.1", token: null)).Status);
    }

    private static async Task<(HttpStatusCode Status, string Body)> ScrapeAsync(HttpClient client, string from, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add(RemoteAddressFromHeader.Header, from);
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
