using System.Globalization;

namespace FinPilot.Ledger.Notes;

/// <summary>
/// Text encodings of note keys: verifier keys <c>name+hash+base64(type ‖ public key)</c>
/// (c2sp.org/signed-note "vkey") and signer keys <c>PRIVATE+KEY+name+hash+base64(type ‖ seed)</c>
/// (the golang.org/x/mod/sumdb/note form). The hash is the key ID in 8 hex digits.
/// </summary>
public static class NoteKeys
{
    private const string PrivatePrefix = "PRIVATE+KEY+";

    public static string FormatVerifierKey(string name, SignatureType type, ReadOnlySpan<byte> publicKey) =>
        $"{name}+{NoteKeyId.Format(NoteKeyId.Compute(name, type, publicKey))}+{Convert.ToBase64String([(byte)type, .. publicKey])}";

    public static Result<Ed25519NoteVerifier> ParseVerifierKey(string vkey)
    {
        if (!TrySplit(vkey, out var name, out var keyId, out var type, out var key))
        {
            return Result<Ed25519NoteVerifier>.Fail("Malformed verifier key.");
        }

        var verifier = Ed25519NoteVerifier.Create(name, type, key);
        if (!verifier.IsSuccess)
        {
            return verifier;
        }

        return verifier.Value.KeyId == keyId
            ? verifier
            : Result<Ed25519NoteVerifier>.Fail("Verifier key hash does not match its name and key.");
    }

    /// <summary>Parses a signer key. The caller owns (and should dispose) the signer.</summary>
    public static Result<Ed25519NoteSigner> ParseSignerKey(string skey, TimeProvider? clock = null)
    {
        if (!skey.StartsWith(PrivatePrefix, StringComparison.Ordinal)
            || !TrySplit(skey[PrivatePrefix.Length..], out var name, out var keyId, out var type, out var seed)
            || seed.Length != Ed25519.SeedSize)
        {
            return Result<Ed25519NoteSigner>.Fail("Malformed signer key.");
        }

        var signer = new Ed25519NoteSigner(name, seed, type, clock);
        if (signer.KeyId != keyId)
        {
            signer.Dispose();
            return Result<Ed25519NoteSigner>.Fail("Signer key hash does not match its name and key.");
        }

        return signer;
    }

    /// <summary>A fresh random key pair in text form: (signer key, verifier key).</summary>
    public static (string SignerKey, string VerifierKey) Generate(string name, SignatureType type = SignatureType.Ed25519)
    {
        var seed = Ed25519.NewSeed();
        using var signer = new Ed25519NoteSigner(name, seed, type);
        var skey = $"{PrivatePrefix}{name}+{NoteKeyId.Format(signer.KeyId)}+{Convert.ToBase64String([(byte)type, .. seed])}";
        return (skey, signer.VerifierKey);
    }

    private static bool TrySplit(string text, out string name, out uint keyId, out SignatureType type, out byte[] key)
    {
        name = "";
        keyId = 0;
        type = default;
        key = [];
        var parts = text.Split('+', 3);
        if (parts.Length != 3 || !NoteKeyId.IsValidName(parts[0]) || !NoteKeyId.TryParse(parts[1], out keyId))
        {
            return false;
        }

        name = parts[0];
        byte[] decoded;
        try
        {
            decoded = Convert.FromBase64String(parts[2]);
        }
        catch (FormatException)
        {
            return false;
        }

        if (decoded.Length < 2 || !Enum.IsDefined((SignatureType)decoded[0]))
        {
            return false;
        }

        type = (SignatureType)decoded[0];
        key = decoded[1..];
        return parts[2] == Convert.ToBase64String(decoded) && string.Equals(parts[1], parts[1].ToLower(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
