namespace FinPilot.Ledger.Merkle;

/// <summary>
/// Builds RFC 9162 hashes and proofs (§2.1.1 MTH, §2.1.3.1 PATH, §2.1.4.1 PROOF) from the hashes
/// of complete subtrees, whatever holds them: a hash store, static tiles, or a list of leaves.
/// </summary>
/// <remarks>
/// Every method takes a lookup for complete subtrees. Callers whose storage is remote run the
/// matching <c>Required…</c> method first, fetch those hashes in one batch, then call again with
/// a dictionary lookup: one round trip instead of one per hash.
/// </remarks>
public static class MerkleProofs
{
    /// <summary>MTH(D[lo:hi]) for a range produced by RFC 9162 recursion (lo aligned to the range's
    /// largest power-of-two part, which holds for every range the algorithms below create).</summary>
    public static MerkleHash RangeHash(long lo, long hi, Func<SubtreeId, MerkleHash> subtree)
    {
        if (hi <= lo)
        {
            return MerkleHash.EmptyTree;
        }

        // Decompose [lo, hi) into complete subtrees of decreasing size, then fold from the right:
        // that is exactly the shape RFC 9162's recursive definition produces.
        Span<MerkleHash> parts = stackalloc MerkleHash[64];
        var count = 0;
        var start = lo;
        while (start < hi)
        {
            var level = 63 - System.Numerics.BitOperations.LeadingZeroCount((ulong)(hi - start));
            while ((start & ((1L << level) - 1)) != 0)
            {
                level--;
            }

            parts[count++] = subtree(new SubtreeId(level, start >> level));
            start += 1L << level;
        }

        var hash = parts[count - 1];
        for (var i = count - 2; i >= 0; i--)
        {
            hash = MerkleHash.Node(parts[i], hash);
        }

        return hash;
    }

    /// <summary>The root hash of the tree of <paramref name="treeSize"/> leaves.</summary>
    public static MerkleHash Root(long treeSize, Func<SubtreeId, MerkleHash> subtree)
    {
        TreeMath.RequireSize(treeSize, nameof(treeSize));
        return RangeHash(0, treeSize, subtree);
    }

    /// <summary>The inclusion proof (audit path) of leaf <paramref name="index"/> in a tree of
    /// <paramref name="treeSize"/> leaves, leaf sibling first.</summary>
    public static MerkleHash[] Inclusion(long index, long treeSize, Func<SubtreeId, MerkleHash> subtree)
    {
        if (index < 0 || index >= treeSize)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Leaf index must be in [0, {treeSize}).");
        }

        // Walk from the root down, collecting the sibling of the branch holding the leaf; the
        // proof lists them bottom-up, so the collected list is reversed at the end.
        var path = new List<MerkleHash>(64);
        long lo = 0, hi = treeSize;
        while (hi - lo > 1)
        {
            var k = TreeMath.SplitPoint(hi - lo);
            if (index - lo < k)
            {
                path.Add(RangeHash(lo + k, hi, subtree));
                hi = lo + k;
            }
            else
            {
                path.Add(RangeHash(lo, lo + k, subtree));
                lo += k;
            }
        }

        path.Reverse();
        return [.. path];
    }

    /// <summary>The consistency proof between the trees of <paramref name="oldSize"/> and
    /// <paramref name="newSize"/> leaves (0 &lt; oldSize ≤ newSize).</summary>
    public static MerkleHash[] Consistency(long oldSize, long newSize, Func<SubtreeId, MerkleHash> subtree)
    {
        if (oldSize <= 0 || oldSize > newSize)
        {
            throw new ArgumentOutOfRangeException(nameof(oldSize), oldSize, $"Old size must be in [1, {newSize}].");
        }

        // Iterative SUBPROOF(m, D[lo:hi], b); collected top-down, emitted bottom-up.
        var path = new List<MerkleHash>(64);
        long m = oldSize, lo = 0, hi = newSize;
        var wholeOldTree = true;
        while (m != hi - lo)
        {
            var k = TreeMath.SplitPoint(hi - lo);
            if (m <= k)
            {
                path.Add(RangeHash(lo + k, hi, subtree));
                hi = lo + k;
            }
            else
            {
                path.Add(RangeHash(lo, lo + k, subtree));
                lo += k;
                m -= k;
                wholeOldTree = false;
            }
        }

        if (!wholeOldTree)
        {
            path.Add(RangeHash(lo, hi, subtree));
        }

        path.Reverse();
        return [.. path];
    }

    /// <summary>The complete subtrees <see cref="Root"/> reads.</summary>
    public static IReadOnlyList<SubtreeId> RequiredForRoot(long treeSize) =>
        Record(lookup => Root(treeSize, lookup));

    /// <summary>The complete subtrees <see cref="Inclusion"/> reads.</summary>
    public static IReadOnlyList<SubtreeId> RequiredForInclusion(long index, long treeSize) =>
        Record(lookup => Inclusion(index, treeSize, lookup));

    /// <summary>The complete subtrees <see cref="Consistency"/> reads.</summary>
    public static IReadOnlyList<SubtreeId> RequiredForConsistency(long oldSize, long newSize) =>
        Record(lookup => Consistency(oldSize, newSize, lookup));

    // Running the algorithm against a recording lookup keeps "what is needed" and "what is
    // computed" impossible to drift apart.
    private static List<SubtreeId> Record(Action<Func<SubtreeId, MerkleHash>> run)
    {
        var seen = new HashSet<SubtreeId>();
        var ordered = new List<SubtreeId>();
        run(id =>
        {
            if (seen.Add(id))
            {
                ordered.Add(id);
            }

            return default;
        });
        return ordered;
    }
}
