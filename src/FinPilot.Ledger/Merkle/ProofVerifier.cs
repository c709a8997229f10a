namespace FinPilot.Ledger.Merkle;

/// <summary>
/// RFC 9162 proof verification (§2.1.3.2 inclusion, §2.1.4.2 consistency). These take
/// untrusted input, so every malformed case is a <c>false</c>, never an exception.
/// </summary>
public static class ProofVerifier
{
    /// <summary>True when <paramref name="proof"/> shows leaf <paramref name="leafIndex"/> with hash
    /// <paramref name="leafHash"/> is in the tree of <paramref name="treeSize"/> leaves with root <paramref name="root"/>.</summary>
    public static bool VerifyInclusion(
        long leafIndex, long treeSize, in MerkleHash leafHash, ReadOnlySpan<MerkleHash> proof, in MerkleHash root)
    {
        var computed = RootFromInclusion(leafIndex, treeSize, leafHash, proof);
        return computed is { } hash && hash == root;
    }

    /// <summary>The root implied by an inclusion proof, or null if the proof has the wrong shape
    /// for (<paramref name="leafIndex"/>, <paramref name="treeSize"/>).</summary>
    public static MerkleHash? RootFromInclusion(
        long leafIndex, long treeSize, in MerkleHash leafHash, ReadOnlySpan<MerkleHash> proof)
    {
        if (leafIndex < 0 || leafIndex >= treeSize)
        {
            return null;
        }

        var fn = leafIndex;
        var sn = treeSize - 1;
        var r = leafHash;
        foreach (ref readonly var p in proof)
        {
            if (sn == 0)
            {
                return null;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                r = MerkleHash.Node(p, r);
                if ((fn & 1) == 0)
                {
                    // fn is the last node of its level: climb until it becomes a right child.
                    while ((fn & 1) == 0 && fn != 0)
                    {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            }
            else
            {
                r = MerkleHash.Node(r, p);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 ? r : null;
    }

    /// <summary>True when <paramref name="proof"/> shows the tree of <paramref name="oldSize"/> leaves
    /// with root <paramref name="oldRoot"/> is a prefix of the tree of <paramref name="newSize"/> leaves
    /// with root <paramref name="newRoot"/>.</summary>
    public static bool VerifyConsistency(
        long oldSize, long newSize, in MerkleHash oldRoot, in MerkleHash newRoot, ReadOnlySpan<MerkleHash> proof)
    {
        if (oldSize <= 0 || oldSize > newSize)
        {
            return false;
        }

        if (oldSize == newSize)
        {
            // Same tree: nothing to prove, and anything extra in the proof is a sign of tampering.
            return proof.IsEmpty && oldRoot == newRoot;
        }

        if (proof.IsEmpty)
        {
            return false;
        }

        // A power-of-two old tree is itself a node of the new tree; RFC 9162 leaves it out of the proof.
        var oldIsPowerOfTwo = (oldSize & (oldSize - 1)) == 0;
        var start = oldIsPowerOfTwo ? oldRoot : proof[0];
        var rest = oldIsPowerOfTwo ? proof : proof[1..];

        var fn = oldSize - 1;
        var sn = newSize - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        var fr = start;
        var sr = start;
        foreach (ref readonly var c in rest)
        {
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                fr = MerkleHash.Node(c, fr);
                sr = MerkleHash.Node(c, sr);
                if ((fn & 1) == 0)
                {
                    while ((fn & 1) == 0 && fn != 0)
                    {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            }
            else
            {
                sr = MerkleHash.Node(sr, c);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && fr == oldRoot && sr == newRoot;
    }
}
