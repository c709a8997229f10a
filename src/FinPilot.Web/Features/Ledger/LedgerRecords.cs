namespace FinPilot.Web.Features.Ledger;

/// <summary>One stored hash of the log's tree, at its <see cref="FinPilot.Ledger.Storage.StoredHashIndex"/>; never changed.</summary>
public sealed class LedgerHashRecord
{
    public long Id { get; set; }

    public byte[] Hash { get; set; } = [];
}

/// <summary>
/// The one row that says how many leaves the log holds. Appends move it with a compare-and-set in
/// the same transaction as their hashes and entries, so a crashed or racing append leaves no trace.
/// </summary>
public sealed class LedgerTreeState
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public long Size { get; set; }
}

/// <summary>A logged entry: the exact bytes hashed as leaf <see cref="Index"/>, and the public record they describe.</summary>
public sealed class LedgerEntryRecord
{
    public long Index { get; set; }

    public long RecordSequence { get; set; }

    public byte[] Entry { get; set; } = [];

    /// <summary>Copied out of <see cref="Entry"/> so that a record can be found by its content (<c>ledger prove</c>).</summary>
    public string ContentSha256 { get; set; } = string.Empty;
}

/// <summary>A signed checkpoint as published.</summary>
public sealed class LedgerCheckpointRecord
{
    public long Id { get; set; }

    public long Size { get; set; }

    public byte[] RootHash { get; set; } = [];

    /// <summary>The signed note, verbatim: the log's signature first, then witnesses' cosignatures.</summary>
    public string Note { get; set; } = string.Empty;

    public DateTimeOffset SignedAt { get; set; }

    /// <summary>How many witnesses have cosigned <see cref="Note"/>; witnessing is wired in a later change.</summary>
    public int Cosignatures { get; set; }
}
