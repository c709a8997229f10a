using System.Globalization;
using FinPilot.Domain.Corrections;

namespace FinPilot.Web.Features.Corrections;

/// <summary>The names of the module's states and choices in the reader's language, from <see cref="CorrectionsStrings"/>.</summary>
public static class CorrectionTexts
{
    public static string Of(CorrectionStatus status, CultureInfo? culture = null) => Text($"Status_{status}", culture);

    public static string Of(CorrectionSeverity severity, CultureInfo? culture = null) => Text($"Severity_{severity}", culture);

    public static string Of(CorrectionStepKind kind, CultureInfo? culture = null) => Text($"Step_{kind}", culture);

    public static string Of(CorrectionEscalation rung, CultureInfo? culture = null) => Text($"Escalation_{rung}", culture);

    public static string Of(CorrectionSource source, CultureInfo? culture = null) => Text($"Source_{source}", culture);

    public static string Of(ToleranceStatus status, CultureInfo? culture = null) => Text($"ToleranceStatus_{status}", culture);

    public static string Of(ToleranceDecision decision, CultureInfo? culture = null) => Text($"ToleranceDecision_{decision}", culture);

    /// <summary>A history line: what happened, then what was written, joined as the reader's language joins them.</summary>
    public static string Entry(string what, string? text) =>
        text is null ? what : string.Format(CultureInfo.CurrentCulture, System.Text.CompositeFormat.Parse(CorrectionsStrings.Entry), what, text);

    private static string Text(string key, CultureInfo? culture) =>
        CorrectionsStrings.ResourceManager.GetString(key, culture ?? CultureInfo.CurrentUICulture) ?? key;
}
