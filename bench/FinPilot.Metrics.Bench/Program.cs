using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FinPilot.Domain.Metrics;
using FinPilot.Domain.Supervision;
using FinPilot.Web.Data;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FinPilot.Metrics.Bench;

// Metric ingestion over real HTTP (Kestrel on a port, the client over TCP) in batches of 1,000
// CloudEvents, validated and idempotent, against a baseline measured in the same run: plain EF Core
// inserts of the same rows (AddRange + SaveChanges per 1,000, a new context each). Then the same
// batches again, all duplicates; and the whole run again on a host that evaluates no risk rule.
// SQLite always; PostgreSQL when a throwaway cluster can be started as the tests do.
// Usage: [--batches N] (default 20 measured batches, after 3 for warming up).
internal static class IngestionBenchmark
{
    public static async Task Main(string[] args)
    {
        const int BatchSize = 1000;
        const int WarmUp = 3;
        var batches = args.SkipWhile(a => a != "--batches").Skip(1).Select(int.Parse).FirstOrDefault(20);

        Console.WriteLine($"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; {batches} batches of {BatchSize:N0} events");
        Console.WriteLine();
        Console.WriteLine("| provider | ingestion over HTTP (events/s) | EF inserts baseline (events/s) | ratio | resubmitted, all duplicates (events/s) | ms per batch (median) | without risk rules (events/s) | the rules' cost |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");

        // The host's content root is the web project of this checkout, found from the build output.
        var checkout = new DirectoryInfo(AppContext.BaseDirectory);
        while (checkout is not null && !File.Exists(Path.Combine(checkout.FullName, "FinPilot.slnx")))
        {
            checkout = checkout.Parent;
        }

        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_FINPILOT_WEB", Path.Combine(checkout?.FullName ?? ".", "src", "FinPilot.Web"));
        var root = Path.Combine(Path.GetTempPath(), $"finpilot-metrics-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        try
        {
            await CompareAsync(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(root, "bench.db")}", $"Data Source={Path.Combine(root, "bench-without-rules.db")}", root);
            if (ThrowawayPostgresCluster.FindBinaries() is { } bin)
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
                            await using var create = new NpgsqlCommand("CREATE DATABASE finpilot_bench; CREATE DATABASE finpilot_bench_without_rules", admin);
                            await create.ExecuteNonQueryAsync();
                        }

                        string Database(string name) => new NpgsqlConnectionStringBuilder(cluster.AdminConnectionString) { Database = name }.ConnectionString;
                        await CompareAsync(DatabaseProvider.Postgres, Database("finpilot_bench"), Database("finpilot_bench_without_rules"), root);
                        NpgsqlConnection.ClearAllPools();
                    }
                }
            }
            else
            {
                Console.WriteLine("| PostgreSQL | not measured: no PostgreSQL binaries on this machine |");
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }

        // Two hosts on two databases, one of them evaluating no risk rule, fed the same batches in
        // turn (which goes first alternates), so that warming up and the machine's load fall on both
        // alike: the difference is what the rules add.
        async Task CompareAsync(DatabaseProvider provider, string connectionString, string withoutRules, string directory)
        {
            await using var host = await StartAsync(provider, connectionString, directory, rules: true);
            await using var bare = await StartAsync(provider, withoutRules, directory, rules: false);
            var (projectId, metrics) = (host.ProjectId, host.Metrics);
            var bodies = Enumerable.Range(0, WarmUp + batches).Select(b => Batch("urn:bench:ingestion", b, metrics)).ToList();
            foreach (var body in bodies.Take(WarmUp))
            {
                await host.SendAsync(body, BatchSize);
                await bare.SendAsync(body, BatchSize);
            }

            var perBatch = new List<double>();
            var (withRules, withoutThem) = (TimeSpan.Zero, TimeSpan.Zero);
            foreach (var (body, i) in bodies.Skip(WarmUp).Select((b, i) => (b, i)))
            {
                foreach (var one in i % 2 == 0 ? new[] { host, bare } : [bare, host])
                {
                    var clock = Stopwatch.StartNew();
                    await one.SendAsync(body, BatchSize);
                    if (one == host)
                    {
                        withRules += clock.Elapsed;
                        perBatch.Add(clock.Elapsed.TotalMilliseconds);
                    }
                    else
                    {
                        withoutThem += clock.Elapsed;
                    }
                }
            }

            var ingestion = batches * BatchSize / withRules.TotalSeconds;
            var bareRate = batches * BatchSize / withoutThem.TotalSeconds;

            var watch = Stopwatch.StartNew();
            foreach (var body in bodies.Skip(WarmUp))
            {
                await host.SendAsync(body, 0);
            }

            var duplicates = batches * BatchSize / watch.Elapsed.TotalSeconds;

            // The baseline: the same rows through EF Core's change tracker, one SaveChanges per batch.
            await InsertWithEfAsync(host.Host, projectId, "urn:bench:warm-up", WarmUp, metrics);
            watch.Restart();
            await InsertWithEfAsync(host.Host, projectId, "urn:bench:baseline", batches, metrics);
            var baseline = batches * BatchSize / watch.Elapsed.TotalSeconds;

            perBatch.Sort();
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {(provider == DatabaseProvider.Sqlite ? "SQLite" : "PostgreSQL")} | {ingestion:N0} | {baseline:N0} | {ingestion / baseline:N2} | {duplicates:N0} | {perBatch[perBatch.Count / 2]:N1} | {bareRate:N0} | {((withRules / withoutThem) - 1) * 100:N1} % |"));
        }

        static async Task<Sender> StartAsync(DatabaseProvider provider, string connectionString, string directory, bool rules)
        {
            var hostDirectory = Path.Combine(directory, $"{provider}-{(rules ? "rules" : "bare")}");
            Directory.CreateDirectory(hostDirectory);
            var host = new IngestionHost(provider, connectionString, hostDirectory, rules);
            host.UseKestrel(0);
            host.StartServer();
            var (projectId, secret, metrics) = await host.PrepareAsync();
            var http = new HttpClient { BaseAddress = host.ClientOptions.BaseAddress };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            return new Sender(host, http, projectId, metrics);
        }

        static string Batch(string source, int batch, IReadOnlyList<string> metrics)
        {
            var events = Enumerable.Range(0, BatchSize).Select(i =>
            {
                var (metric, start) = Sample(batch, i, metrics);
                return new Dictionary<string, object>
                {
                    ["specversion"] = "1.0",
                    ["id"] = $"b{batch}-e{i}",
                    ["source"] = source,
                    ["type"] = MetricEventRules.EventType,
                    ["time"] = "2025-01-01T00:00:00Z",
                    ["dataschema"] = MetricEventRules.DataSchema,
                    ["datacontenttype"] = "application/json",
                    ["data"] = new Dictionary<string, object>
                    {
                        ["metric"] = metric,
                        ["value"] = (batch * BatchSize) + i,
                        ["periodStart"] = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        ["periodEnd"] = start.AddMonths(1).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    },
                };
            });
            return JsonSerializer.Serialize(events);
        }

        static (string Metric, DateOnly Start) Sample(int batch, int i, IReadOnlyList<string> metrics) =>
            (metrics[i % metrics.Count], new DateOnly(2000, 1, 1).AddMonths(((batch * BatchSize) + i) / metrics.Count % 300));

        static async Task InsertWithEfAsync(IngestionHost host, Guid projectId, string source, int count, IReadOnlyList<string> metrics)
        {
            var now = DateTimeOffset.UtcNow;
            for (var batch = 0; batch < count; batch++)
            {
                await using var scope = host.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<FinPilotDbContext>();
                db.MetricSamples.AddRange(Enumerable.Range(0, BatchSize).Select(i =>
                {
                    var (metric, start) = Sample(batch, i, metrics);
                    return MetricSample.Record(projectId, metric, start, start.AddMonths(1).AddDays(-1), (batch * BatchSize) + i, new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), now, source, $"b{batch}-e{i}", null);
                }));
                await db.SaveChangesAsync();
            }
        }
    }
}

/// <summary>A host, its client with an API client's credential, and the pilot it reports on.</summary>
internal sealed class Sender(IngestionHost host, HttpClient http, Guid projectId, IReadOnlyList<string> metrics) : IAsyncDisposable
{
    public IngestionHost Host => host;

    public Guid ProjectId => projectId;

    public IReadOnlyList<string> Metrics => metrics;

    public async Task SendAsync(string body, int expectAccepted)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/cloudevents-batch+json") { CharSet = "utf-8" };
        using var response = await http.PostAsync($"/api/v1/supervision/projects/{projectId}/metrics", content);
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        var accepted = answer.GetProperty("accepted").GetInt32();
        if (accepted != expectAccepted)
        {
            throw new InvalidOperationException($"Expected {expectAccepted} accepted, got {accepted}: {answer.GetRawText()[..Math.Min(500, answer.GetRawText().Length)]}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await host.DisposeAsync();
    }
}
