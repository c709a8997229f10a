using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using NSec.Cryptography;

namespace FinPilot.Ledger.Notes;

/// <summary>
/// Signs notes with an Ed25519 key, either as a log (<see cref="SignatureType.Ed25519"/>) or as a
/// witness cosigner (<see cref="SignatureType.Ed25519Cosignature"/>, which prefixes a timestamp
/// and signs <c>cosignature/v1\ntime T\n</c> ‖ text).
/// </summary>
public sealed class Ed25519NoteSigner : INoteSigner, IDisposable
{
    private readonly Key _key;
    private readonly TimeProvider _clock;

    public Ed25519NoteSigner(string name, ReadOnlySpan<byte> seed, SignatureType type = SignatureType.Ed25519, TimeProvider? clock = null)
    {
        if (!NoteKeyId.IsValidName(name))
        {
            throw new ArgumentException($"Invalid key name '{name}'.", nameof(name));
        }

        if (!Enum.IsDefined(type))
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "Unsupported signature type.");
        }

        _key = Ed25519.ImportSeed(seed);
        _clock = clock ?? TimeProvider.System;
        Name = name;
        Type = type;
        PublicKey = Ed25519.PublicKeyOf(_key);
        KeyId = NoteKeyId.Compute(name, type, PublicKey);
    }

    public string Name { get; }

    public uint KeyId { get; }

    public SignatureType Type { get; }

    public byte[] PublicKey { get; }

    /// <summary>This key's public half in vkey form, to hand to verifiers.</summary>
    public string VerifierKey => NoteKeys.FormatVerifierKey(Name, Type, PublicKey);

    public byte[] Sign(ReadOnlySpan<byte> text)
    {
        if (Type == SignatureType.Ed25519)
        {
            return Ed25519.Sign(_key, text);
        }

        var timestamp = _clock.GetUtcNow().ToUnixTimeSeconds();
        var signature = new byte[8 + Ed25519.SignatureSize];
        BinaryPrimitives.WriteInt64BigEndian(signature, timestamp);
        Ed25519.Sign(_key, CosignedMessage(timestamp, text)).CopyTo(signature, 8);
        return signature;
    }

    public void Dispose() => _key.Dispose();

    /// <summary>The cosignature/v1 signed message for a note body.</summary>
    internal static byte[] CosignedMessage(long timestamp, ReadOnlySpan<byte> text)
    {
        var header = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"cosignature/v1\ntime {timestamp}\n"));
        var message = new byte[header.Length + text.Length];
        header.CopyTo(message, 0);
        text.CopyTo(message.AsSpan(header.Length));
        return message;
    }
}
