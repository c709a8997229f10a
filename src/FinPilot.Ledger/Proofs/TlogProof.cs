using System.Globalization;
using System.Text;
using FinPilot.Ledger.Checkpoints;
using FinPilot.Ledger.Merkle;
using FinPilot.Ledger.Notes;

namespace FinPilot.Ledger.Proofs;

/// <summary>
/// An offline-verifiable inclusion proof in the c2sp.org/tlog-proof@v1 text form: header, optional
/// <c>extra</c> line, <c>index N</c>, one base64 hash per line, a blank line, then the signed
/// checkpoint verbatim. Verifying needs only the entry, the log's origin and trusted keys.
/// </summary>
public sealed record TlogProof(long Index, IReadOnlyList<MerkleHash> InclusionPath, string SignedCheckpoint, byte[]? Extra = null)
{
    public const string Header = "c2sp.org/tlog-proof@v1";

    /// <summary>File extension the spec recommends.</summary>
    public const string FileExtension = ".tlog-proof";

    public string Format()
    {
        var text = new StringBuilder();
        text.Append(Header).Append('\n');
        if (Extra is not null)
        {
            text.Append("extra ").Append(Convert.ToBase64String(Extra)).Append('\n');
        }

        text.Append(CultureInfo.InvariantCulture, $"index {Index}\n");
        foreach (var hash in InclusionPath)
        {
            text.Append(hash.ToBase64()).Append('\n');
        }

        return text.Append('\n').Append(SignedCheckpoint).ToString();
    }

    public static Result<TlogProof> Parse(string text)
    {
        var lines = text.Split('\n');
        var at = 0;
        if (lines[at++] != Header)
        {
            return Result<TlogProof>.Fail("Not a c2sp.org/tlog-proof@v1 proof.");
        }

        byte[]? extra = null;
        if (at < lines.Length && lines[at].StartsWith("extra ", StringComparison.Ordinal))
        {
            var encoded = lines[at++]["extra ".Length..];
            if (!TryBase64(encoded, out extra))
            {
                return Result<TlogProof>.Fail("Bad extra data.");
            }
        }

        if (at >= lines.Length || !lines[at].StartsWith("index ", StringComparison.Ordinal)
            || !TryParseIndex(lines[at++]["index ".Length..], out var index))
        {
            return Result<TlogProof>.Fail("Missing or bad index line.");
        }

        var path = new List<MerkleHash>();
        for (; at < lines.Length && lines[at].Length > 0; at++)
        {
            if (path.Count == 64 || !MerkleHash.TryParseBase64(lines[at], out var hash))
            {
                return Result<TlogProof>.Fail($"Bad inclusion proof line '{lines[at]}'.");
            }

            path.Add(hash);
        }

        if (at >= lines.Length)
        {
            return Result<TlogProof>.Fail("Missing blank line before the checkpoint.");
        }

        var checkpoint = string.Join('\n', lines[(at + 1)..]);
        return new TlogProof(index, path, checkpoint, extra);
    }

    /// <summary>
    /// Checks the checkpoint's signatures and origin, then that the entry with
    /// <paramref name="leafHash"/> is at <see cref="Index"/> in that tree.
    /// </summary>
    public Result<SignedCheckpoint> Verify(MerkleHash leafHash, string expectedOrigin, NoteVerifierSet trusted)
    {
        var opened = Checkpoint.Open(SignedCheckpoint, expectedOrigin, trusted);
        if (!opened.IsSuccess)
        {
            return opened;
        }

        var tree = opened.Value.Checkpoint;
        return ProofVerifier.VerifyInclusion(Index, tree.Size, leafHash, [.. InclusionPath], tree.RootHash)
            ? opened
            : Result<SignedCheckpoint>.Fail($"Inclusion proof for index {Index} does not match the checkpoint.");
    }

    /// <summary>Verifies against the raw entry bytes (hashed as an RFC 6962 leaf).</summary>
    public Result<SignedCheckpoint> Verify(ReadOnlySpan<byte> entry, string expectedOrigin, NoteVerifierSet trusted) =>
        Verify(MerkleHash.Leaf(entry), expectedOrigin, trusted);

    private static bool TryParseIndex(string text, out long index)
    {
        index = 0;
        return text.Length > 0 && text.All(char.IsAsciiDigit) && (text == "0" || text[0] != '0')
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out index);
    }

    private static bool TryBase64(string text, out byte[]? bytes)
    {
        try
        {
            bytes = Convert.FromBase64String(text);
            return Convert.ToBase64String(bytes) == text;
        }
        catch (FormatException)
        {
            bytes = null;
            return false;
        }
    }
}
