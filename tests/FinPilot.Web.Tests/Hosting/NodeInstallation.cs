using FinPilot.Web.Data;
using FinPilot.Web.Features.Ledger;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.Hosting;

/// <summary>
/// One installation of the platform for the tests of web host processes: a database of its own, a
/// ledger key file and a work folder (mail pickup, files), and the settings every node of it shares.
/// Disposing kills its nodes, drops the database and removes the folder, in that order.
/// </summary>
internal sealed class NodeInstallation : IAsyncDisposable
{
    private readonly List<WebHostProcess> _nodes = [];
    private readonly string _work;

    private NodeInstallation(TestDatabase database, string work, string keyFile, Dictionary<string, string> settings)
    {
        Database = database;
        _work = work;
        KeyFile = keyFile;
        Settings = settings;
    }

    public TestDatabase Database { get; }

    /// <summary>The provider's name as <c>Database:Provider</c> spells it.</summary>
    public string Provider => Database.Provider == DatabaseProvider.Postgres ? "Postgres" : "Sqlite";

    /// <summary>The ledger's signer key, the same file for every node (as an installation's nodes share one).</summary>
    public string KeyFile { get; }

    /// <summary>The nodes' environment (<see cref="WebHostProcess.Settings"/>); add to it before starting a node.</summary>
    public Dictionary<string, string> Settings { get; }

    /// <summary>A new database on <paramref name="provider"/> and a new ledger key whose log is named <paramref name="origin"/>.</summary>
    public static async Task<NodeInstallation> CreateAsync(DatabaseProvider provider, PostgresServer postgres, string origin)
    {
        var database = await TestDatabase.CreateAsync(provider, postgres);
        var work = Directory.CreateTempSubdirectory("finpilot-nodes-").FullName;
        var keyFile = Path.Combine(work, "ledger.key");
        LedgerKey.WriteNewKey(keyFile, origin);
        var name = provider == DatabaseProvider.Postgres ? "Postgres" : "Sqlite";
        return new NodeInstallation(database, work, keyFile, WebHostProcess.Settings(name, database.ConnectionString, keyFile, work));
    }

    /// <summary>Starts a node of this installation on a free port and waits until it is ready.</summary>
    public async Task<WebHostProcess> StartNodeAsync(string name)
    {
        var node = await WebHostProcess.StartAsync(name, Settings);
        _nodes.Add(node);
        return node;
    }

    /// <summary>A context on the installation's database, as the test's own reader of what the nodes wrote.</summary>
    public FinPilotDbContext Context() => NodeKit.Context(Provider, Database.ConnectionString);

    public async Task<int> RegionIdAsync(string code)
    {
        await using var db = Context();
        return await db.Regions.Where(r => r.Code == code).Select(r => r.Id).SingleAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        await Database.DisposeAsync();
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
