using System.Xml.Linq;
using NewsDesk.Extraction.Feeds.Xml;

namespace NewsDesk.Extraction.Feeds;

/// <summary>
/// Reads RSS 0.9x/1.0/2.0, Atom 0.3/1.0, CDF and JSON Feed 1.0/1.1 tolerantly, the way feedparser and Miniflux
/// do: bytes are decoded and parsed by <see cref="TolerantXml"/> (strict first, then repaired, then recovered),
/// and items are mapped by local name so that a wrong namespace, an unknown attribute or an odd element costs
/// nothing. Each item is read on its own (<see cref="FeedItems"/>): a bad one is counted and skipped.
/// </summary>
public static class FeedParser
{
    public const int DefaultMaxItems = 1000;

    private const string RdfNamespace = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private const string Rss090Namespace = "http://my.netscape.com/rdf/simple/0.9/";
    private const string Atom03Namespace = "http://purl.org/atom/ns#";

    /// <summary>True when the root element names a feed format this parser reads.</summary>
    public static bool IsFeedRoot(XName? root) =>
        root?.LocalName.ToLowerInvariant() is "rss" or "feed" or "channel" || (root?.LocalName == "RDF" && root.NamespaceName == RdfNamespace);

    public static ParsedFeed Parse(Stream content, Uri feedUrl, int maxItems = DefaultMaxItems, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var copy = new MemoryStream();
        content.CopyTo(copy);
        return Parse(copy.GetBuffer().AsSpan(0, (int)copy.Length), feedUrl, maxItems, contentType);
    }

    /// <summary>Parses a feed; item links are made absolute against xml:base and <paramref name="feedUrl"/>; non-web links are skipped.</summary>
    /// <exception cref="FeedFormatException">The bytes are no feed: the message names what they are instead.</exception>
    public static ParsedFeed Parse(ReadOnlySpan<byte> content, Uri feedUrl, int maxItems = DefaultMaxItems, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(feedUrl);
        if (JsonFeedReader.LooksLikeJson(content))
        {
            return JsonFeedReader.Read(content, feedUrl, maxItems);
        }

        var read = TolerantXml.Load(content, contentType);
        var root = read.Document.Root ?? throw new FeedFormatException("the document has no root element");
        var items = new FeedItems(maxItems);
        var bases = new XmlBase(feedUrl);
        var encoding = $"{read.Decoded.Encoding} ({read.Decoded.ChosenBy})";
        var rootName = root.Name.LocalName.ToLowerInvariant();
        switch (rootName)
        {
            case "rss":
                var channel = root.Child("channel") ?? root;
                foreach (var item in channel.Children("item").Concat(channel == root ? [] : root.Children("item")))
                {
                    items.Add(() => RssItem(item, bases));
                }

                return Result(FeedFormat.Rss20, channel.ChildText("title"), RssLink(channel, bases), items, encoding, read.Repair);
            case "rdf" when root.Name.NamespaceName == RdfNamespace:
                foreach (var item in root.Children("item").Concat(root.Child("channel")?.Children("item") ?? []))
                {
                    items.Add(() => RssItem(item, bases));
                }

                var rdfChannel = root.Child("channel");
                var format = root.Elements().Any(e => e.Name.NamespaceName == Rss090Namespace) ? FeedFormat.Rss090 : FeedFormat.Rss10;
                return Result(format, rdfChannel?.ChildText("title"), rdfChannel is null ? null : RssLink(rdfChannel, bases), items, encoding, read.Repair);
            case "feed":
                // Atom 0.3 feeds written by RSS habits carry <item> where <entry> belongs.
                foreach (var entry in root.Children("entry").Concat(root.Children("item")))
                {
                    items.Add(() => AtomEntry(entry, bases));
                }

                return Result(root.Name.NamespaceName == Atom03Namespace ? FeedFormat.Atom03 : FeedFormat.Atom10,
                    root.ChildText("title"), AtomLink(root, bases), items, encoding, read.Repair);
            case "channel":
                // CDF names its base address with a BASE attribute of its own.
                var cdfBase = WebUrl(root.AttributeValue("base"), feedUrl) is { } declaredBase ? new XmlBase(declaredBase) : bases;
                foreach (var item in root.Descendants().Where(e => e.Name.LocalName.Equals("item", StringComparison.OrdinalIgnoreCase)))
                {
                    items.Add(() => CdfItem(item, cdfBase));
                }

                return Result(FeedFormat.Cdf, root.ChildText("title"), WebUrl(root.AttributeValue("href"), bases.Of(root)), items, encoding, read.Repair);
            default:
                throw new FeedFormatException(NotAFeed(root.Name));
        }
    }

    /// <summary>An absolute http(s) URL, or null: javascript:, data: and mailto: links never become fetches.</summary>
    public static Uri? WebUrl(string? value, Uri baseUrl)
    {
        if (string.IsNullOrWhiteSpace(value) || !Uri.TryCreate(baseUrl, value.Trim(), out var url))
        {
            return null;
        }

        return url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps ? url : null;
    }

    internal static DateTimeOffset? ParseDate(string? text) => FeedDates.Parse(text);

    private static string NotAFeed(XName root) => root.LocalName.ToLowerInvariant() switch
    {
        "html" => "not a feed: this is an HTML page (<html>); add the page itself, or the feed it links to",
        "urlset" or "sitemapindex" => $"not a feed: this is a sitemap (<{root.LocalName}>); add it as a sitemap",
        "opml" => "not a feed: this is an OPML subscription list; import it instead",
        "rdf" => $"not a feed: an RDF document without RSS items (namespace \"{root.NamespaceName}\")",
        _ => $"not a feed: the root element is <{root.LocalName}>{(root.NamespaceName.Length > 0 ? $" in namespace \"{root.NamespaceName}\"" : "")}; " +
             "a feed starts with <rss>, <feed> (Atom), <rdf:RDF> (RSS 1.0) or is a JSON Feed",
    };

    private static ParsedFeed Result(FeedFormat format, string? title, Uri? site, FeedItems items, string encoding, string? repair) =>
        new(format, FeedItems.PlainTitle(title), site, items.Items, items.Total, items.Skipped, encoding, repair);

    private static (FeedItem?, string?) RssItem(XElement item, XmlBase bases)
    {
        XElement? source = item.Children("link").FirstOrDefault(l => l.Value.Trim().Length > 0);
        var link = source?.Value;
        if (link is null && AlternateHref(item, out var alternate) is { } href)
        {
            (source, link) = (alternate, href);
        }

        string? skip = null;
        if (link is null && item.Child("guid") is { } guid)
        {
            // A guid is the article's address only when it is a permalink (isPermaLink absent or "true").
            if (!string.Equals(guid.AttributeValue("isPermaLink")?.Trim(), "false", StringComparison.OrdinalIgnoreCase))
            {
                (source, link) = (guid, guid.Value);
            }
            else
            {
                skip = "without a link (only a guid that is not a permalink)";
            }
        }

        if (link is null && item.AttributeValue("about") is { } about)
        {
            (source, link) = (item, about);
        }

        var (url, reason) = FeedItems.Resolve(link, bases.Of(source ?? item));
        if (url is null)
        {
            return (null, skip ?? reason);
        }

        var date = FeedDates.Parse(item.ChildText("pubDate") ?? item.ChildText("date") ?? item.ChildText("published")
            ?? item.ChildText("issued") ?? item.ChildText("updated") ?? item.ChildText("modified"));
        return (new FeedItem(url, FeedItems.PlainTitle(item.ChildText("title")), date), null);
    }

    private static (FeedItem?, string?) AtomEntry(XElement entry, XmlBase bases)
    {
        var link = AlternateHref(entry, out var linkElement);
        if (link is null && entry.Children("link").FirstOrDefault(l => l.Value.Trim().Length > 0) is { } textLink)
        {
            (linkElement, link) = (textLink, textLink.Value);
        }

        // With no link at all, the id stands in for it exactly as an RSS permalink guid does (feedparser's rule):
        // an http(s) id is the address, a urn: or tag: id is no link.
        if (link is null && entry.Child("id") is { } id && id.Value.Trim().Length > 0)
        {
            (linkElement, link) = (id, id.Value);
        }

        var (url, reason) = FeedItems.Resolve(link, bases.Of(linkElement ?? entry));
        if (url is null)
        {
            return (null, reason);
        }

        var date = FeedDates.Parse(entry.ChildText("published") ?? entry.ChildText("issued") ?? entry.ChildText("created")
            ?? entry.ChildText("updated") ?? entry.ChildText("modified") ?? entry.ChildText("date"));
        return (new FeedItem(url, FeedItems.PlainTitle(entry.ChildText("title")), date), null);
    }

    private static (FeedItem?, string?) CdfItem(XElement item, XmlBase bases)
    {
        var (url, reason) = FeedItems.Resolve(item.AttributeValue("href"), bases.Of(item));
        return url is null
            ? (null, reason)
            : (new FeedItem(url, FeedItems.PlainTitle(item.ChildText("title")), FeedDates.Parse(item.AttributeValue("lastmod"))), null);
    }

    private static Uri? RssLink(XElement channel, XmlBase bases)
    {
        var link = channel.Children("link").FirstOrDefault(l => l.Value.Trim().Length > 0);
        return link is not null ? WebUrl(link.Value, bases.Of(link)) : AtomLink(channel, bases);
    }

    private static Uri? AtomLink(XElement parent, XmlBase bases)
    {
        var href = AlternateHref(parent, out var element);
        return href is null ? null : WebUrl(href, bases.Of(element!));
    }

    // Atom: rel="alternate" or no rel; an HTML alternate is preferred over other types.
    private static string? AlternateHref(XElement parent, out XElement? element)
    {
        var alternates = parent.Children("link")
            .Where(l => !string.IsNullOrWhiteSpace(l.AttributeValue("href")))
            .Where(l => l.AttributeValue("rel")?.Trim().ToLowerInvariant() is null or "" or "alternate")
            .ToList();
        element = alternates.FirstOrDefault(l => l.AttributeValue("type")?.Trim().ToLowerInvariant() is null or "" or "text/html" or "application/xhtml+xml")
            ?? alternates.FirstOrDefault();
        return element?.AttributeValue("href");
    }
}
