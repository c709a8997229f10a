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

    /// <summary>A field's value in a set of parameters, as shown in the side-by-side table; partners and technologies by their names, metrics with their limits.</summary>
    public static string Value(PlanField field, TestParameters parameters, PlanNames? names = null, IReadOnlyList<MetricDefinition>? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        names ??= PlanNames.None;
        return field switch
        {
            PlanField.PartnerOrganisations => List(parameters.PartnerOrganisationIds.Select(names.Organisation)),
            PlanField.Technologies => List(parameters.TechnologyCodes.Select(names.Technology)),
            PlanField.Metrics => metrics is null ? "—" : List(metrics.Select(Metric)),
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

    /// <summary>The rule with the configured triggers for partners, technologies and metric limits, as both sides read it.</summary>
    public static string Rule(ChangeRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var also = new List<string>();
        if (rules.PartnerAddedIsMajor)
        {
            also.Add(PlanChangesStrings.Rule_PartnerAdded);
        }

        if (rules.TechnologyAddedIsMajor)
        {
            also.Add(PlanChangesStrings.Rule_TechnologyAdded);
        }

        if (rules.MetricLooseningIsMajor)
        {
            also.Add(PlanChangesStrings.Rule_MetricLoosened);
        }

        var rule = Rule(rules.MinorMaxExtensionMonths);
        return also.Count == 0 ? rule : rule + Format(PlanChangesStrings.Rule_AlsoMajor, string.Join(PlanChangesStrings.FieldSeparator, also));
    }

    /// <summary>A sentence with one or two values filled in, from a resource template.</summary>
    public static string Format(string template, params object?[] args) =>
        string.Format(CultureInfo.CurrentUICulture, CompositeFormat.Parse(template), args);

    public static IReadOnlyList<PlanField> AllFields { get; } = Enum.GetValues<PlanField>();

    /// <summary>The fields of the test parameters (all but the metrics, which the plan holds beside them).</summary>
    public static IReadOnlyList<PlanField> ParameterFields { get; } = [.. AllFields.Where(f => f != PlanField.Metrics)];

    /// <summary>A metric with its unit and limits, e.g. "系统可用率 (%): 99.5–100".</summary>
    public static string Metric(MetricDefinition metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var english = !CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);
        return metric.LowerLimit is null && metric.UpperLimit is null
            ? Format(PlanChangesStrings.Metric_NoLimits, metric.NameIn(english), metric.Unit)
            : Format(PlanChangesStrings.Metric_Limits, metric.NameIn(english), metric.Unit, Limit(metric.LowerLimit), Limit(metric.UpperLimit));
    }

    private static string Limit(double? limit) => limit?.ToString("0.##", CultureInfo.CurrentUICulture) ?? "—";

    private static string List(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? PlanChangesStrings.None : string.Join(PlanChangesStrings.FieldSeparator, list);
    }

    private static string Lookup(string key) => PlanChangesStrings.ResourceManager.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}

/// <summary>The names of the organisations and technologies a set of parameters names by id or code, in both languages.</summary>
public sealed record PlanNames(IReadOnlyDictionary<Guid, (string Zh, string En)> Organisations, IReadOnlyDictionary<string, (string Zh, string En)> Technologies)
{
    public static PlanNames None { get; } = new(new Dictionary<Guid, (string, string)>(), new Dictionary<string, (string, string)>(StringComparer.Ordinal));

    public string Organisation(Guid id) => Organisations.TryGetValue(id, out var name) ? Pick(name) : id.ToString();

    public string Technology(string code) => Technologies.TryGetValue(code, out var name) ? Pick(name) : code;

    private static string Pick((string Zh, string En) name) =>
        !CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal) && name.En.Length > 0 ? name.En : name.Zh;
}
