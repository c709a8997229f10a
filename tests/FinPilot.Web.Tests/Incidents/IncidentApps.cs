using System.Collections.Concurrent;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Incidents;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FinPilot.Web.Tests.Incidents;

/// <summary>Hears of reported incidents as the risk rules will, counting each call per incident; fails on demand, as a broken listener would.</summary>
public sealed class RecordingIncidentListener : IIncidentListener
{
    private readonly ConcurrentDictionary<Guid, List<ReportedIncident>> _calls = new();

    public bool Fail { get; set; }

    public IReadOnlyList<ReportedIncident> CallsFor(Guid incidentId) => _calls.TryGetValue(incidentId, out var calls) ? calls : [];

    public Task IncidentReportedAsync(ReportedIncident incident, CancellationToken cancellationToken)
    {
        _calls.AddOrUpdate(incident.IncidentId, _ => [incident], (_, list) => [.. list, incident]);
        return Fail ? throw new InvalidOperationException("The listener's store is unavailable.") : Task.CompletedTask;
    }
}

/// <summary>Demo apps, one per provider, with the recording incident listener beside the module's own.</summary>
public sealed class IncidentApps(PostgresServer postgres) : IAsyncDisposable
{
    private readonly Dictionary<DatabaseProvider, Task<(FinPilotApp App, TestDatabase Database)>> _apps = [];
    private readonly Lock _lock = new();

    public RecordingIncidentListener Listener { get; } = new();

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
    }

    private async Task<(FinPilotApp, TestDatabase)> StartNewAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider, postgres);
        var app = new FinPilotApp(database, demoEnabled: true, builder =>
            builder.ConfigureTestServices(services => services.AddSingleton<IIncidentListener>(Listener)));
        await Task.Run(() => app.Services);
        return (app, database);
    }
}
