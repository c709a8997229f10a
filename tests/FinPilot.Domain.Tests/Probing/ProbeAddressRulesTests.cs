using System.Net;
using FinPilot.Domain.Probing;

namespace FinPilot.Domain.Tests.Probing;

public sealed class ProbeAddressRulesTests
{
    [Theory]
    [InlineData("0.0.0.0", AddressClass.Unspecified)]
    [InlineData("127.0.0.1", AddressClass.Loopback)]
    [InlineData("127.255.0.9", AddressClass.Loopback)]
    [InlineData("10.0.0.1", AddressClass.Private)]
    [InlineData("172.16.0.1", AddressClass.Private)]
    [InlineData("172.31.255.255", AddressClass.Private)]
    [InlineData("192.168.1.1", AddressClass.Private)]
    [InlineData("169.254.169.254", AddressClass.LinkLocal)]
    [InlineData("100.64.0.1", AddressClass.SharedAddressSpace)]
    [InlineData("224.0.0.1", AddressClass.Multicast)]
    [InlineData("255.255.255.255", AddressClass.Reserved)]
    [InlineData("::", AddressClass.Unspecified)]
    [InlineData("::1", AddressClass.Loopback)]
    [InlineData("fe80::1", AddressClass.LinkLocal)]
    [InlineData("fc00::1", AddressClass.UniqueLocal)]
    [InlineData("fd12:3456::1", AddressClass.UniqueLocal)]
    [InlineData("ff02::1", AddressClass.Multicast)]
    [InlineData("::ffff:127.0.0.1", AddressClass.Loopback)]
    [InlineData("::ffff:10.1.2.3", AddressClass.Private)]
    [InlineData("::ffff:169.254.169.254", AddressClass.LinkLocal)]
    [InlineData("64:ff9b::a00:1", AddressClass.Private)]
    [InlineData("2002:c0a8:101::1", AddressClass.Private)]
    public void Addresses_inside_a_network_are_refused(string address, AddressClass expected)
    {
        Assert.Equal(expected, ProbeAddressRules.Classify(IPAddress.Parse(address)));
        Assert.False(ProbeAddressRules.IsPublic(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2400:3200::1")]
    [InlineData("::ffff:1.2.3.4")]
    public void Public_addresses_are_probed(string address) =>
        Assert.True(ProbeAddressRules.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("https://status.bank.example/health", true)]
    [InlineData("http://status.bank.example/", true)]
    [InlineData("ftp://status.bank.example/", false)]
    [InlineData("file:///etc/passwd", false)]
    [InlineData("https://user:pw@status.bank.example/", false)]
    public void Only_http_and_https_urls_are_probed(string url, bool probeable) =>
        Assert.Equal(probeable, ProbeAddressRules.IsProbeableUrl(new Uri(url)));

    [Fact]
    public void Redirects_stay_on_the_host()
    {
        var from = new Uri("http://status.bank.example/a");
        Assert.True(ProbeAddressRules.SameHost(from, new Uri("https://STATUS.bank.example/b")));
        Assert.False(ProbeAddressRules.SameHost(from, new Uri("http://evil.example/")));
        Assert.False(ProbeAddressRules.SameHost(from, new Uri("http://status.bank.example.evil.example/")));
    }
}
