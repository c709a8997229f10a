namespace FinPilot.Ledger.Notes;

/// <summary>Something that can add one signature line to a note.</summary>
public interface INoteSigner
{
    string Name { get; }

    uint KeyId { get; }

    /// <summary>What the signature states: a log's plain signature or a witness's cosignature. A
    /// witness checks it so a plain key can't be configured where a cosignature is promised.</summary>
    SignatureType Type { get; }

    /// <summary>The signature bytes for <paramref name="text"/>, without the 4-byte key ID prefix.</summary>
    byte[] Sign(ReadOnlySpan<byte> text);
}

/// <summary>A trusted public key that can check signature lines carrying its name and key ID.</summary>
public interface INoteVerifier
{
    string Name { get; }

    uint KeyId { get; }

    SignatureType Type { get; }

    /// <summary>The verified signature, or null if <paramref name="signature"/> (key ID prefix
    /// already removed) is not a valid signature of <paramref name="text"/> by this key.</summary>
    VerifiedSignature? Verify(ReadOnlySpan<byte> text, ReadOnlySpan<byte> signature);
}

/// <summary>A signature that checked out. <paramref name="Timestamp"/> is the cosigning time for
/// cosignatures (seconds since the Unix epoch) and null for plain signatures.</summary>
public sealed record VerifiedSignature(string Name, uint KeyId, SignatureType Type, long? Timestamp);
