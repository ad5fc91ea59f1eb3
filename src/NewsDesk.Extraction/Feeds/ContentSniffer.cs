using System.Xml;
using System.Xml.Linq;
using NewsDesk.Extraction.Feeds.Xml;

namespace NewsDesk.Extraction.Feeds;

/// <summary>What a fetched document turned out to be.</summary>
public enum SniffedKind
{
    Unknown,
    Feed,
    Sitemap,
    Html,
}

/// <summary>Tells feeds, sitemaps and HTML apart by their content (root element, JSON Feed, gzip), not by what the server claims.</summary>
public static class ContentSniffer
{
    public static SniffedKind Sniff(ReadOnlyMemory<byte> content, string? mediaType)
    {
        var bytes = content.Span;
        if (SitemapParser.IsGzip(bytes))
        {
            return SniffedKind.Sitemap;
        }

        if (JsonFeedReader.LooksLikeJson(bytes))
        {
            return SniffedKind.Feed;
        }

        var root = RootName(bytes, mediaType);
        if (FeedParser.IsFeedRoot(root))
        {
            return SniffedKind.Feed;
        }

        if (SitemapParser.IsSitemapRoot(root))
        {
            return SniffedKind.Sitemap;
        }

        return root?.LocalName.Equals("html", StringComparison.OrdinalIgnoreCase) == true
            || mediaType is "text/html" or "application/xhtml+xml"
            ? SniffedKind.Html
            : SniffedKind.Unknown;
    }

    /// <summary>The root element's name, reading no further than it; null when the bytes are not XML.</summary>
    private static XName? RootName(ReadOnlySpan<byte> bytes, string? mediaType)
    {
        // Only the head is needed to find the root element.
        var text = XmlRepair.TrimProlog(XmlTextDecoder.Decode(bytes[..Math.Min(bytes.Length, 64 * 1024)], mediaType).Text);
        try
        {
            using var reader = XmlReader.Create(new StringReader(XmlRepair.Repair(text)), SafeXml.CreateSettings());
            return reader.MoveToContent() == XmlNodeType.Element ? XName.Get(reader.LocalName, reader.NamespaceURI) : null;
        }
        catch (XmlException)
        {
            return null;
        }
    }
}
