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
Console.WriteLine("Warming up…");
foreach (var (_, address) in endpoints)
{
    await Load.RunAsync(webClient, address, options.Clients, TimeSpan.FromSeconds(2));
}

await Load.RunAsync(baseClient, n => $"/rows?page={n % pages + 1}", options.Clients, TimeSpan.FromSeconds(2));

var results = new List<(string Name, Load.Result Endpoint, Load.Result Baseline)>();
foreach (var (name, address) in endpoints)
{
    // The baseline right before each endpoint, so both see the same machine.
    var bare = await Load.RunAsync(baseClient, n => $"/rows?page={n % pages + 1}&r={n}", options.Clients, TimeSpan.FromSeconds(options.Seconds));
    var measured = await Load.RunAsync(webClient, address, options.Clients, TimeSpan.FromSeconds(options.Seconds));
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

Console.WriteLine($"Peak memory of the web process (VmHWM): {web.PeakMegabytes():0} MB");
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

/// <summary>The bare minimal API: the same page of rows, newest first, and the count, straight from the database.</summary>
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
