using System.Globalization;
using FinPilot.Domain.Incidents;

namespace FinPilot.Web.Features.Incidents;

/// <summary>Severities, states and triage actions as people read them, from <see cref="IncidentsStrings"/>; never the code names.</summary>
public static class IncidentTexts
{
    /// <summary>E.g. "I级（特别重大）" / "Level I (extremely serious)".</summary>
    public static string Of(IncidentSeverity severity, CultureInfo? culture = null) =>
        IncidentsStrings.ResourceManager.GetString($"Severity_{(int)severity}", culture ?? CultureInfo.CurrentUICulture) ?? IncidentsStrings.Severity_4;

    public static string Of(IncidentStatus status, CultureInfo? culture = null) =>
        IncidentsStrings.ResourceManager.GetString($"Status_{status}", culture ?? CultureInfo.CurrentUICulture) ?? IncidentsStrings.Status_Reported;

    public static string Of(TriageAction action, CultureInfo? culture = null) =>
        IncidentsStrings.ResourceManager.GetString($"Action_{action}", culture ?? CultureInfo.CurrentUICulture) ?? IncidentsStrings.Action_Acknowledge;

    /// <summary>A history line, e.g. "机构补充：…" / "Update from the institution: …".</summary>
    public static string Entry(string label, string text) =>
        IncidentsStrings.History_Entry.Replace("{0}", label, StringComparison.Ordinal).Replace("{1}", text, StringComparison.Ordinal);

    /// <summary>An amount in yuan as the reader writes numbers, two decimals.</summary>
    public static string Yuan(decimal amount) => amount.ToString("N2", CultureInfo.CurrentCulture);
}
