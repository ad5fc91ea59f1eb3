using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace NewsDesk.Web.Operations;

/// <summary>Running behind nginx, Caddy or Apache. Bound to section "ReverseProxy".</summary>
public sealed class ReverseProxyOptions
{
    public const string SectionName = "ReverseProxy";

    /// <summary>
    /// Believe X-Forwarded-For and X-Forwarded-Proto from <see cref="KnownProxies"/>. Off by default: without a proxy
    /// anyone could send those headers and pose as the local machine (which may open /setup) or as HTTPS.
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// Addresses of the proxies whose forwarded headers count; none listed (and no <see cref="KnownNetworks"/>) means
    /// a proxy on the same machine (127.0.0.1, ::1). Empty by default because configuration adds to an array.
    /// </summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of proxies whose forwarded headers count, in CIDR form (e.g. <c>10.0.0.0/8</c>).</summary>
    public string[] KnownNetworks { get; set; } = [];
}

/// <summary>
/// Forwarded headers from a trusted proxy: the client's address (login rate limit, the local-only setup page, the
/// logs) and scheme (so cookies are marked Secure and links are https when the proxy terminates TLS).
/// </summary>
public static class ReverseProxySetup
{
    public static WebApplicationBuilder AddNewsDeskReverseProxy(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<ReverseProxyOptions>(builder.Configuration.GetSection(ReverseProxyOptions.SectionName));
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ReverseProxyOptions>>((forwarded, proxy) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            var proxies = proxy.Value.KnownProxies.Length == 0 && proxy.Value.KnownNetworks.Length == 0
                ? [IPAddress.Loopback.ToString(), IPAddress.IPv6Loopback.ToString()]
                : proxy.Value.KnownProxies;
            foreach (var address in proxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(address));
            }

            foreach (var network in proxy.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return builder;
    }

    /// <summary>First in the pipeline, so everything after it sees the client's address and scheme.</summary>
    public static void UseNewsDeskReverseProxy(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ReverseProxyOptions>>().Value.Enabled)
        {
            app.UseForwardedHeaders();
        }
    }
}
