using System.Net.Http.Json;
using System.Text.Json;
using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Statistics;

namespace FinPilot.Web.Features.Statistics;

/// <summary>A figure the site published and the one recomputed from its open data, when they differ (null: absent on that side).</summary>
public sealed record FigureDifference(string Indicator, string Key, decimal? Published, decimal? Recomputed);

/// <param name="CheckpointSize">The ledger checkpoint the site names with its figures, if any.</param>
public sealed record RecomputeResult(DateTimeOffset ComputedAt, long? CheckpointSize, int Figures, IReadOnlyList<FigureDifference> Differences)
{
    public bool Agrees => Differences.Count == 0;
}

/// <summary>
/// What <c>finpilot stats recompute</c> does, with nothing but HTTP: reads a site's published figures
/// (<c>/api/v1/statistics</c>) and its open data (register, events, calls as JSON), recomputes every
/// figure with <see cref="StatisticsFormulas"/> as at the figures' own instant, and names each that differs.
/// </summary>
public static class StatisticsRecompute
{
    public static async Task<RecomputeResult> FromSiteAsync(HttpClient http, Uri site, CancellationToken ct = default)
    {
        var published = await http.GetFromJsonAsync<StatisticsApi.StatisticsDto>(new Uri(site, "api/v1/statistics"), ct)
            ?? throw new InvalidDataException("The site answered no statistics.");
        using var register = await DatasetAsync(http, site, OpenData.Register, ct);
        using var events = await DatasetAsync(http, site, OpenData.Events, ct);
        using var calls = await DatasetAsync(http, site, OpenData.Calls, ct);
        var recomputed = Recompute(register, events, calls, published.ComputedAt);
        var differences = StatisticsFormulas.Differences(published.Figures.Select(f => new Figure(f.Indicator, f.Key, f.Value)), recomputed)
            .Select(d => new FigureDifference(d.Indicator, d.Key, d.Expected, d.Actual)).ToList();
        return new RecomputeResult(published.ComputedAt, published.Checkpoint?.Size, published.Figures.Count, differences);
    }

    /// <summary>Every figure from the open data's register, events and calls (their JSON form), as at <paramref name="at"/>.</summary>
    public static IReadOnlyList<Figure> Recompute(JsonDocument register, JsonDocument events, JsonDocument calls, DateTimeOffset at)
    {
        var timeline = Rows(events).ToLookup(
            e => e.GetProperty("project_id").GetGuid(),
            e => new PublicEventFact(Enum.TryParse<PublicEventKind>(e.GetProperty("kind").GetString(), out var kind) ? kind : 0, e.GetProperty("at").GetDateTimeOffset()));
        var callRows = Rows(calls).Select(c => new PublicCallFact(
            c.GetProperty("call_id").GetGuid(), c.GetProperty("region_code").GetString()!, c.GetProperty("opens_at").GetDateTimeOffset(),
            c.GetProperty("closes_at").GetDateTimeOffset(), c.GetProperty("status").GetString() != "Published")).ToList();
        var closes = callRows.ToDictionary(c => c.CallId, c => c.ClosesAt);
        var pilots = Rows(register).Select(p =>
        {
            var id = p.GetProperty("project_id").GetGuid();
            var call = p.GetProperty("call_id").GetGuid();
            return new PublicPilotFact(
                id, p.GetProperty("region_code").GetString()!, call, closes[call], Enum.Parse<ProjectCategory>(p.GetProperty("category").GetString()!),
                (p.GetProperty("technologies").GetString() ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries), p.GetProperty("lead_id").GetString()!,
                [.. timeline[id]]);
        }).ToList();
        return StatisticsFormulas.Compute(pilots, callRows, at);
    }

    private static IEnumerable<JsonElement> Rows(JsonDocument dataset) => dataset.RootElement.GetProperty("rows").EnumerateArray();

    private static async Task<JsonDocument> DatasetAsync(HttpClient http, Uri site, string name, CancellationToken ct)
    {
        using var response = await http.GetAsync(new Uri(site, StatisticsApi.DownloadPath(name, OpenDataFormat.Json).TrimStart('/')), ct);
        response.EnsureSuccessStatusCode();
        return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
    }
}
