namespace FinPilot.Ledger.Merkle;

/// <summary>
/// The right edge of a tree being built one leaf at a time: the roots of its complete subtrees,
/// largest first. Enough to give the RFC 9162 root at any size while holding at most 63 hashes,
/// so a client can hash a whole log without storing it.
/// </summary>
internal sealed class TreeFrontier(Action<SubtreeId, MerkleHash>? onSubtreeCompleted = null)
{
    private readonly List<(int Level, MerkleHash Hash)> _roots = new(64);

    public long Size { get; private set; }

    /// <summary>Adds a leaf, merging it with every subtree it completes (like a binary counter's carry).
    /// Each completed interior subtree is reported, in leaf order within its level.</summary>
    public void Append(in MerkleHash leafHash)
    {
        Size++;
        var hash = leafHash;
        var level = 0;
        while (_roots.Count > 0 && _roots[^1].Level == level)
        {
            hash = MerkleHash.Node(_roots[^1].Hash, hash);
            _roots.RemoveAt(_roots.Count - 1);
            level++;
            onSubtreeCompleted?.Invoke(new SubtreeId(level, (Size >> level) - 1), hash);
        }

        _roots.Add((level, hash));
    }

    /// <summary>MTH of the leaves so far: the subtree roots folded from the right, the shape
    /// RFC 9162's recursive definition gives.</summary>
    public MerkleHash Root()
    {
        if (_roots.Count == 0)
        {
            return MerkleHash.EmptyTree;
        }

        var hash = _roots[^1].Hash;
        for (var i = _roots.Count - 2; i >= 0; i--)
        {
            hash = MerkleHash.Node(_roots[i].Hash, hash);
        }

        return hash;
    }
}
