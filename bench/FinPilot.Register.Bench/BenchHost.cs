// Shared by the register and statistics benchmarks (the statistics bench compiles this file too):
// the Release web host in a process of its own, and the clone of a demo pilot to the size asked.
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

/// <summary>The real web host, in its own process, as an installation runs it (Release build, demo data on).</summary>
internal sealed class WebHost : IDisposable
{
    private readonly Process _process;

    private WebHost(Process process, TimeSpan started) => (_process, Started) = (process, started);

    public TimeSpan Started { get; }

    public static async Task<WebHost> StartAsync(string dll, string work, string provider, string connection, int port)
    {
        EnsureFree(port);
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

    /// <summary>
    /// Waits until the host's leased jobs have made their first pass over the data (at 10,000 pilots they may raise an
    /// alert, schedule duties or draft a plan for each), so that a measurement sees requests, not that one-time work:
    /// until the process has used under a tenth of a core for three two-second spans in a row, or <paramref name="limit"/>.
    /// </summary>
    public async Task<TimeSpan> WaitIdleAsync(TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        for (var quiet = 0; quiet < 3 && watch.Elapsed < limit;)
        {
            var before = _process.TotalProcessorTime;
            await Task.Delay(TimeSpan.FromSeconds(2));
            _process.Refresh();
            quiet = (_process.TotalProcessorTime - before).TotalSeconds < 0.2 ? quiet + 1 : 0;
        }

        return watch.Elapsed;
    }

    /// <summary>
    /// Refuses to start when something already listens on <paramref name="port"/> (a process left over from an earlier
    /// run): the new one would fail to bind, and the old one would be measured in its place.
    /// </summary>
    public static void EnsureFree(int port)
    {
        using var probe = new System.Net.Sockets.TcpClient();
        try
        {
            probe.Connect("127.0.0.1", port);
        }
        catch (System.Net.Sockets.SocketException)
        {
            return;
        }

        throw new InvalidOperationException($"Something already listens on port {port}: stop it first (a host or baseline left from an earlier run?).");
    }

    /// <summary>The peak resident memory (VmHWM) since the start or since <see cref="ResetPeak"/>.</summary>
    public double PeakMegabytes() => StatusMegabytes("VmHWM:");

    /// <summary>Resident memory that is the process's own (heap, stacks), not pages of files it maps.</summary>
    public double AnonymousMegabytes() => StatusMegabytes("RssAnon:");

    /// <summary>
    /// Starts the peak over, so that it measures the load and not the start (migrations and the demo's seeding, which
    /// run in this process before it serves). Linux: writing 5 to clear_refs resets VmHWM to the current RSS.
    /// </summary>
    public void ResetPeak() => File.WriteAllText($"/proc/{_process.Id}/clear_refs", "5");

    private double StatusMegabytes(string field)
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    public void Dispose()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
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
