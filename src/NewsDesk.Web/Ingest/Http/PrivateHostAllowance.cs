namespace NewsDesk.Web.Ingest.Http;

/// <summary>
/// One <c>Ingest:AllowedPrivateHosts</c> entry: a host the SSRF guard lets through on a private address, narrowed
/// to one port (<c>intranet:8180</c>) or to one origin (<c>https://intranet:8443</c>; no port means the scheme's
/// default). A bare host name (<c>intranet</c>) trusts every port of it, so an entry should name its port:
/// allowing an intranet feed must not open the other services on that machine.
/// </summary>
public sealed record PrivateHostAllowance(string Host, int? Port, string? Scheme)
{
    /// <summary>Reads an entry; false (with the reason) when it is not a host, host:port or scheme://host[:port].</summary>
    public static bool TryParse(string? entry, out PrivateHostAllowance allowance, out string error)
    {
        allowance = new PrivateHostAllowance("", null, null);
        error = "";
        var text = entry?.Trim() ?? "";
        var hasScheme = text.Contains("://", StringComparison.Ordinal);
        // A made-up scheme has no default port, so "host" parses with port -1 ("any") and "host:8180" with 8180.
        if (!Uri.TryCreate(hasScheme ? text : "allowed://" + text, UriKind.Absolute, out var uri)
            || uri.Host.Length == 0 || uri.PathAndQuery is not ("" or "/") || uri.UserInfo.Length > 0)
        {
            error = $"\"{entry}\" is not a host, host:port or scheme://host:port";
            return false;
        }

        if (hasScheme && uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            error = $"\"{entry}\" is not an http or https origin (only those are fetched)";
            return false;
        }

        allowance = new PrivateHostAllowance(
            uri.Host.Trim('[', ']').ToLowerInvariant(), uri.Port < 0 ? null : uri.Port, hasScheme ? uri.Scheme : null);
        return true;
    }

    /// <summary>Does this entry let a connection to <paramref name="host"/>:<paramref name="port"/> for a <paramref name="scheme"/> URL through?</summary>
    public bool Allows(string? scheme, string host, int port) =>
        string.Equals(Host, host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase)
        && (Port is null || Port == port)
        && (Scheme is null || string.Equals(Scheme, scheme, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when any valid entry of the list allows the connection (invalid entries are refused at start-up).</summary>
    public static bool AnyAllows(IEnumerable<string> entries, string? scheme, string host, int port) =>
        entries.Any(e => TryParse(e, out var allowance, out _) && allowance.Allows(scheme, host, port));
}
