using NSec.Cryptography;

namespace FinPilot.Ledger.Notes;

/// <summary>
/// The one place that touches the Ed25519 library (.NET 10 has no standalone Ed25519), so
/// swapping NSec for the BCL once it ships one is a one-file change.
/// </summary>
internal static class Ed25519
{
    public const int SeedSize = 32;
    public const int PublicKeySize = 32;
    public const int SignatureSize = 64;

    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;

    /// <summary>Imports a private key from its 32-byte RFC 8032 seed (the form Go's note keys store).</summary>
    public static Key ImportSeed(ReadOnlySpan<byte> seed)
    {
        if (seed.Length != SeedSize)
        {
            throw new ArgumentException($"An Ed25519 seed is {SeedSize} bytes.", nameof(seed));
        }

        return Key.Import(Algorithm, seed, KeyBlobFormat.RawPrivateKey);
    }

    public static byte[] NewSeed()
    {
        var parameters = new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport };
        using var key = Key.Create(Algorithm, parameters);
        return key.Export(KeyBlobFormat.RawPrivateKey);
    }

    public static byte[] PublicKeyOf(Key key) => key.PublicKey.Export(KeyBlobFormat.RawPublicKey);

    public static byte[] Sign(Key key, ReadOnlySpan<byte> message) => Algorithm.Sign(key, message);

    /// <summary>Null when the bytes are not a valid Ed25519 public key.</summary>
    public static PublicKey? ImportPublicKey(ReadOnlySpan<byte> publicKey) =>
        publicKey.Length == PublicKeySize && PublicKey.TryImport(Algorithm, publicKey, KeyBlobFormat.RawPublicKey, out var key)
            ? key
            : null;

    public static bool Verify(PublicKey key, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        signature.Length == SignatureSize && Algorithm.Verify(key, message, signature);
}
