using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using FinPilot.Web.Data;
using FinPilot.Web.Features.ApiTokens;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FinPilot.Supervision.Bench;

// The supervision dashboard of a region with many running pilots (each with a plan of 20 metrics
// and a year of samples of each), served over real HTTP: the HTML page a working group opens and
// the API's page, against baselines measured in the same run — GET /health, and the same dashboard
// of a region that holds only the demo's few pilots. SQLite always; PostgreSQL when a throwaway
// cluster can be started as the tests do. Usage: [--pilots N] [--requests N].
internal static partial class DashboardBenchmark
{
    public static async Task Main(string[] args)
    {
        var pilots = Option("--pilots", 1000);
        var requests = Option("--requests", 30);
        const int Metrics = 20;
        const int Months = 12;

        Console.WriteLine($"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; {pilots:N0} pilots × {Metrics} metrics × {Months} months, {requests} requests each, median server time");
        Console.WriteLine();
        Console.WriteLine("| provider | GET /health (ms) | dashboard page, demo region (ms) | dashboard page, region of " + pilots.ToString("N0", CultureInfo.InvariantCulture) + " pilots (ms) | ratio to demo region | API page of that region (ms) |");
        Console.WriteLine("|---|---|---|---|---|---|");

        var checkout = new DirectoryInfo(AppContext.BaseDirectory);
        while (checkout is not null && !File.Exists(Path.Combine(checkout.FullName, "FinPilot.slnx")))
        {
            checkout = checkout.Parent;
        }

        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_FINPILOT_WEB", Path.Combine(checkout?.FullName ?? ".", "src", "FinPilot.Web"));
        var root = Path.Combine(Path.GetTempPath(), $"finpilot-dashboard-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        try
        {
            await RunAsync(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(root, "bench.db")}", root);
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
                            await using var create = new NpgsqlCommand("CREATE DATABASE finpilot_bench", admin);
                            await create.ExecuteNonQueryAsync();
                        }

                        await RunAsync(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(cluster.AdminConnectionString) { Database = "finpilot_bench" }.ConnectionString, root);
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

        async Task RunAsync(DatabaseProvider provider, string connectionString, string directory)
        {
            var hostDirectory = Path.Combine(directory, provider.ToString());
            Directory.CreateDirectory(hostDirectory);
            await using var host = new DashboardHost(provider, connectionString, hostDirectory);
            host.UseKestrel(0);
            host.StartServer();
            var beijing = await host.RegionAsync("BJ");
            var shanghai = await host.RegionAsync("SH");
            var seeding = Stopwatch.StartNew();
            await host.GrowAsync(beijing, pilots, Metrics, Months);
            Console.Error.WriteLine($"{provider}: {pilots:N0} pilots with plans and {pilots * Metrics * Months:N0} samples written in {seeding.Elapsed.TotalSeconds:N0} s");

            // A national coordination-group member reads every region's dashboard.
            const string Reader = "coordination@" + FinPilot.Web.Features.Demo.DemoData.DemoDomain;
            using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = host.ClientOptions.BaseAddress };
            await SignInAsync(browser, Reader);
            using var api = new HttpClient { BaseAddress = host.ClientOptions.BaseAddress };
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(host, Reader));

            var health = await MedianAsync(browser, "/health", requests);
            var small = await MedianAsync(browser, $"/supervision?region={shanghai}", requests);
            var large = await MedianAsync(browser, $"/supervision?region={beijing}", requests);
            var page = await MedianAsync(api, $"/api/v1/supervision/dashboard?region={beijing}", requests);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {(provider == DatabaseProvider.Sqlite ? "SQLite" : "PostgreSQL")} | {health:N1} | {small:N1} | {large:N1} | {large / small:N2} | {page:N1} |"));
        }

        int Option(string name, int fallback) => args.SkipWhile(a => a != name).Skip(1).Select(int.Parse).FirstOrDefault(fallback);
    }

    /// <summary>The median time of <paramref name="count"/> sequential GETs, after a few unmeasured ones.</summary>
    private static async Task<double> MedianAsync(HttpClient client, string path, int count)
    {
        for (var i = 0; i < 3; i++)
        {
            await GetAsync(client, path);
        }

        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var clock = Stopwatch.StartNew();
            await GetAsync(client, path);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times[count / 2];
    }

    private static async Task GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {body[..Math.Min(300, body.Length)]}");
        }
    }

    /// <summary>Signs in through the real login page (a static SSR form: its hidden fields go back with the credentials).</summary>
    private static async Task SignInAsync(HttpClient client, string email)
    {
        var page = await client.GetStringAsync("/Account/Login");
        var fields = HiddenInput().Matches(page)
            .Select(m => (Name: Attribute().Match(m.Value, m.Value.IndexOf("name=", StringComparison.Ordinal)), Value: ValueAttribute().Match(m.Value)))
            .Where(f => f.Name.Success)
            .ToDictionary(f => f.Name.Groups[1].Value, f => WebUtility.HtmlDecode(f.Value.Success ? f.Value.Groups[1].Value : string.Empty));
        fields["Input.Email"] = email;
        fields["Input.Password"] = DashboardHost.Password;
        using var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(fields));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {email} answered {(int)response.StatusCode}.");
        }
    }

    private static async Task<string> TokenAsync(DashboardHost host, string email)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinPilotDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var (token, secret) = ApiToken.Issue(user.Id, "bench", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync();
        return secret;
    }

    [GeneratedRegex("""<input\b[^>]*\btype="hidden"[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenInput();

    [GeneratedRegex("\\Gname=\"([^\"]*)\"")]
    private static partial Regex Attribute();

    [GeneratedRegex("\\bvalue=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();
}
