using System.Globalization;
using FinPilot.Domain.Alerts;
using FinPilot.Domain.Calendar;
using FinPilot.Domain.Obligations;
using FinPilot.Domain.Supervision;
using FinPilot.Web.Features.Obligations;

namespace FinPilot.Web.Features.Alerts;

/// <summary>
/// Rule kinds, severities, statuses and evidence as people read them, from <see cref="AlertsStrings"/>;
/// metrics by their names in the plan (<see cref="MetricDefinition.NameIn"/>), never by code.
/// </summary>
public static class AlertTexts
{
    /// <summary>The notification value naming the rule, in the reader's language.</summary>
    public const string RuleValue = Notifications.NotificationValues.Rule;

    /// <summary>The notification value telling what the rule saw, in the reader's language.</summary>
    public const string DetailValue = Notifications.NotificationValues.Detail;

    public static string Of(RiskRuleKind kind, CultureInfo? culture = null) => Get($"Kind_{kind}", culture) ?? Get("Kind_Unknown", culture) ?? string.Empty;

    public static string Of(AlertStatus status, CultureInfo? culture = null) => Get($"Status_{status}", culture) ?? string.Empty;

    public static string Of(AlertSeverity severity, CultureInfo? culture = null) => Get($"Severity_{severity}", culture) ?? string.Empty;

    /// <summary>The metric's name in the plan, or a neutral word when the plan no longer lists it.</summary>
    public static string MetricName(string? code, IReadOnlyList<MetricDefinition> metrics, CultureInfo culture) =>
        metrics.FirstOrDefault(m => m.Code == code) is { } metric
            ? metric.NameIn(culture.Name.StartsWith("en", StringComparison.Ordinal))
            : Get("Evidence_MetricNotInPlan", culture) ?? string.Empty;

    /// <summary>What the rule saw, in one sentence of the reader's language.</summary>
    public static string Evidence(RiskRuleKind kind, AlertEvidence e, IReadOnlyList<MetricDefinition> metrics, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentUICulture;
        var metric = MetricName(e.MetricCode, metrics, culture);
        var unit = metrics.FirstOrDefault(m => m.Code == e.MetricCode)?.Unit ?? string.Empty;
        var period = e.PeriodStart is { } start && e.PeriodEnd is { } end ? $"{Day(start)} – {Day(end)}" : string.Empty;
        var key = kind switch
        {
            RiskRuleKind.ActivityOutsideWindow => e.Detail == "before" ? "Evidence_ActivityOutsideWindow_Before" : "Evidence_ActivityOutsideWindow_After",
            RiskRuleKind.StaleStream when e.PeriodEnd is null => "Evidence_StaleStream_Never",
            _ => $"Evidence_{kind}",
        };
        var template = Get(key, culture);
        if (template is null)
        {
            return string.Empty;
        }

        object[] args = kind switch
        {
            RiskRuleKind.Threshold or RiskRuleKind.CustomerCapBreach or RiskRuleKind.AmountPerCustomerCapBreach =>
                [metric, Number(e.Observed, culture), Number(e.Limit, culture), period, unit],
            RiskRuleKind.ActivityOutsideWindow => [metric, period, Day(e.Date)],
            RiskRuleKind.ChangeRate => [metric, Number(e.Previous, culture), Number(e.Observed, culture), Number(e.Limit, culture), period],
            RiskRuleKind.StaleStream => [metric, Day(e.PeriodEnd), Day(e.Date), e.Count ?? 0],
            RiskRuleKind.OverdueObligation => [Duty(e, culture), e.At is { } due ? ChinaTime.Format(due) : string.Empty],
            RiskRuleKind.SevereIncident => [Grade(e.Count), e.At is { } at ? ChinaTime.Format(at) : string.Empty],
            RiskRuleKind.ProbeFailing => [e.Subject ?? string.Empty, e.Count ?? 0, Probing.ProbeTexts.FromEvidence(e.Detail, culture)],
            RiskRuleKind.PastEndDate => [Day(e.Date), e.Count ?? 0],
            _ => [],
        };
        return string.Format(culture, template, args);
    }

    private static string Duty(AlertEvidence e, CultureInfo culture) =>
        Enum.TryParse<ObligationKind>(e.Detail, out var kind) && Enum.IsDefined(kind)
            ? ObligationTexts.Duty(kind, e.Subject ?? string.Empty, culture)
            : Get("Evidence_SomeObligation", culture) ?? string.Empty;

    /// <summary>Incident grades as the regulation writes them: I (gravest) to IV.</summary>
    private static string Grade(int? grade) => grade switch
    {
        1 => "I",
        2 => "II",
        3 => "III",
        4 => "IV",
        _ => "?",
    };

    private static string Number(double? value, CultureInfo culture) => value?.ToString("#,0.##", culture) ?? string.Empty;

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;

    private static string? Get(string key, CultureInfo? culture) => AlertsStrings.ResourceManager.GetString(key, culture ?? CultureInfo.CurrentUICulture);
}
