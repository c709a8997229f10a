using System.Globalization;
using System.Text;

namespace FinPilot.Web.Features.Disclosure;

/// <summary>
/// The title of a public event in both languages, from <see cref="DisclosureStrings"/>: an event is
/// stored once and read in either, so both texts are made when it is written, never composed in code.
/// </summary>
public static class PublicEventTexts
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>The resource <paramref name="key"/> (a composite format) filled with <paramref name="args"/> in Chinese and in English.</summary>
    public static (string Zh, string En) Of(string key, params object?[] args) => (In(Chinese, key, args), In(English, key, args));

    private static string In(CultureInfo culture, string key, object?[] args)
    {
        var format = DisclosureStrings.ResourceManager.GetString(key, culture) ?? throw new InvalidOperationException($"No text {key} in DisclosureStrings.");
        var text = string.Format(culture, CompositeFormat.Parse(format), args);
        return text.Length <= PublicEventRecord.MaxTitleLength ? text : text[..(PublicEventRecord.MaxTitleLength - 1)] + "…";
    }
}
