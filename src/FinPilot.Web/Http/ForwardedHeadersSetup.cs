using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace FinPilot.Web.Http;

/// <summary>
/// Behind a TLS proxy the client's address and scheme arrive in X-Forwarded-For/-Proto. They are
/// believed only from the proxies named in <c>ForwardedHeaders:KnownProxies</c> (addresses) and
/// <c>ForwardedHeaders:KnownNetworks</c> (CIDR ranges); from anyone else they are ignored, so a
/// client cannot pick its own address to slip past a rate limit.
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string Section = "ForwardedHeaders";

    public static void Configure(ForwardedHeadersOptions options, IConfiguration configuration)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

        // The framework trusts loopback by default; here nothing is trusted unless configured.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var value in Values(configuration, "KnownProxies"))
        {
            options.KnownProxies.Add(IPAddress.TryParse(value, out var address)
                ? address
                : throw new InvalidOperationException($"{Section}:KnownProxies: '{value}' is not an IP address."));
        }

        foreach (var value in Values(configuration, "KnownNetworks"))
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(value, out var network)
                ? network
                : throw new InvalidOperationException($"{Section}:KnownNetworks: '{value}' is not a network in CIDR form (such as 10.0.0.0/8)."));
        }
    }

    /// <summary>A list in either form: one value per index (<c>KnownProxies:0</c>…) or one comma-separated value.</summary>
    private static IEnumerable<string> Values(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(Section).GetSection(key);
        var values = section.GetChildren().Select(c => c.Value).Append(section.Value);
        return values
            .SelectMany(v => (v ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
