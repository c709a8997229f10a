// The statistics benchmark (issue 20): the public home page and /statistics at 10,000 pilots, uncached
// (every request a distinct query string, so the output cache never answers), one client on localhost,
// against the real web host in its own process (Release), beside two baselines measured in the same run:
// the host's own /health and a bare minimal API in a process of its own counting the same register rows
// per region. Then `finpilot stats recompute` (StatisticsRecompute.FromSiteAsync, HTTP only) over the
// 10,000 pilots, timed. See README.md "Statistics performance".
//
//   dotnet build -c Release src/FinPilot.Web && dotnet build -c Release bench/FinPilot.Statistics.Bench
//   dotnet run -c Release --no-build --project bench/FinPilot.Statistics.Bench -- [--pilots 10000] [--requests 200]
//   bench/FinPilot.Statistics.Bench/run-postgres.sh [--pilots 10000] [--requests 200]
using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Disclosure;
using FinPilot.Web.Features.Statistics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

var options = Options.Parse(args);
if (args.Contains("--serve-baseline"))
{
    await using var served = await Baseline.StartAsync(options.Provider, options.Connection!, 5198);
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

var work = Directory.CreateTempSubdirectory("finpilot-statistics-bench-").FullName;
var postgres = options.Provider == "Postgres";
var connection = postgres ? options.Connection ?? throw new ArgumentException("--connection is required for Postgres") : $"Data Source={Path.Combine(work, "bench.db")}";
Console.WriteLine($"Provider {options.Provider}, {options.Pilots} pilots, {options.Requests} sequential requests per endpoint, one client; work folder {work}");

// 1. Migrate and seed the demo world, then stop the host.
using (var first = await WebHost.StartAsync(webDll, work, options.Provider, connection, 5197))
{
    Console.WriteLine($"Host migrated and seeded the demo in {first.Started.TotalSeconds:0.0} s");
}

// 2. Clone a demo pilot to the size asked (project, notice listing, notice and admission events), then rebuild the register.
await Data.GenerateAsync(options.Provider, connection, options.Pilots);
await using (var db = Data.Context(options.Provider, connection))
{
    var watch = Stopwatch.StartNew();
    var rows = await RegisterProjection.RebuildAsync(db);
    Console.WriteLine($"Register rebuilt: {rows} rows in {watch.Elapsed.TotalSeconds:0.0} s");
}

// 3. The pages and their baselines, one client, sequential requests.
using var baseline = Baseline.Spawn(options.Provider, connection);
using var web = await WebHost.StartAsync(webDll, work, options.Provider, connection, 5197);
Console.WriteLine($"Host idle (its jobs' first pass over the data done) after {(await web.WaitIdleAsync(TimeSpan.FromMinutes(10))).TotalSeconds:0} s");
using var webClient = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:5197"), Timeout = TimeSpan.FromSeconds(120) };
using var baseClient = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:5198"), Timeout = TimeSpan.FromSeconds(120) };
var endpoints = new (string Name, HttpClient Client, Func<long, string> Address)[]
{
    ("baseline: bare API, register rows counted per region", baseClient, n => $"/figures?r={n}"),
    ("baseline: GET /health (web host)", webClient, n => $"/health?r={n}"),
    ("GET / (home page)", webClient, n => $"/?r={n}"),
    ("GET /statistics", webClient, n => $"/statistics?r={n}"),
    ("GET /api/v1/statistics", webClient, n => $"/api/v1/statistics?r={n}"),
};

Console.WriteLine("Warming up…");
foreach (var (_, client, address) in endpoints)
{
    await Load.SequentialAsync(client, address, Math.Min(10, options.Requests));
}

var results = new List<(string Name, Load.Result Result)>();
foreach (var (name, client, address) in endpoints)
{
    var result = await Load.SequentialAsync(client, address, options.Requests);
    results.Add((name, result));
    Console.WriteLine($"{name}: {result}");
}

// 4. The recompute anyone can run: every figure from the site's open data, over HTTP.
var recomputes = new List<double>();
RecomputeResult? last = null;
for (var i = 0; i < 3; i++)
{
    var watch = Stopwatch.StartNew();
    last = await StatisticsRecompute.FromSiteAsync(webClient, new Uri("http://127.0.0.1:5197/"));
    recomputes.Add(watch.Elapsed.TotalSeconds);
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"finpilot stats recompute: {last!.Figures} figures, {last.Differences.Count} differences, {string.Join(" / ", recomputes.Select(s => s.ToString("0.00", CultureInfo.InvariantCulture)))} s"));

Console.WriteLine();
Console.WriteLine($"| {options.Provider}, {options.Pilots:N0} pilots, one client, {options.Requests} requests | p50 ms | p95 ms | mean ms | errors |");
Console.WriteLine("|---|---|---|---|---|");
foreach (var (name, r) in results)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| `{name}` | {r.P50:0.0} | {r.P95:0.0} | {r.Mean:0.0} | {r.Errors} |"));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| `finpilot stats recompute` (whole run, s) | {recomputes.Order().ElementAt(recomputes.Count / 2):0.00} s | | | {(last.Agrees ? 0 : 1)} |"));
Console.WriteLine($"Peak memory of the web process (VmHWM): {web.PeakMegabytes():0} MB");
baseline.Kill(entireProcessTree: true);
return last.Agrees ? 0 : 1;

internal sealed record Options(string Provider, string? Connection, int Pilots, int Requests)
{
    public static Options Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var provider = Value("--provider") ?? "Sqlite";
        return new(
            string.Equals(provider, "postgres", StringComparison.OrdinalIgnoreCase) ? "Postgres" : "Sqlite",
            Value("--connection"),
            int.Parse(Value("--pilots") ?? "10000", CultureInfo.InvariantCulture),
            int.Parse(Value("--requests") ?? "200", CultureInfo.InvariantCulture));
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

/// <summary>The bare minimal API: the register's rows counted per region, straight from the database.</summary>
internal static class Baseline
{
    public static Process Spawn(string provider, string connection)
    {
        WebHost.EnsureFree(5198);
        var process = Process.Start(new ProcessStartInfo("dotnet", [typeof(Baseline).Assembly.Location, "--serve-baseline", "--provider", provider, "--connection", connection]))!;
        using var client = new HttpClient();
        for (var i = 0; i < 120; i++)
        {
            try
            {
                if (client.GetAsync("http://127.0.0.1:5198/figures").Result.IsSuccessStatusCode)
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
        app.MapGet("/figures", async () =>
        {
            await using DbConnection c = source is null ? new SqliteConnection(connection) : source.CreateConnection();
            await c.OpenAsync();
            await using var command = c.CreateCommand();
            command.CommandText = """SELECT "RegionId", COUNT(*) FROM "RegisterPilots" GROUP BY "RegionId" """;
            var figures = new Dictionary<string, long>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                figures[reader.GetValue(0).ToString()!] = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
            }

            return Results.Ok(figures);
        });
        await app.StartAsync();
        return app;
    }
}

/// <summary>One client, one request after another: the time of each, as the client sees it on localhost.</summary>
internal static class Load
{
    public sealed record Result(long Count, long Errors, double P50, double P95, double Mean)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"p50 {P50:0.0} ms, p95 {P95:0.0} ms, mean {Mean:0.0} ms, {Errors} errors of {Count}");
    }

    private static long _counter;

    public static async Task<Result> SequentialAsync(HttpClient client, Func<long, string> address, int requests)
    {
        var latencies = new List<double>(requests);
        long errors = 0;
        for (var i = 0; i < requests; i++)
        {
            var n = Interlocked.Increment(ref _counter);
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(address(n), HttpCompletionOption.ResponseContentRead);
            await response.Content.ReadAsByteArrayAsync();
            if (!response.IsSuccessStatusCode)
            {
                errors++;
                continue;
            }

            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        var sorted = latencies.Order().ToArray();
        double At(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
        return new Result(requests, errors, At(0.5), At(0.95), sorted.Length == 0 ? double.NaN : sorted.Average());
    }
}
