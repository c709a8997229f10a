using System.Globalization;
using FinPilot.Domain.Scenarios;

namespace FinPilot.Web.Features.Scenarios;

/// <summary>The names of the module's lists and states in the reader's language, from <see cref="ScenariosStrings"/>.</summary>
public static class ScenarioTexts
{
    public static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static string Of(BusinessArea area, CultureInfo? culture = null) => Text($"Area_{area}", culture);

    public static string Of(Technology technology, CultureInfo? culture = null) => Text($"Technology_{technology}", culture);

    public static string Of(ScenarioVisibility visibility, CultureInfo? culture = null) => Text($"Visibility_{visibility}", culture);

    public static string Of(ScenarioStatus status, CultureInfo? culture = null) => Text($"Status_{status}", culture);

    public static string Of(SolutionStatus status, CultureInfo? culture = null) => Text($"SolutionStatus_{status}", culture);

    public static string Of(MatchStatus status, CultureInfo? culture = null) => Text($"MatchStatus_{status}", culture);

    /// <summary>The constraints named and joined in the reader's language; empty when there are none.</summary>
    public static string Of(ScenarioConstraints constraints, CultureInfo? culture = null) =>
        string.Join(Text("ListSeparator", culture), Enum.GetValues<ScenarioConstraints>()
            .Where(c => c != ScenarioConstraints.None && constraints.HasFlag(c)).Select(c => Text($"Constraint_{c}", culture)));

    public static string Of(IEnumerable<Technology> technologies, CultureInfo? culture = null) =>
        string.Join(Text("ListSeparator", culture), technologies.Select(t => Of(t, culture)));

    private static string Text(string key, CultureInfo? culture) =>
        ScenariosStrings.ResourceManager.GetString(key, culture ?? CultureInfo.CurrentUICulture) ?? key;
}
