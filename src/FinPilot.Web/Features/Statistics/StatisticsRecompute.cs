using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Statistics;

namespace FinPilot.Web.Features.Statistics;

/// <summary>A figure the site published and the one recomputed from its open data, when they differ (null: absent on that side).</summary>
public sealed record FigureDifference(string Indicator, string Key, decimal? Published, decimal? Recomputed);

/// <param name="CheckpointSize">The ledger checkpoint the site names with its figures, if any.</param>
/// <param name="LedgerProblem">For a snapshot: why its figures are not those the ledger holds (not logged, or a different SHA-256); null when they are.</param>
public sealed record RecomputeResult(DateTimeOffset ComputedAt, long? CheckpointSize, int Figures, IReadOnlyList<FigureDifference> Differences, string? LedgerProblem = null)
{
    public bool Agrees => Differences.Count == 0 && LedgerProblem is null;
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

    /// <summary>
    /// A snapshot (<c>/api/v1/statistics/snapshots/{checkpoint}</c>) against a recompute from the open data,
    /// counting only the events logged within the checkpoint's first entries; first checks that the snapshot's
    /// content is the public record the ledger logged (its SHA-256 is the entry's contentSha256).
    /// </summary>
    public static async Task<RecomputeResult> FromSnapshotAsync(HttpClient http, Uri site, long checkpoint, CancellationToken ct = default)
    {
        using var answer = await http.GetAsync(new Uri(site, $"api/v1/statistics/snapshots/{checkpoint.ToString(CultureInfo.InvariantCulture)}"), ct);
        if (answer.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            throw new InvalidDataException($"The site has no statistics snapshot at checkpoint {checkpoint}.");
        }

        answer.EnsureSuccessStatusCode();
        var snapshot = await answer.Content.ReadFromJsonAsync<StatisticsApi.SnapshotDto>(ct) ?? throw new InvalidDataException("The site answered no snapshot.");
        var problem = await LedgerProblemAsync(http, site, snapshot, ct);
        var content = JsonSerializer.Deserialize<SnapshotContent>(snapshot.Content, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidDataException("The snapshot has no content.");
        using var register = await DatasetAsync(http, site, OpenData.Register, ct);
        using var events = await DatasetAsync(http, site, OpenData.Events, ct);
        using var calls = await DatasetAsync(http, site, OpenData.Calls, ct);
        // A snapshot taken before an indicator existed does not publish it: compare what it publishes.
        var published = content.Figures.Select(f => f.Indicator).ToHashSet(StringComparer.Ordinal);
        var recomputed = Recompute(register, events, calls, content.AsAt, content.Checkpoint.Size).Where(f => published.Contains(f.Indicator));
        var differences = StatisticsFormulas.Differences(content.Figures.Select(f => new Figure(f.Indicator, f.Key, f.Value)), recomputed)
            .Select(d => new FigureDifference(d.Indicator, d.Key, d.Expected, d.Actual)).ToList();
        return new RecomputeResult(content.AsAt, content.Checkpoint.Size, content.Figures.Count, differences, problem);
    }

    private static async Task<string?> LedgerProblemAsync(HttpClient http, Uri site, StatisticsApi.SnapshotDto snapshot, CancellationToken ct)
    {
        if (snapshot.LedgerIndex is not { } index)
        {
            return "The snapshot is not in the ledger yet.";
        }

        var entry = await http.GetFromJsonAsync<JsonElement>(new Uri(site, $"api/v1/ledger/entries/{index.ToString(CultureInfo.InvariantCulture)}"), ct);
        var logged = entry.GetProperty("entry").GetProperty("contentSha256").GetString();
        var held = LedgerEntry.ContentHashOf(snapshot.Content);
        return string.Equals(logged, held, StringComparison.Ordinal)
            ? null
            : $"The snapshot's content (SHA-256 {held}) is not the record logged at ledger entry {index} (SHA-256 {logged}).";
    }

    /// <summary>Every figure from the open data's register, events and calls (their JSON form), as at <paramref name="at"/>.</summary>
    /// <param name="ledgerSize">When given, only the events whose record is among the ledger's first entries of this many count.</param>
    public static IReadOnlyList<Figure> Recompute(JsonDocument register, JsonDocument events, JsonDocument calls, DateTimeOffset at, long? ledgerSize = null)
    {
        var timeline = Rows(events).Where(e => ledgerSize is not { } size || (e.TryGetProperty("ledger_index", out var i) && i.ValueKind == JsonValueKind.Number && i.GetInt64() < size)).ToLookup(
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
                [.. timeline[id]])
            {
                Tier = Text(p, "tier"),
                Scenarios = (Text(p, "scenarios") ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries),
                LeadType = Text(p, "lead_type"),
            };
        }).ToList();
        return StatisticsFormulas.Compute(pilots, callRows, at);
    }

    private static string? Text(JsonElement row, string field) =>
        row.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IEnumerable<JsonElement> Rows(JsonDocument dataset) => dataset.RootElement.GetProperty("rows").EnumerateArray();

    private static async Task<JsonDocument> DatasetAsync(HttpClient http, Uri site, string name, CancellationToken ct)
    {
        using var response = await http.GetAsync(new Uri(site, StatisticsApi.DownloadPath(name, OpenDataFormat.Json).TrimStart('/')), ct);
        response.EnsureSuccessStatusCode();
        return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
    }
}
