using FinPilot.Web.Data;

namespace FinPilot.Web.Tests.Infrastructure;

/// <summary>
/// A test class's apps, one per provider, each started on first use with a fresh database and
/// disposed with the class. Tests in a class share them, so each test makes its own records or
/// touches demo records no other test of the class changes.
/// </summary>
public abstract class TestApps(PostgresServer postgres, bool demoEnabled, Action<Microsoft.AspNetCore.Hosting.IWebHostBuilder>? configure = null) : IAsyncDisposable
{
    private readonly Dictionary<DatabaseProvider, Task<(FinPilotApp App, TestDatabase Database)>> _apps = [];
    private readonly Lock _lock = new();

    public async Task<FinPilotApp> StartAsync(DatabaseProvider provider)
    {
        Task<(FinPilotApp App, TestDatabase Database)> starting;
        lock (_lock)
        {
            if (!_apps.TryGetValue(provider, out starting!) || starting.IsFaulted)
            {
                _apps[provider] = starting = StartNewAsync(provider);
            }
        }

        return (await starting).App;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var starting in _apps.Values.Where(t => t.IsCompletedSuccessfully))
        {
            var (app, database) = starting.Result;
            await app.DisposeAsync();
            await database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    private async Task<(FinPilotApp, TestDatabase)> StartNewAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider, postgres);
        var app = new FinPilotApp(database, demoEnabled, configure);

        // Touching the services builds the host: migrations run and demo data is seeded here.
        await Task.Run(() => app.Services);
        return (app, database);
    }
}

/// <summary>Apps with the demo world seeded: most tests act as its users.</summary>
public sealed class AppsWithDemoData(PostgresServer postgres) : TestApps(postgres, demoEnabled: true);

/// <summary>Apps as in production: no sample data, two-factor enforced for staff.</summary>
public sealed class AppsWithoutDemoData(PostgresServer postgres) : TestApps(postgres, demoEnabled: false);
