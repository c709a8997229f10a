using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Exit;

namespace FinPilot.Domain.Statistics;

/// <summary>The four parts of the pilot index (试点指数).</summary>
public enum IndexComponent
{
    /// <summary>活跃度: pilots admitted in the year before, against the most active region's.</summary>
    Activity = 1,

    /// <summary>创新广度: technologies the region's pilots test, against all technologies tested anywhere.</summary>
    Breadth = 2,

    /// <summary>监管质量: the region's pilots never suspended, never terminated and with no public correction order open.</summary>
    Supervision = 3,

    /// <summary>退出质量: the mean score of the region's public exit tiers.</summary>
    ExitQuality = 4,
}

/// <summary>What the index reads of one region's pilots, all of it public (register, events, tiers).</summary>
/// <param name="Admitted">Pilots admitted at least once.</param>
/// <param name="AdmittedInPeriod">Of those, the pilots admitted within <see cref="PilotIndex.Period"/> before the figures' instant.</param>
/// <param name="Technologies">The technology codes the admitted pilots test.</param>
/// <param name="Troubled">Admitted pilots ever suspended or terminated, or with more public correction orders than closures.</param>
/// <param name="Tiers">The public exit tiers (<see cref="ExitTier"/> names) of the region's pilots.</param>
public sealed record PilotIndexInput(string RegionCode, int Admitted, int AdmittedInPeriod, IReadOnlyCollection<string> Technologies, int Troubled, IReadOnlyCollection<string> Tiers);

/// <summary>
/// 试点指数 (FP-R-005), version 2026.1: one score from 0 to 100 per region with admitted pilots, the
/// weighted mean of four components (FP-R-006), each 0–100:
/// activity = 100 × admitted in the last 365 days ÷ the highest such count of any region (0 when none);
/// breadth = 100 × the region's technologies ÷ the technologies of all regions;
/// supervision = 100 × (admitted − troubled) ÷ admitted;
/// exit quality = the mean of the tiers' scores (示范 100, 良好 75, 合格 50, 不合格 0).
/// Weights 0.25, 0.25, 0.30, 0.20; a component with nothing to measure (no technologies anywhere, no
/// tier yet) is left out and the others' weights are scaled to sum to 1. Values are rounded to one
/// decimal (half away from zero) only when published, so the index uses the unrounded components.
/// </summary>
public static class PilotIndex
{
    public const string Version = "2026.1";

    /// <summary>The window activity counts admissions in, ending at the figures' instant.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromDays(365);

    public static IReadOnlyDictionary<IndexComponent, decimal> Weights { get; } = new Dictionary<IndexComponent, decimal>
    {
        [IndexComponent.Activity] = 0.25m,
        [IndexComponent.Breadth] = 0.25m,
        [IndexComponent.Supervision] = 0.30m,
        [IndexComponent.ExitQuality] = 0.20m,
    };

    public static IReadOnlyDictionary<ExitTier, decimal> TierScores { get; } = new Dictionary<ExitTier, decimal>
    {
        [ExitTier.Exemplary] = 100m,
        [ExitTier.Good] = 75m,
        [ExitTier.Qualified] = 50m,
        [ExitTier.Failed] = 0m,
    };

    /// <summary>The key of a component's figure: the region's code and the component, as "BJ:Activity".</summary>
    public static string ComponentKey(string regionCode, IndexComponent component) => $"{regionCode}:{component}";

    /// <summary>Whether a pilot's public history counts against supervision quality.</summary>
    public static bool IsTroubled(IEnumerable<PublicEventFact> events)
    {
        var list = events.ToList();
        return list.Any(e => e.Kind is PublicEventKind.Suspended or PublicEventKind.Termination)
            || list.Count(e => e.Kind == PublicEventKind.CorrectionOrdered) > list.Count(e => e.Kind == PublicEventKind.CorrectionClosed);
    }

    /// <summary>The index and its components for each region with admitted pilots.</summary>
    public static IEnumerable<Figure> Compute(IReadOnlyCollection<PilotIndexInput> regions)
    {
        var scored = regions.Where(r => r.Admitted > 0).ToList();
        var mostActive = scored.Select(r => r.AdmittedInPeriod).DefaultIfEmpty(0).Max();
        var allTechnologies = scored.SelectMany(r => r.Technologies).Distinct(StringComparer.Ordinal).Count();
        foreach (var region in scored)
        {
            var components = new Dictionary<IndexComponent, decimal?>
            {
                [IndexComponent.Activity] = mostActive == 0 ? 0m : 100m * region.AdmittedInPeriod / mostActive,
                [IndexComponent.Breadth] = allTechnologies == 0 ? null : 100m * region.Technologies.Distinct(StringComparer.Ordinal).Count() / allTechnologies,
                [IndexComponent.Supervision] = 100m * (region.Admitted - region.Troubled) / region.Admitted,
                [IndexComponent.ExitQuality] = ExitQuality(region.Tiers),
            };
            var present = components.Where(c => c.Value is not null).Select(c => (Component: c.Key, Value: c.Value.GetValueOrDefault())).ToList();
            var weight = present.Sum(c => Weights[c.Component]);
            var index = present.Sum(c => Weights[c.Component] * c.Value) / weight;
            yield return new Figure(Indicators.PilotIndex, region.RegionCode, Round(index));
            foreach (var (component, value) in present)
            {
                yield return new Figure(Indicators.PilotIndexComponents, ComponentKey(region.RegionCode, component), Round(value));
            }
        }
    }

    /// <summary>The inputs read from the public facts: the reference the platform's SQL is held to.</summary>
    public static IReadOnlyList<PilotIndexInput> Inputs(IEnumerable<PublicPilotFact> pilots, DateTimeOffset at)
    {
        var from = at - Period;
        return [.. pilots.GroupBy(p => p.RegionCode, StringComparer.Ordinal).Select(region =>
        {
            var admitted = region.Where(p => p.IsAdmitted).ToList();
            return new PilotIndexInput(
                region.Key,
                admitted.Count,
                admitted.Count(p => p.Events.Any(e => e.Kind == PublicEventKind.Admitted && e.At > from)),
                [.. admitted.SelectMany(p => p.Technologies.Select(t => t.Trim().ToLowerInvariant())).Distinct(StringComparer.Ordinal)],
                admitted.Count(p => IsTroubled(p.Events)),
                [.. region.Select(p => p.PublicTier).OfType<string>()]);
        })];
    }

    private static decimal? ExitQuality(IReadOnlyCollection<string> tiers)
    {
        var scores = tiers.Select(t => Enum.TryParse<ExitTier>(t, out var tier) ? TierScores.GetValueOrDefault(tier) : 0m).ToList();
        return scores.Count == 0 ? null : scores.Sum() / scores.Count;
    }

    private static decimal Round(decimal value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);
}
