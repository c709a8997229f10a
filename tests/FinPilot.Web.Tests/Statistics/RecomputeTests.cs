using System.Text;
using System.Text.Json.Nodes;
using FinPilot.Domain.Statistics;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Statistics;
using FinPilot.Web.Tests.Infrastructure;

namespace FinPilot.Web.Tests.Statistics;

/// <summary>
/// What <c>finpilot stats recompute</c> runs: the published figures against a recompute from the
/// open data, over HTTP only. Altering one published figure on its way to the client is caught.
/// </summary>
public sealed class RecomputeTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task The_recompute_from_open_data_agrees_with_every_published_figure(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        await StatisticsWorld.CreateAsync(app);
        using var anonymous = app.Anonymous();

        var result = await StatisticsRecompute.FromSiteAsync(anonymous, anonymous.BaseAddress!);

        Assert.Empty(result.Differences);
        Assert.True(result.Figures > 0);
        Assert.True(result.Agrees);
    }

    [Theory, AllProviders]
    public async Task An_altered_published_figure_makes_the_recompute_fail_and_names_it(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        await StatisticsWorld.CreateAsync(app);
        using var tampered = app.CreateDefaultClient(new AlterFigure(Indicators.PilotsByRegion, "BJ"));

        var result = await StatisticsRecompute.FromSiteAsync(tampered, tampered.BaseAddress!);

        var difference = Assert.Single(result.Differences);
        Assert.Equal((Indicators.PilotsByRegion, "BJ"), (difference.Indicator, difference.Key));
        Assert.Equal(difference.Recomputed + 1, difference.Published);
        Assert.False(result.Agrees);
    }

    /// <summary>Adds one to one published figure in the statistics answer, as a tampered page or mirror would.</summary>
    private sealed class AlterFigure(string indicator, string key) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (request.RequestUri!.AbsolutePath.TrimEnd('/') != "/api/v1/statistics")
            {
                return response;
            }

            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
            var figure = body["figures"]!.AsArray().Single(f => (string?)f!["indicator"] == indicator && (string?)f!["key"] == key)!;
            figure["value"] = (decimal)figure["value"]! + 1;
            response.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            return response;
        }
    }
}
