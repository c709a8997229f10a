using System.Globalization;
using FinPilot.Domain.Disposal;

namespace FinPilot.Web.Features.Disposal;

/// <summary>Levels, sources, actions, owners, states and channels as people read them, from <see cref="DisposalStrings"/>; never the code names.</summary>
public static class DisposalTexts
{
    /// <summary>The language of records kept for the file (agenda items, minutes).</summary>
    public static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>E.g. "III级（较大）" / "Level III (major)".</summary>
    public static string Of(DisposalLevel level, CultureInfo? culture = null) => Get($"Level_{(int)level}", culture);

    public static string Of(DisposalSource source, CultureInfo? culture = null) => Get($"Source_{source}", culture);

    public static string Of(DisposalActionKind kind, CultureInfo? culture = null) => Get($"ActionKind_{kind}", culture);

    public static string Of(DisposalActionOwner owner, CultureInfo? culture = null) => Get($"Owner_{owner}", culture);

    public static string Of(DisposalActionState state, CultureInfo? culture = null) => Get($"State_{state}", culture);

    public static string Of(DisposalCaseStatus status, CultureInfo? culture = null) => Get($"Status_{status}", culture);

    public static string Of(NoticeChannel channel, CultureInfo? culture = null) => Get($"Channel_{channel}", culture);

    /// <summary>An amount in yuan as the reader writes numbers, two decimals.</summary>
    public static string Yuan(decimal amount) => amount.ToString("N2", CultureInfo.CurrentCulture);

    /// <summary>A template of <see cref="DisposalStrings"/> filled in the given language.</summary>
    public static string Format(string key, CultureInfo culture, params object[] values) =>
        string.Format(culture, Get(key, culture), values);

    private static string Get(string key, CultureInfo? culture) =>
        DisposalStrings.ResourceManager.GetString(key, culture ?? CultureInfo.CurrentUICulture) ?? key;
}
