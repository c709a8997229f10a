namespace FinPilot.Web.Features.Ledger.Witnessing;

/// <summary>This node as a witness: the latest checkpoint it cosigned for a log it follows.</summary>
public sealed class WitnessedLogRecord
{
    public string Origin { get; set; } = string.Empty;

    public long Size { get; set; }

    public byte[] RootHash { get; set; } = [];

    /// <summary>The checkpoint with the log's signature and this witness's cosignature.</summary>
    public string CosignedNote { get; set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// A checkpoint this witness refused although the log had signed it: signed evidence of a log
/// presenting a bad proof or a forked tree. Requests the log did not sign are only logged, so that
/// nobody can fill this table anonymously.
/// </summary>
public sealed class WitnessRefusalRecord
{
    public const int MaxReasonLength = 2000;

    public long Id { get; set; }

    public string Origin { get; set; } = string.Empty;

    public DateTimeOffset At { get; set; }

    /// <summary>A <see cref="FinPilot.Ledger.Witness.RefusalKind"/> name.</summary>
    public string Kind { get; set; } = string.Empty;

    public string Reason { get; set; } = string.Empty;

    /// <summary>The size the log claimed this witness had cosigned.</summary>
    public long OldSize { get; set; }

    public long Size { get; set; }

    /// <summary>The checkpoint as the log signed it, verbatim.</summary>
    public string CheckpointNote { get; set; } = string.Empty;
}

/// <summary>This log's view of one of its witnesses: what it last cosigned, and when to try it again.</summary>
public sealed class LedgerWitnessRecord
{
    public const int MaxErrorLength = 500;

    /// <summary>The witness's key name.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The size the witness last cosigned, as it told us (a cosignature or a 409).</summary>
    public long Size { get; set; }

    public DateTimeOffset? CosignedAt { get; set; }

    public int Failures { get; set; }

    public DateTimeOffset? NextAttemptAt { get; set; }

    public string? LastError { get; set; }
}
