using System.Globalization;
using FinPilot.Domain.Supervision;
using FinPilot.Domain.Supervision.Disclosures;
using FinPilot.Domain.Supervision.Reports;

namespace FinPilot.Web.Features.Supervision;

/// <summary>Names of supervision's values in the reader's language: no enum name reaches a person.</summary>
public static class SupervisionText
{
    public static string Of(ReportStatus status) => Lookup($"ReportStatus_{status}");

    public static string Of(DisclosureStatus status) => Lookup($"DisclosureStatus_{status}");

    public static string Of(DisclosureKind kind) => Lookup($"DisclosureKind_{kind}");

    public static string Of(PlanState state) => Lookup($"PlanState_{state}");

    public static string Of(PilotStatus status) => Lookup($"PilotStatus_{status}");

    public static string Of(ReportFrequency frequency) => Lookup($"Frequency_{frequency}");

    public static string Of(MetricKind kind) => Lookup($"MetricKind_{kind}");

    public static string Of(MetricDirection direction) => Lookup($"Direction_{direction}");

    public static string Of(ReportTrigger outcome) => Lookup($"Review_{outcome}");

    /// <summary>A disclosure's kind in a given language (public timeline titles carry both).</summary>
    public static string KindIn(DisclosureKind kind, CultureInfo culture) =>
        SupervisionStrings.ResourceManager.GetString($"DisclosureKind_{kind}", culture) ?? kind.ToString();

    private static string Lookup(string key) => SupervisionStrings.ResourceManager.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}
