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

        // The same run on a second database whose host evaluates no risk rule: what the rules add.
        async Task CompareAsync(DatabaseProvider provider, string connectionString, string withoutRules, string directory)
        {
            var (ingestion, baseline, duplicates, median) = await RunAsync(provider, connectionString, directory, rules: true);
            var (bare, _, _, _) = await RunAsync(provider, withoutRules, directory, rules: false);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {(provider == DatabaseProvider.Sqlite ? "SQLite" : "PostgreSQL")} | {ingestion:N0} | {baseline:N0} | {ingestion / baseline:N2} | {duplicates:N0} | {median:N1} | {bare:N0} | {((bare / ingestion) - 1) * 100:N1} % |"));
        }

        async Task<(double Ingestion, double Baseline, double Duplicates, double Median)> RunAsync(DatabaseProvider provider, string connectionString, string directory, bool rules)
        {
            var hostDirectory = Path.Combine(directory, $"{provider}-{(rules ? "rules" : "bare")}");
            Directory.CreateDirectory(hostDirectory);
            await using var host = new IngestionHost(provider, connectionString, hostDirectory, rules);
            host.UseKestrel(0);
            host.StartServer();
            var (projectId, secret, metrics) = await host.PrepareAsync();

            using var http = new HttpClient { BaseAddress = host.ClientOptions.BaseAddress };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            var path = $"/api/v1/supervision/projects/{projectId}/metrics";
            var bodies = Enumerable.Range(0, WarmUp + batches).Select(b => Batch("urn:bench:ingestion", b, metrics)).ToList();

            foreach (var body in bodies.Take(WarmUp))
            {
                await SendAsync(http, path, body, BatchSize);
            }

            var perBatch = new List<double>();
            var clock = Stopwatch.StartNew();
            foreach (var body in bodies.Skip(WarmUp))
            {
                var one = Stopwatch.StartNew();
                await SendAsync(http, path, body, BatchSize);
                perBatch.Add(one.Elapsed.TotalMilliseconds);
            }

            var ingestion = batches * BatchSize / clock.Elapsed.TotalSeconds;

            clock.Restart();
            foreach (var body in bodies.Skip(WarmUp))
            {
                await SendAsync(http, path, body, 0);
            }

            var duplicates = batches * BatchSize / clock.Elapsed.TotalSeconds;

            // The baseline: the same rows through EF Core's change tracker, one SaveChanges per batch.
            await InsertWithEfAsync(host, projectId, "urn:bench:warm-up", WarmUp, metrics);
            clock.Restart();
            await InsertWithEfAsync(host, projectId, "urn:bench:baseline", batches, metrics);
            var baseline = batches * BatchSize / clock.Elapsed.TotalSeconds;

            perBatch.Sort();
            return (ingestion, baseline, duplicates, perBatch[perBatch.Count / 2]);
        }

        static async Task SendAsync(HttpClient http, string path, string body, int expectAccepted)
        {
            using var content = new StringContent(body, Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/cloudevents-batch+json") { CharSet = "utf-8" };
            using var response = await http.PostAsync(path, content);
            response.EnsureSuccessStatusCode();
            var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
            var accepted = answer.GetProperty("accepted").GetInt32();
            if (accepted != expectAccepted)
            {
                throw new InvalidOperationException($"Expected {expectAccepted} accepted, got {accepted}: {answer.GetRawText()[..Math.Min(500, answer.GetRawText().Length)]}");
            }
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
