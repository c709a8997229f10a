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
    public static (string Zh, string En) Of(string key, params object?[] args) => Of(DisclosureStrings.ResourceManager, key, args);

    /// <summary>The same from another module's resources, for the public events that module writes.</summary>
    public static (string Zh, string En) Of(System.Resources.ResourceManager resources, string key, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(resources);
        return (In(resources, Chinese, key, args), In(resources, English, key, args));
    }

    private static string In(System.Resources.ResourceManager resources, CultureInfo culture, string key, object?[] args)
    {
        var format = resources.GetString(key, culture) ?? throw new InvalidOperationException($"No text {key} in {resources.BaseName}.");
        var text = string.Format(culture, CompositeFormat.Parse(format), args);
        return text.Length <= PublicEventRecord.MaxTitleLength ? text : text[..(PublicEventRecord.MaxTitleLength - 1)] + "…";
    }
}
