using System.Numerics;
using FinPilot.Ledger.Merkle;

namespace FinPilot.Ledger.Storage;

/// <summary>
/// The append-only order in which a log stores its hashes (the scheme of Go's sumdb/tlog):
/// after leaf n's hash come the hashes of every subtree that leaf n completes. Each leaf adds
/// one leaf hash plus, on average, one interior hash, and nothing stored ever changes.
/// </summary>
/// <remarks>
/// Before leaf n there are n leaf hashes and n/2 + n/4 + … interior ones, which sums to
/// <c>2n − popcount(n)</c>; that closed form gives every index below in O(1).
/// </remarks>
public static class StoredHashIndex
{
    /// <summary>How many hashes a tree of <paramref name="treeSize"/> leaves stores.</summary>
    public static long Count(long treeSize)
    {
        TreeMath.RequireSize(treeSize, nameof(treeSize));
        return (2 * treeSize) - BitOperations.PopCount((ulong)treeSize);
    }

    /// <summary>The stored index of complete subtree (<paramref name="level"/>, <paramref name="index"/>).</summary>
    public static long Of(int level, long index)
    {
        if (level is < 0 or > 62 || index < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(level), $"No stored hash at ({level},{index}).");
        }

        // The subtree is completed, and stored, right after its last leaf, at offset `level`.
        var lastLeaf = ((index + 1) << level) - 1;
        return Count(lastLeaf) + level;
    }

    public static long Of(SubtreeId id) => Of(id.Level, id.Index);

    /// <summary>The subtree stored at <paramref name="storedIndex"/>.</summary>
    public static SubtreeId Split(long storedIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(storedIndex);

        // Find the leaf whose block holds the index: Count(n) ≤ index < Count(n + 1).
        // Count(n) is within 64 of 2n, so a short walk from index/2 lands on it.
        var leaf = storedIndex / 2;
        while (Count(leaf) > storedIndex)
        {
            leaf--;
        }

        while (Count(leaf + 1) <= storedIndex)
        {
            leaf++;
        }

        var level = (int)(storedIndex - Count(leaf));
        return new SubtreeId(level, ((leaf + 1) >> level) - 1);
    }
}
