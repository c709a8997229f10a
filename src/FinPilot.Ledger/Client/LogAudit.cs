using FinPilot.Ledger.Checkpoints;
using FinPilot.Ledger.Merkle;

namespace FinPilot.Ledger.Client;

/// <summary>What a <see cref="LogAuditor"/> run established about a served log.</summary>
/// <param name="Checkpoint">The log's current checkpoint, opened with the trusted key.</param>
/// <param name="CheckpointNote">That checkpoint as served, to keep as the next run's trusted starting point.</param>
/// <param name="EntriesChecked">Entries downloaded and hashed into the root; 0 for a consistency check.</param>
/// <param name="ConsistentFromSize">For a consistency check, the size of the earlier trusted checkpoint
/// the log was shown to extend; null for a full check.</param>
/// <param name="BytesFetched">Bytes downloaded (checkpoint, tiles and entry bundles).</param>
public sealed record LogAudit(
    SignedCheckpoint Checkpoint, string CheckpointNote, long EntriesChecked, long? ConsistentFromSize, long BytesFetched)
{
    public long TreeSize => Checkpoint.Checkpoint.Size;

    public MerkleHash RootHash => Checkpoint.Checkpoint.RootHash;
}
