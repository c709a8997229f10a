using System.Globalization;
using System.Text;

namespace FinPilot.Ledger.Tiles;

/// <summary>
/// The tlog-tiles path encoding: the index in 3-digit groups, all but the last prefixed with
/// <c>x</c> (1234067 → <c>x001/x234/067</c>), so a directory never shares a name with a file.
/// </summary>
internal static class TilePath
{
    public static void AppendIndex(StringBuilder text, long index)
    {
        var groups = new Stack<long>();
        do
        {
            groups.Push(index % 1000);
            index /= 1000;
        }
        while (index > 0);

        while (groups.Count > 0)
        {
            var group = groups.Pop();
            if (groups.Count > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"x{group:D3}/");
            }
            else
            {
                text.Append(CultureInfo.InvariantCulture, $"{group:D3}");
            }
        }
    }

    public static Result<(Tile Tile, bool IsEntries)> Parse(string path)
    {
        var parts = path.Split('/');
        if (parts.Length < 3 || parts[0] != "tile")
        {
            return Fail(path);
        }

        var isEntries = parts[1] == "entries";
        var level = 0;
        if (!isEntries && !TryParseDecimal(parts[1], 63, out level))
        {
            return Fail(path);
        }

        // A partial tile ends in "NNN.p/W": split off the width first.
        var width = Tile.MaxWidth;
        var indexParts = parts.AsSpan(2);
        if (indexParts.Length >= 2 && indexParts[^2].EndsWith(".p", StringComparison.Ordinal))
        {
            if (!TryParseDecimal(indexParts[^1], Tile.MaxWidth - 1, out width) || width == 0)
            {
                return Fail(path);
            }

            indexParts[^2] = indexParts[^2][..^2];
            indexParts = indexParts[..^1];
        }

        long index = 0;
        for (var i = 0; i < indexParts.Length; i++)
        {
            var part = indexParts[i];
            var last = i == indexParts.Length - 1;
            var digits = last ? part : (part.StartsWith('x') ? part[1..] : "");
            if (digits.Length != 3 || !digits.All(char.IsAsciiDigit) || index > (long.MaxValue / 1000) - 1)
            {
                return Fail(path);
            }

            index = (index * 1000) + int.Parse(digits, CultureInfo.InvariantCulture);
        }

        var tile = new Tile(level, index, width);
        var canonical = isEntries ? tile.EntriesPath : tile.Path;
        // Rejects leading zero groups such as x000/001, which would give one tile two paths.
        return canonical == path ? (tile, isEntries) : Fail(path);
    }

    private static bool TryParseDecimal(string text, int max, out int value)
    {
        value = 0;
        if (text.Length is 0 or > 3 || !text.All(char.IsAsciiDigit) || (text.Length > 1 && text[0] == '0'))
        {
            return false;
        }

        value = int.Parse(text, CultureInfo.InvariantCulture);
        return value <= max;
    }

    private static Result<(Tile, bool)> Fail(string path) => Result<(Tile, bool)>.Fail($"Not a tile path: '{path}'.");
}
