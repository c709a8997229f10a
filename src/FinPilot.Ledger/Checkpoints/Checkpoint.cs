using System.Globalization;
using System.Text;
using FinPilot.Ledger.Merkle;
using FinPilot.Ledger.Notes;

namespace FinPilot.Ledger.Checkpoints;

/// <summary>
/// A c2sp.org/tlog-checkpoint note body: origin line, tree size, base64 root hash, then optional
/// opaque extension lines.
/// </summary>
public sealed record Checkpoint
{
    public Checkpoint(string origin, long size, MerkleHash rootHash, IReadOnlyList<string>? extensions = null)
    {
        if (origin.Length == 0 || origin.Contains('\n', StringComparison.Ordinal))
        {
            throw new ArgumentException("The origin is one non-empty line.", nameof(origin));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(size);
        extensions ??= [];
        if (extensions.Any(e => e.Length == 0 || e.Contains('\n', StringComparison.Ordinal)))
        {
            throw new ArgumentException("Extension lines are non-empty single lines.", nameof(extensions));
        }

        Origin = origin;
        Size = size;
        RootHash = rootHash;
        Extensions = extensions;
    }

    public string Origin { get; }

    public long Size { get; }

    public MerkleHash RootHash { get; }

    public IReadOnlyList<string> Extensions { get; }

    /// <summary>The note text, ending in a newline.</summary>
    public string ToNoteText()
    {
        var text = new StringBuilder();
        text.Append(Origin).Append('\n');
        text.Append(Size.ToString(CultureInfo.InvariantCulture)).Append('\n');
        text.Append(RootHash.ToBase64()).Append('\n');
        foreach (var extension in Extensions)
        {
            text.Append(extension).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Signs this checkpoint as a note; the log's key name should equal the origin.</summary>
    public SignedNote Sign(params IEnumerable<INoteSigner> signers) => SignedNote.Sign(ToNoteText(), signers);

    /// <summary>Parses a checkpoint body. Strict, so that one checkpoint has one encoding.</summary>
    public static Result<Checkpoint> ParseText(string text)
    {
        if (!text.EndsWith('\n'))
        {
            return Result<Checkpoint>.Fail("Checkpoint text must end in a newline.");
        }

        var lines = text[..^1].Split('\n');
        if (lines.Length < 3 || lines.Any(l => l.Length == 0))
        {
            return Result<Checkpoint>.Fail("Checkpoint needs origin, size and root hash lines, none empty.");
        }

        var sizeText = lines[1];
        var canonicalSize = sizeText.All(char.IsAsciiDigit) && (sizeText == "0" || sizeText[0] != '0');
        if (!canonicalSize || !long.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out var size))
        {
            return Result<Checkpoint>.Fail($"Bad tree size '{sizeText}'.");
        }

        if (!MerkleHash.TryParseBase64(lines[2], out var root))
        {
            return Result<Checkpoint>.Fail("Bad root hash.");
        }

        return new Checkpoint(lines[0], size, root, lines[3..]);
    }

    /// <summary>
    /// Opens a signed checkpoint: verifies the note against <paramref name="trusted"/> keys and
    /// checks the origin is the expected log's, so one log's checkpoint can't pass for another's.
    /// </summary>
    public static Result<SignedCheckpoint> Open(string signedNote, string expectedOrigin, NoteVerifierSet trusted)
    {
        var note = SignedNote.Open(signedNote, trusted);
        if (!note.IsSuccess)
        {
            return Result<SignedCheckpoint>.Fail(note.Error!);
        }

        var checkpoint = ParseText(note.Value.Text);
        if (!checkpoint.IsSuccess)
        {
            return Result<SignedCheckpoint>.Fail(checkpoint.Error!);
        }

        return checkpoint.Value.Origin == expectedOrigin
            ? new SignedCheckpoint(checkpoint.Value, note.Value)
            : Result<SignedCheckpoint>.Fail($"Checkpoint is for '{checkpoint.Value.Origin}', expected '{expectedOrigin}'.");
    }

    public bool Equals(Checkpoint? other) =>
        other is not null && Origin == other.Origin && Size == other.Size && RootHash == other.RootHash
        && Extensions.SequenceEqual(other.Extensions);

    public override int GetHashCode() => HashCode.Combine(Origin, Size, RootHash);
}

/// <summary>A checkpoint together with the verified note it came from (whose signatures include
/// any witness cosignatures the trusted set knew).</summary>
public sealed record SignedCheckpoint(Checkpoint Checkpoint, VerifiedNote Note)
{
    /// <summary>Verified cosignatures: the witnesses that vouched for this tree head.</summary>
    public IEnumerable<VerifiedSignature> Cosignatures =>
        Note.Verified.Where(s => s.Type == SignatureType.Ed25519Cosignature);
}
