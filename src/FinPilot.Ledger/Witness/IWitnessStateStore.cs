using FinPilot.Ledger.Merkle;

namespace FinPilot.Ledger.Witness;

/// <summary>
/// What a witness remembers per log origin: the latest checkpoint it cosigned. The platform
/// implements this over its database; <see cref="InMemoryWitnessStateStore"/> serves tests.
/// </summary>
public interface IWitnessStateStore
{
    /// <summary>The latest cosigned checkpoint for <paramref name="origin"/>, or null if none was
    /// ever cosigned (the protocol then treats the witness's size as 0).</summary>
    ValueTask<WitnessedCheckpoint?> GetAsync(string origin, CancellationToken cancellationToken = default);

    /// <summary>
    /// Atomically stores <paramref name="next"/> for <paramref name="origin"/>, but only if the
    /// stored size is still <paramref name="expectedSize"/> (0 meaning nothing is stored yet), and
    /// says whether it did. Without this check two racing requests could roll the witness back
    /// (c2sp.org/tlog-witness spells out the race). Comparing sizes is enough: the witness never
    /// stores a second root for a size it holds, so an unchanged size means an unchanged root.
    /// </summary>
    ValueTask<bool> TryAdvanceAsync(
        string origin, long expectedSize, WitnessedCheckpoint next, CancellationToken cancellationToken = default);
}

/// <summary>
/// A cosigned tree head. <paramref name="CosignedNote"/> is the checkpoint with the log signatures
/// the witness verified and its own cosignature: what it serves to monitors at
/// <c>GET &lt;origin hash&gt;/checkpoint</c>, and the witness's half of the evidence if the log forks.
/// </summary>
public sealed record WitnessedCheckpoint(long Size, MerkleHash RootHash, string CosignedNote);
