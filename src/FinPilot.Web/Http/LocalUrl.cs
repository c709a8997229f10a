namespace FinPilot.Web.Http;

/// <summary>Where a <c>returnUrl</c> may send someone: a path on this site, nothing else.</summary>
public static class LocalUrl
{
    /// <summary>
    /// True for <c>/path?query</c>. Not for absolute or protocol-relative addresses (<c>//host</c>),
    /// nor <c>/\host</c>, which browsers read as <c>//host</c>, nor anything with control characters.
    /// </summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    /// <summary>The address if it is local, the home page otherwise: a bad <c>returnUrl</c> is ignored, never an error.</summary>
    public static string OrHome(string? url) => IsLocal(url) ? url! : "/";
}
