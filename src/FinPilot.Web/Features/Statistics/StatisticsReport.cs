using FinPilot.Domain.Statistics;
using FinPilot.Web.Features.Ledger;

namespace FinPilot.Web.Features.Statistics;

/// <summary>The figures of every indicator, when they were computed and the ledger's latest checkpoint at that time.</summary>
public sealed record StatisticsReport(IReadOnlyList<Figure> Figures, DateTimeOffset ComputedAt, LedgerCheckpointRecord? Checkpoint)
{
    public IReadOnlyList<Figure> Of(Indicator indicator) => [.. Figures.Where(f => f.Indicator == indicator.Code)];

    public decimal Total(string indicator) => Figures.Where(f => f.Indicator == indicator).Sum(f => f.Value);

    public decimal Value(string indicator, string key) => Figures.FirstOrDefault(f => f.Indicator == indicator && f.Key == key)?.Value ?? 0;
}

/// <summary>Reads the statistics for the pages and the API.</summary>
public sealed class StatisticsReader(StatisticsQueries queries, LedgerReader ledger, TimeProvider clock)
{
    public async Task<StatisticsReport> ReadAsync(CancellationToken ct = default)
    {
        var checkpoint = await ledger.LatestCheckpointAsync(ct);
        var at = clock.GetUtcNow();
        return new StatisticsReport(await queries.ComputeAsync(at, ct), at, checkpoint);
    }
}
