using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace FinPilot.Ledger.Notes;

/// <summary>Key names and key IDs as signed-note defines them.</summary>
public static class NoteKeyId
{
    /// <summary><c>SHA-256(name ‖ 0x0A ‖ type ‖ public key)[:4]</c> as a big-endian uint32.</summary>
    public static uint Compute(string name, SignatureType type, ReadOnlySpan<byte> publicKey)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[nameBytes.Length + 2 + publicKey.Length];
        nameBytes.CopyTo(input, 0);
        input[nameBytes.Length] = (byte)'\n';
        input[nameBytes.Length + 1] = (byte)type;
        publicKey.CopyTo(input.AsSpan(nameBytes.Length + 2));
        return BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(input));
    }

    /// <summary>Names are non-empty and hold no Unicode spaces or '+', so key strings split unambiguously.</summary>
    public static bool IsValidName(string name) =>
        name.Length > 0 && !name.Any(c => c == '+' || char.IsWhiteSpace(c) || char.IsControl(c));

    public static string Format(uint keyId) => keyId.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);

    public static bool TryParse(string text, out uint keyId) =>
        uint.TryParse(text, System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out keyId)
        && text.Length == 8;
}
