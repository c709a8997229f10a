using System.Net;
using System.Net.Sockets;

namespace FinPilot.Domain.Probing;

/// <summary>What kind of address a probe would connect to; all but <see cref="Public"/> are refused unless an administrator allows them.</summary>
public enum AddressClass
{
    Public = 0,
    Unspecified = 1,
    Loopback = 2,
    Private = 3,
    LinkLocal = 4,
    UniqueLocal = 5,
    SharedAddressSpace = 6,
    Multicast = 7,
    Reserved = 8,
}

/// <summary>
/// Which addresses the platform probes: a status page on the internet, never a machine inside the
/// platform's own network (SSRF). IPv4 and IPv6, with IPv4 addresses carried inside IPv6 (mapped,
/// compatible, NAT64, 6to4) judged as the IPv4 address they carry.
/// </summary>
public static class ProbeAddressRules
{
    private static readonly IPAddress Nat64Prefix = IPAddress.Parse("64:ff9b::");

    public static bool IsPublic(IPAddress address) => Classify(address) == AddressClass.Public;

    public static AddressClass Classify(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            return ClassifyV4(address.MapToIPv4().GetAddressBytes());
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => ClassifyV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => ClassifyV6(address.GetAddressBytes()),
            _ => AddressClass.Reserved,
        };
    }

    private static AddressClass ClassifyV4(byte[] b) => b switch
    {
        [0, 0, 0, 0] => AddressClass.Unspecified,
        [0, ..] => AddressClass.Reserved, // "this network"
        [10, ..] => AddressClass.Private,
        [127, ..] => AddressClass.Loopback,
        [169, 254, ..] => AddressClass.LinkLocal,
        [172, >= 16 and <= 31, ..] => AddressClass.Private,
        [192, 168, ..] => AddressClass.Private,
        [100, >= 64 and <= 127, ..] => AddressClass.SharedAddressSpace,
        [192, 0, 0, _] => AddressClass.Reserved, // IETF protocol assignments
        [198, 18 or 19, ..] => AddressClass.Reserved, // benchmarking
        [>= 224 and <= 239, ..] => AddressClass.Multicast,
        [>= 240, ..] => AddressClass.Reserved, // future use and broadcast
        _ => AddressClass.Public,
    };

    private static AddressClass ClassifyV6(byte[] b)
    {
        if (b.All(x => x == 0))
        {
            return AddressClass.Unspecified;
        }

        if (b.Take(15).All(x => x == 0) && b[15] == 1)
        {
            return AddressClass.Loopback;
        }

        // IPv4-compatible (::a.b.c.d, deprecated) and NAT64 (64:ff9b::a.b.c.d) carry an IPv4 address in the last four bytes.
        if (b.Take(12).All(x => x == 0) || b.Take(12).SequenceEqual(Nat64Prefix.GetAddressBytes().Take(12)))
        {
            return ClassifyV4(b[12..]);
        }

        // 6to4 (2002:a.b.c.d::/48) carries one in bytes 2–5.
        if (b[0] == 0x20 && b[1] == 0x02)
        {
            var inner = ClassifyV4(b[2..6]);
            if (inner != AddressClass.Public)
            {
                return inner;
            }
        }

        return b[0] switch
        {
            0xff => AddressClass.Multicast,
            0xfe when (b[1] & 0xc0) == 0x80 => AddressClass.LinkLocal,
            0xfe when (b[1] & 0xc0) == 0xc0 => AddressClass.UniqueLocal, // site-local, deprecated: as private
            0xfc or 0xfd => AddressClass.UniqueLocal,
            _ when b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8 => AddressClass.Reserved, // documentation
            _ => AddressClass.Public,
        };
    }

    /// <summary>Whether a URL may be probed at all: absolute http or https, no user information.</summary>
    public static bool IsProbeableUrl(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && string.IsNullOrEmpty(uri.UserInfo);
    }

    /// <summary>Whether a redirect from <paramref name="from"/> to <paramref name="to"/> stays on the same host (the scheme may change between http and https).</summary>
    public static bool SameHost(Uri from, Uri to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        return string.Equals(from.IdnHost, to.IdnHost, StringComparison.OrdinalIgnoreCase);
    }
}
