using System.Xml.Linq;

namespace NewsDesk.Extraction.Feeds;

/// <summary>A parsed sitemap: either an index of further sitemaps or a list of pages (newest first).</summary>
public sealed record ParsedSitemap(bool IsIndex, IReadOnlyList<FeedItem> Entries, int TotalEntries);

/// <summary>Reads sitemap indexes, urlsets and Google News sitemaps (sitemaps.org 0.9), through <see cref="SafeXml"/>.</summary>
public static class SitemapParser
{
    private static readonly XNamespace _news = "http://www.google.com/schemas/sitemap-news/0.9";

    /// <summary>True for &lt;urlset&gt; and &lt;sitemapindex&gt; roots.</summary>
    public static bool IsSitemapRoot(XName? root) => root?.LocalName is "urlset" or "sitemapindex";

    /// <summary>
    /// Parses a sitemap. Entries are ordered newest first (news publication date, else lastmod) and cut to
    /// <paramref name="maxEntries"/>, so a large site's latest articles are the ones fetched.
    /// </summary>
    public static ParsedSitemap Parse(Stream content, Uri sitemapUrl, int maxEntries = FeedParser.DefaultMaxItems)
    {
        ArgumentNullException.ThrowIfNull(sitemapUrl);
        var root = SafeXml.Load(content).Root!;
        if (!IsSitemapRoot(root.Name))
        {
            throw new FeedFormatException($"not a sitemap: the document's root element is <{root.Name.LocalName}>");
        }

        var ns = root.Name.Namespace;
        var isIndex = root.Name.LocalName == "sitemapindex";
        var entries = new List<(FeedItem Item, int Order)>();
        foreach (var element in root.Elements(ns + (isIndex ? "sitemap" : "url")))
        {
            if (FeedParser.WebUrl((string?)element.Element(ns + "loc"), sitemapUrl) is not { } url)
            {
                continue;
            }

            var news = element.Element(_news + "news");
            var published = FeedParser.ParseDate((string?)news?.Element(_news + "publication_date"))
                ?? FeedParser.ParseDate((string?)element.Element(ns + "lastmod"));
            entries.Add((new FeedItem(url, ((string?)news?.Element(_news + "title"))?.Trim(), published), entries.Count));
        }

        var newestFirst = entries
            .OrderByDescending(e => e.Item.Published ?? DateTimeOffset.MinValue)
            .ThenBy(e => e.Order)
            .Take(maxEntries)
            .Select(e => e.Item)
            .ToList();
        return new ParsedSitemap(isIndex, newestFirst, entries.Count);
    }
}
