namespace NewsDesk.Web.Domain;

/// <summary>
/// The one spelling of an article's address: lower-case scheme and host, no default port, no fragment, no
/// credentials, and no tracking parameters, so the same story reached from a newsletter and a feed is stored once.
/// </summary>
public static class CanonicalUrl
{
    private static readonly string[] _trackingPrefixes = ["utm_", "mc_", "pk_", "mtm_", "hsa_", "_hs", "oly_", "at_"];

    private static readonly HashSet<string> _trackingNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid", "li_fat_id",
        "igshid", "mkt_tok", "_ga", "_gl", "ref_src", "ref_url", "vero_id", "vero_conv", "wickedid", "s_cid", "cmpid",
        "ocid", "ncid", "spm", "__twitter_impression", "_openstat", "rb_clickid", "ito", "cmp", "smid", "sr_share",
    };

    /// <summary>Parses an absolute http(s) URL and normalises it; false for anything else (javascript:, ftp:, relative).</summary>
    public static bool TryNormalize(string? value, out string normalized)
    {
        normalized = "";
        if (!Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) || !IsWeb(uri))
        {
            return false;
        }

        normalized = Normalize(uri);
        return true;
    }

    public static bool IsWeb(Uri uri) => uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    public static string Normalize(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var port = uri.IsDefaultPort ? "" : $":{uri.Port}";
        var path = string.IsNullOrEmpty(uri.AbsolutePath) ? "/" : uri.AbsolutePath;
        var kept = uri.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !IsTracking(Uri.UnescapeDataString(pair.Split('=', 2)[0])));
        var query = string.Join('&', kept);
        // IdnHost drops an IPv6 literal's brackets ("::1"), which would make "http://::1/", not a URL.
        var host = uri.HostNameType == UriHostNameType.IPv6 ? uri.Host : uri.IdnHost;
        return $"{uri.Scheme}://{host.ToLowerInvariant()}{port}{path}{(query.Length > 0 ? "?" + query : "")}";
    }

    /// <summary>
    /// Same site when the hosts match after dropping "www." (a page's rel=canonical pointing elsewhere is not
    /// trusted: a hostile page could otherwise claim another outlet's address).
    /// </summary>
    public static bool SameSite(Uri a, Uri b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return string.Equals(BareHost(a), BareHost(b), StringComparison.OrdinalIgnoreCase);
    }

    private static string BareHost(Uri uri) => uri.IdnHost.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.IdnHost[4..] : uri.IdnHost;

    private static bool IsTracking(string name) =>
        _trackingNames.Contains(name) || _trackingPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase));
}
