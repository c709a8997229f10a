using System.Text;
using FinPilot.Ledger.Checkpoints;
using FinPilot.Ledger.Merkle;
using FinPilot.Ledger.Notes;
using static FinPilot.Ledger.Witness.WitnessOutcome;

namespace FinPilot.Ledger.Witness;

/// <summary>
/// The decision half of a c2sp.org/tlog-witness witness: cosigns a log's checkpoint only if it is
/// signed by that log and extends, append-only, the last checkpoint this witness cosigned for it.
/// Never cosigning two inconsistent checkpoints is what makes a split view detectable. Holds no
/// state of its own, so it is cheap to build per request from the current configuration.
/// </summary>
public sealed class CheckpointWitness
{
    private readonly INoteSigner _cosigner;
    private readonly Dictionary<string, NoteVerifierSet> _logs;
    private readonly IWitnessStateStore _state;

    /// <param name="cosigner">The witness key; must make cosignatures (cosignature/v1), since a
    /// plain signature would not state that the witness checked consistency.</param>
    /// <param name="logs">The logs this witness follows: origin → the log's trusted keys.</param>
    /// <param name="state">Where the last cosigned checkpoint per origin is kept.</param>
    public CheckpointWitness(INoteSigner cosigner, IReadOnlyDictionary<string, NoteVerifierSet> logs, IWitnessStateStore state)
    {
        if (cosigner.Type != SignatureType.Ed25519Cosignature)
        {
            throw new ArgumentException("A witness signs with a cosignature key (type 0x04).", nameof(cosigner));
        }

        _cosigner = cosigner;
        _logs = new Dictionary<string, NoteVerifierSet>(logs, StringComparer.Ordinal);
        _state = state;
    }

    /// <summary>
    /// Runs the spec's checks in its order (origin, signature, sizes, stored state, proof), and on
    /// success stores the new checkpoint before returning the cosignature, as the spec requires.
    /// </summary>
    public async Task<WitnessOutcome> AddCheckpointAsync(AddCheckpointRequest request, CancellationToken cancellationToken = default)
    {
        var note = request.CheckpointNote;

        // The unverified origin line only picks the keys to verify with; nothing else trusts it yet.
        var origin = note.Text[..note.Text.IndexOf('\n', StringComparison.Ordinal)];
        if (!_logs.TryGetValue(origin, out var logKeys))
        {
            return new Refused(RefusalKind.UnknownLog, $"This witness follows no log with origin '{Shorten(origin)}'.");
        }

        var verified = note.Verify(logKeys);
        if (!verified.IsSuccess)
        {
            return new Refused(RefusalKind.BadSignature, $"Checkpoint for '{origin}' is not signed by that log: {verified.Error}");
        }

        var parsed = Checkpoint.ParseText(note.Text);
        if (!parsed.IsSuccess)
        {
            return new Refused(RefusalKind.BadRequest, $"The log '{origin}' signed a note that is not a checkpoint: {parsed.Error}");
        }

        var checkpoint = parsed.Value;
        if (request.OldSize > checkpoint.Size)
        {
            return new Refused(
                RefusalKind.BadRequest,
                $"Old size {request.OldSize} is larger than the checkpoint's size {checkpoint.Size}; a log only grows.",
                checkpoint);
        }

        var stored = await _state.GetAsync(origin, cancellationToken).ConfigureAwait(false);
        var storedSize = stored?.Size ?? 0;
        if (request.OldSize != storedSize)
        {
            return new Conflict(storedSize);
        }

        if (CheckConsistency(request.ConsistencyProof, checkpoint, stored) is { } refusal)
        {
            return refusal;
        }

        var cosignature = new NoteSignature(_cosigner.Name, _cosigner.KeyId, _cosigner.Sign(Encoding.UTF8.GetBytes(note.Text)));

        // Monitors get the checkpoint as verified: the log's good lines and ours, not what else came along.
        var logLines = note.Signatures.Where(s => verified.Value.Verified.Any(v => v.Name == s.Name && v.KeyId == s.KeyId));
        var cosigned = SignedNote.FromParts(note.Text, logLines).WithSignatures(cosignature);
        var next = new WitnessedCheckpoint(checkpoint.Size, checkpoint.RootHash, cosigned.Format());
        if (!await _state.TryAdvanceAsync(origin, storedSize, next, cancellationToken).ConfigureAwait(false))
        {
            // Another request moved the witness since we read it; that request's answer stands.
            var current = await _state.GetAsync(origin, cancellationToken).ConfigureAwait(false);
            return new Conflict(current?.Size ?? 0);
        }

        return new Cosigned(cosignature.Format(), checkpoint, storedSize);
    }

    /// <summary>Null when <paramref name="checkpoint"/> extends <paramref name="stored"/> (the
    /// witness's state, null meaning the empty tree) as the proof claims.</summary>
    private static Refused? CheckConsistency(IReadOnlyList<MerkleHash> proof, Checkpoint checkpoint, WitnessedCheckpoint? stored)
    {
        if (checkpoint.Size == 0 && checkpoint.RootHash != MerkleHash.EmptyTree)
        {
            return new Refused(RefusalKind.Inconsistent, "A checkpoint of size 0 must carry the empty tree's root hash.", checkpoint);
        }

        if (stored is null)
        {
            return proof.Count == 0
                ? null
                : new Refused(RefusalKind.BadProof, "Old size 0 takes no consistency proof: the empty tree is consistent with every tree.", checkpoint);
        }

        if (stored.Size == checkpoint.Size)
        {
            if (stored.RootHash != checkpoint.RootHash)
            {
                return new Refused(
                    RefusalKind.Inconsistent,
                    $"The log forked: this witness cosigned root {stored.RootHash} for size {stored.Size}, and the log now signed root {checkpoint.RootHash} for the same size.",
                    checkpoint);
            }

            return proof.Count == 0
                ? null
                : new Refused(RefusalKind.BadProof, $"The tree of size {stored.Size} is already cosigned; re-submitting it takes no consistency proof.", checkpoint);
        }

        return ProofVerifier.VerifyConsistency(stored.Size, checkpoint.Size, stored.RootHash, checkpoint.RootHash, [.. proof])
            ? null
            : new Refused(
                RefusalKind.BadProof,
                $"The consistency proof does not show that the tree of size {checkpoint.Size} (root {checkpoint.RootHash}) extends the tree of size {stored.Size} (root {stored.RootHash}) this witness cosigned: the proof is wrong or the log forked.",
                checkpoint);
    }

    // Reasons are recorded and shown; an unknown origin is whatever the caller sent, so bound it.
    private static string Shorten(string text) => text.Length <= 100 ? text : text[..100] + "…";
}
