using System.Globalization;
using System.Text;

namespace FinPilot.Ledger.Tiles;

/// <summary>
/// A C2SP tlog-tiles tile: hashes <c>[Index·256, Index·256 + Width)</c> at tree level 8·<see cref="Level"/>.
/// A tile is full at 256 hashes and partial (served as <c>.p/W</c>) below that.
/// </summary>
public readonly record struct Tile
{
    /// <summary>Tree levels per tile level: a tile is a subtree of height 8.</summary>
    public const int Height = 8;

    public const int MaxWidth = 1 << Height;

    public Tile(int level, long index, int width)
    {
        if (level is < 0 or > 63)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "Tile levels are 0 to 63.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(index);
        if (width is < 1 or > MaxWidth)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, "Tile widths are 1 to 256.");
        }

        Level = level;
        Index = index;
        Width = width;
    }

    public int Level { get; }

    public long Index { get; }

    public int Width { get; }

    public bool IsFull => Width == MaxWidth;

    /// <summary>Path of this hash tile, e.g. <c>tile/0/x001/x234/067.p/8</c>.</summary>
    public string Path => $"tile/{Level.ToString(CultureInfo.InvariantCulture)}/{Suffix()}";

    /// <summary>Path of the entry bundle matching this level-0 tile, e.g. <c>tile/entries/067</c>.</summary>
    public string EntriesPath => Level == 0
        ? $"tile/entries/{Suffix()}"
        : throw new InvalidOperationException("Only level 0 tiles have entry bundles.");

    /// <summary>
    /// The tile at <paramref name="level"/> holding hash number <paramref name="hashIndex"/> of that
    /// level, as wide as the tree of <paramref name="treeSize"/> leaves makes it.
    /// </summary>
    public static Tile Containing(int level, long hashIndex, long treeSize)
    {
        var index = hashIndex / MaxWidth;
        var hashesAtLevel = LevelWidth(level, treeSize);
        var width = (int)Math.Min(MaxWidth, hashesAtLevel - (index * MaxWidth));
        return width > 0
            ? new Tile(level, index, width)
            : throw new ArgumentOutOfRangeException(nameof(hashIndex), hashIndex, $"Not in a tree of {treeSize} leaves.");
    }

    /// <summary>
    /// The tiles a log must (re)write when growing from <paramref name="oldSize"/> to
    /// <paramref name="newSize"/>: every tile that is new or wider, at every level.
    /// </summary>
    public static IReadOnlyList<Tile> ForGrowth(long oldSize, long newSize)
    {
        if (oldSize < 0 || newSize < oldSize)
        {
            throw new ArgumentOutOfRangeException(nameof(newSize), "Sizes must satisfy 0 ≤ old ≤ new.");
        }

        var tiles = new List<Tile>();
        for (var level = 0; level <= 63 && LevelWidth(level, newSize) > 0; level++)
        {
            var oldWidth = LevelWidth(level, oldSize);
            var newWidth = LevelWidth(level, newSize);
            if (newWidth == oldWidth)
            {
                continue;
            }

            // The tile holding the old edge grew (or is new); all tiles after it are new.
            for (var index = oldWidth / MaxWidth; index * MaxWidth < newWidth; index++)
            {
                var width = (int)Math.Min(MaxWidth, newWidth - (index * MaxWidth));
                tiles.Add(new Tile(level, index, width));
            }
        }

        return tiles;
    }

    /// <summary>How many hashes tile level <paramref name="level"/> has for a tree: ⌊size / 256^level⌋.</summary>
    public static long LevelWidth(int level, long treeSize) =>
        level * Height >= 63 ? 0 : treeSize >> (level * Height);

    /// <summary>Parses a hash tile or entry bundle path. Strict: one spelling per tile.</summary>
    public static Result<(Tile Tile, bool IsEntries)> ParsePath(string path) => TilePath.Parse(path);

    public override string ToString() => Path;

    private string Suffix()
    {
        var text = new StringBuilder();
        TilePath.AppendIndex(text, Index);
        if (!IsFull)
        {
            text.Append(CultureInfo.InvariantCulture, $".p/{Width}");
        }

        return text.ToString();
    }
}
