using Ganss.Xss;

namespace FinPilot.Web.Features.Calls;

/// <summary>
/// Cleans the announcement HTML a working group pastes in before it is stored, so that what the
/// public pages and the feed show can carry no script, no event handlers and no foreign styles.
/// </summary>
public sealed class CallHtml
{
    private readonly HtmlSanitizer _sanitizer = Create();

    public string Sanitise(string? html) => string.IsNullOrWhiteSpace(html) ? string.Empty : _sanitizer.Sanitize(html).Trim();

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();

        // Announcements are text, lists, tables and links; layout belongs to the site's style sheet.
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedAttributes.Remove("class");
        sanitizer.AllowedTags.Remove("img");
        sanitizer.AllowedSchemes.Add("mailto");
        return sanitizer;
    }
}
