// The register's load benchmark (issue 15): 10,000 public pilots, 50 concurrent clients, every
// request distinct and uncached, against the real web host in its own process (Release), with a
// bare minimal API in this process reading the same page of rows from the same database as the
// baseline, measured side by side in the same run. See README.md "Register performance".
//
//   dotnet run -c Release --project bench/FinPilot.Register.Bench -- [--provider Sqlite|Postgres]
//       [--connection "<Npgsql connection string>"] [--pilots 10000] [--clients 50] [--seconds 10]
using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Disclosure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

var options = Options.Parse(args);
if (args.Contains("--serve-baseline"))
{
    // The baseline runs in a process of its own, as the web host does, so neither shares the load generator's process.
    await using var served = await Baseline.StartAsync(options.Provider, options.Connection!, 5188);
    await Task.Delay(Timeout.Infinite);
    return 0;
}

var root = Options.RepositoryRoot();
var webDll = Path.Combine(root, "src", "FinPilot.Web", "bin", "Release", "net10.0", "FinPilot.Web.dll");
if (!File.Exists(webDll))
{
    Console.Error.WriteLine($"Build the web host in Release first: dotnet build -c Release src/FinPilot.Web ({webDll} is missing).");
    return 2;
}

var work = Directory.CreateTempSubdirectory("finpilot-register-bench-").FullName;
var postgres = options.Provider == "Postgres";
var connection = postgres ? options.Connection ?? throw new ArgumentException("--connection is required for Postgres") : $"Data Source={Path.Combine(work, "bench.db")}";
Console.WriteLine($"Provider {options.Provider}, {options.Pilots} pilots, {options.Clients} clients, {options.Seconds} s per measurement; work folder {work}");

// 1. Migrate and seed the demo world, then stop the host.
using (var first = await WebHost.StartAsync(webDll, work, options.Provider, connection, 5187))
{
    Console.WriteLine($"Host migrated and seeded the demo in {first.Started.TotalSeconds:0.0} s");
}

// 2. Clone the demo's public pilots to the size asked, then rebuild the register's read model.
var ids = await Data.GenerateAsync(options.Provider, connection, options.Pilots);
await using (var db = Data.Context(options.Provider, connection))
{
    var watch = Stopwatch.StartNew();
    var rows = await RegisterProjection.RebuildAsync(db);
    Console.WriteLine($"finpilot register rebuild equivalent: {rows} rows in {watch.Elapsed.TotalSeconds:0.0} s");

    if (postgres)
    {
        // What autovacuum keeps on a live database after a bulk load: statistics, and the visibility map that lets
        // PostgreSQL read the order's and the count's indexes without visiting every row.
        await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
    }

    // The plan of a Chinese search: the full-text index, not a scan of the rows.
    var terms0 = FinPilot.Web.Features.Search.SearchText.Query("区块链");
    var explain = postgres
        ? $"EXPLAIN SELECT \"Id\" FROM \"RegisterPilots\" WHERE array_to_tsvector(string_to_array(\"SearchText\", ' '::text)) @@ CAST('{FinPilot.Web.Features.Search.FullTextIndex.PostgresQuery(terms0).Replace("'", "''", StringComparison.Ordinal)}' AS tsquery)"
        : $"EXPLAIN QUERY PLAN SELECT rowid FROM \"RegisterPilotsSearch\" WHERE \"RegisterPilotsSearch\" MATCH '{FinPilot.Web.Features.Search.FullTextIndex.SqliteQuery(terms0)}'";
    var c = db.Database.GetDbConnection();
    await c.OpenAsync();
    await using var command = c.CreateCommand();
    command.CommandText = explain;
    await using var reader = await command.ExecuteReaderAsync();
    Console.WriteLine("Plan of the search for 区块链:");
    while (await reader.ReadAsync())
    {
        Console.WriteLine("  " + reader.GetValue(reader.FieldCount - 1));
    }
}

// 3. The baseline: a bare minimal API reading the same page of rows and the count.
using var baseline = Baseline.Spawn(options.Provider, connection);
using var web = await WebHost.StartAsync(webDll, work, options.Provider, connection, 5187);
Console.WriteLine($"Host idle (its jobs' first pass over the data done) after {(await web.WaitIdleAsync(TimeSpan.FromMinutes(10))).TotalSeconds:0} s");

var terms = Data.Words;
var pages = Math.Max(1, options.Pilots / 20);
var endpoints = new (string Name, Func<long, string> Address)[]
{
    ("GET /api/v1/pilots?page=N", n => $"/api/v1/pilots?page={n % pages + 1}&r={n}"),
    ("GET /pilots?page=N (HTML)", n => $"/pilots?page={n % pages + 1}&r={n}"),
    ("GET /pilots?q=<Chinese term>", n => $"/pilots?q={Uri.EscapeDataString(terms[(int)(n % terms.Length)])}&page={n / terms.Length % 3 + 1}&r={n}"),
    ("GET /pilots/{id} (HTML)", n => $"/pilots/{ids[(int)(n % ids.Count)]}?r={n}"),
    ("GET /pilots/feed.atom", n => $"/pilots/feed.atom?r={n}"),
};

using var webClient = Load.Client("http://127.0.0.1:5187", options.Clients);
using var baseClient = Load.Client("http://127.0.0.1:5188", options.Clients);
// Two rounds: the runtime recompiles hot methods with what the first calls taught it (tiered, profile-guided), which
// takes tens of seconds of a core and would otherwise fall into the first measurements.
Console.WriteLine("Warming up…");
for (var round = 0; round < 2; round++)
{
    foreach (var (_, address) in endpoints)
    {
        await Load.RunAsync(webClient, address, options.Clients, TimeSpan.FromSeconds(3));
    }
}

await Load.RunAsync(baseClient, n => $"/rows?page={n % pages + 1}", options.Clients, TimeSpan.FromSeconds(2));
var startPeak = web.PeakMegabytes();
web.ResetPeak();

var results = new List<(string Name, Load.Result Endpoint, Load.Result Baseline)>();
foreach (var (name, address) in endpoints)
{
    // The baseline right before and right after each endpoint, so both see the same machine (the mean of the two).
    var before = await Load.RunAsync(baseClient, n => $"/rows?page={n % pages + 1}&r={n}", options.Clients, TimeSpan.FromSeconds(options.Seconds));
    var measured = await Load.RunAsync(webClient, address, options.Clients, TimeSpan.FromSeconds(options.Seconds));
    var after = await Load.RunAsync(baseClient, n => $"/rows?page={n % pages + 1}&r={n}", options.Clients, TimeSpan.FromSeconds(options.Seconds));
    var bare = Load.Result.Mean(before, after);
    results.Add((name, measured, bare));
    Console.WriteLine($"{name}: {measured} | baseline {bare}");
}

Console.WriteLine();
Console.WriteLine($"| {options.Provider}, {options.Pilots:N0} pilots, {options.Clients} clients | req/s | p50 ms | p95 ms | errors | baseline req/s | baseline p95 ms | throughput ratio |");
Console.WriteLine("|---|---|---|---|---|---|---|---|");
foreach (var (name, e, b) in results)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| `{name}` | {e.Throughput:0} | {e.P50:0.0} | {e.P95:0.0} | {e.Errors} | {b.Throughput:0} | {b.P95:0.0} | {e.Throughput / b.Throughput:0.00} |"));
}

Console.WriteLine($"Peak memory of the web process under the load (VmHWM after the warm-up): {web.PeakMegabytes():0} MB; " +
    $"its own memory at the end (RssAnon, without the pages of the database file it maps): {web.AnonymousMegabytes():0} MB; " +
    $"peak before the load (migrations, demo, warm-up): {startPeak:0} MB");
baseline.Kill(entireProcessTree: true);
return 0;

internal sealed record Options(string Provider, string? Connection, int Pilots, int Clients, int Seconds)
{
    public static Options Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var provider = Value("--provider") ?? "Sqlite";
        return new(
            string.Equals(provider, "postgres", StringComparison.OrdinalIgnoreCase) ? "Postgres" : "Sqlite",
            Value("--connection"),
            int.Parse(Value("--pilots") ?? "10000", CultureInfo.InvariantCulture),
            int.Parse(Value("--clients") ?? "50", CultureInfo.InvariantCulture),
            int.Parse(Value("--seconds") ?? "10", CultureInfo.InvariantCulture));
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FinPilot.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Run from within the repository.");
    }
}

/// <summary>The bare minimal API: the same page of rows, newest first, and the count, straight from the database.</summary>
internal static class Baseline
{
    public static Process Spawn(string provider, string connection)
    {
        WebHost.EnsureFree(5188);
        var process = Process.Start(new ProcessStartInfo("dotnet", [typeof(Baseline).Assembly.Location, "--serve-baseline", "--provider", provider, "--connection", connection]))!;
        using var client = new HttpClient();
        for (var i = 0; i < 120; i++)
        {
            try
            {
                if (client.GetAsync("http://127.0.0.1:5188/rows?page=1").Result.IsSuccessStatusCode)
                {
                    return process;
                }
            }
            catch (AggregateException)
            {
            }

            Thread.Sleep(500);
        }

        throw new TimeoutException("The baseline did not start.");
    }

    public static async Task<WebApplication> StartAsync(string provider, string connection, int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var source = provider == "Postgres" ? NpgsqlDataSource.Create(connection) : null;
        const string PageSql = """SELECT "ProjectId", "Name", "Statement", "UpdatedAt" FROM "RegisterPilots" ORDER BY "UpdatedAt" DESC, "Name", "ProjectId" LIMIT 20 OFFSET @offset""";
        app.MapGet("/rows", async (int page) =>
        {
            await using DbConnection c = source is null ? new SqliteConnection(connection) : source.CreateConnection();
            await c.OpenAsync();
            await using var count = c.CreateCommand();
            count.CommandText = """SELECT COUNT(*) FROM "RegisterPilots" """;
            var total = Convert.ToInt64(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            await using var rows = c.CreateCommand();
            rows.CommandText = PageSql;
            var offset = rows.CreateParameter();
            offset.ParameterName = "offset";
            offset.Value = (Math.Max(1, page) - 1) * 20;
            rows.Parameters.Add(offset);
            var items = new List<object>();
            await using var reader = await rows.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                items.Add(new { id = reader.GetValue(0).ToString(), name = reader.GetString(1), statement = reader.GetString(2), updatedAt = reader.GetValue(3).ToString() });
            }

            return Results.Ok(new { items, page, total });
        });
        await app.StartAsync();
        return app;
    }
}

/// <summary>Closed-loop clients: each sends its next request as soon as the last is answered.</summary>
internal static class Load
{
    public sealed record Result(long Count, long Errors, double Seconds, double P50, double P95)
    {
        public double Throughput => Count / Seconds;

        /// <summary>Two runs as one: their counts, errors and times added, the mean of their percentiles.</summary>
        public static Result Mean(Result a, Result b) =>
            new(a.Count + b.Count, a.Errors + b.Errors, a.Seconds + b.Seconds, (a.P50 + b.P50) / 2, (a.P95 + b.P95) / 2);

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Throughput:0} req/s, p50 {P50:0.0} ms, p95 {P95:0.0} ms, {Errors} errors");
    }

    public static HttpClient Client(string address, int clients) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = new Uri(address),
            Timeout = TimeSpan.FromSeconds(60),
        };

    private static long _counter;

    public static async Task<Result> RunAsync(HttpClient client, Func<long, string> address, int clients, TimeSpan duration)
    {
        var latencies = new ConcurrentBag<double>();
        long errors = 0;
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (watch.Elapsed < duration)
            {
                var n = Interlocked.Increment(ref _counter);
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync(address(n), HttpCompletionOption.ResponseContentRead);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                        continue;
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                    continue;
                }

                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })).ToList();
        await Task.WhenAll(workers);
        var elapsed = watch.Elapsed.TotalSeconds;
        var sorted = latencies.Order().ToArray();
        double At(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
        return new Result(sorted.Length, errors, elapsed, At(0.5), At(0.95));
    }
}
