using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace FinPilot.Ledger.Merkle;

/// <summary>
/// A SHA-256 Merkle tree hash as defined by RFC 6962/9162. A 32-byte value type so that
/// millions of them can sit in arrays without per-hash allocations.
/// </summary>
public readonly struct MerkleHash : IEquatable<MerkleHash>
{
    public const int Size = 32;

    private const byte LeafPrefix = 0x00;
    private const byte NodePrefix = 0x01;

    private readonly Bytes32 _bytes;

    public MerkleHash(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
        {
            throw new ArgumentException($"A Merkle hash is {Size} bytes, got {bytes.Length}.", nameof(bytes));
        }

        bytes.CopyTo(_bytes);
    }

    /// <summary>The 32 bytes, viewed in place (valid as long as this hash variable is).</summary>
    [UnscopedRef]
    public ReadOnlySpan<byte> Span => _bytes;

    /// <summary>The leaf hash <c>SHA-256(0x00 ‖ data)</c>.</summary>
    public static MerkleHash Leaf(ReadOnlySpan<byte> data)
    {
        // Stream through IncrementalHash only for large entries; small ones are cheaper to copy.
        if (data.Length <= 1024)
        {
            Span<byte> buffer = stackalloc byte[data.Length + 1];
            buffer[0] = LeafPrefix;
            data.CopyTo(buffer[1..]);
            return Digest(buffer);
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData([LeafPrefix]);
        hash.AppendData(data);
        var result = new MerkleHash();
        hash.GetHashAndReset(Writable(ref result));
        return result;
    }

    /// <summary>The interior node hash <c>SHA-256(0x01 ‖ left ‖ right)</c>.</summary>
    public static MerkleHash Node(in MerkleHash left, in MerkleHash right)
    {
        Span<byte> buffer = stackalloc byte[1 + (2 * Size)];
        buffer[0] = NodePrefix;
        left.Span.CopyTo(buffer[1..]);
        right.Span.CopyTo(buffer[(1 + Size)..]);
        return Digest(buffer);
    }

    /// <summary>The root of the empty tree, <c>SHA-256("")</c> (RFC 9162 §2.1.1).</summary>
    public static MerkleHash EmptyTree { get; } = Digest([]);

    public static MerkleHash FromBase64(string text) =>
        TryParseBase64(text, out var hash) ? hash : throw new FormatException("Not a base64 SHA-256 hash.");

    public static bool TryParseBase64(ReadOnlySpan<char> text, out MerkleHash hash)
    {
        hash = default;
        // Exactly 44 characters: 32 bytes in padded standard base64, nothing else accepted.
        if (text.Length != 44)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[33];
        if (!Convert.TryFromBase64Chars(text, bytes, out var written) || written != Size)
        {
            return false;
        }

        hash = new MerkleHash(bytes[..Size]);
        // Reject non-canonical encodings (stray low bits in the last character) so a hash has one text form.
        return hash.ToBase64().AsSpan().SequenceEqual(text);
    }

    public string ToBase64() => Convert.ToBase64String(Span);

    public string ToHex() => Convert.ToHexStringLower(Span);

    public static MerkleHash FromHex(string hex) => new(Convert.FromHexString(hex));

    public bool Equals(MerkleHash other) => Span.SequenceEqual(other.Span);

    public override bool Equals(object? obj) => obj is MerkleHash other && Equals(other);

    public override int GetHashCode() => BitConverter.ToInt32(Span);

    public static bool operator ==(MerkleHash left, MerkleHash right) => left.Equals(right);

    public static bool operator !=(MerkleHash left, MerkleHash right) => !left.Equals(right);

    public override string ToString() => ToBase64();

    private static MerkleHash Digest(ReadOnlySpan<byte> input)
    {
        var result = new MerkleHash();
        SHA256.HashData(input, Writable(ref result));
        return result;
    }

    // Only used on freshly created locals before they escape, which keeps the struct immutable to callers.
    private static Span<byte> Writable(ref MerkleHash hash) => MemoryMarshal.CreateSpan(ref Unsafe.AsRef(in hash._bytes[0]), Size);

    [InlineArray(Size)]
    private struct Bytes32
    {
        private byte _element;
    }
}
