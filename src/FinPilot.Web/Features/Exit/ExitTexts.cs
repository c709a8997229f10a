using System.Globalization;
using System.Text;
using FinPilot.Domain.Exit;
using FinPilot.Domain.Projects;

namespace FinPilot.Web.Features.Exit;

/// <summary>The names of the exit's coded things (modes, statuses, tiers, checklist items, criteria) from <see cref="ExitStrings"/>, never the code names.</summary>
public static class ExitTexts
{
    public static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static string Of(ExitTier tier, CultureInfo? culture = null) => Get("Tier_" + tier, culture);

    public static string Of(ExitMode mode, CultureInfo? culture = null) => Get("Mode_" + mode, culture);

    public static string Of(ExitStatus status, CultureInfo? culture = null) => Get("Status_" + status, culture);

    public static string Of(ChecklistItemKind kind, CultureInfo? culture = null) => Get("Checklist_" + kind, culture);

    public static string Of(ExitCriterion criterion, CultureInfo? culture = null) => Get("Criterion_" + criterion, culture);

    /// <summary>The name of a tier formula input (a <see cref="TierInputs"/> property).</summary>
    public static string Input(string input, CultureInfo? culture = null) => Get("Input_" + input, culture);

    public static string Format(string key, CultureInfo culture, params object?[] args) =>
        string.Format(culture, CompositeFormat.Parse(Get(key, culture)), args);

    public static string Get(string key, CultureInfo? culture = null) =>
        ExitStrings.ResourceManager.GetString(key, culture ?? CultureInfo.CurrentUICulture) ?? throw new InvalidOperationException($"No text {key} in ExitStrings.");
}
