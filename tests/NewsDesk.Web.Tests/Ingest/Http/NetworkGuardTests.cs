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

    [Fact]
    public async Task An_allowed_host_and_port_opens_that_port_only()
    {
        var otherService = new FixtureSite();
        await otherService.InitializeAsync();
        try
        {
            await using var guarded = new IngestFactory()
                .WithSetting("Ingest:AllowPrivateNetworks", "false")
                .WithSetting("Ingest:AllowedPrivateHosts:0", $"localhost:{site.Port}");
            var fetcher = guarded.Services.GetRequiredService<PoliteFetcher>();

            var allowed = await fetcher.FetchAsync(new Uri($"http://localhost:{site.Port}/articles/intranet.html"), CancellationToken.None);
            var failure = await Assert.ThrowsAsync<FetchFailureException>(() =>
                fetcher.FetchAsync(new Uri($"http://localhost:{otherService.Port}/articles/next-port.html"), CancellationToken.None));

            Assert.Equal(200, allowed.StatusCode);
            Assert.Equal(FetchFailureKind.Blocked, failure.Kind);
            Assert.Empty(otherService.Requests);
        }
        finally
        {
            await otherService.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("intranet", "http", "intranet", 8181, true)]
    [InlineData("intranet:8180", "http", "intranet", 8180, true)]
    [InlineData("intranet:8180", "http", "intranet", 8181, false)]
    [InlineData("intranet:8180", "https", "other", 8180, false)]
    [InlineData("https://intranet:8443", "https", "intranet", 8443, true)]
    [InlineData("https://intranet:8443", "http", "intranet", 8443, false)]
    [InlineData("https://intranet", "https", "intranet", 443, true)]
    [InlineData("https://intranet", "https", "intranet", 8443, false)]
    [InlineData("[fd00::5]:8080", "http", "fd00::5", 8080, true)]
    [InlineData("INTRANET:8180", "http", "intranet", 8180, true)]
    public void An_allowlist_entry_names_a_host_and_optionally_a_port_and_scheme(string entry, string scheme, string host, int port, bool allows)
    {
        Assert.True(PrivateHostAllowance.TryParse(entry, out var allowance, out var error), error);
        Assert.Equal(allows, allowance.Allows(scheme, host, port));
    }

    [Theory]
    [InlineData("intranet/feeds")]
    [InlineData("ftp://intranet")]
    [InlineData("user@intranet")]
    [InlineData("")]
    public void An_allowlist_entry_that_is_not_a_host_is_refused(string entry)
    {
        Assert.False(PrivateHostAllowance.TryParse(entry, out _, out var error));
        Assert.StartsWith($"\"{entry}\" is not a", error, StringComparison.Ordinal);
    }
}
