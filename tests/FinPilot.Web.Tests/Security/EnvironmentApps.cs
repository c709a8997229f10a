using System.Net;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Demo;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FinPilot.Web.Tests.Security;

/// <summary>
/// The demo world on SQLite in Development and in Production (demo mode consented to there), for
/// tests of what must hold in every environment. The Production host listens for HTTPS on 443, and
/// a test may say which network address a request comes from (<see cref="RemoteAddressHeader"/>),
/// as a TLS proxy in front of it would be seen.
/// </summary>
public sealed class EnvironmentApps(PostgresServer postgres) : IAsyncDisposable
{
    /// <summary>Test-only: the connection's remote address, set before the app's pipeline sees the request.</summary>
    public const string RemoteAddressHeader = "X-Test-Remote-Address";

    public const string ProxyNetwork = "10.20.0.0/16";

    private readonly Dictionary<string, Task<(FinPilotApp App, TestDatabase Database)>> _apps = [];
    private readonly Lock _lock = new();

    public Task<FinPilotApp> DevelopmentAsync() => StartAsync(Environments.Development);

    public Task<FinPilotApp> ProductionAsync() => StartAsync(Environments.Production);

    public async Task<FinPilotApp> StartAsync(string environment)
    {
        Task<(FinPilotApp App, TestDatabase Database)> starting;
        lock (_lock)
        {
            if (!_apps.TryGetValue(environment, out starting!) || starting.IsFaulted)
            {
                _apps[environment] = starting = StartNewAsync(environment);
            }
        }

        return (await starting).App;
    }

    /// <summary>A client of the Production host on its public name over HTTPS (HSTS is not sent to localhost).</summary>
    public static HttpClient Https(FinPilotApp app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://finpilot.example/") });

    public static HttpClient Http(FinPilotApp app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://finpilot.example/") });

    public async ValueTask DisposeAsync()
    {
        foreach (var starting in _apps.Values.Where(t => t.IsCompletedSuccessfully))
        {
            var (app, database) = starting.Result;
            await app.DisposeAsync();
            await database.DisposeAsync();
        }
    }

    private async Task<(FinPilotApp, TestDatabase)> StartNewAsync(string environment)
    {
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, postgres);
        var app = new FinPilotApp(database, demoEnabled: true, builder => Configure(builder, environment));
        await Task.Run(() => app.Services);
        return (app, database);
    }

    private static void Configure(IWebHostBuilder builder, string environment)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting(DemoGuard.AllowOutsideDevelopmentSetting, "true");
        builder.UseSetting("https_port", "443");
        builder.UseSetting("ForwardedHeaders:KnownNetworks", ProxyNetwork);

        // Outside Development static files come from the build's manifest, as in the browser tests.
        builder.UseStaticWebAssets();
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, TestHooks>());
    }

    private sealed class TestHooks : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                if (context.Request.Headers.TryGetValue(RemoteAddressHeader, out var address))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                }

                return following(context);
            });
            next(app);
        };
    }
}
