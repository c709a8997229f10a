using System.Globalization;
using System.Text;
using FinPilot.Domain.PlanChanges;
using FinPilot.Domain.Supervision;

namespace FinPilot.Web.Features.PlanChanges;

/// <summary>Routes, reasons, statuses, fields and values as people read them, from <see cref="PlanChangesStrings"/>; never the code names.</summary>
public static class PlanChangeTexts
{
    public static string Of(ChangeRoute route) => Lookup($"Route_{route}");

    public static string Of(PlanChangeStatus status) => Lookup($"Status_{status}");

    public static string Of(PlanField field) => Lookup($"Field_{field}");

    public static string Of(ChangeCriterion criterion) => Lookup($"Criterion_{criterion}");

    /// <summary>Why a change took its route; the extension limit is filled in where the sentence names it.</summary>
    public static string Of(RouteReason reason, int minorMaxExtensionMonths) =>
        string.Format(CultureInfo.CurrentUICulture, CompositeFormat.Parse(Lookup($"RouteReason_{reason}")), minorMaxExtensionMonths);

    /// <summary>A field's value in a set of parameters, as shown in the side-by-side table.</summary>
    public static string Value(PlanField field, TestParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return field switch
        {
            PlanField.CustomerCap => parameters.CustomerCap?.ToString("N0", CultureInfo.CurrentUICulture) ?? PlanChangesStrings.Unlimited,
            PlanField.AmountPerCustomerCap => parameters.AmountPerCustomerCap?.ToString("N0", CultureInfo.CurrentUICulture) ?? PlanChangesStrings.Unlimited,
            PlanField.Scope => parameters.Scope,
            PlanField.EndsOn => parameters.EndsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => string.Empty,
        };
    }

    /// <summary>The routing rule in one sentence, with the configured extension limit.</summary>
    public static string Rule(int minorMaxExtensionMonths) =>
        string.Format(CultureInfo.CurrentUICulture, CompositeFormat.Parse(PlanChangesStrings.RuleExplained), minorMaxExtensionMonths);

    /// <summary>A sentence with one or two values filled in, from a resource template.</summary>
    public static string Format(string template, params object?[] args) =>
        string.Format(CultureInfo.CurrentUICulture, CompositeFormat.Parse(template), args);

    public static IReadOnlyList<PlanField> AllFields { get; } = Enum.GetValues<PlanField>();

    private static string Lookup(string key) => PlanChangesStrings.ResourceManager.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}
