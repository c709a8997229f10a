using System.Buffers.Binary;
using System.Text;
using System.Text.Unicode;

namespace FinPilot.Ledger.Notes;

/// <summary>One signature line: key name, key ID and signature bytes (without the ID prefix).</summary>
public sealed record NoteSignature(string Name, uint KeyId, byte[] Signature)
{
    public string Format()
    {
        var bytes = new byte[4 + Signature.Length];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, KeyId);
        Signature.CopyTo(bytes, 4);
        return $"— {Name} {Convert.ToBase64String(bytes)}\n";
    }
}

/// <summary>A note whose trusted signatures have been checked.</summary>
public sealed record VerifiedNote(SignedNote Note, IReadOnlyList<VerifiedSignature> Verified)
{
    public string Text => Note.Text;
}

/// <summary>
/// A c2sp.org/signed-note: UTF-8 text ending in a newline, a blank line, then one or more lines
/// <c>— name base64(keyID ‖ signature)</c>. Parsing does not verify; use <see cref="Verify"/>,
/// since the text must be ignored until a trusted signature has been checked.
/// </summary>
public sealed class SignedNote
{
    /// <summary>More than the 16 the spec requires verifiers to accept; bounds work on hostile input.</summary>
    public const int MaxSignatures = 100;

    private SignedNote(string text, IReadOnlyList<NoteSignature> signatures)
    {
        Text = text;
        Signatures = signatures;
    }

    /// <summary>The signed text, including its final newline.</summary>
    public string Text { get; }

    public IReadOnlyList<NoteSignature> Signatures { get; }

    /// <summary>Signs <paramref name="text"/> with every signer.</summary>
    public static SignedNote Sign(string text, params IEnumerable<INoteSigner> signers)
    {
        if (!IsValidText(text))
        {
            throw new ArgumentException("Note text must be non-empty, end in a newline and hold no control characters.", nameof(text));
        }

        return new SignedNote(text, []).AddSignatures(signers);
    }

    /// <summary>A copy with more signatures, e.g. a witness adding its cosignature to a checkpoint.</summary>
    public SignedNote AddSignatures(params IEnumerable<INoteSigner> signers)
    {
        var bytes = Encoding.UTF8.GetBytes(Text);
        var all = new List<NoteSignature>(Signatures);
        foreach (var signer in signers)
        {
            all.Add(new NoteSignature(signer.Name, signer.KeyId, signer.Sign(bytes)));
        }

        return new SignedNote(Text, all);
    }

    /// <summary>
    /// A copy carrying <paramref name="signatures"/> as well, e.g. cosignatures a witness returned.
    /// A line from a key that already signed replaces that key's old line, so re-witnessing a
    /// checkpoint refreshes its cosignature instead of piling up lines.
    /// </summary>
    public SignedNote WithSignatures(params IEnumerable<NoteSignature> signatures)
    {
        var all = new List<NoteSignature>(Signatures);
        foreach (var signature in signatures)
        {
            var existing = all.FindIndex(s => s.Name == signature.Name && s.KeyId == signature.KeyId);
            if (existing >= 0)
            {
                all[existing] = signature;
            }
            else
            {
                all.Add(signature);
            }
        }

        // Parse rejects longer notes, so producing one would only fail later, at the reader.
        return all.Count <= MaxSignatures
            ? new SignedNote(Text, all)
            : throw new ArgumentException($"A note carries at most {MaxSignatures} signatures.", nameof(signatures));
    }

    public string Format() => Text + "\n" + string.Concat(Signatures.Select(s => s.Format()));

    public override string ToString() => Format();

    public static Result<SignedNote> Parse(ReadOnlySpan<byte> note) =>
        Utf8.IsValid(note) ? Parse(Encoding.UTF8.GetString(note)) : Result<SignedNote>.Fail("Note is not valid UTF-8.");

    public static Result<SignedNote> Parse(string note)
    {
        if (note.Any(c => c < 0x20 && c != '\n'))
        {
            return Result<SignedNote>.Fail("Note contains control characters or invalid UTF-8.");
        }

        // The text is separated from the signatures by the last blank line.
        var split = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0 || !note.EndsWith('\n'))
        {
            return Result<SignedNote>.Fail("Note has no signature block.");
        }

        var text = note[..(split + 1)];
        var block = note[(split + 2)..];
        if (block.Length == 0)
        {
            return Result<SignedNote>.Fail("Note has no signatures.");
        }

        var lines = block[..^1].Split('\n');
        if (lines.Length > MaxSignatures)
        {
            return Result<SignedNote>.Fail($"Note has more than {MaxSignatures} signatures.");
        }

        var signatures = new List<NoteSignature>(lines.Length);
        foreach (var line in lines)
        {
            var signature = ParseSignatureLine(line);
            if (signature is null)
            {
                return Result<SignedNote>.Fail($"Malformed signature line '{line}'.");
            }

            signatures.Add(signature);
        }

        return new SignedNote(text, signatures);
    }

    /// <summary>
    /// Checks the note against trusted keys. Lines from unknown keys are ignored; a line from a
    /// known key that fails rejects the whole note; at least one known key must have signed.
    /// </summary>
    public Result<VerifiedNote> Verify(NoteVerifierSet trusted)
    {
        var verified = VerifyKnown(trusted);
        if (!verified.IsSuccess)
        {
            return Result<VerifiedNote>.Fail(verified.Error!);
        }

        return verified.Value.Count > 0
            ? new VerifiedNote(this, verified.Value)
            : Result<VerifiedNote>.Fail("Note has no signature from a trusted key.");
    }

    /// <summary>The signatures by <paramref name="trusted"/> keys, each key once, possibly none;
    /// fails only if a known key's line is invalid. For callers counting cosigners.</summary>
    internal Result<IReadOnlyList<VerifiedSignature>> VerifyKnown(NoteVerifierSet trusted)
    {
        var bytes = Encoding.UTF8.GetBytes(Text);
        var verified = new List<VerifiedSignature>();
        foreach (var signature in Signatures)
        {
            var verifier = trusted.Find(signature.Name, signature.KeyId);
            if (verifier is null)
            {
                continue;
            }

            var result = verifier.Verify(bytes, signature.Signature);
            if (result is null)
            {
                return Result<IReadOnlyList<VerifiedSignature>>.Fail($"Invalid signature for key {signature.Name}+{NoteKeyId.Format(signature.KeyId)}.");
            }

            if (!verified.Any(v => v.Name == result.Name && v.KeyId == result.KeyId))
            {
                verified.Add(result);
            }
        }

        return verified;
    }

    /// <summary>Parses and verifies in one step.</summary>
    public static Result<VerifiedNote> Open(string note, NoteVerifierSet trusted)
    {
        var parsed = Parse(note);
        return parsed.IsSuccess ? parsed.Value.Verify(trusted) : Result<VerifiedNote>.Fail(parsed.Error!);
    }

    /// <summary>A note from parts already checked elsewhere, e.g. a note text and the subset of
    /// its signatures that verified.</summary>
    internal static SignedNote FromParts(string text, IEnumerable<NoteSignature> signatures) => new(text, [.. signatures]);

    internal static bool IsValidText(string text) =>
        text.Length > 0 && text.EndsWith('\n') && !text.Any(c => c < 0x20 && c != '\n');

    /// <summary>One signature line without its newline; null when malformed.</summary>
    internal static NoteSignature? ParseSignatureLine(string line)
    {
        const string Prefix = "— ";
        if (!line.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = line[Prefix.Length..];
        var space = rest.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
        {
            return null;
        }

        var name = rest[..space];
        var encoded = rest[(space + 1)..];
        if (!NoteKeyId.IsValidName(name))
        {
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(encoded);
        }
        catch (FormatException)
        {
            return null;
        }

        // Whitespace is tolerated by the decoder but not by the format; re-encoding catches it.
        if (bytes.Length < 5 || Convert.ToBase64String(bytes) != encoded)
        {
            return null;
        }

        return new NoteSignature(name, BinaryPrimitives.ReadUInt32BigEndian(bytes), bytes[4..]);
    }
}
