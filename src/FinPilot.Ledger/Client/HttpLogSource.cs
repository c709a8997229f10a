using FinPilot.Ledger.Tiles;

namespace FinPilot.Ledger.Client;

/// <summary>
/// Reads a tlog-tiles log over HTTP: <c>GET prefix + path</c> for the checkpoint, hash tiles and
/// entry bundles. Any failure to get a complete response is an <see cref="HttpRequestException"/>,
/// so callers can tell "could not read the log" from "the log is wrong".
/// </summary>
public sealed class HttpLogSource
{
    /// <summary>The largest resource a log serves: a full entry bundle of maximum-size entries.
    /// Anything longer is refused before it is buffered, so a hostile log cannot exhaust memory.</summary>
    public const int MaxResponseBytes = Tile.MaxWidth * (2 + EntryBundle.MaxEntryLength);

    private readonly HttpClient _http;

    public HttpLogSource(HttpClient http, Uri prefix)
    {
        if (!prefix.IsAbsoluteUri)
        {
            throw new ArgumentException("The log prefix must be an absolute URL.", nameof(prefix));
        }

        _http = http;
        // Without the trailing slash, relative resolution would replace the prefix's last segment.
        Prefix = prefix.AbsoluteUri.EndsWith('/') ? prefix : new Uri(prefix.AbsoluteUri + "/");
    }

    public Uri Prefix { get; }

    /// <summary>The bytes at <paramref name="path"/> (relative to the prefix, e.g. <c>tile/0/000</c>).</summary>
    public async ValueTask<byte[]> FetchAsync(string path, CancellationToken cancellationToken)
    {
        var url = new Uri(Prefix, path);
        using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                $"GET {url} answered {(int)response.StatusCode} {response.ReasonPhrase}.", null, response.StatusCode);
        }

        if (response.Content.Headers.ContentLength > MaxResponseBytes)
        {
            throw TooLarge(url);
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var body = new MemoryStream();
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (body.Length + read > MaxResponseBytes)
                {
                    throw TooLarge(url);
                }

                body.Write(buffer, 0, read);
            }

            return body.ToArray();
        }
    }

    private static HttpRequestException TooLarge(Uri url) =>
        new($"GET {url} answered with more than {MaxResponseBytes} bytes, more than any tlog-tiles resource.");
}
