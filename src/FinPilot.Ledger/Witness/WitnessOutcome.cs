using FinPilot.Ledger.Checkpoints;

namespace FinPilot.Ledger.Witness;

/// <summary>
/// What a witness answered to an <c>add-checkpoint</c> request: <see cref="Cosigned"/>,
/// <see cref="Conflict"/> or <see cref="Refused"/>. Each carries the HTTP status c2sp.org/tlog-witness
/// prescribes, so the web layer maps outcomes without re-deciding protocol rules.
/// </summary>
public abstract record WitnessOutcome
{
    // Closed: the three cases above are the whole protocol, so callers can switch exhaustively.
    private WitnessOutcome()
    {
    }

    public abstract int StatusCode { get; }

    /// <summary>200: the checkpoint extends what the witness cosigned before; it is now the
    /// witness's state for the log. <paramref name="SignatureLines"/> is the response body:
    /// <c>— name base64</c> cosignature lines, each ending in a newline.</summary>
    public sealed record Cosigned(string SignatureLines, Checkpoint Checkpoint, long PreviousSize) : WitnessOutcome
    {
        public override int StatusCode => 200;
    }

    /// <summary>409: the log's old size is not what the witness last cosigned. Not misbehaviour:
    /// the log retries from <paramref name="CurrentSize"/>, which the response body tells it.</summary>
    public sealed record Conflict(long CurrentSize) : WitnessOutcome
    {
        public override int StatusCode => 409;

        public string ContentType => TreeSizeBody.ContentType;

        /// <summary>The response body: the size in decimal and a newline.</summary>
        public string Body => TreeSizeBody.Format(CurrentSize);
    }

    /// <summary>
    /// The witness will not cosign. <paramref name="Reason"/> is for people and records.
    /// <paramref name="LogSignedCheckpoint"/> is set when the log's signature verified before the
    /// refusal: such a request is signed evidence (the spec lets a witness keep it), and for
    /// <see cref="RefusalKind.Inconsistent"/> or <see cref="RefusalKind.BadProof"/> it may show a fork.
    /// </summary>
    public sealed record Refused(RefusalKind Kind, string Reason, Checkpoint? LogSignedCheckpoint = null) : WitnessOutcome
    {
        public override int StatusCode => Kind switch
        {
            RefusalKind.BadRequest => 400,
            RefusalKind.BadSignature => 403,
            RefusalKind.UnknownLog => 404,
            RefusalKind.BadProof or RefusalKind.Inconsistent => 422,
            _ => throw new InvalidOperationException($"Unknown refusal kind {Kind}."),
        };
    }
}

/// <summary>Why a witness refused a checkpoint.</summary>
public enum RefusalKind
{
    /// <summary>400: the body is malformed, the note is not a checkpoint, or the old size exceeds
    /// the checkpoint's size (which a log that only appends never sends).</summary>
    BadRequest,

    /// <summary>404: the witness is not configured for the checkpoint's origin.</summary>
    UnknownLog,

    /// <summary>403: no trusted log key signed the checkpoint, or a trusted key's line is invalid.</summary>
    BadSignature,

    /// <summary>422: the consistency proof does not prove the checkpoint extends the one the witness
    /// cosigned (or a proof came with old size 0). Either the proof is wrong or the log forked; the
    /// witness cannot tell which.</summary>
    BadProof,

    /// <summary>422: the checkpoint contradicts itself or what the witness cosigned, with no proof
    /// involved: the same size with another root hash (a fork), or size 0 without the empty root.</summary>
    Inconsistent,
}
