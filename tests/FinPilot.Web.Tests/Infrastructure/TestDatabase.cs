using FinPilot.Web.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace FinPilot.Web.Tests.Infrastructure;

/// <summary>
/// An empty database of its own for one app under test, removed afterwards: a temporary file for
/// SQLite, a new database on the shared server for PostgreSQL. The app's migrations fill it.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _adminConnectionString;
    private readonly string _name;

    private TestDatabase(DatabaseProvider provider, string connectionString, string name, string? adminConnectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _name = name;
        _adminConnectionString = adminConnectionString;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, PostgresServer postgres)
    {
        var name = $"finpilot_test_{Guid.NewGuid():N}";
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), "finpilot-tests", name + ".db");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            return new TestDatabase(provider, $"Data Source={file}", file, null);
        }

        var admin = await postgres.AdminConnectionStringAsync();
        await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        return new TestDatabase(provider, connectionString, name, admin);
    }

    public async ValueTask DisposeAsync()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            // Pooled connections keep the file open; release them before deleting it.
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(_name + suffix);
            }

            return;
        }

        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await ExecuteAsync(_adminConnectionString!, $"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
