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

/// <summary>The real web host, in its own process, as an installation runs it (Release build, demo data on).</summary>
internal sealed class WebHost : IDisposable
{
    private readonly Process _process;

    private WebHost(Process process, TimeSpan started) => (_process, Started) = (process, started);

    public TimeSpan Started { get; }

    public static async Task<WebHost> StartAsync(string dll, string work, string provider, string connection, int port)
    {
        var start = new ProcessStartInfo("dotnet", [dll]) { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true };
        var env = start.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Development";
        env["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        env["Database__Provider"] = provider;
        env["ConnectionStrings__FinPilot"] = connection;
        env["Database__MigrateOnStartup"] = "true";
        env["Demo__Enabled"] = "true";
        env["Demo__Password"] = "Bench#Passw0rd!";
        env["Mail__PickupDirectory"] = Path.Combine(work, "mail");
        env["Files__Root"] = Path.Combine(work, "files");
        env["Ledger__KeyFile"] = Path.Combine(work, "ledger.key");
        env["Ledger__RunJob"] = "false";
        env["Logging__LogLevel__Default"] = "Warning";
        env["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";
        env["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Warning";
        var watch = Stopwatch.StartNew();
        var process = Process.Start(start)!;
        var log = new ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => log.Enqueue(e.Data ?? string.Empty);
        process.ErrorDataReceived += (_, e) => log.Enqueue(e.Data ?? string.Empty);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
        while (watch.Elapsed < TimeSpan.FromMinutes(5))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The web host exited ({process.ExitCode}):\n{string.Join('\n', log)}");
            }

            try
            {
                if ((await client.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return new WebHost(process, watch.Elapsed);
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(500);
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException("The web host did not answer /health within 5 minutes.");
    }

    public double PeakMegabytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    public void Dispose()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
    }
}

/// <summary>The bare minimal API: the register's rows counted per region, straight from the database.</summary>
internal static class Baseline
{
    public static Process Spawn(string provider, string connection)
    {
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

/// <summary>Makes the register large: clones of a demo pilot (project, notice listing, events), written in one transaction.</summary>
internal static class Data
{
    /// <summary>Words the names and statements are made of, and the search terms (two to four characters).</summary>
    public static readonly string[] Words =
    [
        "区块链", "隐私计算", "人工智能", "数字人民币", "联邦学习", "智能投顾", "供应链", "量化交易", "监管科技", "云计算",
        "大数据", "物联网", "生物识别", "知识图谱", "债券", "基金", "托管", "结算", "风控", "征信",
    ];

    public static FinPilotDbContext Context(string provider, string connection) => provider == "Postgres"
        ? new PostgresFinPilotDbContext(new DbContextOptionsBuilder<PostgresFinPilotDbContext>().UseNpgsql(connection).Options)
        : new SqliteFinPilotDbContext(new DbContextOptionsBuilder<SqliteFinPilotDbContext>().UseSqlite(connection).Options);

    public static async Task<IReadOnlyList<Guid>> GenerateAsync(string provider, string connection, int pilots)
    {
        var postgres = provider == "Postgres";
        await using var db = Context(provider, connection);
        var template = await db.RegisterPilots.AsNoTracking().OrderBy(p => p.Id).FirstAsync();
        var statement = System.Text.Json.JsonSerializer.Serialize(template.Statement, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web));
        var events = await db.PublicEvents.AsNoTracking().Where(e => e.ProjectId == template.ProjectId).OrderBy(e => e.At).Select(e => new { e.Id, e.Kind }).ToListAsync();
        var noticeId = (await db.PublicEvents.AsNoTracking().Where(e => e.ProjectId == template.ProjectId && e.Kind == FinPilot.Domain.Disclosure.PublicEventKind.NoticePublished).Select(e => e.Link).FirstAsync())["/notices/".Length..];
        var c = db.Database.GetDbConnection();
        await c.OpenAsync();
        await using var tx = await c.BeginTransactionAsync();
        object Id(Guid id) => postgres ? id : id.ToString().ToUpperInvariant();
        var binary = new DateTimeOffsetToBinaryConverter();
        object At(DateTimeOffset at) => postgres ? at.ToUniversalTime() : binary.ConvertToProvider(at)!;
        var listingId = await ScalarAsync(c, tx, """SELECT "Id" FROM "PublicNoticeListings" WHERE "NoticeId" = @k LIMIT 1""", Id(Guid.Parse(noticeId)));

        var project = await ClonerAsync(c, tx, "Projects", "Id", ["Id", "Title"]);
        var notice = await ClonerAsync(c, tx, "PublicNotices", "Id", ["Id", "Title"]);
        var listing = await ClonerAsync(c, tx, "PublicNoticeListings", "Id", ["NoticeId", "Summary"], omit: "Id");
        var @event = await ClonerAsync(c, tx, "PublicEvents", "Id", ["Id", "ProjectId", "At", "TitleZh", "Link", "RecordSequence"]);

        var random = new Random(15);
        var ids = new List<Guid>(pilots);
        var t0 = DateTimeOffset.UtcNow.AddYears(-3);
        var watch = Stopwatch.StartNew();
        Guid currentNotice = default;
        for (var i = 0; i < pilots; i++)
        {
            if (i % 100 == 0)
            {
                currentNotice = Guid.NewGuid();
                await notice(Id(Guid.Parse(noticeId)), [Id(currentNotice), $"基准测试公示 {i / 100}"]);
            }

            var id = Guid.NewGuid();
            ids.Add(id);
            var (a, b, x) = (Words[random.Next(Words.Length)], Words[random.Next(Words.Length)], Words[random.Next(Words.Length)]);
            var name = $"{a}{b}创新试点 {i:00000}";
            var summary = JsonNode.Parse(statement)!.AsObject();
            summary["projectId"] = id.ToString();
            summary["name"] = name;
            summary["whatIsTested"] = $"检验{a}与{x}在{b}业务中的应用边界与投资者保护措施 (pilot {i})";
            await project(Id(template.ProjectId), [Id(id), name]);
            await listing(listingId, [Id(currentNotice), summary.ToJsonString()]);
            var at = t0.AddMinutes(i * 7);
            await @event(Id(events.First(e => e.Kind == FinPilot.Domain.Disclosure.PublicEventKind.NoticePublished).Id), [Id(Guid.NewGuid()), Id(id), At(at), $"公示：{name}", $"/notices/{currentNotice}", DBNull.Value]);
            await @event(Id(events.Last(e => e.Kind == FinPilot.Domain.Disclosure.PublicEventKind.Admitted).Id), [Id(Guid.NewGuid()), Id(id), At(at.AddDays(20 + random.Next(400))), $"入箱：{name}", $"/pilots/{id}", DBNull.Value]);
        }

        await tx.CommitAsync();
        Console.WriteLine($"Generated {pilots} pilots (projects, listings, two events each) in {watch.Elapsed.TotalSeconds:0.0} s");
        return ids;
    }

    private static async Task<object> ScalarAsync(DbConnection c, DbTransaction tx, string sql, object key)
    {
        await using var command = c.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        var p = command.CreateParameter();
        p.ParameterName = "k";
        p.Value = key;
        command.Parameters.Add(p);
        return (await command.ExecuteScalarAsync())!;
    }

    /// <summary>A prepared INSERT … SELECT copying one row of <paramref name="table"/> with <paramref name="changed"/> columns set.</summary>
    private static async Task<Func<object, object[], Task>> ClonerAsync(DbConnection c, DbTransaction tx, string table, string key, string[] changed, string? omit = null)
    {
        var columns = new List<string>();
        await using (var list = c.CreateCommand())
        {
            list.Transaction = tx;
            list.CommandText = c is SqliteConnection
                ? $"SELECT name FROM pragma_table_info('{table}')"
                : $"SELECT column_name FROM information_schema.columns WHERE table_name = '{table}' ORDER BY ordinal_position";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add(reader.GetString(0));
            }
        }

        columns.Remove(omit ?? string.Empty);
        var command = c.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(n => $"\"{n}\""))}) " +
            $"SELECT {string.Join(", ", columns.Select(n => changed.Contains(n) ? $"@p{Array.IndexOf(changed, n)}" : $"\"{n}\""))} FROM \"{table}\" WHERE \"{key}\" = @k";
        var parameters = changed.Select((_, i) => { var p = command.CreateParameter(); p.ParameterName = $"p{i}"; command.Parameters.Add(p); return p; }).ToList();
        var template = command.CreateParameter();
        template.ParameterName = "k";
        command.Parameters.Add(template);
        return async (templateKey, values) =>
        {
            template.Value = templateKey;
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i];
            }

            await command.ExecuteNonQueryAsync();
        };
    }
}
