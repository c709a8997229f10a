using System.Globalization;
using FinPilot.Domain.Disclosure;
using FinPilot.Web.Features.Deliberation;

namespace FinPilot.Web.Features.Ledger;

/// <summary>
/// What a logged entry is called for a reader: its kind, region and page by name in the reader's
/// language, never the dotted kind, the region code or the raw address stored in the entry.
/// </summary>
public static class LedgerNames
{
    /// <summary>The page of one entry of the log.</summary>
    public static string EntryPage(long index) => $"ledger/entries/{index}";

    /// <summary>The record kind's name; a kind this version does not know is a "public record".</summary>
    public static string Kind(string kind) =>
        LedgerStrings.ResourceManager.GetString("Kind_" + kind.Replace('.', '_'), CultureInfo.CurrentUICulture) ?? LedgerStrings.Kind_Other;

    /// <summary>The region's name in the reader's language, from the names of <paramref name="regions"/> by code.</summary>
    public static string Region(string code, IReadOnlyDictionary<string, (string Zh, string En)> regions) =>
        code.Length == 0 ? LedgerStrings.Region_National
        : regions.TryGetValue(code, out var name) ? (Chinese ? name.Zh : name.En)
        : code;

    /// <summary>
    /// The page that shows the entry's record. A resolution goes to its own public page, since a
    /// rejected project has no page in the register (entries logged before it pointed there).
    /// </summary>
    public static string PageOf(LedgerEntry entry) =>
        entry.Kind == DeliberationActions.RecordResolution && Guid.TryParse(entry.Subject, out var project) ? DeliberationActions.ResolutionPage(project) : entry.Link;

    /// <summary>The name of the page at <paramref name="link"/>: a notice, a pilot, a call, a resolution.</summary>
    public static string PageName(string link) =>
        link.StartsWith("/notices/", StringComparison.Ordinal) ? LedgerStrings.Page_Notice
        : link.StartsWith("/pilots/", StringComparison.Ordinal) ? LedgerStrings.Page_Pilot
        : link.StartsWith("/calls/", StringComparison.Ordinal) ? LedgerStrings.Page_Call
        : link.StartsWith("/resolutions/", StringComparison.Ordinal) ? LedgerStrings.Page_Resolution
        : LedgerStrings.Page_Other;

    private static bool Chinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);
}
