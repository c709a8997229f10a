using System.Numerics;

namespace FinPilot.Ledger.Merkle;

/// <summary>Integer arithmetic shared by the proof algorithms.</summary>
internal static class TreeMath
{
    /// <summary>The largest power of two strictly less than <paramref name="n"/> (n ≥ 2): RFC 9162's k.</summary>
    public static long SplitPoint(long n) => 1L << (63 - BitOperations.LeadingZeroCount((ulong)(n - 1)));

    public static void RequireSize(long treeSize, string name)
    {
        if (treeSize < 0)
        {
            throw new ArgumentOutOfRangeException(name, treeSize, "Tree sizes are non-negative.");
        }
    }
}
