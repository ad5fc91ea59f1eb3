namespace NewsDesk.Extraction.Feeds;

/// <summary>What a fetched document turned out to be.</summary>
public enum SniffedKind
{
    Unknown,
    Feed,
    Sitemap,
    Html,
}

/// <summary>Tells feeds, sitemaps and HTML apart by their root element, not by what the server claims.</summary>
public static class ContentSniffer
{
    public static SniffedKind Sniff(ReadOnlyMemory<byte> content, string? mediaType)
    {
        using var stream = new MemoryStream(content.ToArray(), writable: false);
        var root = SafeXml.RootName(stream);
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
}
