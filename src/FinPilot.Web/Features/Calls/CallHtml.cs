using Ganss.Xss;

namespace FinPilot.Web.Features.Calls;

/// <summary>
/// Cleans the announcement HTML a working group pastes in before it is stored, so that what the
/// public pages and the feed show can carry no script, no event handlers and no foreign styles.
/// </summary>
public sealed class CallHtml
{
    /// <summary>Text formatting, lists, tables and links: everything an announcement needs.</summary>
    public static readonly IReadOnlyList<string> AllowedTags =
    [
        "p", "br", "hr", "span", "div", "blockquote", "pre", "code",
        "h1", "h2", "h3", "h4", "h5", "h6",
        "strong", "b", "em", "i", "u", "s", "del", "ins", "sub", "sup", "small", "mark", "abbr", "cite", "q",
        "ul", "ol", "li", "dl", "dt", "dd",
        "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "colgroup", "col",
        "a",
    ];

    private readonly HtmlSanitizer _sanitizer = Create();

    public string Sanitise(string? html) => string.IsNullOrWhiteSpace(html) ? string.Empty : _sanitizer.Sanitize(html).Trim();

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();

        // Announcements are text, lists, tables and links; layout belongs to the site's style sheet.
        // Only those tags are kept: a form, a button or a field on a public page (and so forever in
        // the ledger) could pass for the site asking for a password.
        sanitizer.AllowedTags.Clear();
        foreach (var tag in AllowedTags)
        {
            sanitizer.AllowedTags.Add(tag);
        }

        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedAttributes.Remove("class");
        sanitizer.AllowedSchemes.Add("mailto");
        return sanitizer;
    }
}
