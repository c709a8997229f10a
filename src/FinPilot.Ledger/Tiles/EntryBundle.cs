using System.Buffers.Binary;

namespace FinPilot.Ledger.Tiles;

/// <summary>
/// A tlog-tiles entry bundle: up to 256 consecutive log entries, each prefixed by its length as
/// a big-endian uint16 (so entries are at most 65,535 bytes).
/// </summary>
public static class EntryBundle
{
    public const int MaxEntryLength = ushort.MaxValue;

    public static byte[] Encode(IReadOnlyList<ReadOnlyMemory<byte>> entries)
    {
        if (entries.Count > Tile.MaxWidth)
        {
            throw new ArgumentException($"A bundle holds at most {Tile.MaxWidth} entries.", nameof(entries));
        }

        var size = 0;
        foreach (var entry in entries)
        {
            if (entry.Length > MaxEntryLength)
            {
                throw new ArgumentException($"Entries are at most {MaxEntryLength} bytes.", nameof(entries));
            }

            size += 2 + entry.Length;
        }

        var bundle = new byte[size];
        var offset = 0;
        foreach (var entry in entries)
        {
            BinaryPrimitives.WriteUInt16BigEndian(bundle.AsSpan(offset), (ushort)entry.Length);
            entry.Span.CopyTo(bundle.AsSpan(offset + 2));
            offset += 2 + entry.Length;
        }

        return bundle;
    }

    /// <summary>Splits a bundle into entries; fails on truncation or trailing bytes.</summary>
    public static Result<IReadOnlyList<ReadOnlyMemory<byte>>> Decode(ReadOnlyMemory<byte> bundle)
    {
        var entries = new List<ReadOnlyMemory<byte>>();
        var rest = bundle;
        while (!rest.IsEmpty)
        {
            if (rest.Length < 2)
            {
                return Result<IReadOnlyList<ReadOnlyMemory<byte>>>.Fail("Entry bundle ends inside a length prefix.");
            }

            int length = BinaryPrimitives.ReadUInt16BigEndian(rest.Span);
            if (rest.Length < 2 + length)
            {
                return Result<IReadOnlyList<ReadOnlyMemory<byte>>>.Fail("Entry bundle ends inside an entry.");
            }

            entries.Add(rest.Slice(2, length));
            rest = rest[(2 + length)..];
            if (entries.Count > Tile.MaxWidth)
            {
                return Result<IReadOnlyList<ReadOnlyMemory<byte>>>.Fail($"Entry bundle has more than {Tile.MaxWidth} entries.");
            }
        }

        return Result<IReadOnlyList<ReadOnlyMemory<byte>>>.Ok(entries);
    }
}
