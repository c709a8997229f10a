using FinPilot.Domain.Supervision;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Metrics;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static FinPilot.Web.Tests.Metrics.MetricsTestKit;

namespace FinPilot.Web.Tests.Metrics;

public sealed class MetricSeriesTests(MetricsApps apps) : IClassFixture<MetricsApps>
{
    [Theory, AllProviders]
    public async Task A_series_is_in_period_order_within_the_range_with_the_last_received_value_of_a_period(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (projectId, _) = await PilotAsync(app, JinghuaCode);
        var source = UniqueSource();
        await SeedAsync(app, projectId, source, [
            (MetricCodes.Availability, "2025-01", 99.1, 1), (MetricCodes.Availability, "2025-02", 99.2, 2), (MetricCodes.Availability, "2025-03", 99.3, 3),
            (MetricCodes.Availability, "2025-02", 99.9, 4), (MetricCodes.Availability, "2025-04", 99.4, 5), (MetricCodes.Customers, "2025-02", 10, 6)]);

        var series = await ReadAsync(app, s => s.SeriesAsync(projectId, MetricCodes.Availability, new DateOnly(2025, 2, 1), new DateOnly(2025, 3, 31)));

        Assert.Equal([(new DateOnly(2025, 2, 28), 99.9), (new DateOnly(2025, 3, 31), 99.3)], series.Select(p => (p.PeriodEnd, p.Value)));
    }

    [Theory, AllProviders]
    public async Task The_latest_value_of_each_metric_is_read_for_many_projects_at_once(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (jinghua, _) = await PilotAsync(app, JinghuaCode);
        var (yanshan, _) = await PilotAsync(app, YanshanCode);
        var source = UniqueSource();
        await SeedAsync(app, jinghua, source, [(MetricCodes.Customers, "2030-01", 100, 1), (MetricCodes.Customers, "2030-03", 300, 2), (MetricCodes.Customers, "2030-02", 200, 3), (MetricCodes.Transactions, "2030-01", 7, 4)]);
        await SeedAsync(app, yanshan, source, [(MetricCodes.Customers, "2030-05", 50, 5)]);

        var latest = await ReadAsync(app, s => s.LatestAsync([jinghua, yanshan, Guid.NewGuid()], [MetricCodes.Customers]));
        var all = await ReadAsync(app, s => s.LatestAsync([jinghua]));

        Assert.Equal(
            [(jinghua, 300d), (yanshan, 50d)],
            latest.OrderBy(l => l.Value, Comparer<double>.Create((a, b) => b.CompareTo(a))).Select(l => (l.ProjectId, l.Value)));
        Assert.Equal(7, Assert.Single(all, l => l.MetricCode == MetricCodes.Transactions).Value);
        Assert.Equal(300, Assert.Single(all, l => l.MetricCode == MetricCodes.Customers).Value);
    }

    private static async Task<T> ReadAsync<T>(FinPilotApp app, Func<MetricSeries, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<MetricSeries>());
    }

    private static Task SeedAsync(FinPilotApp app, Guid projectId, string source, (string Metric, string Month, double Value, int Order)[] rows) =>
        app.WithDbAsync(async db =>
        {
            foreach (var (metric, month, value, order) in rows)
            {
                var start = DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                var at = app.Clock.GetUtcNow().AddMinutes(order);
                db.MetricSamples.Add(MetricSample.Record(projectId, metric, start, start.AddMonths(1).AddDays(-1), value, at, at, source, $"s{order}", null));
                await db.SaveChangesAsync();
            }

            return 0;
        });
}
