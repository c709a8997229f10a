namespace FinPilot.Ledger.Merkle;

/// <summary>
/// A complete (perfect) subtree: the <paramref name="Index"/>-th subtree of height
/// <paramref name="Level"/>, covering leaves <c>[Index·2^Level, (Index+1)·2^Level)</c>.
/// Level 0 subtrees are single leaves. Every proof hash is built from these.
/// </summary>
public readonly record struct SubtreeId(int Level, long Index)
{
    public long FirstLeaf => Index << Level;

    public long EndLeaf => (Index + 1) << Level;

    public override string ToString() => $"({Level},{Index})";
}
