using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Web.Ingest.Http;

namespace NewsDesk.Web.Tests.Ingest.Http;

public class NetworkGuardTests(FixtureSite site) : IClassFixture<FixtureSite>
{
    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.8.9.10", "loopback")]
    [InlineData("10.1.2.3", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.255", "private")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("100.64.0.1", "carrier-grade NAT")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("255.255.255.255", "broadcast")]
    [InlineData("::1", "loopback")]
    [InlineData("::", "unspecified")]
    [InlineData("fc00::1", "private")]
    [InlineData("fd12:3456::1", "private")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("::ffff:127.0.0.1", "IPv4-mapped loopback")]
    [InlineData("::ffff:169.254.169.254", "IPv4-mapped link-local")]
    [InlineData("::127.0.0.1", "IPv4-compatible")]
    [InlineData("64:ff9b::a00:1", "NAT64 of private")]
    [InlineData("2002:c0a8:101::1", "6to4 of private")]
    public void Private_and_special_addresses_are_refused(string address, string reason)
    {
        Assert.StartsWith(reason, NetworkGuard.Classify(IPAddress.Parse(address)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2606:2800:220:1:248:1893:25c8:1946")]
    [InlineData("::ffff:8.8.8.8")]
    public void Public_addresses_are_allowed(string address)
    {
        Assert.Null(NetworkGuard.Classify(IPAddress.Parse(address)));
    }

    [Fact]
    public async Task The_guard_refuses_127_0_0_1_when_private_networks_are_not_allowed()
    {
        await using var guarded = new IngestFactory().WithSetting("Ingest:AllowPrivateNetworks", "false");
        var fetcher = guarded.Services.GetRequiredService<PoliteFetcher>();

        var failure = await Assert.ThrowsAsync<FetchFailureException>(() =>
            fetcher.FetchAsync(new Uri(site.Url("/articles/guarded.html")), CancellationToken.None));

        Assert.Equal(FetchFailureKind.Blocked, failure.Kind);
        Assert.Contains("refused to connect to 127.0.0.1: loopback address", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(site.Requests, r => r.PathAndQuery.Contains("guarded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_guard_checks_the_resolved_address_not_the_host_name()
    {
        await using var guarded = new IngestFactory().WithSetting("Ingest:AllowPrivateNetworks", "false");
        var fetcher = guarded.Services.GetRequiredService<PoliteFetcher>();

        var failure = await Assert.ThrowsAsync<FetchFailureException>(() =>
            fetcher.FetchAsync(new Uri($"http://localhost:{site.Port}/articles/by-name.html"), CancellationToken.None));

        Assert.Equal(FetchFailureKind.Blocked, failure.Kind);
        Assert.Contains("refused to connect to localhost", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_from_an_allowed_host_to_127_0_0_1_is_refused_at_the_connect()
    {
        // "localhost" is trusted by name; the redirect target 127.0.0.1 is not, and every hop's connection is checked.
        await using var guarded = new IngestFactory()
            .WithSetting("Ingest:AllowPrivateNetworks", "false")
            .WithSetting("Ingest:AllowedPrivateHosts:0", "localhost");
        var fetcher = guarded.Services.GetRequiredService<PoliteFetcher>();

        var failure = await Assert.ThrowsAsync<FetchFailureException>(() =>
            fetcher.FetchAsync(new Uri($"http://localhost:{site.Port}/redirect-to-ip?path=/articles/rebound.html"), CancellationToken.None));

        Assert.Equal(FetchFailureKind.Blocked, failure.Kind);
        Assert.Contains("127.0.0.1", failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, site.HitsOn("/redirect-to-ip"));
        Assert.Equal(0, site.HitsOn("/articles/rebound.html"));
    }
}
