using System.Globalization;
using System.Text;
using System.Text.Unicode;
using FinPilot.Ledger.Checkpoints;
using FinPilot.Ledger.Merkle;
using FinPilot.Ledger.Notes;
using FinPilot.Ledger.Storage;

namespace FinPilot.Ledger.Witness;

/// <summary>
/// The body of a c2sp.org/tlog-witness <c>add-checkpoint</c> call: <c>old N</c>, one base64
/// consistency-proof hash per line, a blank line, then the log's signed checkpoint verbatim.
/// <see cref="OldSize"/> is the size the log believes the witness last cosigned (0 at first contact).
/// </summary>
public sealed record AddCheckpointRequest
{
    /// <summary>The spec's limit on proof lines; a proof in a tree of 2^63 leaves needs at most 63 hashes.</summary>
    public const int MaxProofHashes = 63;

    /// <summary>A bound on work spent on hostile input: a full proof plus a checkpoint carrying
    /// many signatures fits with room to spare. The web layer should stop reading beyond it.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    private const string OldPrefix = "old ";

    public AddCheckpointRequest(long oldSize, IReadOnlyList<MerkleHash> consistencyProof, SignedNote checkpointNote)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(oldSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(consistencyProof.Count, MaxProofHashes, nameof(consistencyProof));
        OldSize = oldSize;
        ConsistencyProof = consistencyProof;
        CheckpointNote = checkpointNote;
    }

    public long OldSize { get; }

    /// <summary>RFC 6962 consistency proof from <see cref="OldSize"/> to the checkpoint's size;
    /// empty when the old size is 0 or equals the checkpoint's size.</summary>
    public IReadOnlyList<MerkleHash> ConsistencyProof { get; }

    /// <summary>The checkpoint as the log signed it. Unverified: the witness checks it.</summary>
    public SignedNote CheckpointNote { get; }

    /// <summary>
    /// The log's side: the request that moves a witness from <paramref name="witnessSize"/> (what
    /// it last cosigned, as the log knows it or as a 409 reported it) to the checkpoint in
    /// <paramref name="checkpointNote"/>, with the consistency proof read from <paramref name="log"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The note is not a checkpoint, or the witness has seen a
    /// larger tree than it: submit a newer checkpoint instead.</exception>
    public static async Task<AddCheckpointRequest> ForCheckpointAsync(
        LogTree log, long witnessSize, SignedNote checkpointNote, CancellationToken cancellationToken = default)
    {
        var checkpoint = Checkpoint.ParseText(checkpointNote.Text);
        if (!checkpoint.IsSuccess)
        {
            throw new ArgumentException(checkpoint.Error, nameof(checkpointNote));
        }

        var newSize = checkpoint.Value.Size;
        if (witnessSize < 0 || witnessSize > newSize)
        {
            throw new ArgumentOutOfRangeException(nameof(witnessSize), witnessSize, $"The witness size must be in [0, {newSize}].");
        }

        // The empty tree is consistent with every tree, and a tree with itself: both need no proof.
        MerkleHash[] proof = witnessSize == 0 || witnessSize == newSize
            ? []
            : await log.ConsistencyProofAsync(witnessSize, newSize, cancellationToken).ConfigureAwait(false);
        return new AddCheckpointRequest(witnessSize, proof, checkpointNote);
    }

    public string Format()
    {
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"{OldPrefix}{OldSize}\n");
        foreach (var hash in ConsistencyProof)
        {
            body.Append(hash.ToBase64()).Append('\n');
        }

        return body.Append('\n').Append(CheckpointNote.Format()).ToString();
    }

    /// <summary>Parses a request body as received; rejects anything that is not UTF-8.</summary>
    public static Result<AddCheckpointRequest> Parse(ReadOnlySpan<byte> body)
    {
        if (body.Length > MaxBodyBytes)
        {
            return Result<AddCheckpointRequest>.Fail($"Request body exceeds {MaxBodyBytes} bytes.");
        }

        return Utf8.IsValid(body)
            ? Parse(Encoding.UTF8.GetString(body))
            : Result<AddCheckpointRequest>.Fail("Request body is not valid UTF-8.");
    }

    /// <summary>
    /// Strict parsing, so that a request has one encoding: canonical decimal old size, canonical
    /// 44-character base64 hashes, LF line ends only, and a well-formed signed note. Signatures are
    /// not checked here; that needs the log's keys, which only the witness has.
    /// </summary>
    public static Result<AddCheckpointRequest> Parse(string body)
    {
        if (Encoding.UTF8.GetByteCount(body) > MaxBodyBytes)
        {
            return Result<AddCheckpointRequest>.Fail($"Request body exceeds {MaxBodyBytes} bytes.");
        }

        // Header lines are never empty, so the first blank line ends them.
        var blank = body.IndexOf("\n\n", StringComparison.Ordinal);
        if (blank < 0)
        {
            return Result<AddCheckpointRequest>.Fail("Request has no blank line before the checkpoint.");
        }

        var header = body[..blank].Split('\n');
        if (!header[0].StartsWith(OldPrefix, StringComparison.Ordinal) || !TryParseSize(header[0][OldPrefix.Length..], out var oldSize))
        {
            // Not echoed: reasons get recorded, and this line is whatever the caller sent.
            return Result<AddCheckpointRequest>.Fail("First line must be 'old <size>' with a canonical decimal size.");
        }

        if (header.Length - 1 > MaxProofHashes)
        {
            return Result<AddCheckpointRequest>.Fail($"Consistency proof has more than {MaxProofHashes} hashes.");
        }

        var proof = new MerkleHash[header.Length - 1];
        for (var i = 0; i < proof.Length; i++)
        {
            if (!MerkleHash.TryParseBase64(header[i + 1], out proof[i]))
            {
                return Result<AddCheckpointRequest>.Fail($"Consistency proof line {i + 1} is not a base64 SHA-256 hash.");
            }
        }

        var note = SignedNote.Parse(body[(blank + 2)..]);
        return note.IsSuccess
            ? new AddCheckpointRequest(oldSize, proof, note.Value)
            : Result<AddCheckpointRequest>.Fail($"Malformed checkpoint note: {note.Error}");
    }

    /// <summary>An ASCII decimal with no sign and no leading zeroes (except "0" itself).</summary>
    internal static bool TryParseSize(string text, out long size)
    {
        size = 0;
        return text.Length > 0 && text.All(char.IsAsciiDigit) && (text == "0" || text[0] != '0')
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out size);
    }

    public bool Equals(AddCheckpointRequest? other) =>
        other is not null && OldSize == other.OldSize && ConsistencyProof.SequenceEqual(other.ConsistencyProof)
        && CheckpointNote.Format() == other.CheckpointNote.Format();

    public override int GetHashCode() => HashCode.Combine(OldSize, ConsistencyProof.Count, CheckpointNote.Text);
}
