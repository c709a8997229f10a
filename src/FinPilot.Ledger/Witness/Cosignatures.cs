using FinPilot.Ledger.Checkpoints;
using FinPilot.Ledger.Notes;

namespace FinPilot.Ledger.Witness;

/// <summary>
/// The log's and the client's side of witnessing: reading a witness's 200 response, adding the
/// cosignatures to the log's checkpoint, and requiring them when a checkpoint is opened.
/// </summary>
public static class Cosignatures
{
    /// <summary>Parses an <c>add-checkpoint</c> 200 body: one or more <c>— name base64</c> lines,
    /// each ending in a newline. Nothing is verified here.</summary>
    public static Result<IReadOnlyList<NoteSignature>> ParseResponse(string body)
    {
        if (body.Length == 0 || !body.EndsWith('\n'))
        {
            return Result<IReadOnlyList<NoteSignature>>.Fail("A cosignature response is one or more lines, each ending in a newline.");
        }

        var lines = body[..^1].Split('\n');
        if (lines.Length > SignedNote.MaxSignatures)
        {
            return Result<IReadOnlyList<NoteSignature>>.Fail($"More than {SignedNote.MaxSignatures} cosignature lines.");
        }

        var signatures = new List<NoteSignature>(lines.Length);
        foreach (var line in lines)
        {
            if (SignedNote.ParseSignatureLine(line) is not { } signature)
            {
                return Result<IReadOnlyList<NoteSignature>>.Fail("Malformed cosignature line.");
            }

            signatures.Add(signature);
        }

        return signatures;
    }

    /// <summary>
    /// Adds a witness's response to the log's checkpoint, as the spec suggests: the lines are
    /// checked against <paramref name="witnesses"/>' keys, lines from other keys are dropped, and
    /// at least one must verify. A bad line from a known witness fails the whole response, as a
    /// bad line from a known key fails a note. An earlier cosignature by the same key is replaced.
    /// </summary>
    public static Result<SignedNote> Merge(SignedNote checkpointNote, string responseBody, NoteVerifierSet witnesses)
    {
        var lines = ParseResponse(responseBody);
        if (!lines.IsSuccess)
        {
            return Result<SignedNote>.Fail(lines.Error!);
        }

        var verified = SignedNote.FromParts(checkpointNote.Text, lines.Value).VerifyKnown(witnesses);
        if (!verified.IsSuccess)
        {
            return Result<SignedNote>.Fail($"Witness response: {verified.Error}");
        }

        // Only cosignatures count: a plain signature by a witness key states nothing about consistency.
        var good = lines.Value.Where(l => verified.Value.Any(
            v => v.Type == SignatureType.Ed25519Cosignature && v.Name == l.Name && v.KeyId == l.KeyId)).ToList();
        return good.Count > 0
            ? checkpointNote.WithSignatures(good)
            : Result<SignedNote>.Fail("Witness response holds no cosignature from a trusted witness key.");
    }

    /// <summary>
    /// Opens a checkpoint signed by its log and cosigned by at least <paramref name="quorum"/> of
    /// <paramref name="witnesses"/> (all of them by default). Log keys and witness keys are checked
    /// separately so a witness cosignature alone can never stand in for the log's signature.
    /// </summary>
    /// <exception cref="ArgumentException">A witness key is not a cosignature key, or the quorum is
    /// not between 1 and the number of witnesses: configuration errors, not bad input.</exception>
    public static Result<SignedCheckpoint> OpenWitnessed(
        string signedNote, string expectedOrigin, NoteVerifierSet logKeys, IReadOnlyCollection<INoteVerifier> witnesses, int? quorum = null)
    {
        if (witnesses.Any(w => w.Type != SignatureType.Ed25519Cosignature))
        {
            throw new ArgumentException("Witness keys are cosignature keys (type 0x04).", nameof(witnesses));
        }

        var required = quorum ?? witnesses.Count;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(required, nameof(quorum));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(required, witnesses.Count, nameof(quorum));

        var opened = Checkpoint.Open(signedNote, expectedOrigin, logKeys);
        if (!opened.IsSuccess)
        {
            return opened;
        }

        var note = opened.Value.Note;
        if (note.Verified.All(v => v.Type == SignatureType.Ed25519Cosignature))
        {
            return Result<SignedCheckpoint>.Fail("Checkpoint has no signature from the log itself.");
        }

        var witnessed = note.Note.VerifyKnown(new NoteVerifierSet(witnesses));
        if (!witnessed.IsSuccess)
        {
            return Result<SignedCheckpoint>.Fail(witnessed.Error!);
        }

        var cosigned = witnessed.Value;
        if (cosigned.Count < required)
        {
            return Result<SignedCheckpoint>.Fail($"Checkpoint is cosigned by {cosigned.Count} of the {witnesses.Count} witnesses; {required} required.");
        }

        var all = note.Verified.Where(v => v.Type != SignatureType.Ed25519Cosignature).Concat(cosigned).ToList();
        return new SignedCheckpoint(opened.Value.Checkpoint, new VerifiedNote(note.Note, all));
    }
}
