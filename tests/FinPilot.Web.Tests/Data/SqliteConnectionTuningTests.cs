using System.Globalization;
using FinPilot.Web.Data;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinPilot.Web.Tests.Data;

/// <summary>SQLite reads its file through a memory map of the configured size, set on the connections the host opens.</summary>
public sealed class SqliteConnectionTuningTests(AppsWithoutDemoData apps) : IClassFixture<AppsWithoutDemoData>
{
    [Fact]
    public async Task The_hosts_connections_map_the_configured_size_of_the_file_and_none_when_it_is_zero()
    {
        var app = await apps.StartAsync(DatabaseProvider.Sqlite);
        Assert.Equal(SqliteConnectionTuning.DefaultMapBytes, await MapBytesAsync(app.Services));

        // A second host on the same file gets the same pooled connections: its setting is applied to them when it opens them.
        await using var unmapped = app.WithWebHostBuilder(b => b.UseSetting("Database:SqliteMapBytes", "0"));
        Assert.Equal(0, await MapBytesAsync(unmapped.Services));
    }

    private static async Task<long> MapBytesAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinPilotDbContext>();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA mmap_size;";
            return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
