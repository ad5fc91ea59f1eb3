using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Web.Auth;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Operations;

/// <summary>
/// NewsDesk on Kestrel at 127.0.0.1 with a "proxy" (this test) in front: forwarded headers count only when
/// ReverseProxy:Enabled is set and only from a known proxy.
/// </summary>
public class ReverseProxyTests
{
    private static async Task<(NewsDeskFactory App, HttpClient Client)> StartAsync(params (string Key, string Value)[] settings)
    {
        var app = new NewsDeskFactory();
        foreach (var (key, value) in settings)
        {
            app.WithSetting(key, value);
        }

        app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return (app, new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(address) });
    }

    private static HttpRequestMessage Forwarded(string path, string clientAddress, string scheme = "http")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Forwarded-For", clientAddress);
        request.Headers.Add("X-Forwarded-Proto", scheme);
        return request;
    }

    [Fact]
    public async Task Behind_a_known_proxy_a_remote_client_cannot_open_the_first_run_setup()
    {
        var (app, client) = await StartAsync(("ReverseProxy:Enabled", "true"));
        await using var _ = app;

        var remote = await client.SendAsync(Forwarded("/setup", "203.0.113.7"));
        var local = await client.GetAsync("/setup");

        Assert.Equal(HttpStatusCode.Forbidden, remote.StatusCode);
        Assert.Equal(HttpStatusCode.OK, local.StatusCode);
    }

    [Fact]
    public async Task Forwarded_headers_from_an_unknown_proxy_are_ignored()
    {
        var (app, client) = await StartAsync(("ReverseProxy:Enabled", "true"), ("ReverseProxy:KnownProxies:0", "192.0.2.10"), ("ReverseProxy:KnownProxies:1", "192.0.2.11"));
        await using var _ = app;

        var response = await client.SendAsync(Forwarded("/setup", "203.0.113.7"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Https_at_the_proxy_marks_the_sign_in_and_antiforgery_cookies_secure()
    {
        var (app, client) = await StartAsync(("ReverseProxy:Enabled", "true"));
        await using var _ = app;
        await app.EnsureUserAsync(Roles.Admin);

        var overHttps = await client.SendAsync(Forwarded("/account/login", "203.0.113.7", "https"));
        var overHttp = await client.SendAsync(Forwarded("/account/login", "203.0.113.7", "http"));

        Assert.Contains(overHttps.Headers.GetValues("Set-Cookie"), c => c.StartsWith("NewsDesk.Antiforgery=", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(overHttp.Headers.GetValues("Set-Cookie"), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Without_the_setting_forwarded_headers_are_not_believed()
    {
        var (app, client) = await StartAsync();
        await using var _ = app;
        await app.EnsureUserAsync(Roles.Admin);

        var response = await client.SendAsync(Forwarded("/account/login", "203.0.113.7", "https"));

        Assert.DoesNotContain(response.Headers.GetValues("Set-Cookie"), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }
}
