namespace FinPilot.Web.Features.Ledger;

/// <summary>As a witness: the latest checkpoint this node cosigned for another region's log.</summary>
public sealed class WitnessedLog
{
    public string Origin { get; set; } = string.Empty;

    public long Size { get; set; }

    public byte[] RootHash { get; set; } = [];

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// As a witness: a checkpoint this node refused to cosign, kept because a log presenting an
/// inconsistent checkpoint is evidence that it showed different histories to different people.
/// </summary>
public sealed class WitnessRefusal
{
    public const int MaxReasonLength = 500;
    public const int MaxNoteLength = 16_000;

    public long Id { get; set; }

    public string Origin { get; set; } = string.Empty;

    public DateTimeOffset At { get; set; }

    public string Reason { get; set; } = string.Empty;

    public long? OldSize { get; set; }

    public long? Size { get; set; }

    /// <summary>The checkpoint as presented, verbatim (cut to <see cref="MaxNoteLength"/>).</summary>
    public string Note { get; set; } = string.Empty;
}
