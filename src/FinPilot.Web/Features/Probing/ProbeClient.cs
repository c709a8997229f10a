using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using FinPilot.Domain.Probing;

namespace FinPilot.Web.Features.Probing;

/// <summary>What one probe found: the outcome, the HTTP status if any answered, the time taken and, on failure, why.</summary>
public sealed record ProbeAnswer(ProbeOutcome Outcome, int? StatusCode, int? LatencyMs, ProbeFailure? Failure);

/// <summary>Thrown inside the connection callback when a host resolves only to addresses the platform refuses.</summary>
public sealed class ProbeRefusedException(ProbeFailure failure, string message) : Exception(message)
{
    public ProbeFailure Failure { get; } = failure;
}

/// <summary>
/// Probes one URL the way the platform allows (自动探测): only http and https; redirects followed by
/// hand, at most a few and only to the same host; and every connection made to an address checked
/// when it is made (<see cref="ConnectAsync"/>), so a name that resolves to a public address when
/// checked and a private one when used (DNS rebinding) is still refused. 2xx is up.
/// </summary>
public sealed class ProbeClient(IHttpClientFactory clients, ProbingOptions options)
{
    public const string ClientName = "FinPilot.Probing";

    public async Task<ProbeAnswer> ProbeAsync(string url, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !ProbeAddressRules.IsProbeableUrl(uri))
        {
            return new ProbeAnswer(ProbeOutcome.Refused, null, null, ProbeFailure.SchemeRefused);
        }

        if (!options.AllowPrivateAddresses && IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var literal) && !ProbeAddressRules.IsPublic(literal))
        {
            return new ProbeAnswer(ProbeOutcome.Refused, null, null, ProbeFailure.PrivateAddressRefused);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var client = clients.CreateClient(ClientName);
        var started = Stopwatch.GetTimestamp();
        try
        {
            for (var hop = 0; ; hop++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
                var status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    var next = location.IsAbsoluteUri ? location : new Uri(uri, location);
                    if (!ProbeAddressRules.IsProbeableUrl(next))
                    {
                        return new ProbeAnswer(ProbeOutcome.Refused, status, Elapsed(started), ProbeFailure.SchemeRefused);
                    }

                    if (!ProbeAddressRules.SameHost(uri, next))
                    {
                        return new ProbeAnswer(ProbeOutcome.Refused, status, Elapsed(started), ProbeFailure.RedirectToOtherHost);
                    }

                    if (hop >= options.MaxRedirects)
                    {
                        return new ProbeAnswer(ProbeOutcome.Down, status, Elapsed(started), ProbeFailure.TooManyRedirects);
                    }

                    uri = next;
                    continue;
                }

                return status is >= 200 and < 300
                    ? new ProbeAnswer(ProbeOutcome.Up, status, Elapsed(started), null)
                    : new ProbeAnswer(ProbeOutcome.Down, status, Elapsed(started), ProbeFailure.HttpStatus);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ProbeAnswer(ProbeOutcome.Unreachable, null, Elapsed(started), ProbeFailure.Timeout);
        }
        catch (HttpRequestException exception) when (Refused(exception) is { } refused)
        {
            return new ProbeAnswer(ProbeOutcome.Refused, null, null, refused.Failure);
        }
        catch (HttpRequestException exception)
        {
            return new ProbeAnswer(ProbeOutcome.Unreachable, null, Elapsed(started), FailureOf(exception));
        }
    }

    /// <summary>
    /// The named client's connection step: resolve the host, drop the addresses the platform refuses
    /// (unless allowed), and connect to the first that answers. Checked at connect time, on the
    /// address actually used.
    /// </summary>
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, bool allowPrivate, CancellationToken cancellationToken)
    {
        var endpoint = context.DnsEndPoint;
        var addresses = IPAddress.TryParse(endpoint.Host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken);
        var allowed = allowPrivate ? addresses : addresses.Where(ProbeAddressRules.IsPublic).ToArray();
        if (allowed.Length == 0)
        {
            throw addresses.Length == 0
                ? new ProbeRefusedException(ProbeFailure.DnsFailure, $"{endpoint.Host} does not resolve")
                : new ProbeRefusedException(ProbeFailure.PrivateAddressRefused, Refusal(addresses[0]));
        }

        SocketException? last = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endpoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException exception)
            {
                socket.Dispose();
                last = exception;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last!;
    }

    private static string Refusal(IPAddress address) =>
        $"address {address} refused ({ProbeAddressRules.Classify(address).ToString().ToLowerInvariant()})";

    private static ProbeRefusedException? Refused(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is ProbeRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }

    /// <summary>The kind of a failed request, from the socket error under it or the request error it names.</summary>
    public static ProbeFailure FailureOf(HttpRequestException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is SocketException socket)
            {
                return socket.SocketErrorCode switch
                {
                    SocketError.ConnectionRefused => ProbeFailure.ConnectionRefused,
                    SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => ProbeFailure.DnsFailure,
                    SocketError.TimedOut => ProbeFailure.Timeout,
                    _ => ProbeFailure.ConnectionFailed,
                };
            }

            if (e is System.Security.Authentication.AuthenticationException)
            {
                return ProbeFailure.Tls;
            }
        }

        return exception.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => ProbeFailure.DnsFailure,
            HttpRequestError.SecureConnectionError => ProbeFailure.Tls,
            HttpRequestError.ConnectionError => ProbeFailure.ConnectionFailed,
            _ => ProbeFailure.RequestFailed,
        };
    }

    private static int Elapsed(long started) => (int)Math.Min(int.MaxValue, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
}
