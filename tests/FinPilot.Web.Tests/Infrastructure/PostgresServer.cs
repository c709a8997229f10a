using Npgsql;

[assembly: AssemblyFixture(typeof(FinPilot.Web.Tests.Infrastructure.PostgresServer))]

namespace FinPilot.Web.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server of this test run, shared by every test class (each makes its own database
/// on it). Either the one named by <c>FINPILOT_TEST_POSTGRES</c> (a connection string to an admin
/// database), or a throwaway cluster of the machine's binaries started on first use and stopped at
/// the end of the run. When there is neither, PostgreSQL tests are skipped with the reason, except
/// under <c>CI=true</c>, where a missing provider must not pass unnoticed.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string ServerVariable = "FINPILOT_TEST_POSTGRES";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private ThrowawayPostgresCluster? _cluster;
    private (string? ConnectionString, string? Problem)? _state;

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>A connection string to a database from which databases can be created; skips the test when there is none.</summary>
    public async Task<string> AdminConnectionStringAsync()
    {
        var (connectionString, problem) = await EnsureAsync();
        if (connectionString is not null)
        {
            return connectionString;
        }

        var message = $"PostgreSQL is not available for the tests: {problem}. Install PostgreSQL or set {ServerVariable}.";
        if (!IsCi)
        {
            Assert.Skip(message);
        }

        throw new InvalidOperationException(message + " CI=true, so the PostgreSQL tests must run rather than be skipped.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await _cluster.DisposeAsync();
        }

        _gate.Dispose();
    }

    private async Task<(string? ConnectionString, string? Problem)> EnsureAsync()
    {
        await _gate.WaitAsync();
        try
        {
            return _state ??= await ConnectAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<(string?, string?)> ConnectAsync()
    {
        var configured = Environment.GetEnvironmentVariable(ServerVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            // Someone named a server on purpose: if it cannot be reached that is a failure, not a skip.
            var problem = await ProbeAsync(configured);
            return problem is null
                ? (configured, null)
                : throw new InvalidOperationException($"{ServerVariable} is set but the server cannot be used: {problem}");
        }

        var binaries = ThrowawayPostgresCluster.FindBinaries();
        if (binaries is null)
        {
            return (null, "no server binaries (initdb, pg_ctl) under /usr/lib/postgresql/*/bin or on PATH");
        }

        var (cluster, startProblem) = await ThrowawayPostgresCluster.StartAsync(binaries);
        if (cluster is null)
        {
            return (null, startProblem);
        }

        _cluster = cluster;
        var probe = await ProbeAsync(cluster.AdminConnectionString);
        return probe is null ? (cluster.AdminConnectionString, null) : (null, $"the cluster started but does not answer: {probe}");
    }

    private static async Task<string?> ProbeAsync(string connectionString)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync();
            return null;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or ArgumentException)
        {
            return e.Message;
        }
    }
}
