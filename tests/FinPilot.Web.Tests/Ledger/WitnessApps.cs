using FinPilot.Ledger.Notes;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Ledger;
using FinPilot.Web.Features.Ledger.Witnessing;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FinPilot.Web.Tests.Ledger;

/// <summary>
/// Two regions' nodes per provider, each with its own database: a log (the demo world) and a
/// witness that follows it. The log reaches the witness over HTTP through the witness's test
/// server. The log has a second witness that is never there, to show failures and retries.
/// </summary>
public sealed class WitnessApps(PostgresServer postgres) : IAsyncDisposable
{
    public const string WitnessName = "witness.test/shanghai";
    public const string OfflineWitnessName = "witness.test/offline";

    private readonly Dictionary<DatabaseProvider, Task<WitnessedLog>> _started = [];
    private readonly List<IAsyncDisposable> _owned = [];
    private readonly List<string> _files = [];
    private readonly Lock _lock = new();

    public Task<WitnessedLog> StartAsync(DatabaseProvider provider)
    {
        lock (_lock)
        {
            if (!_started.TryGetValue(provider, out var starting) || starting.IsFaulted)
            {
                _started[provider] = starting = StartNewAsync(provider);
            }

            return starting;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }

        foreach (var file in _files)
        {
            File.Delete(file);
        }
    }

    private async Task<WitnessedLog> StartNewAsync(DatabaseProvider provider)
    {
        var origin = $"log.test/{provider.ToString().ToLowerInvariant()}";
        var witnessKeyFile = TempFile();
        var witnessKey = LedgerKey.WriteNewKey(witnessKeyFile, WitnessName, SignatureType.Ed25519Cosignature);
        var offlineKey = NoteKeys.Generate(OfflineWitnessName, SignatureType.Ed25519Cosignature).VerifierKey;

        var logDatabase = Own(await TestDatabase.CreateAsync(provider, postgres));
        var witnessDatabase = Own(await TestDatabase.CreateAsync(provider, postgres));
        FinPilotApp? witness = null;
        var log = new FinPilotApp(logDatabase, demoEnabled: true, builder =>
        {
            builder.UseSetting("Ledger:Witnesses:0:Url", "http://localhost" + WitnessApi.AddCheckpointPath);
            builder.UseSetting("Ledger:Witnesses:0:Key", witnessKey);
            builder.UseSetting("Ledger:Witnesses:1:Url", "http://localhost/ledger/witness/nowhere");
            builder.UseSetting("Ledger:Witnesses:1:Key", offlineKey);
            // A loaded CI machine can take longer than production's 10 s to answer the first request.
            builder.UseSetting("Ledger:WitnessTimeoutSeconds", "120");
            builder.ConfigureTestServices(services => services.AddHttpClient(LedgerWitnessing.ClientName)
                .ConfigurePrimaryHttpMessageHandler(() => witness!.Server.CreateHandler()));
        });
        var logKey = LedgerKey.WriteNewKey(log.LedgerKeyFile, origin);
        witness = new FinPilotApp(witnessDatabase, demoEnabled: false, builder =>
        {
            builder.UseSetting("Ledger:Witness:KeyFile", witnessKeyFile);
            builder.UseSetting("Ledger:Witness:Logs:0", logKey);
        });
        Own(witness);
        Own(log);

        // Touching the services builds each host: migrations and (for the log) the demo world.
        await Task.Run(() => witness.Services);
        await Task.Run(() => log.Services);
        return new WitnessedLog(log, witness, NoteKeys.ParseVerifierKey(witnessKey).Value, logKey);
    }

    private T Own<T>(T disposable)
        where T : IAsyncDisposable
    {
        lock (_lock)
        {
            _owned.Add(disposable);
        }

        return disposable;
    }

    private string TempFile()
    {
        var path = Path.Combine(Path.GetTempPath(), "finpilot-tests", $"witness-{Guid.NewGuid():N}.key");
        lock (_lock)
        {
            _files.Add(path);
        }

        return path;
    }
}

/// <summary>A log node, the witness node that follows it, the witness's key and the log's verifier key.</summary>
public sealed record WitnessedLog(FinPilotApp Log, FinPilotApp Witness, Ed25519NoteVerifier WitnessKey, string LogKey);
