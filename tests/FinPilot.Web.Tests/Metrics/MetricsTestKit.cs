using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FinPilot.Domain.Metrics;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Supervision;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Metrics;
using FinPilot.Web.Features.Supervision;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinPilot.Web.Tests.Metrics;

/// <summary>Records what the ingestion tells its listeners.</summary>
public sealed class RecordingListener : IMetricSampleListener
{
    public ConcurrentQueue<(Guid ProjectId, IReadOnlyList<MetricSample> Samples)> Calls { get; } = new();

    public Task SamplesAcceptedAsync(Guid projectId, IReadOnlyList<MetricSample> samples, CancellationToken cancellationToken)
    {
        Calls.Enqueue((projectId, samples));
        return Task.CompletedTask;
    }
}

/// <summary>
/// The demo world with a recording metric listener, one app per provider for a test class.
/// <paramref name="settings"/> are extra host settings (limits).
/// </summary>
public abstract class MetricsAppsBase(PostgresServer postgres, params (string Key, string Value)[] settings) : IAsyncDisposable
{
    private readonly Dictionary<DatabaseProvider, Task<(FinPilotApp App, TestDatabase Database)>> _apps = [];
    private readonly Lock _lock = new();

    public RecordingListener Listener { get; } = new();

    public async Task<FinPilotApp> StartAsync(DatabaseProvider provider)
    {
        Task<(FinPilotApp App, TestDatabase Database)> starting;
        lock (_lock)
        {
            if (!_apps.TryGetValue(provider, out starting!) || starting.IsFaulted)
            {
                _apps[provider] = starting = StartNewAsync(provider);
            }
        }

        return (await starting).App;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var starting in _apps.Values.Where(t => t.IsCompletedSuccessfully))
        {
            await starting.Result.App.DisposeAsync();
            await starting.Result.Database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    private async Task<(FinPilotApp, TestDatabase)> StartNewAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider, postgres);
        var app = new FinPilotApp(database, demoEnabled: true, builder =>
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(services => services.AddSingleton<IMetricSampleListener>(Listener));
        });
        await Task.Run(() => app.Services);
        return (app, database);
    }
}

public sealed class MetricsApps(PostgresServer postgres) : MetricsAppsBase(postgres);

/// <summary>Tight limits, for the tests of the limits alone.</summary>
public sealed class TightLimitsApps(PostgresServer postgres) : MetricsAppsBase(
    postgres, ("Metrics:Ingestion:MaxBodyBytes", "4096"), ("Metrics:Ingestion:MaxEventsPerBatch", "5"),
    ("Metrics:Ingestion:RequestsPerSecond", "1"), ("Metrics:Ingestion:Burst", "3"));

/// <summary>Pilots under supervision with a plan in force, API clients, and CloudEvents to send.</summary>
public static class MetricsTestKit
{
    public const string JinghuaCode = "MA01JHQ20";
    public const string YanshanCode = "MA03YJJ42";
    public static readonly DateOnly WindowStart = new(2022, 1, 1);
    public static readonly DateOnly WindowEnd = new(2031, 12, 31);

    public static readonly SupervisionTerms Terms = new()
    {
        Metrics =
        [
            new MetricDefinition { Code = MetricCodes.Customers, NameZh = "累计服务客户数", NameEn = "Customers", Unit = "户", Kind = MetricKind.Gauge },
            new MetricDefinition { Code = MetricCodes.Transactions, NameZh = "交易笔数", NameEn = "Transactions", Unit = "笔", Kind = MetricKind.Counter },
            new MetricDefinition { Code = MetricCodes.Availability, NameZh = "系统可用率", NameEn = "Availability", Unit = "%", Kind = MetricKind.Gauge },
        ],
        Parameters = new TestParameters { CustomerCap = 5000, StartsOn = WindowStart, EndsOn = WindowEnd, Scope = "测试" },
    };

    /// <summary>The running pilot led by the organisation, with <see cref="Terms"/> in force.</summary>
    public static async Task<(Guid ProjectId, Guid OrganisationId)> PilotAsync(FinPilotApp app, string organisationCode) =>
        await app.WithDbAsync(async db =>
        {
            var organisation = await db.Organisations.SingleAsync(o => o.CreditCode.Contains(organisationCode));
            var project = await db.Projects.FirstAsync(p => p.LeadOrganisationId == organisation.Id && p.Stage == ProjectStage.Running);
            var now = app.Clock.GetUtcNow();
            var plan = await db.SupervisionPlans.SingleOrDefaultAsync(p => p.ProjectId == project.Id);
            if (plan is null)
            {
                plan = SupervisionPlan.Draft(project, Terms, now).ValueOrThrow();
                db.SupervisionPlans.Add(plan);
            }

            // Confirmed again with these terms if another seed gave it others; unchanged terms are refused, which is fine.
            plan.Confirm(Terms, now, "metrics-test");
            await db.SaveChangesAsync();
            return (project.Id, organisation.Id);
        });

    /// <summary>An API client of the organisation made directly, as the administration would.</summary>
    public static async Task<(Guid ClientId, string Secret)> ClientAsync(FinPilotApp app, Guid organisationId, int days = 90) =>
        await app.WithDbAsync(async db =>
        {
            var (client, secret) = ApiClient.Create(organisationId, "测试报送系统", days, app.Clock.GetUtcNow(), "metrics-test").ValueOrThrow();
            db.Add(client);
            await db.SaveChangesAsync();
            return (client.Id, secret);
        });

    public static HttpClient Machine(FinPilotApp app, string secret)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    /// <summary>A CloudEvent of a metric sample, as JSON; <paramref name="change"/> edits it before sending.</summary>
    public static Dictionary<string, object?> Event(string id, string metric = MetricCodes.Customers, object? value = null, string period = "2026-10", string source = "urn:test:core", Action<Dictionary<string, object?>>? change = null)
    {
        var start = DateOnly.ParseExact(period + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var end = start.AddMonths(1).AddDays(-1);
        var data = new Dictionary<string, object?>
        {
            ["metric"] = metric,
            ["value"] = value ?? 1200,
            ["periodStart"] = start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["periodEnd"] = end.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
        var e = new Dictionary<string, object?>
        {
            ["specversion"] = "1.0",
            ["id"] = id,
            ["source"] = source,
            ["type"] = MetricEventRules.EventType,
            ["time"] = "2026-11-01T02:00:00Z",
            ["datacontenttype"] = "application/json",
            ["dataschema"] = MetricEventRules.DataSchema,
            ["data"] = data,
        };
        change?.Invoke(e);
        return e;
    }

    public static Task<HttpResponseMessage> SendBatchAsync(HttpClient client, Guid projectId, IEnumerable<object> events) =>
        SendRawAsync(client, projectId, JsonSerializer.Serialize(events), MetricEventReader.BatchMediaType);

    public static Task<HttpResponseMessage> SendOneAsync(HttpClient client, Guid projectId, object e) =>
        SendRawAsync(client, projectId, JsonSerializer.Serialize(e), MetricEventReader.StructuredMediaType);

    public static Task<HttpResponseMessage> SendRawAsync(HttpClient client, Guid projectId, string body, string mediaType)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType) { CharSet = "utf-8" };
        return client.PostAsync($"/api/v1/supervision/projects/{projectId}/metrics", content);
    }

    public static Task<int> SampleCountAsync(FinPilotApp app, Guid projectId, string source) =>
        app.WithDbAsync(db => db.MetricSamples.CountAsync(s => s.ProjectId == projectId && s.Source == source));

    public static string UniqueSource() => $"urn:test:{Guid.NewGuid():N}";
}
