// The ledger's append throughput and idle cost (issue 15), on SQLite and on a throwaway PostgreSQL
// cluster, in one process: the same number of public records is (1) inserted plainly, a batch of
// 1,000 per transaction by the fastest means of each provider (the baseline), then (2) logged by
// the platform's LedgerAppender (entries, hashes, compare-and-set, a checkpoint); the ratio of the
// two rates is the figure to keep. An idle pass (nothing pending) is timed at a small log and at
// the full one: it must not grow with the log. See README.md "Ledger throughput".
//
//   dotnet run -c Release --project bench/FinPilot.LedgerAppend.Bench -- [--records 100000] [--batch 1000] [--sqlite-only]
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using FinPilot.Domain.Disclosure;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Ledger;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

var records = args.SkipWhile(a => a != "--records").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(100_000);
// The appender's batch (Ledger:BatchSize); the baseline's stays 1,000 rows per transaction.
var batch = args.SkipWhile(a => a != "--batch").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(new LedgerOptions().BatchSize);
var root = Path.Combine(Path.GetTempPath(), $"finpilot-ledger-bench-{Guid.NewGuid():N}");
Directory.CreateDirectory(root);
var keyFile = Path.Combine(root, "ledger.key");
LedgerKey.WriteNewKey(keyFile, "bench.finpilot.local/ledger");
using var key = new LedgerKey(
    new LedgerOptions { KeyFile = keyFile },
    new HostingEnvironment { EnvironmentName = "Production", ContentRootPath = root },
    TimeProvider.System,
    NullLogger<LedgerKey>.Instance);
Console.WriteLine($"{records:N0} records, batches of {batch:N0} (baseline 1,000); {Environment.ProcessorCount} cores; load {File.ReadAllText("/proc/loadavg").Trim()}");
Console.WriteLine("| provider | plain inserts | ledger append | ratio | idle pass at 1,000 | idle pass at full size |");
Console.WriteLine("|---|---|---|---|---|---|");
try
{
    await MeasureAsync("SQLite", () => new SqliteFinPilotDbContext(
        new DbContextOptionsBuilder<SqliteFinPilotDbContext>().UseSqlite($"Data Source={Path.Combine(root, "bench.db")}").Options));
    if (!args.Contains("--sqlite-only") && ThrowawayPostgresCluster.FindBinaries() is { } bin)
    {
        var (cluster, problem) = await ThrowawayPostgresCluster.StartAsync(bin);
        if (cluster is null)
        {
            Console.WriteLine($"| PostgreSQL | not measured: {problem} |");
        }
        else
        {
            await using (cluster)
            {
                await using (var admin = new NpgsqlConnection(cluster.AdminConnectionString))
                {
                    await admin.OpenAsync();
                    await using var create = new NpgsqlCommand("CREATE DATABASE finpilot_ledger_bench", admin);
                    await create.ExecuteNonQueryAsync();
                }

                var connection = new NpgsqlConnectionStringBuilder(cluster.AdminConnectionString) { Database = "finpilot_ledger_bench" }.ConnectionString;
                await MeasureAsync("PostgreSQL (fsync off)", () => new PostgresFinPilotDbContext(
                    new DbContextOptionsBuilder<PostgresFinPilotDbContext>().UseNpgsql(connection).Options));
                NpgsqlConnection.ClearAllPools();
            }
        }
    }
}
finally
{
    SqliteConnection.ClearAllPools();
    Directory.Delete(root, recursive: true);
}

Console.WriteLine($"load after: {File.ReadAllText("/proc/loadavg").Trim()}");
return 0;

async Task MeasureAsync(string name, Func<FinPilotDbContext> context)
{
    await using (var db = context())
    {
        await db.Database.MigrateAsync();
    }

    // Warm up (JIT, plans) and give the log its first 1,000 records, then time an idle pass there.
    await InsertAsync(context, 1000);
    await AppendAllAsync(context);
    var idleSmall = await IdlePassAsync(context);

    var inserted = await InsertAsync(context, records);
    var appended = await AppendAllAsync(context);
    var idleLarge = await IdlePassAsync(context);

    // Where an append's time goes: reading the records, and building and hashing their entries.
    await using (var db = context())
    {
        var watch = Stopwatch.StartNew();
        var all = await db.PublicRecords.AsNoTracking().OrderBy(r => r.Sequence).ToListAsync();
        var read = watch.Elapsed;
        watch.Restart();
        var regions = new Dictionary<int, string>();
        foreach (var r in all)
        {
            _ = FinPilot.Ledger.Merkle.MerkleHash.Leaf(LedgerAppender.EntryOf(r, regions).ToBytes());
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name}: of it, reading {all.Count:N0} records {all.Count / read.TotalSeconds:N0}/s, building and hashing their entries {all.Count / watch.Elapsed.TotalSeconds:N0}/s"));
    }

    await using (var db = context())
    {
        var audit = await new LedgerAudit(db, key).RunAsync();
        if (!audit.Clean || audit.Pending != 0 || audit.TreeSize != records + 1000)
        {
            throw new InvalidOperationException($"The log is wrong after the run: {string.Join("; ", audit.Findings)}, {audit.Pending} pending, size {audit.TreeSize}.");
        }
    }

    var insertRate = records / inserted.TotalSeconds;
    var appendRate = records / appended.TotalSeconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {insertRate:N0} rows/s | {appendRate:N0} records/s | {appendRate / insertRate:0.00} | {idleSmall.TotalMilliseconds:0.00} ms | {idleLarge.TotalMilliseconds:0.00} ms |"));
}

async Task<TimeSpan> AppendAllAsync(Func<FinPilotDbContext> context)
{
    await using var db = context();
    var watch = Stopwatch.StartNew();
    await new LedgerAppender(db, key, new LedgerOptions { BatchSize = batch }, TimeProvider.System).RunAsync();
    return watch.Elapsed;
}

// The median of 21 passes of the job with nothing to log (each in its own context, as the job runs).
async Task<TimeSpan> IdlePassAsync(Func<FinPilotDbContext> context)
{
    await using (var stats = context())
    {
        if (stats.Database.IsNpgsql())
        {
            // Statistics as autovacuum keeps them on a live database, so the plans are a real log's.
            await stats.Database.ExecuteSqlRawAsync("ANALYZE");
        }
    }

    var times = new List<TimeSpan>();
    for (var i = 0; i < 21; i++)
    {
        await using var db = context();
        var watch = Stopwatch.StartNew();
        var appended = await new LedgerAppender(db, key, new LedgerOptions(), TimeProvider.System).RunAsync();
        times.Add(watch.Elapsed);
        if (appended != 0)
        {
            throw new InvalidOperationException("An idle pass appended records.");
        }
    }

    return times.Order().ElementAt(times.Count / 2);
}

// The baseline: public records of the shape the platform writes, 1,000 per transaction, by a
// prepared statement per row (SQLite, in process) or one unnest insert per batch (PostgreSQL).
async Task<TimeSpan> InsertAsync(Func<FinPilotDbContext> context, int count)
{
    await using var db = context();
    await db.Database.OpenConnectionAsync();
    var connection = db.Database.GetDbConnection();
    var postgres = db.Database.IsNpgsql();
    var at = DateTimeOffset.UtcNow;
    var watch = Stopwatch.StartNew();
    for (var start = 0; start < count; start += 1000)
    {
        var rows = Enumerable.Range(start, Math.Min(1000, count - start)).Select(i =>
        {
            var project = Guid.NewGuid();
            var record = PublicRecord.Create("Bench.Recorded", project.ToString(), at, new { project, title = $"试点项目 {i} 取得重大进展", note = "基准测试记录" });
            return (record, project, link: $"/pilots/{project}");
        }).ToList();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        if (postgres)
        {
            command.CommandText = """
                INSERT INTO "PublicRecords" ("Kind", "SubjectId", "At", "Payload", "RegionId", "ProjectId", "Link")
                SELECT k, s, a, p, 1, pr, l FROM unnest(@k, @s, @a, @p, @pr, @l) AS t(k, s, a, p, pr, l)
                """;
            command.Parameters.Add(new NpgsqlParameter<string[]>("k", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { TypedValue = [.. rows.Select(r => r.record.Kind)] });
            command.Parameters.Add(new NpgsqlParameter<string[]>("s", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { TypedValue = [.. rows.Select(r => r.record.SubjectId)] });
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]>("a", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { TypedValue = [.. rows.Select(r => r.record.At.ToUniversalTime())] });
            command.Parameters.Add(new NpgsqlParameter<string[]>("p", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. rows.Select(r => r.record.Payload)] });
            command.Parameters.Add(new NpgsqlParameter<Guid[]>("pr", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = [.. rows.Select(r => r.project)] });
            command.Parameters.Add(new NpgsqlParameter<string[]>("l", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { TypedValue = [.. rows.Select(r => r.link)] });
            await command.ExecuteNonQueryAsync();
        }
        else
        {
            command.CommandText = """
                INSERT INTO "PublicRecords" ("Kind", "SubjectId", "At", "Payload", "RegionId", "ProjectId", "Link")
                VALUES ($k, $s, $a, $p, 1, $pr, $l)
                """;
            var p = new[] { "$k", "$s", "$a", "$p", "$pr", "$l" }.Select(n => { var x = command.CreateParameter(); x.ParameterName = n; command.Parameters.Add(x); return x; }).ToArray();
            foreach (var (record, project, link) in rows)
            {
                p[0].Value = record.Kind;
                p[1].Value = record.SubjectId;
                p[2].Value = AtConverter.ConvertToProvider(record.At); // as the context stores it
                p[3].Value = record.Payload;
                p[4].Value = project.ToString().ToUpperInvariant();
                p[5].Value = link;
                await command.ExecuteNonQueryAsync();
            }
        }

        await transaction.CommitAsync();
    }

    return watch.Elapsed;
}

internal static partial class Program
{
    private static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter AtConverter = new();
}
