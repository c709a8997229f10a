using FinPilot.Web.Data;
using FinPilot.Web.Features.Ledger;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinPilot.Cli.Tests;

public sealed partial class CliTests
{
    // Counts of records before the backup and after the restored platform has run must match: no job of its own may add one.
    private static readonly Dictionary<string, string> NoSnapshots = new() { ["Statistics:Snapshots"] = "false" };

    [Fact]
    public async Task Db_backup_copies_a_running_database_and_a_platform_restored_from_it_passes_the_ledger_audit()
    {
        var keyFile = Path.Combine(_directory, "ledger.key");
        LedgerKey.WriteNewKey(keyFile, "cli.test/backup");
        long logged;
        int records;
        var backup = Path.Combine(_directory, "backups", "finpilot-backup.db");
        await using (var web = new RunningPlatform(_connection, keyFile, Path.Combine(_directory, "mail"), NoSnapshots))
        {
            Assert.True(await web.Services.GetRequiredService<LedgerJob>().TryRunAsync(CancellationToken.None));
            await using (var db = Open())
            {
                logged = await db.LedgerEntries.LongCountAsync();
                records = await db.PublicRecords.CountAsync();
            }

            Assert.True(logged > 0);

            // Taken while the platform is up, as an operator would.
            var (exit, output) = await RunAsync("db", "backup", backup);
            Assert.True(exit == 0, output);
            Assert.Contains("Backed up", output, StringComparison.Ordinal);
        }

        // A backup never overwrites.
        var (again, againOut) = await RunAsync("db", "backup", backup);
        Assert.Equal(1, again);
        Assert.Contains("exists", againOut, StringComparison.Ordinal);
        Assert.False(File.Exists(backup + ".partial"));

        // Restore: a new installation on a copy of the file, its own web host started on it.
        var restored = Path.Combine(_directory, "restored", "finpilot.db");
        Directory.CreateDirectory(Path.GetDirectoryName(restored)!);
        File.Copy(backup, restored);
        var restoredConnection = $"Data Source={restored}";
        await using (var web = new RunningPlatform(restoredConnection, keyFile, Path.Combine(_directory, "mail-restored"), NoSnapshots))
        {
            using var client = web.CreateClient();
            using var ready = await client.GetAsync("/health/ready");
            Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
        }

        await using (var db = new SqliteFinPilotDbContext(new DbContextOptionsBuilder<SqliteFinPilotDbContext>().UseSqlite(restoredConnection).Options))
        {
            Assert.Equal(logged, await db.LedgerEntries.LongCountAsync());
            Assert.Equal(records, await db.PublicRecords.CountAsync());
        }

        Environment.SetEnvironmentVariable("Ledger__KeyFile", keyFile);
        Environment.SetEnvironmentVariable("ConnectionStrings__FinPilot", restoredConnection);
        var (audit, auditOut) = await RunAsync("ledger", "audit");
        Assert.True(audit == 0, auditOut);
        Assert.Contains("matches the log", auditOut, StringComparison.Ordinal);
        Assert.Contains($"Log: {logged} entries, latest checkpoint {logged}", auditOut, StringComparison.Ordinal);
        SqliteConnection.ClearAllPools();
    }
}
