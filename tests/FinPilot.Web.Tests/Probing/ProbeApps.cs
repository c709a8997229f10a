using System.Collections.Concurrent;
using System.Net;
using FinPilot.Domain.Supervision;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Probing;
using FinPilot.Web.Tests.Infrastructure;
using FinPilot.Web.Tests.Supervision;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FinPilot.Web.Tests.Probing;

/// <summary>Hears of failing and recovered endpoints as the risk rules will, per URL.</summary>
public sealed class RecordingProbeListener : IProbeListener
{
    private readonly ConcurrentQueue<(string Kind, ProbeStanding Standing)> _calls = new();

    public int Failing(string url) => _calls.Count(c => c.Kind == "failing" && c.Standing.Url == url);

    public int Recovered(string url) => _calls.Count(c => c.Kind == "recovered" && c.Standing.Url == url);

    public ProbeStanding? LastFailing(string url) => _calls.LastOrDefault(c => c.Kind == "failing" && c.Standing.Url == url).Standing;

    public async Task ProbeFailingAsync(ProbeStanding standing, CancellationToken cancellationToken)
    {
        // Long enough for a racing job to get in between, were the claim not on the row.
        await Task.Delay(20, cancellationToken);
        _calls.Enqueue(("failing", standing));
    }

    public Task ProbeRecoveredAsync(ProbeStanding standing, CancellationToken cancellationToken)
    {
        _calls.Enqueue(("recovered", standing));
        return Task.CompletedTask;
    }
}

/// <summary>
/// A status page on 127.0.0.1 (Kestrel, a free port): <c>/status/{key}</c> answers 200, or 503
/// while the key is set failing; <c>/same/{key}</c> redirects to it on the same host,
/// <c>/other/{key}</c> to it on another host name (localhost). Counts the requests per path, so a
/// test can tell that a refused probe never connected.
/// </summary>
public sealed class StatusEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _hits = new();
    private readonly ConcurrentDictionary<string, bool> _failing = new();

    private StatusEndpoint(WebApplication app) => _app = app;

    public int Port { get; private set; }

    public static async Task<StatusEndpoint> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var endpoint = new StatusEndpoint(app);
        app.Use(async (context, next) =>
        {
            endpoint._hits.AddOrUpdate(context.Request.Path.Value ?? string.Empty, 1, (_, n) => n + 1);
            await next(context);
        });
        app.MapGet("/status/{key}", (string key) => endpoint._failing.GetValueOrDefault(key) ? Results.StatusCode(503) : Results.Ok("up"));
        app.MapGet("/same/{key}", (string key) => Results.Redirect($"/status/{key}"));
        app.MapGet("/other/{key}", (string key) => Results.Redirect($"http://localhost:{endpoint.Port}/status/{key}"));
        await app.StartAsync();
        endpoint.Port = new Uri(app.Urls.First()).Port;
        return endpoint;
    }

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    public int Hits(string path) => _hits.GetValueOrDefault(path);

    public void SetFailing(string key, bool failing) => _failing[key] = failing;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Demo apps, one per provider, probing with private addresses allowed or not, with the recording listener.</summary>
public abstract class ProbeAppsBase(PostgresServer postgres, bool allowPrivate) : IAsyncLifetime
{
    private readonly Dictionary<DatabaseProvider, Task<(FinPilotApp App, TestDatabase Database)>> _apps = [];
    private readonly Lock _lock = new();

    public RecordingProbeListener Listener { get; } = new();

    public StatusEndpoint Endpoint { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Endpoint = await StatusEndpoint.StartAsync();

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

        await Endpoint.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private async Task<(FinPilotApp, TestDatabase)> StartNewAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider, postgres);
        var app = new FinPilotApp(database, demoEnabled: true, builder =>
        {
            builder.UseSetting("Probing:AllowPrivateAddresses", allowPrivate ? "true" : "false");
            builder.ConfigureTestServices(services => services.AddSingleton<IProbeListener>(Listener));
        });
        await Task.Run(() => app.Services);
        return (app, database);
    }
}

public sealed class ProbeApps(PostgresServer postgres) : ProbeAppsBase(postgres, allowPrivate: true);

public sealed class RefusingProbeApps(PostgresServer postgres) : ProbeAppsBase(postgres, allowPrivate: false);

internal static class ProbeTestKit
{
    /// <summary>A running pilot of the demo applicant's institution whose plan in force probes these endpoints.</summary>
    public static async Task<Guid> ProbedPilotAsync(this FinPilotApp app, string title, params ProbeEndpoint[] endpoints)
    {
        var projectId = await app.AdmittedPilotAsync(title);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinPilotDbContext>();
        var project = await db.Projects.SingleAsync(p => p.Id == projectId);
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var terms = new SupervisionTerms
        {
            Parameters = new TestParameters { CustomerCap = 300, StartsOn = today.AddMonths(-1), EndsOn = today.AddMonths(11), Scope = "测试" },
            Endpoints = endpoints,
        };
        var plan = SupervisionPlan.Draft(project, terms, app.Clock.GetUtcNow()).ValueOrThrow();
        Assert.True(plan.Confirm(terms, app.Clock.GetUtcNow(), "probe-test").Succeeded);
        db.SupervisionPlans.Add(plan);
        await db.SaveChangesAsync();
        return projectId;
    }

    public static ProbeEndpoint Every(string url, int minutes = 1, int failuresBeforeAlert = 3) =>
        new() { Url = url, IntervalMinutes = minutes, TimeoutSeconds = 5, FailuresBeforeAlert = failuresBeforeAlert };

    /// <summary>Moves the clock a minute (which also wakes the host's own jobs) and runs the probe job once.</summary>
    public static async Task NextMinuteAsync(this FinPilotApp app)
    {
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await app.Services.GetRequiredService<ProbeJob>().TryRunAsync(CancellationToken.None), "The probe job could not take its lease.");
    }

    public static Task<Domain.Probing.ProbeTarget> TargetAsync(this FinPilotApp app, Guid projectId, string url) =>
        app.WithDbAsync(db => db.ProbeTargets.AsNoTracking().SingleAsync(t => t.ProjectId == projectId && t.Url == url));

    public static Task<int> ResultCountAsync(this FinPilotApp app, Guid targetId) =>
        app.WithDbAsync(db => db.ProbeResults.CountAsync(r => r.TargetId == targetId));

    public static string Key() => Guid.NewGuid().ToString("N")[..12];
}
