using System.Buffers.Binary;
using NSec.Cryptography;

namespace FinPilot.Ledger.Notes;

/// <summary>Checks Ed25519 note signatures or Ed25519 cosignatures made by one known key.</summary>
public sealed class Ed25519NoteVerifier : INoteVerifier
{
    private readonly PublicKey _key;

    private Ed25519NoteVerifier(string name, SignatureType type, PublicKey key, byte[] publicKey)
    {
        _key = key;
        Name = name;
        Type = type;
        PublicKey = publicKey;
        KeyId = NoteKeyId.Compute(name, type, publicKey);
    }

    public string Name { get; }

    public uint KeyId { get; }

    public SignatureType Type { get; }

    public byte[] PublicKey { get; }

    public static Result<Ed25519NoteVerifier> Create(string name, SignatureType type, ReadOnlySpan<byte> publicKey)
    {
        if (!NoteKeyId.IsValidName(name))
        {
            return Result<Ed25519NoteVerifier>.Fail($"Invalid key name '{name}'.");
        }

        if (!Enum.IsDefined(type))
        {
            return Result<Ed25519NoteVerifier>.Fail($"Unsupported signature type 0x{(byte)type:x2}.");
        }

        return Ed25519.ImportPublicKey(publicKey) is { } key
            ? new Ed25519NoteVerifier(name, type, key, publicKey.ToArray())
            : Result<Ed25519NoteVerifier>.Fail("Not an Ed25519 public key.");
    }

    public VerifiedSignature? Verify(ReadOnlySpan<byte> text, ReadOnlySpan<byte> signature)
    {
        if (Type == SignatureType.Ed25519)
        {
            return Ed25519.Verify(_key, text, signature) ? new VerifiedSignature(Name, KeyId, Type, null) : null;
        }

        if (signature.Length != 8 + Ed25519.SignatureSize)
        {
            return null;
        }

        // The timestamp is a u64 that must fit in 63 bits; reading it signed makes that a sign check.
        var timestamp = BinaryPrimitives.ReadInt64BigEndian(signature);
        if (timestamp < 0)
        {
            return null;
        }

        var message = Ed25519NoteSigner.CosignedMessage(timestamp, text);
        return Ed25519.Verify(_key, message, signature[8..]) ? new VerifiedSignature(Name, KeyId, Type, timestamp) : null;
    }
}
