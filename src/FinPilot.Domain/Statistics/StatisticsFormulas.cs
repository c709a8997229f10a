using FinPilot.Domain.Disclosure;

namespace FinPilot.Domain.Statistics;

/// <summary>One figure: an indicator's value for one key (a region's code, a call's id, "*" for a total).</summary>
public sealed record Figure(string Indicator, string Key, decimal Value);

/// <summary>
/// Every indicator of <see cref="Indicators"/> computed from public facts, in memory. This is the
/// formulas' reference: the platform computes the same figures in SQL, and anyone recomputing from
/// the open data runs this. Figures come in a canonical order (indicator, then key, ordinal) so two
/// computations compare and hash equal.
/// </summary>
public static class StatisticsFormulas
{
    public const string TotalKey = "*";

    public static IReadOnlyList<Figure> Compute(IReadOnlyCollection<PublicPilotFact> pilots, IReadOnlyCollection<PublicCallFact> calls, DateTimeOffset at)
    {
        var admitted = pilots.Where(p => p.IsAdmitted).ToList();
        var figures = new List<Figure>();
        figures.AddRange(Count(Indicators.PilotsByRegion, admitted.Select(p => p.RegionCode)));
        figures.AddRange(Count(Indicators.PilotsByBatch, admitted.Select(p => p.CallId.ToString())));
        figures.AddRange(Count(Indicators.CallsOpenByRegion, calls.Where(c => IsOpen(c, at)).Select(c => c.RegionCode)));
        figures.AddRange(MedianDays(admitted));
        figures.AddRange(Count(Indicators.PilotsByCategory, admitted.Select(p => p.Category.ToString())));
        figures.AddRange(Count(Indicators.PilotsByTechnology, admitted.SelectMany(p => p.Technologies.Select(t => t.Trim().ToLowerInvariant()).Distinct())));
        figures.AddRange(Count(Indicators.RegisterByStage, pilots.Select(p => PublicStages.Latest(p.Events)).OfType<PublicStage>().Select(s => s.ToString())));
        figures.AddRange(Funnel(pilots));
        figures.AddRange(Count(Indicators.ExitedByTier, pilots.Select(p => p.PublicTier).OfType<string>()));
        figures.Add(new Figure(Indicators.LeadInstitutions, TotalKey, admitted.Select(p => p.LeadKey).Distinct(StringComparer.Ordinal).Count()));
        figures.AddRange(Count(Indicators.PilotsByScenario, admitted.SelectMany(p => p.Scenarios.Select(t => t.Trim().ToLowerInvariant()).Distinct())));
        figures.AddRange(Count(Indicators.PilotsByLeadType, admitted.Select(p => p.LeadType).OfType<string>()));
        figures.AddRange(PilotIndex.Compute(PilotIndex.Inputs(pilots, at)));
        return Canonical(figures);
    }

    /// <summary>A call is open from its opening to its closing instant, unless closed early.</summary>
    public static bool IsOpen(PublicCallFact call, DateTimeOffset at) => !call.Closed && call.OpensAt <= at && at < call.ClosesAt;

    /// <summary>The median of the values: the middle one, or the mean of the middle two; null for none.</summary>
    public static decimal? Median(IEnumerable<int> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2m;
    }

    /// <summary>The median days to admission per region and over all regions ("*").</summary>
    public static IEnumerable<Figure> MedianDays(IEnumerable<PublicPilotFact> admitted)
    {
        var days = admitted.Where(p => p.DaysToAdmission is not null).Select(p => (p.RegionCode, Days: p.DaysToAdmission!.Value)).ToList();
        if (days.Count == 0)
        {
            yield break;
        }

        yield return new Figure(Indicators.MedianDaysToAdmission, TotalKey, Median(days.Select(d => d.Days))!.Value);
        foreach (var region in days.GroupBy(d => d.RegionCode))
        {
            yield return new Figure(Indicators.MedianDaysToAdmission, region.Key, Median(region.Select(d => d.Days))!.Value);
        }
    }

    /// <summary>Projects that reached each public step at least once (a later step implies nothing about an earlier one's count).</summary>
    public static IEnumerable<Figure> Funnel(IEnumerable<PublicPilotFact> pilots)
    {
        var list = pilots.ToList();
        yield return new Figure(Indicators.PublicFunnel, FunnelStep.Noticed.ToString(), list.Count(p => p.Events.Any(e => e.Kind == PublicEventKind.NoticePublished)));
        yield return new Figure(Indicators.PublicFunnel, FunnelStep.Admitted.ToString(), list.Count(p => p.IsAdmitted));
        yield return new Figure(Indicators.PublicFunnel, FunnelStep.Exited.ToString(), list.Count(p => p.Events.Any(e => e.Kind is PublicEventKind.Exit or PublicEventKind.Termination)));
    }

    /// <summary>Sorted by indicator then key (ordinal), the order figures are published, compared and hashed in.</summary>
    public static IReadOnlyList<Figure> Canonical(IEnumerable<Figure> figures) =>
        [.. figures.OrderBy(f => f.Indicator, StringComparer.Ordinal).ThenBy(f => f.Key, StringComparer.Ordinal)];

    /// <summary>The figures that differ between two computations: in one and not the other, or with another value.</summary>
    public static IReadOnlyList<(string Indicator, string Key, decimal? Expected, decimal? Actual)> Differences(IEnumerable<Figure> expected, IEnumerable<Figure> actual)
    {
        var left = expected.ToDictionary(f => (f.Indicator, f.Key), f => f.Value);
        var right = actual.ToDictionary(f => (f.Indicator, f.Key), f => f.Value);
        return [.. left.Keys.Union(right.Keys)
            .Select(k => (k.Indicator, k.Key, Expected: left.TryGetValue(k, out var l) ? l : (decimal?)null, Actual: right.TryGetValue(k, out var r) ? r : (decimal?)null))
            .Where(d => d.Expected != d.Actual)
            .OrderBy(d => d.Indicator, StringComparer.Ordinal).ThenBy(d => d.Key, StringComparer.Ordinal)];
    }

    private static IEnumerable<Figure> Count(string indicator, IEnumerable<string> keys) =>
        keys.GroupBy(k => k, StringComparer.Ordinal).Select(g => new Figure(indicator, g.Key, g.Count()));
}
