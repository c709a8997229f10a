using System.Net;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Metrics;
using FinPilot.Web.Tests.Infrastructure;
using static FinPilot.Web.Tests.Metrics.MetricsTestKit;

namespace FinPilot.Web.Tests.Metrics;

/// <summary>The limits are the edge's, the same on both providers: tested on SQLite.</summary>
public sealed class IngestionLimitTests(TightLimitsApps apps) : IClassFixture<TightLimitsApps>
{
    [Fact]
    public async Task Oversize_bodies_and_batches_get_413_problems_and_a_wrong_media_type_415()
    {
        var app = await apps.StartAsync(DatabaseProvider.Sqlite);
        var (projectId, organisationId) = await PilotAsync(app, JinghuaCode);
        var (_, secret) = await ClientAsync(app, organisationId);
        using var machine = Machine(app, secret);
        var source = UniqueSource();

        using var tooBig = await SendRawAsync(machine, projectId, "[" + new string(' ', 5000) + "]", MetricEventReader.BatchMediaType);
        using var tooMany = await SendBatchAsync(machine, projectId, Enumerable.Range(0, 6).Select(i => (object)Event($"m{i}", source: source)));
        app.Clock.Advance(TimeSpan.FromSeconds(10));
        using var plainJson = await SendRawAsync(machine, projectId, "{}", "application/json");

        var big = await tooBig.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        var many = await tooMany.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await plainJson.ReadProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("4096", big.Detail, StringComparison.Ordinal);
        Assert.Contains("5", many.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await SampleCountAsync(app, projectId, source));
    }

    [Fact]
    public async Task A_client_over_its_rate_gets_429_with_retry_after_and_passes_once_it_has_waited()
    {
        var app = await apps.StartAsync(DatabaseProvider.Sqlite);
        var (projectId, organisationId) = await PilotAsync(app, JinghuaCode);
        var (_, secret) = await ClientAsync(app, organisationId);
        var (_, other) = await ClientAsync(app, organisationId);
        using var machine = Machine(app, secret);
        using var neighbour = Machine(app, other);
        var source = UniqueSource();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await SendOneAsync(machine, projectId, Event($"r{i}", source: source));
            statuses.Add(allowed.StatusCode);
        }

        using var limited = await SendOneAsync(machine, projectId, Event("r3", source: source));
        using var neighbourAllowed = await SendOneAsync(neighbour, projectId, Event("n0", source: source));
        var retryAfter = limited.Headers.RetryAfter?.Delta;
        app.Clock.Advance(retryAfter ?? TimeSpan.Zero);
        using var afterWaiting = await SendOneAsync(machine, projectId, Event("r4", source: source));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        await limited.ReadProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal(TimeSpan.FromSeconds(1), retryAfter);
        await neighbourAllowed.AssertStatusAsync(HttpStatusCode.OK);
        await afterWaiting.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(5, await SampleCountAsync(app, projectId, source));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_400_problem()
    {
        var app = await apps.StartAsync(DatabaseProvider.Sqlite);
        var (projectId, organisationId) = await PilotAsync(app, JinghuaCode);
        var (_, secret) = await ClientAsync(app, organisationId);
        using var machine = Machine(app, secret);

        using var garbage = await SendRawAsync(machine, projectId, "{not json", MetricEventReader.StructuredMediaType);
        using var objectAsBatch = await SendRawAsync(machine, projectId, "{}", MetricEventReader.BatchMediaType);

        await garbage.ReadProblemAsync(HttpStatusCode.BadRequest);
        await objectAsBatch.ReadProblemAsync(HttpStatusCode.BadRequest);
    }
}
