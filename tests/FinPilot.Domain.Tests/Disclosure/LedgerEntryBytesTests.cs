using FinPilot.Domain.Disclosure;

namespace FinPilot.Domain.Tests.Disclosure;

/// <summary>
/// An entry's bytes are written directly for speed; they must stay exactly the canonical JSON the
/// log has always hashed, or every proof of an old entry would break.
/// </summary>
public sealed class LedgerEntryBytesTests
{
    public static TheoryData<LedgerEntry> Entries() =>
    [
        new LedgerEntry(1, "Notice.Published", "BJ", "3f2c", Guid.Parse("0b8f3c2e-5d1a-4e7b-9c6f-1a2b3c4d5e6f"), new DateTimeOffset(2026, 9, 30, 10, 0, 0, TimeSpan.FromHours(8)), new string('a', 64), "/notices/1"),
        new LedgerEntry(long.MaxValue, "Call.Published", string.Empty, "subject \"quoted\" \\ back", null, new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero).AddTicks(9), "ff", "/calls/x?y=1&z=<2>"),
        new LedgerEntry(42, "试点.准入", "上海", "控制\u0001字符\n\t换行\u001f", Guid.Empty, DateTimeOffset.UnixEpoch, "00", "/pilots/区块链 😀 \u2028 é"),
    ];

    [Theory, MemberData(nameof(Entries))]
    public void Direct_bytes_equal_the_canonical_serialisation(LedgerEntry entry) =>
        Assert.Equal(CanonicalJson.ToUtf8Bytes(entry), entry.ToBytes());

    [Fact]
    public void Random_entries_give_the_same_bytes_both_ways()
    {
        var random = new Random(15);
        string[] units = ["a", "b", "X", "0", " ", "\"", "\\", "/", "\n", "\t", "\u0000", "\u007f", "中", "文", "😀", "é", "<", ">", "&", "'", "\u2028"];
        string Text(int max) => string.Concat(Enumerable.Range(0, random.Next(max)).Select(_ => units[random.Next(units.Length)]));
        for (var i = 0; i < 500; i++)
        {
            var text = Text(30);
            var entry = new LedgerEntry(
                random.NextInt64(), text, Text(3), text + i,
                random.Next(2) == 0 ? null : Guid.NewGuid(),
                DateTimeOffset.UnixEpoch.AddTicks(random.NextInt64(0, 700_000_000_000_000_000)).ToOffset(TimeSpan.FromHours(random.Next(-12, 14))),
                Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()), "/" + text);
            Assert.Equal(CanonicalJson.ToUtf8Bytes(entry), entry.ToBytes());
        }
    }
}
