using System.Globalization;
using FinPilot.Domain.Obligations;

namespace FinPilot.Web.Features.Obligations;

/// <summary>Kinds, states and duties as people read them, from <see cref="ObligationsStrings"/>; never the code names.</summary>
public static class ObligationTexts
{
    public static string Of(ObligationKind kind, CultureInfo? culture = null) =>
        ObligationsStrings.ResourceManager.GetString($"Kind_{kind}", culture ?? CultureInfo.CurrentUICulture) ?? ObligationsStrings.Kind_PeriodicReport;

    public static string Of(ObligationStatus status, CultureInfo? culture = null) =>
        ObligationsStrings.ResourceManager.GetString($"Status_{status}", culture ?? CultureInfo.CurrentUICulture) ?? ObligationsStrings.Status_Open;

    /// <summary>
    /// What is owed, e.g. "2026-03 期定期报告" / "periodic report for 2026-03". Subjects that are
    /// record ids (incidents, disclosure requests) are not shown: the kind says enough.
    /// </summary>
    public static string Duty(ObligationKind kind, string subject, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentUICulture;
        var template = ObligationsStrings.ResourceManager.GetString($"Duty_{kind}", culture);
        return template is null ? Of(kind, culture) : string.Format(culture, template, subject);
    }
}
