using System.Net;
using FinPilot.Web.Data;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FinPilot.Web.Tests.Hosting;

/// <summary>
/// <c>/health/live</c> says the process serves; <c>/health/ready</c> says it may take traffic: the
/// database answers and has every migration, none being applied. <c>/health</c> stays the database check.
/// </summary>
public sealed class ReadinessTests(AppsWithoutDemoData apps) : IClassFixture<AppsWithoutDemoData>
{
    [Theory, AllProviders]
    public async Task A_running_node_is_live_and_ready(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var client = app.Anonymous();

        foreach (var path in new[] { "/health", "/health/live", "/health/ready" })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        }
    }

    [Theory, AllProviders]
    public async Task A_node_whose_database_is_unreachable_is_live_but_not_ready(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var folder = Path.Combine(Path.GetTempPath(), $"finpilot-unreachable-{Guid.NewGuid():N}");
        var dead = provider == DatabaseProvider.Sqlite
            ? $"Data Source={Path.Combine(folder, "finpilot.db")}"
            : new NpgsqlConnectionStringBuilder(app.ConnectionString) { Port = FreePort(), Timeout = 3 }.ConnectionString;
        await using var broken = Override(app, dead);
        using var client = broken.CreateClient();
        if (provider == DatabaseProvider.Sqlite)
        {
            // The host made the file's folder at start; take it away, as a lost volume would.
            _ = broken.Services;
            Directory.Delete(folder, recursive: true);
        }

        await AssertAsync(client, "/health/live", HttpStatusCode.OK);
        await AssertAsync(client, "/health/ready", HttpStatusCode.ServiceUnavailable);
        await AssertAsync(client, "/health", HttpStatusCode.ServiceUnavailable);
    }

    [Theory, AllProviders]
    public async Task A_node_is_not_ready_until_its_database_has_every_migration_nor_while_it_migrates(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        string empty;
        if (provider == DatabaseProvider.Sqlite)
        {
            empty = $"Data Source={Path.Combine(Path.GetTempPath(), $"finpilot-unmigrated-{Guid.NewGuid():N}.db")}";
        }
        else
        {
            var name = $"finpilot_unmigrated_{Guid.NewGuid():N}";
            await using var admin = new NpgsqlConnection(app.ConnectionString);
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
            empty = new NpgsqlConnectionStringBuilder(app.ConnectionString) { Database = name }.ConnectionString;
        }

        await using var fresh = Override(app, empty);
        using var client = fresh.CreateClient();

        // The database answers, but has none of this build's tables: live, reachable, not ready.
        await AssertAsync(client, "/health/live", HttpStatusCode.OK);
        await AssertAsync(client, "/health", HttpStatusCode.OK);
        await AssertAsync(client, "/health/ready", HttpStatusCode.ServiceUnavailable);

        await DatabaseMigrator.MigrateAsync(fresh.Services);
        await AssertAsync(client, "/health/ready", HttpStatusCode.OK);

        // While this process applies migrations it says so, whatever the schema.
        var readiness = fresh.Services.GetRequiredService<DatabaseReadiness>();
        using (readiness.BeginMigration())
        {
            await AssertAsync(client, "/health/ready", HttpStatusCode.ServiceUnavailable);
            await AssertAsync(client, "/health/live", HttpStatusCode.OK);
        }

        await AssertAsync(client, "/health/ready", HttpStatusCode.OK);
    }

    private static WebApplicationFactory<Program> Override(FinPilotApp app, string connectionString) => app.WithWebHostBuilder(b =>
    {
        b.UseSetting("ConnectionStrings:FinPilot", connectionString);
        b.UseSetting("Database:MigrateOnStartup", "false");
        b.UseSetting("Demo:Enabled", "false");
    });

    private static async Task AssertAsync(HttpClient client, string path, HttpStatusCode expected)
    {
        using var response = await client.GetAsync(path);
        Assert.True(expected == response.StatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
