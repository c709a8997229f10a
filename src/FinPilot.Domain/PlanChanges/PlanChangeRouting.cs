using FinPilot.Domain.Supervision;

namespace FinPilot.Domain.PlanChanges;

/// <summary>Who decides a change. The numbers are stored, so they never change.</summary>
public enum ChangeRoute
{
    /// <summary>一般变更: the region's working group decides.</summary>
    Minor = 1,

    /// <summary>重大变更: the coordination group decides, on an agenda item.</summary>
    Major = 2,
}

/// <summary>Why a change took its route; shown to both sides. Stored by name.</summary>
public enum RouteReason
{
    /// <summary>Nothing makes it major: no cap or scope is widened and any extension is within the limit.</summary>
    WithinMinorLimits = 1,

    /// <summary>The customer cap is raised (or lifted).</summary>
    CustomerCapRaised = 2,

    /// <summary>The per-customer amount cap is raised (or lifted).</summary>
    AmountCapRaised = 3,

    /// <summary>The approved scope is reworded: whether it widens is for the coordination group to judge.</summary>
    ScopeChanged = 4,

    /// <summary>The pilot is extended by more than the minor limit.</summary>
    ExtensionBeyondLimit = 5,

    /// <summary>A partner organisation is added (removing one is minor).</summary>
    PartnerAdded = 6,

    /// <summary>A technology is added (removing one is minor).</summary>
    TechnologyAdded = 7,

    /// <summary>A metric limit is loosened: a lower limit lowered or dropped, an upper limit raised or dropped, or a limited metric removed.</summary>
    MetricLimitLoosened = 8,
}

/// <summary>A field of the approved plan that a change may propose. Stored by name.</summary>
public enum PlanField
{
    CustomerCap = 1,
    AmountPerCustomerCap = 2,
    Scope = 3,
    EndsOn = 4,
    PartnerOrganisations = 5,
    Technologies = 6,
    Metrics = 7,
}

/// <summary>The rule that tells minor from major, from configuration (<c>PlanChanges:</c>).</summary>
public sealed record ChangeRules
{
    public const int DefaultMinorMaxExtensionMonths = 3;

    /// <summary>An extension up to this many months is minor; longer is major.</summary>
    public int MinorMaxExtensionMonths { get; init; } = DefaultMinorMaxExtensionMonths;

    /// <summary>Whether a major change goes through an expert review before the coordination group (the platform's setting turns it on).</summary>
    public bool MajorNeedsExpertReview { get; init; }

    /// <summary>Whether adding a partner organisation makes a change major (default yes).</summary>
    public bool PartnerAddedIsMajor { get; init; } = true;

    /// <summary>Whether adding a technology makes a change major (default yes).</summary>
    public bool TechnologyAddedIsMajor { get; init; } = true;

    /// <summary>Whether loosening a metric limit makes a change major (default yes).</summary>
    public bool MetricLooseningIsMajor { get; init; } = true;
}

/// <summary>The route of a change and every reason for it.</summary>
public sealed record Routing(ChangeRoute Route, IReadOnlyList<RouteReason> Reasons);

/// <summary>
/// 变更分级: a pure rule over the current and the proposed parameters (and metrics). A change is minor
/// unless it raises a cap (or lifts it), rewords the scope, extends the pilot beyond the configured
/// months, or — each as configured — adds a partner organisation, adds a technology or loosens a metric limit.
/// </summary>
public static class PlanChangeRouting
{
    public static Routing Route(
        TestParameters current, TestParameters proposed, ChangeRules rules, IReadOnlyList<MetricDefinition>? currentMetrics = null,
        IReadOnlyList<MetricDefinition>? proposedMetrics = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(proposed);
        ArgumentNullException.ThrowIfNull(rules);
        var reasons = new List<RouteReason>();
        if (Raised(current.CustomerCap, proposed.CustomerCap))
        {
            reasons.Add(RouteReason.CustomerCapRaised);
        }

        if (Raised(current.AmountPerCustomerCap, proposed.AmountPerCustomerCap))
        {
            reasons.Add(RouteReason.AmountCapRaised);
        }

        if (!string.Equals(current.Scope.Trim(), proposed.Scope.Trim(), StringComparison.Ordinal))
        {
            reasons.Add(RouteReason.ScopeChanged);
        }

        if (proposed.EndsOn > current.EndsOn.AddMonths(rules.MinorMaxExtensionMonths))
        {
            reasons.Add(RouteReason.ExtensionBeyondLimit);
        }

        if (rules.PartnerAddedIsMajor && proposed.PartnerOrganisationIds.Except(current.PartnerOrganisationIds).Any())
        {
            reasons.Add(RouteReason.PartnerAdded);
        }

        if (rules.TechnologyAddedIsMajor && proposed.TechnologyCodes.Except(current.TechnologyCodes, StringComparer.Ordinal).Any())
        {
            reasons.Add(RouteReason.TechnologyAdded);
        }

        if (rules.MetricLooseningIsMajor && currentMetrics is not null && proposedMetrics is not null && Loosened(currentMetrics, proposedMetrics))
        {
            reasons.Add(RouteReason.MetricLimitLoosened);
        }

        return reasons.Count == 0 ? new Routing(ChangeRoute.Minor, [RouteReason.WithinMinorLimits]) : new Routing(ChangeRoute.Major, reasons);
    }

    /// <summary>The fields the proposal changes, in the plan's order.</summary>
    public static IReadOnlyList<PlanField> ChangedFields(
        TestParameters current, TestParameters proposed, IReadOnlyList<MetricDefinition>? currentMetrics = null, IReadOnlyList<MetricDefinition>? proposedMetrics = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(proposed);
        var fields = new List<PlanField>();
        if (current.CustomerCap != proposed.CustomerCap)
        {
            fields.Add(PlanField.CustomerCap);
        }

        if (current.AmountPerCustomerCap != proposed.AmountPerCustomerCap)
        {
            fields.Add(PlanField.AmountPerCustomerCap);
        }

        if (!string.Equals(current.Scope.Trim(), proposed.Scope.Trim(), StringComparison.Ordinal))
        {
            fields.Add(PlanField.Scope);
        }

        if (current.EndsOn != proposed.EndsOn)
        {
            fields.Add(PlanField.EndsOn);
        }

        if (!current.PartnerOrganisationIds.Order().SequenceEqual(proposed.PartnerOrganisationIds.Order()))
        {
            fields.Add(PlanField.PartnerOrganisations);
        }

        if (!current.TechnologyCodes.Order(StringComparer.Ordinal).SequenceEqual(proposed.TechnologyCodes.Order(StringComparer.Ordinal), StringComparer.Ordinal))
        {
            fields.Add(PlanField.Technologies);
        }

        if (currentMetrics is not null && proposedMetrics is not null && !InOrder(currentMetrics).SequenceEqual(InOrder(proposedMetrics)))
        {
            fields.Add(PlanField.Metrics);
        }

        return fields;
    }

    /// <summary>Metrics in code order (ordinal), so that two sets compare item by item.</summary>
    public static IReadOnlyList<MetricDefinition> InOrder(IEnumerable<MetricDefinition> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return [.. metrics.OrderBy(m => m.Code, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Whether the proposed metrics watch less than the current ones: a limited metric removed, a lower
    /// limit lowered or dropped, an upper limit raised or dropped. New metrics and tighter limits are not.
    /// </summary>
    public static bool Loosened(IReadOnlyList<MetricDefinition> current, IReadOnlyList<MetricDefinition> proposed)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(proposed);
        foreach (var metric in current.Where(m => m.LowerLimit is not null || m.UpperLimit is not null))
        {
            var next = proposed.FirstOrDefault(m => string.Equals(m.Code, metric.Code, StringComparison.Ordinal));
            if (next is null
                || (metric.LowerLimit is { } lower && (next.LowerLimit is not { } l || l < lower))
                || (metric.UpperLimit is { } upper && (next.UpperLimit is not { } u || u > upper)))
            {
                return true;
            }
        }

        return false;
    }

    // A cap lifted (a limit to none) is the largest raise there is.
    private static bool Raised(int? current, int? proposed) => current is { } c && (proposed is not { } p || p > c);

    private static bool Raised(decimal? current, decimal? proposed) => current is { } c && (proposed is not { } p || p > c);
}
