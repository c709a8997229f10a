using System.Data.Common;
using System.Text.Json;
using FinPilot.Domain.Disclosure;
using FinPilot.Ledger.Merkle;
using FinPilot.Ledger.Storage;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Disclosure;
using FinPilot.Web.Features.Ledger;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FinPilot.Web.Tests.Ledger;

/// <summary>
/// The append job at scale (issue 15): a pass with nothing to do reads a few rows at any log size,
/// batches log every record once, in order, with the checkpoint only moving forward, and a record
/// committed after a later-numbered one (PostgreSQL) is never skipped.
/// </summary>
public sealed class LedgerThroughputTests(AppsWithoutDemoData apps) : IClassFixture<AppsWithoutDemoData>
{
    private const int LogSize = 3000;

    [Theory, AllProviders]
    public async Task An_idle_pass_reads_a_handful_of_rows_whatever_the_size_of_the_log(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        await InsertRecordsAsync(app, LogSize);
        await app.RunLedgerAsync();
        var logged = (await app.LedgerCountsAsync()).Tree;
        Assert.True(logged >= LogSize, $"only {logged} records logged");
        if (provider == DatabaseProvider.Postgres)
        {
            // Statistics as autovacuum would have them, so the plans are the ones a real log gets.
            await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("ANALYZE"));
        }

        var capture = new CommandCapture();
        await using (var db = app.ContextWith(capture))
        {
            Assert.Equal(0, await app.AppenderOver(db).RunAsync());
        }

        Assert.Equal(logged, (await app.LedgerCountsAsync()).Tree);
        Assert.InRange(capture.Commands.Count, 1, 5);
        Assert.All(capture.Commands, c => Assert.StartsWith("SELECT", c.Text.TrimStart(), StringComparison.OrdinalIgnoreCase));
        foreach (var command in capture.Commands)
        {
            if (provider == DatabaseProvider.Postgres)
            {
                // What the executor really touched: a scan of a table of LogSize rows would count them all.
                var rows = await RowsVisitedAsync(app.ConnectionString, command);
                Assert.True(rows <= 20, $"{rows} rows visited by: {command.Text}");
            }
            else
            {
                var plan = await SqlitePlanAsync(app.ConnectionString, command);
                Assert.DoesNotContain(plan, line => line.StartsWith("SCAN ", StringComparison.Ordinal) && line != "SCAN CONSTANT ROW");
            }
        }
    }

    [Theory, AllProviders]
    public async Task Batches_log_every_record_once_in_order_and_each_checkpoint_extends_the_last(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        await app.RunLedgerAsync();
        var start = await app.LedgerCountsAsync();
        var key = app.Services.GetRequiredService<LedgerKey>();
        var small = new LedgerOptions { BatchSize = 97 };
        var checkpoints = new List<(long Size, MerkleHash Root)>();
        for (var round = 0; round < 4; round++)
        {
            await InsertRecordsAsync(app, 250);
            await app.WithDbAsync(async db =>
            {
                var appender = new LedgerAppender(db, key, small, app.Clock);
                Assert.Equal(97, await appender.AppendBatchAsync());
                var signed = await appender.CheckpointAsync();
                Assert.NotNull(signed);
                checkpoints.Add((signed.Size, new MerkleHash(signed.RootHash)));
                Assert.True(await appender.RunAsync() > 0);
                return 0;
            });
        }

        var end = await app.LedgerCountsAsync();
        Assert.Equal(start.Tree + 1000, end.Tree);
        Assert.Equal(end.Tree, end.Entries);
        Assert.Equal(end.Tree, end.Checkpoint);
        var all = await app.WithDbAsync(db => db.LedgerCheckpoints.OrderBy(c => c.Id).Select(c => c.Size).ToListAsync());
        Assert.Equal(all.Order(), all);
        Assert.Equal(all.Distinct().Count(), all.Count);

        // No gap, no repeat, and entries in the order of the records.
        var entries = await app.WithDbAsync(db => db.LedgerEntries.OrderBy(e => e.Index).Select(e => new { e.Index, e.RecordSequence }).ToListAsync());
        Assert.Equal(Enumerable.Range(0, entries.Count).Select(i => (long)i), entries.Select(e => e.Index));
        Assert.Equal(entries.Select(e => e.RecordSequence).Order(), entries.Select(e => e.RecordSequence));
        Assert.Equal(entries.Count, entries.Select(e => e.RecordSequence).Distinct().Count());
        var records = await app.WithDbAsync(db => db.PublicRecords.OrderBy(r => r.Sequence).Select(r => r.Sequence).ToListAsync());
        Assert.Equal(records, entries.Select(e => e.RecordSequence));

        // Each checkpoint is consistent with the one before it and with the final tree: no fork.
        await app.WithDbAsync(async db =>
        {
            var tree = new LogTree(new DbHashStore(db));
            var final = await tree.RootAsync(end.Tree);
            foreach (var (size, root) in checkpoints)
            {
                Assert.Equal(root, await tree.RootAsync(size));
                var proof = await tree.ConsistencyProofAsync(size, end.Tree);
                Assert.True(ProofVerifier.VerifyConsistency(size, end.Tree, root, final, proof));
            }

            return 0;
        });
        var audit = await app.WithDbAsync(db => new LedgerAudit(db, key).RunAsync());
        Assert.True(audit.Clean, string.Join("; ", audit.Findings));
        Assert.Equal(0, audit.Pending);
    }

    [Theory, AllProviders]
    public async Task Two_appenders_racing_never_fork_or_log_a_record_twice(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        await app.RunLedgerAsync();
        var start = (await app.LedgerCountsAsync()).Tree;
        await InsertRecordsAsync(app, 600);
        var key = app.Services.GetRequiredService<LedgerKey>();
        var options = new LedgerOptions { BatchSize = 50 };

        async Task<int> AppendUntilDoneAsync()
        {
            var appended = 0;
            for (var attempts = 0; attempts < 200; attempts++)
            {
                await using var scope = app.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<FinPilotDbContext>();
                try
                {
                    var batch = await new LedgerAppender(db, key, options, app.Clock).AppendBatchAsync();
                    if (batch == 0)
                    {
                        return appended;
                    }

                    appended += batch;
                }
                catch (Exception e) when (IsLostRace(e))
                {
                    // The other appender moved the size first: nothing of this batch was written.
                }
            }

            return appended;
        }

        var both = await Task.WhenAll(Task.Run(AppendUntilDoneAsync), Task.Run(AppendUntilDoneAsync));
        Assert.Equal(600, both.Sum());
        var counts = await app.LedgerCountsAsync();
        Assert.Equal(start + 600, counts.Tree);
        Assert.Equal(counts.Tree, counts.Entries);
        await app.RunLedgerAsync();
        var audit = await app.WithDbAsync(db => new LedgerAudit(db, key).RunAsync());
        Assert.True(audit.Clean, string.Join("; ", audit.Findings));
        Assert.Equal(0, audit.Pending);
    }

    [Fact]
    public async Task A_record_committed_after_a_later_numbered_one_is_logged_not_skipped_on_postgres()
    {
        var app = await apps.StartAsync(DatabaseProvider.Postgres);
        await app.RunLedgerAsync();

        // Transaction A takes the lower number and stays open; B takes the next number and commits.
        await using var slow = app.ContextWith(new NoInterception());
        await using var open = await slow.Database.BeginTransactionAsync();
        var lower = Record($"slow-{Guid.NewGuid():N}", app.Clock.GetUtcNow());
        slow.PublicRecords.Add(lower);
        await slow.SaveChangesAsync();
        var higher = await app.WithDbAsync(async db =>
        {
            var record = Record($"fast-{Guid.NewGuid():N}", app.Clock.GetUtcNow());
            db.PublicRecords.Add(record);
            await db.SaveChangesAsync();
            return record.Sequence;
        });
        Assert.True(lower.Sequence < higher, $"{lower.Sequence} < {higher}");

        // The pass sees B committed, so it must wait for A rather than log B and move the mark past A.
        var pass = Task.Run(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<LedgerAppender>().RunAsync();
        });
        await WaitUntilBlockedOnLockAsync(app.ConnectionString, pass);
        Assert.False(pass.IsCompleted);
        await open.CommitAsync();
        Assert.Equal(2, await pass);

        var (lowerIndex, higherIndex) = await app.WithDbAsync(async db => (
            await db.LedgerEntries.Where(e => e.RecordSequence == lower.Sequence).Select(e => e.Index).SingleAsync(),
            await db.LedgerEntries.Where(e => e.RecordSequence == higher).Select(e => e.Index).SingleAsync()));
        Assert.Equal(lowerIndex + 1, higherIndex);
        var audit = await app.WithDbAsync(db => new LedgerAudit(db, app.Services.GetRequiredService<LedgerKey>()).RunAsync());
        Assert.True(audit.Clean, string.Join("; ", audit.Findings));
    }

    [Theory, AllProviders]
    public async Task The_audit_reports_a_record_left_behind_below_the_last_logged_one(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        await InsertRecordsAsync(app, 3);
        await app.RunLedgerAsync();
        var key = app.Services.GetRequiredService<LedgerKey>();
        Assert.True((await app.WithDbAsync(db => new LedgerAudit(db, key).RunAsync())).Clean);

        // A record numbered below the last logged one and never logged, as a skip would leave it;
        // made by renumbering a new record, as only someone with database access could.
        var sequence = await app.WithDbAsync(async db =>
        {
            var record = Record($"skipped-{Guid.NewGuid():N}", app.Clock.GetUtcNow());
            db.PublicRecords.Add(record);
            await db.SaveChangesAsync();
            return record.Sequence;
        });
        await app.WithDbAsync(db => db.PublicRecords.Where(r => r.Sequence == sequence).ExecuteUpdateAsync(s => s.SetProperty(r => r.Sequence, 0L)));
        try
        {
            var report = await app.WithDbAsync(db => new LedgerAudit(db, key).RunAsync());
            var finding = Assert.Single(report.Findings);
            Assert.Equal(0L, finding.RecordSequence);
            Assert.Contains("skipped", finding.Problem, StringComparison.Ordinal);
            Assert.False(report.Clean);
        }
        finally
        {
            await app.WithDbAsync(db => db.PublicRecords.Where(r => r.Sequence == 0L).ExecuteDeleteAsync());
        }
    }

    private static bool IsLostRace(Exception e) =>
        e is ConcurrentAppendException
        || e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure }
        || e is DbUpdateException { InnerException: PostgresException or SqliteException }
        || e is SqliteException { SqliteErrorCode: 5 or 6 or 19 }
        || e.InnerException is { } inner && IsLostRace(inner);

    private static PublicRecordEntry Record(string subject, DateTimeOffset at) => PublicRecordEntry.From(
        PublicRecord.Create("Test.Bulk", subject, at, new { subject, note = "吞吐量测试" }), 1, Guid.NewGuid(), "/pilots");

    /// <summary>Public records as the deciding modules write them, many at once.</summary>
    private static Task InsertRecordsAsync(FinPilotApp app, int count) => app.WithDbAsync(async db =>
    {
        var region = await db.Regions.OrderBy(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync();
        var at = app.Clock.GetUtcNow();
        for (var i = 0; i < count; i++)
        {
            var record = Record($"bulk-{Guid.NewGuid():N}", at);
            record.RegionId = region;
            db.PublicRecords.Add(record);
        }

        return await db.SaveChangesAsync();
    });

    private static async Task WaitUntilBlockedOnLockAsync(string connectionString, Task pass)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'LOCK TABLE%'", connection);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((long)(await command.ExecuteScalarAsync())! == 0)
        {
            if (pass.IsCompleted)
            {
                await pass;
                Assert.Fail("The pass finished while a lower-numbered record was still uncommitted.");
            }

            Assert.True(DateTime.UtcNow < deadline, "The pass never waited for the open transaction.");
            await Task.Delay(20);
        }
    }

    private static async Task<long> RowsVisitedAsync(string connectionString, CapturedCommand captured)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("EXPLAIN (ANALYZE, FORMAT JSON) " + captured.Text, connection);
        foreach (var (name, value) in captured.Parameters)
        {
            command.Parameters.Add(new NpgsqlParameter(name, value ?? DBNull.Value));
        }

        using var plan = JsonDocument.Parse((string)(await command.ExecuteScalarAsync())!);
        return Visited(plan.RootElement[0].GetProperty("Plan"));

        static long Visited(JsonElement node)
        {
            var type = node.GetProperty("Node Type").GetString()!;
            long rows = 0;
            if (type.Contains("Scan", StringComparison.Ordinal))
            {
                var loops = node.GetProperty("Actual Loops").GetInt64();
                rows = (node.GetProperty("Actual Rows").GetInt64() + (node.TryGetProperty("Rows Removed by Filter", out var removed) ? removed.GetInt64() : 0)) * Math.Max(1, loops);
            }

            if (node.TryGetProperty("Plans", out var children))
            {
                rows += children.EnumerateArray().Sum(Visited);
            }

            return rows;
        }
    }

    private static async Task<List<string>> SqlitePlanAsync(string connectionString, CapturedCommand captured)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + captured.Text;
        foreach (var (name, value) in captured.Parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(3));
        }

        return lines;
    }

    private sealed record CapturedCommand(string Text, IReadOnlyList<(string Name, object? Value)> Parameters);

    /// <summary>Keeps the text and parameters of every command the context runs.</summary>
    private sealed class CommandCapture : DbCommandInterceptor
    {
        public List<CapturedCommand> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Keep(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Keep(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Keep(command);
            return ValueTask.FromResult(result);
        }

        private void Keep(DbCommand command) =>
            Commands.Add(new CapturedCommand(command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value))]));
    }

    private sealed class NoInterception : DbCommandInterceptor;
}
