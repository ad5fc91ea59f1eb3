using System.Globalization;
using System.ServiceModel.Syndication;
using System.Xml.Linq;

namespace NewsDesk.Extraction.Feeds;

/// <summary>
/// Reads RSS 2.0 and Atom 1.0 with System.ServiceModel.Syndication and RSS 1.0 (RDF), which that library does not
/// know, with LINQ to XML; always through <see cref="SafeXml"/>.
/// </summary>
public static class FeedParser
{
    public const int DefaultMaxItems = 1000;

    private static readonly XNamespace _rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static readonly XNamespace _rss10 = "http://purl.org/rss/1.0/";
    private static readonly XNamespace _dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace _atom = "http://www.w3.org/2005/Atom";

    /// <summary>True when the root element names a feed format this parser reads.</summary>
    public static bool IsFeedRoot(XName? root) =>
        root is not null && ((root.LocalName == "rss" && root.NamespaceName.Length == 0) || root == _rdf + "RDF" || root == _atom + "feed");

    /// <summary>Parses a feed; item links are made absolute against <paramref name="feedUrl"/>; non-web links are dropped.</summary>
    public static ParsedFeed Parse(Stream content, Uri feedUrl, int maxItems = DefaultMaxItems)
    {
        ArgumentNullException.ThrowIfNull(feedUrl);
        var document = SafeXml.Load(content);
        var root = document.Root!.Name;
        if (root == _rdf + "RDF")
        {
            return ParseRdf(document, feedUrl, maxItems);
        }

        SyndicationFeedFormatter formatter = root.LocalName == "rss" && root.NamespaceName.Length == 0
            ? new Rss20FeedFormatter { DateTimeParser = TryParseDate }
            : root == _atom + "feed"
                ? new Atom10FeedFormatter { DateTimeParser = TryParseDate }
                : throw new FeedFormatException($"not a feed: the document's root element is <{root.LocalName}>");
        if (formatter is Rss20FeedFormatter)
        {
            // RSS 0.91/0.92 are subsets of 2.0 that the formatter refuses by version number alone.
            document.Root.SetAttributeValue("version", "2.0");
        }

        try
        {
            using var reader = document.CreateReader();
            formatter.ReadFrom(reader);
        }
        catch (Exception ex) when (ex is System.Xml.XmlException or FormatException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            throw new FeedFormatException($"unreadable feed: {ex.Message}", ex);
        }

        var feed = formatter.Feed;
        var items = new List<FeedItem>();
        var total = 0;
        foreach (var item in feed.Items)
        {
            total++;
            if (items.Count < maxItems && LinkOf(item, feedUrl) is { } url)
            {
                var published = item.PublishDate != default ? item.PublishDate : item.LastUpdatedTime;
                items.Add(new FeedItem(url, item.Title?.Text?.Trim(), published == default ? null : published));
            }
        }

        var siteUrl = feed.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate")?.GetAbsoluteUri();
        return new ParsedFeed(formatter is Atom10FeedFormatter ? FeedFormat.Atom10 : FeedFormat.Rss20,
            feed.Title?.Text?.Trim(), WebUrl(siteUrl, feedUrl), items, total);
    }

    private static ParsedFeed ParseRdf(XDocument document, Uri feedUrl, int maxItems)
    {
        var channel = document.Root!.Element(_rss10 + "channel");
        var items = new List<FeedItem>();
        var total = 0;
        foreach (var item in document.Root.Elements(_rss10 + "item"))
        {
            total++;
            var link = (string?)item.Element(_rss10 + "link") ?? (string?)item.Attribute(_rdf + "about");
            if (items.Count < maxItems && WebUrl(link, feedUrl) is { } url)
            {
                var date = (string?)item.Element(_dc + "date");
                items.Add(new FeedItem(url, ((string?)item.Element(_rss10 + "title"))?.Trim(), ParseDate(date)));
            }
        }

        return new ParsedFeed(FeedFormat.Rss10, ((string?)channel?.Element(_rss10 + "title"))?.Trim(),
            WebUrl((string?)channel?.Element(_rss10 + "link"), feedUrl), items, total);
    }

    private static Uri? LinkOf(SyndicationItem item, Uri feedUrl)
    {
        var link = item.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate");
        if (link is not null && WebUrl(link.GetAbsoluteUri() ?? link.Uri, item.BaseUri ?? feedUrl) is { } url)
        {
            return url;
        }

        // An RSS guid that is a permalink is the article's address when there is no <link>.
        return WebUrl(item.Id, feedUrl);
    }

    private static Uri? WebUrl(Uri? uri, Uri baseUrl) => uri is null ? null : WebUrl(uri.OriginalString, baseUrl);

    /// <summary>An absolute http(s) URL, or null: javascript:, data: and mailto: links never become fetches.</summary>
    internal static Uri? WebUrl(string? value, Uri baseUrl)
    {
        if (string.IsNullOrWhiteSpace(value) || !Uri.TryCreate(baseUrl, value.Trim(), out var url))
        {
            return null;
        }

        return url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps ? url : null;
    }

    // Feeds in the wild break RFC 822 and RFC 3339 often; an unreadable date becomes "unknown", never a failed feed.
    private static bool TryParseDate(XmlDateTimeData data, out DateTimeOffset value)
    {
        value = ParseDate(data.DateTimeString) ?? default;
        return true;
    }

    internal static DateTimeOffset? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }

        // RFC 822 zones DateTimeOffset does not know ("GMT", "EST", "+0000").
        var cut = text.LastIndexOf(' ');
        if (cut > 0 && Rfc822Zone(text[(cut + 1)..]) is { } offset
            && DateTime.TryParse(text[..cut], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset);
        }

        return null;
    }

    private static TimeSpan? Rfc822Zone(string zone) => zone.ToUpperInvariant() switch
    {
        "GMT" or "UT" or "UTC" or "Z" => TimeSpan.Zero,
        "EST" => TimeSpan.FromHours(-5),
        "EDT" => TimeSpan.FromHours(-4),
        "CST" => TimeSpan.FromHours(-6),
        "CDT" => TimeSpan.FromHours(-5),
        "MST" => TimeSpan.FromHours(-7),
        "MDT" => TimeSpan.FromHours(-6),
        "PST" => TimeSpan.FromHours(-8),
        "PDT" => TimeSpan.FromHours(-7),
        _ when zone.Length == 5 && (zone[0] == '+' || zone[0] == '-')
            && int.TryParse(zone.AsSpan(1, 2), CultureInfo.InvariantCulture, out var h)
            && int.TryParse(zone.AsSpan(3, 2), CultureInfo.InvariantCulture, out var m)
            => (zone[0] == '-' ? -1 : 1) * new TimeSpan(h, m, 0),
        _ => null,
    };
}
