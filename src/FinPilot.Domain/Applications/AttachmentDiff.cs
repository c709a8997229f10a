namespace FinPilot.Domain.Applications;

/// <summary>A file of one version as a comparison sees it: its name, its content hash and the material it answers.</summary>
public sealed record AttachmentFact(string FileName, string Sha256, string? Material);

public enum AttachmentChangeKind
{
    Added = 1,
    Removed = 2,

    /// <summary>A file left and another took its place: same material, or same name when neither is labelled.</summary>
    Replaced = 3,
}

/// <summary>One file that differs between two versions.</summary>
public sealed record AttachmentChange(AttachmentChangeKind Kind, string? Material, AttachmentFact? Before, AttachmentFact? After);

/// <summary>
/// What a supplement did to the files: a file is the same when its content is (the hash), whatever
/// its name; what left and what came in are paired as a replacement when they answer the same
/// material, or carry the same name when unlabelled, so the working group sees "申报书 replaced".
/// </summary>
public static class AttachmentDiff
{
    public static IReadOnlyList<AttachmentChange> Between(IReadOnlyList<AttachmentFact> before, IReadOnlyList<AttachmentFact> after)
    {
        var (removed, added) = Unmatched(before, after);
        var changes = new List<AttachmentChange>();
        foreach (var gone in removed)
        {
            var replacement = added.FirstOrDefault(a => SameSlot(gone, a));
            if (replacement is null)
            {
                changes.Add(new AttachmentChange(AttachmentChangeKind.Removed, gone.Material, gone, null));
                continue;
            }

            added.Remove(replacement);
            changes.Add(new AttachmentChange(AttachmentChangeKind.Replaced, replacement.Material ?? gone.Material, gone, replacement));
        }

        changes.AddRange(added.Select(a => new AttachmentChange(AttachmentChangeKind.Added, a.Material, null, a)));
        return changes;
    }

    // Pairs the files both versions hold: first the same content under the same material, then the
    // same content relabelled, so one PDF given for two materials is matched to the right one.
    private static (List<AttachmentFact> Removed, List<AttachmentFact> Added) Unmatched(IReadOnlyList<AttachmentFact> before, IReadOnlyList<AttachmentFact> after)
    {
        var removed = before.ToList();
        var added = after.ToList();
        foreach (var sameMaterial in new[] { true, false })
        {
            foreach (var fact in removed.ToList())
            {
                var twin = added.FirstOrDefault(a => a.Sha256 == fact.Sha256 && (!sameMaterial || a.Material == fact.Material));
                if (twin is not null)
                {
                    removed.Remove(fact);
                    added.Remove(twin);
                }
            }
        }

        return (removed, added);
    }

    private static bool SameSlot(AttachmentFact gone, AttachmentFact came) =>
        gone.Material is not null || came.Material is not null
            ? string.Equals(gone.Material, came.Material, StringComparison.Ordinal)
            : string.Equals(gone.FileName, came.FileName, StringComparison.Ordinal);
}
