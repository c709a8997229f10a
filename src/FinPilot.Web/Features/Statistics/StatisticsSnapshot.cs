using FinPilot.Domain.Statistics;

namespace FinPilot.Web.Features.Statistics;

/// <summary>
/// A statistics snapshot (统计快照): every figure computed at one ledger checkpoint from the public
/// records logged up to it, kept as the canonical JSON that is also its public record's payload, so the
/// ledger holds its SHA-256 and anyone can recompute it (<c>finpilot stats recompute --checkpoint</c>).
/// </summary>
public sealed class StatisticsSnapshotRecord
{
    /// <summary>The public record kind of a snapshot; its subject is the checkpoint's size.</summary>
    public const string RecordKind = "Statistics.Snapshot";

    /// <summary>The checkpoint's tree size: one snapshot per checkpoint.</summary>
    public long CheckpointSize { get; set; }

    /// <summary>The checkpoint's root hash, lower-case hex.</summary>
    public string RootHash { get; set; } = string.Empty;

    /// <summary>When the checkpoint was signed: the instant the figures are computed as at (which calls were open).</summary>
    public DateTimeOffset AsAt { get; set; }

    public DateTimeOffset TakenAt { get; set; }

    /// <summary>The snapshot as canonical JSON (<see cref="SnapshotContent"/>): the public record's payload, byte for byte.</summary>
    public string Content { get; set; } = "{}";

    public static string Link(long checkpointSize) => $"/statistics/snapshots/{checkpointSize}";
}

/// <summary>What a snapshot publishes: the checkpoint it was computed at, and every figure with its indicator's revision.</summary>
public sealed record SnapshotContent(SnapshotCheckpoint Checkpoint, DateTimeOffset AsAt, IReadOnlyList<SnapshotFigure> Figures)
{
    public static SnapshotContent Of(long size, string rootHash, DateTimeOffset asAt, IEnumerable<Figure> figures) => new(
        new SnapshotCheckpoint(size, rootHash), asAt,
        [.. figures.Select(f => new SnapshotFigure(f.Indicator, Indicators.Find(f.Indicator)?.Revision ?? 1, f.Key, f.Value))]);
}

public sealed record SnapshotCheckpoint(long Size, string RootHash);

public sealed record SnapshotFigure(string Indicator, int Revision, string Key, decimal Value);

/// <summary>Settings of the statistics module (<c>Statistics:</c> in configuration).</summary>
public sealed class StatisticsOptions
{
    public const string Section = "Statistics";

    /// <summary>Hours between two snapshots (default 24); a snapshot is taken only when the ledger has a newer checkpoint.</summary>
    public int SnapshotIntervalHours { get; set; } = 24;

    /// <summary>Whether the snapshot job takes snapshots at all (default true).</summary>
    public bool Snapshots { get; set; } = true;

    public bool IsValid => SnapshotIntervalHours is >= 1 and <= 24 * 31;
}
