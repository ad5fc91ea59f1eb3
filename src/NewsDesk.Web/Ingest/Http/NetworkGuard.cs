using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace NewsDesk.Web.Ingest.Http;

/// <summary>
/// The SSRF guard. It runs as the scraper's <see cref="SocketsHttpHandler.ConnectCallback"/>: it resolves the host
/// itself, refuses loopback, private, link-local, CGNAT, multicast and reserved addresses, and connects the socket
/// to the address it checked. Every connection, so every redirect hop, passes here, and a DNS answer that changes
/// between a check and the connect (rebinding) cannot slip through, because there is no second lookup.
/// </summary>
public sealed class NetworkGuard(IOptionsMonitor<IngestOptions> options, ILogger<NetworkGuard> logger)
{
    // The address each host:port was last connected to. HttpClient does not say which socket served a response;
    // with one connection per host (the politeness default) this is that socket's peer, for WARC-IP-Address.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Host, int Port), IPAddress> _lastAddress = new();

    /// <summary>The address the last connection to the host and port went to, or null if none was made.</summary>
    public IPAddress? LastAddressOf(string host, int port) =>
        _lastAddress.TryGetValue((host.Trim('[', ']').ToLowerInvariant(), port), out var address) ? address : null;

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.DnsEndPoint.Host.Trim('[', ']');
        var allowed = await AllowedAddressesAsync(context.InitialRequestMessage.RequestUri?.Scheme, host, context.DnsEndPoint.Port, cancellationToken);
        Exception? lastError = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
                _lastAddress[(host.ToLowerInvariant(), context.DnsEndPoint.Port)] = address;
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                // Try the host's next address (e.g. ::1 refused, 127.0.0.1 listening).
                socket.Dispose();
                lastError = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw lastError!;
    }

    /// <summary>
    /// Why the guard would refuse to connect for this URL, or null when it would (or cannot tell yet: a name that does
    /// not resolve now is left to the fetch). Lets source discovery and OPML import refuse an internal address before
    /// it is saved as a source, instead of saving it and refusing every fetch.
    /// </summary>
    public async Task<string?> RefusalAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (options.CurrentValue.AllowPrivateNetworks)
        {
            return null;
        }

        using var lookup = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        lookup.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await AllowedAddressesAsync(url.Scheme, url.Host.Trim('[', ']'), url.Port, lookup.Token);
            return null;
        }
        catch (BlockedAddressException ex)
        {
            return ex.Message;
        }
        catch (Exception ex) when (ex is SocketException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return null;
        }
    }

    private async Task<IPAddress[]> AllowedAddressesAsync(string? scheme, string host, int port, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var trusted = settings.AllowPrivateNetworks || PrivateHostAllowance.AnyAllows(settings.AllowedPrivateHosts, scheme, host, port);
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = trusted ? addresses : addresses.Where(a => Classify(a) is null).ToArray();
        if (allowed.Length == 0)
        {
            var refused = addresses.FirstOrDefault();
            var reason = refused is null ? "no address" : Classify(refused);
            logger.LogWarning("Refused to connect to {Host}:{Port} ({Address}: {Reason})", host, port, refused, reason);
            throw new BlockedAddressException(host, refused, reason ?? "not allowed");
        }

        return allowed;
    }

    /// <summary>Why an address must not be connected to, or null when it is an ordinary public address.</summary>
    public static string? Classify(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return ClassifyV4(address.GetAddressBytes());
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return "not an IP address";
        }

        var b = address.GetAddressBytes();
        if (address.IsIPv4MappedToIPv6)
        {
            return ClassifyV4(b[12..]) is { } mapped ? $"IPv4-mapped {mapped}" : null;
        }

        if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0)
        {
            // ::, ::1 and the deprecated IPv4-compatible ::a.b.c.d forms.
            return IPAddress.IPv6None.Equals(address) ? "unspecified"
                : IPAddress.IPv6Loopback.Equals(address) ? "loopback"
                : "IPv4-compatible IPv6 (deprecated)";
        }

        return b[0] switch
        {
            0xff => "multicast",
            0xfc or 0xfd => "private (unique local)",
            0xfe when (b[1] & 0xc0) == 0x80 => "link-local",
            0xfe when (b[1] & 0xc0) == 0xc0 => "site-local (deprecated)",
            // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address that is reached in the end.
            0x00 when b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b => ClassifyV4(b[12..]) is { } nat64 ? $"NAT64 of {nat64}" : null,
            0x20 when b[1] == 0x02 => ClassifyV4(b[2..6]) is { } sixToFour ? $"6to4 of {sixToFour}" : null,
            0x20 when b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8 => "documentation",
            0x01 when b[1] == 0x00 && b.AsSpan(2, 6).IndexOfAnyExcept((byte)0) < 0 => "discard-only",
            _ => null,
        };
    }

    private static string? ClassifyV4(byte[] b) => b[0] switch
    {
        0 => "unspecified (this network)",
        10 => "private",
        100 when (b[1] & 0xc0) == 64 => "carrier-grade NAT",
        127 => "loopback",
        169 when b[1] == 254 => "link-local (cloud metadata)",
        172 when (b[1] & 0xf0) == 16 => "private",
        192 when b[1] == 168 => "private",
        192 when b[1] == 0 && b[2] is 0 or 2 => "reserved (IETF / documentation)",
        198 when (b[1] & 0xfe) == 18 => "reserved (benchmarking)",
        198 when b[1] == 51 && b[2] == 100 => "reserved (documentation)",
        203 when b[1] == 0 && b[2] == 113 => "reserved (documentation)",
        >= 224 and <= 239 => "multicast",
        255 when b[1] == 255 && b[2] == 255 && b[3] == 255 => "broadcast",
        >= 240 => "reserved",
        _ => null,
    };
}

/// <summary>The guard refused to connect: the host resolved only to addresses NewsDesk must not reach.</summary>
public sealed class BlockedAddressException(string host, IPAddress? address, string reason)
    : IOException($"refused to connect to {host}{(address is null || address.ToString() == host ? "" : $" ({address})")}: {reason} address")
{
    public string Host { get; } = host;
    public IPAddress? Address { get; } = address;
}
