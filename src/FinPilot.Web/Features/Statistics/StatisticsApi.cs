using FinPilot.Domain.Statistics;
using FinPilot.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FinPilot.Web.Features.Statistics;

/// <summary>
/// <c>/api/v1/statistics</c>: the figures, the indicator catalogue and the open datasets, for
/// anyone, read-only. Texts follow Accept-Language; codes and column names never change.
/// </summary>
public static class StatisticsApi
{
    public sealed record CheckpointDto(long Size, string RootHash, DateTimeOffset SignedAt);

    /// <param name="Key">A region's code, a call's id, a category, a technology code, a stage, or "*" for the total.</param>
    /// <param name="Label">The key's name in the requested language.</param>
    public sealed record FigureDto(string Indicator, int Revision, string Key, string Label, decimal Value);

    /// <param name="Checkpoint">The ledger's latest signed checkpoint when the figures were computed.</param>
    public sealed record StatisticsDto(DateTimeOffset ComputedAt, CheckpointDto? Checkpoint, IReadOnlyList<FigureDto> Figures);

    public sealed record RevisionDto(int Number, DateOnly Effective, string Note);

    public sealed record IndicatorDto(
        string Code, IndicatorBlock Block, string BlockName, IndicatorUnit Unit, string UnitName, StatisticsDimension Dimension, int Revision,
        string Name, string Definition, string Formula, IReadOnlyList<RevisionDto> Revisions)
    {
        public static IndicatorDto From(Indicator i) => new(
            i.Code, i.Block, IndicatorTexts.Of(i.Block), i.Unit, IndicatorTexts.Of(i.Unit), i.Dimension, i.Revision,
            IndicatorTexts.Name(i), IndicatorTexts.Definition(i), IndicatorTexts.Formula(i),
            [.. i.Revisions.Select(r => new RevisionDto(r.Number, r.Effective, IndicatorTexts.Text(r.NoteKey)))]);
    }

    public sealed record FieldDto(string Name, string Type, string Meaning);

    public sealed record SnapshotRowDto(long CheckpointSize, DateTimeOffset AsAt, DateTimeOffset TakenAt, long? LedgerIndex);

    /// <param name="LedgerIndex">The ledger entry of the snapshot's public record; null until the ledger has appended it.</param>
    /// <param name="Content">The public record's payload (canonical JSON): its SHA-256 is the ledger entry's contentSha256.</param>
    public sealed record SnapshotDto(
        long CheckpointSize, string RootHash, DateTimeOffset AsAt, DateTimeOffset TakenAt, long? LedgerIndex, IReadOnlyList<FigureDto> Figures, string Content);

    /// <param name="Downloads">The dataset's addresses, by format (csv, xlsx, json).</param>
    public sealed record DatasetDto(string Name, string Title, IReadOnlyList<FieldDto> Fields, IReadOnlyDictionary<string, string> Downloads);

    public static IEndpointRouteBuilder MapStatisticsApi(this IEndpointRouteBuilder app)
    {
        // Public record, read-only: no sign-in and nothing to change.
        var open = app.MapGroup("/api/v1/statistics").AllowAnonymous().DisableAntiforgery().WithTags("Statistics");
        open.MapGet("/", Figures).WithName("GetStatistics")
            .WithSummary("Every indicator's figures, computed now from public records only, with the ledger's latest checkpoint.");
        open.MapGet("/indicators", Catalogue).WithName("GetIndicators")
            .WithSummary("The indicator catalogue (JR/T 0201 style): code, block, unit, definition, formula and revision history.");
        open.MapGet("/snapshots", Snapshots).WithName("GetStatisticsSnapshots")
            .WithSummary("The statistics snapshots, newest first: each computed at a ledger checkpoint and itself a public record in the ledger.");
        open.MapGet("/snapshots/{checkpoint:long}", Snapshot).WithName("GetStatisticsSnapshot")
            .WithSummary("One snapshot: its figures, the checkpoint, and the ledger index of its public record (whose content is `content`, byte for byte).");
        open.MapGet("/datasets", Datasets).WithName("GetOpenDatasets")
            .WithSummary("The open datasets with their data dictionary (field, type, meaning) and download addresses.");
        open.MapGet("/datasets/{name}.{format}", Download).WithName("DownloadOpenDataset")
            .WithSummary("One open dataset (register, events, notices, calls, statistics) as csv, xlsx or json; published items only.");

        // Staff only: figures from supervision records, which are not public.
        var staff = app.MapApiGroup("/statistics/supervision", "Statistics");
        staff.MapGet("/", (int? regionId, SupervisionAggregates aggregates, CancellationToken ct) => aggregates.ReportAsync(regionId, ct).ToHttp(v => TypedResults.Ok(v)))
            .WithName("GetSupervisionStatistics")
            .WithSummary("Periodic reports on time, alerts by severity and corrections closed on time, per region the caller may see (working group: its own; coordination group, integrity officers, admins: all); 403 to others.");
        app.MapApiGroup("/statistics", "Statistics").MapGet("/supervision.xlsx", async (SupervisionAggregates aggregates, CancellationToken ct) =>
                (await aggregates.ExportAsync(ct)).ToHttp(v => TypedResults.File(v, Files.Spreadsheet.ContentType, "supervision-statistics.xlsx")))
            .WithName("ExportSupervisionStatistics").WithSummary("The same figures as an XLSX workbook.");
        return app;
    }

    public static string DownloadPath(string dataset, OpenDataFormat format) => $"/api/v1/statistics/datasets/{dataset}.{format.ToString().ToLowerInvariant()}";

    private static async Task<Ok<StatisticsDto>> Figures(StatisticsReader reader, StatisticsLabels labels, CancellationToken ct)
    {
        var report = await reader.ReadAsync(ct);
        var label = await labels.ForAsync(report.Figures, ct);
        var checkpoint = report.Checkpoint is { } c ? new CheckpointDto(c.Size, Convert.ToHexStringLower(c.RootHash), c.SignedAt) : null;
        return TypedResults.Ok(new StatisticsDto(report.ComputedAt, checkpoint, [.. report.Figures.Select(f =>
        {
            var indicator = Indicators.Find(f.Indicator)!;
            return new FigureDto(f.Indicator, indicator.Revision, f.Key, label(indicator, f.Key), f.Value);
        })]));
    }

    private static async Task<Ok<Page<SnapshotRowDto>>> Snapshots(int? page, int? pageSize, StatisticsSnapshots snapshots, CancellationToken ct)
    {
        var found = await snapshots.ListAsync(page, pageSize, ct);
        return TypedResults.Ok(new Page<SnapshotRowDto>(
            [.. found.Items.Select(s => new SnapshotRowDto(s.CheckpointSize, s.AsAt, s.TakenAt, s.LedgerIndex))], found.PageNumber, found.PageSize, found.Total));
    }

    private static async Task<Results<Ok<SnapshotDto>, ProblemHttpResult>> Snapshot(long checkpoint, StatisticsSnapshots snapshots, StatisticsLabels labels, CancellationToken ct)
    {
        if (await snapshots.FindAsync(checkpoint, ct) is not { } s)
        {
            return Problems.NotFound();
        }

        var figures = s.Content.Figures.Select(f => new Figure(f.Indicator, f.Key, f.Value)).ToList();
        var label = await labels.ForAsync(figures, ct);
        return TypedResults.Ok(new SnapshotDto(s.CheckpointSize, s.RootHash, s.AsAt, s.TakenAt, s.LedgerIndex, [.. s.Content.Figures.Select(f =>
            new FigureDto(f.Indicator, f.Revision, f.Key, Indicators.Find(f.Indicator) is { } i ? label(i, f.Key) : f.Key, f.Value))], s.CanonicalContent));
    }

    private static Ok<IReadOnlyList<IndicatorDto>> Catalogue() => TypedResults.Ok<IReadOnlyList<IndicatorDto>>([.. Indicators.All.Select(IndicatorDto.From)]);

    private static Ok<IReadOnlyList<DatasetDto>> Datasets() => TypedResults.Ok<IReadOnlyList<DatasetDto>>([.. OpenData.Dictionary.Select(d => new DatasetDto(
        d.Key,
        IndicatorTexts.Text("Dataset_" + d.Key),
        [.. d.Value.Select(f => new FieldDto(f.Name, f.Type, f.Meaning(d.Key)))],
        Enum.GetValues<OpenDataFormat>().ToDictionary(f => f.ToString().ToLowerInvariant(), f => DownloadPath(d.Key, f))))]);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Download(string name, string format, OpenData data, CancellationToken ct)
    {
        if (!OpenData.Exists(name) || !Enum.TryParse<OpenDataFormat>(format, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(format, out _))
        {
            return Problems.NotFound();
        }

        var dataset = await data.ReadAsync(name, ct);
        return TypedResults.File(OpenData.Write(dataset, kind), OpenData.ContentType(kind), $"finpilot-{name}.{format.ToLowerInvariant()}");
    }
}
