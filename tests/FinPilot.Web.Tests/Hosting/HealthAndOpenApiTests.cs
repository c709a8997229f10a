using System.Net;
using System.Text.Json;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Demo;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.Hosting;

public sealed class HealthAndOpenApiTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task App_runs_on_the_requested_provider_with_demo_data(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);

        var (providerName, users) = await app.WithDbAsync(async db => (db.Database.ProviderName, await db.Users.CountAsync()));

        Assert.Equal(provider == DatabaseProvider.Sqlite ? "Microsoft.EntityFrameworkCore.Sqlite" : "Npgsql.EntityFrameworkCore.PostgreSQL", providerName);
        Assert.Equal(DemoData.Users.Length, users);
    }

    [Theory, AllProviders]
    public async Task Health_is_ok_when_the_database_answers(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var client = app.Anonymous();

        using var response = await client.GetAsync("/health");

        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory, AllProviders]
    public async Task Health_reports_a_database_that_is_gone(DatabaseProvider provider)
    {
        // The check must really ask the database: point a second host at one that does not exist.
        var app = await apps.StartAsync(provider);
        var missing = provider == DatabaseProvider.Sqlite
            ? $"Data Source={Path.Combine(Path.GetTempPath(), $"finpilot-missing-{Guid.NewGuid():N}.db")};Mode=ReadOnly"
            : new Npgsql.NpgsqlConnectionStringBuilder(app.ConnectionString) { Database = "finpilot_missing" }.ConnectionString;
        await using var broken = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:FinPilot", missing);
            b.UseSetting("Database:MigrateOnStartup", "false");
            b.UseSetting("Demo:Enabled", "false");
        });
        using var client = broken.CreateClient();

        using var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
    }

    [Theory, AllProviders]
    public async Task OpenApi_document_lists_the_organisations_api(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var client = app.Anonymous();

        using var response = await client.GetAsync("/openapi/v1.json");

        await response.AssertStatusAsync(HttpStatusCode.OK);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name.TrimEnd('/')).ToList();
        Assert.Contains("/api/v1/organisations", paths);
        Assert.Contains("/api/v1/organisations/{id}", paths);
    }
}
