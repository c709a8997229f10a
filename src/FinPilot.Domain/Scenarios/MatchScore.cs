namespace FinPilot.Domain.Scenarios;

/// <summary>
/// How a recommendation is scored, the documented weights in one place:
/// <c>score = 0.5 × text + 0.3 × tags + 0.1 × sameArea + 0.1 × sameRegion</c>, where
/// <c>text</c> is the BM25 score normalised by the best score of the same query (0..1),
/// <c>tags</c> the Jaccard overlap of the technologies (0..1), <c>sameArea</c> 1 when a solution
/// answering a scenario of the same business area (or the scenario itself) is compared, and
/// <c>sameRegion</c> 1 when both sides are in one region. Text leads because it carries the pain
/// point; tags are chosen from fixed lists and are precise but coarse; area and region only break ties.
/// </summary>
public static class MatchScore
{
    public const double TextWeight = 0.5;
    public const double TagWeight = 0.3;
    public const double AreaWeight = 0.1;
    public const double RegionWeight = 0.1;

    public static double Jaccard(IReadOnlyCollection<Technology> a, IReadOnlyCollection<Technology> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var union = a.Union(b).Count();
        return union == 0 ? 0 : (double)a.Intersect(b).Count() / union;
    }

    /// <summary>The combined score; <paramref name="normalisedText"/> must already be in 0..1.</summary>
    public static double Combine(double normalisedText, double jaccard, bool sameArea, bool sameRegion) =>
        (TextWeight * Math.Clamp(normalisedText, 0, 1)) + (TagWeight * Math.Clamp(jaccard, 0, 1))
        + (sameArea ? AreaWeight : 0) + (sameRegion ? RegionWeight : 0);
}
