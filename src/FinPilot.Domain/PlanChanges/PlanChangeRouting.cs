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
}

/// <summary>A field of the approved plan that a change may propose. Stored by name.</summary>
public enum PlanField
{
    CustomerCap = 1,
    AmountPerCustomerCap = 2,
    Scope = 3,
    EndsOn = 4,
}

/// <summary>The rule that tells minor from major, from configuration (<c>PlanChanges:</c>).</summary>
public sealed record ChangeRules
{
    public const int DefaultMinorMaxExtensionMonths = 3;

    /// <summary>An extension up to this many months is minor; longer is major.</summary>
    public int MinorMaxExtensionMonths { get; init; } = DefaultMinorMaxExtensionMonths;

    /// <summary>Whether a major change goes through an expert review before the coordination group (the platform's setting turns it on).</summary>
    public bool MajorNeedsExpertReview { get; init; }
}

/// <summary>The route of a change and every reason for it.</summary>
public sealed record Routing(ChangeRoute Route, IReadOnlyList<RouteReason> Reasons);

/// <summary>
/// 变更分级: a pure rule over the current and the proposed parameters. A change is minor unless it
/// raises a cap (or lifts it), rewords the scope, or extends the pilot beyond the configured months.
/// </summary>
public static class PlanChangeRouting
{
    public static Routing Route(TestParameters current, TestParameters proposed, ChangeRules rules)
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

        return reasons.Count == 0 ? new Routing(ChangeRoute.Minor, [RouteReason.WithinMinorLimits]) : new Routing(ChangeRoute.Major, reasons);
    }

    /// <summary>The fields the proposal changes, in the plan's order.</summary>
    public static IReadOnlyList<PlanField> ChangedFields(TestParameters current, TestParameters proposed)
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

        return fields;
    }

    // A cap lifted (a limit to none) is the largest raise there is.
    private static bool Raised(int? current, int? proposed) => current is { } c && (proposed is not { } p || p > c);

    private static bool Raised(decimal? current, decimal? proposed) => current is { } c && (proposed is not { } p || p > c);
}
