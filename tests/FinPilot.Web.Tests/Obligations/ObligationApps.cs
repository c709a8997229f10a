using System.Collections.Concurrent;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Obligations;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FinPilot.Web.Tests.Obligations;

/// <summary>
/// Tells of overdue obligations as the risk rules will be told: counts each call per obligation,
/// and fails once for an obligation when asked to, as a listener whose database is down would.
/// </summary>
public sealed class RecordingOverdueListener : IObligationOverdueListener
{
    private readonly ConcurrentDictionary<Guid, int> _calls = new();
    private readonly ConcurrentDictionary<Guid, bool> _failOnce = new();

    private readonly ConcurrentDictionary<Guid, int> _failures = new();

    public int CallsFor(Guid obligationId) => _calls.GetValueOrDefault(obligationId);

    public int FailuresFor(Guid obligationId) => _failures.GetValueOrDefault(obligationId);

    public void FailOnceFor(Guid obligationId) => _failOnce[obligationId] = true;

    public async Task ObligationOverdueAsync(OverdueObligation obligation, CancellationToken cancellationToken)
    {
        // Long enough for a second clock to get in between, were the claim not on the row.
        await Task.Delay(20, cancellationToken);
        if (_failOnce.TryRemove(obligation.ObligationId, out _))
        {
            _failures.AddOrUpdate(obligation.ObligationId, 1, (_, n) => n + 1);
            throw new InvalidOperationException("The listener's store is unavailable.");
        }

        _calls.AddOrUpdate(obligation.ObligationId, 1, (_, n) => n + 1);
    }
}

/// <summary>
/// Demo apps of their own (the clock tests move the clock by weeks), one per provider, with the
/// recording overdue listener registered beside the module's own.
/// </summary>
public sealed class ObligationClockApps(PostgresServer postgres) : IAsyncDisposable
{
    private readonly Dictionary<DatabaseProvider, Task<(FinPilotApp App, TestDatabase Database)>> _apps = [];
    private readonly Lock _lock = new();

    public RecordingOverdueListener Listener { get; } = new();

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
            builder.ConfigureTestServices(services => services.AddSingleton<IObligationOverdueListener>(Listener)));
        await Task.Run(() => app.Services);
        return (app, database);
    }
}
