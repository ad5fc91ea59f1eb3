using AngleSharp.Html.Dom;

namespace NewsDesk.Extraction.Feeds;

/// <summary>A feed a web page advertises with &lt;link rel="alternate"&gt;, or a sitemap its site's robots.txt names.</summary>
public sealed record DiscoveredFeed(Uri Url, string? Title, string MediaType)
{
    /// <summary>A sitemap (from robots.txt "Sitemap:" lines), to be added as a sitemap source.</summary>
    public bool IsSitemap { get; init; }
}

/// <summary>Finds the feeds a site's page links to in its head, as feed readers do.</summary>
public static class FeedDiscovery
{
    private static readonly string[] _feedTypes =
        ["application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/x-rss+xml", "application/feed+xml",
         "application/feed+json", "application/json"];

    /// <summary>
    /// Reads an already parsed page: the caller parses once, through <see cref="ArticleExtractor.ParseBytes"/>, so the
    /// nesting guard applies here too (a page parsed on its own, outside the guard, once held a request for minutes).
    /// </summary>
    public static IReadOnlyList<DiscoveredFeed> Find(IHtmlDocument document, Uri pageUrl)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(pageUrl);
        var baseUrl = Uri.TryCreate(pageUrl, document.QuerySelector("base[href]")?.GetAttribute("href"), out var b) ? b : pageUrl;
        var feeds = new List<DiscoveredFeed>();
        foreach (var link in document.QuerySelectorAll("link[rel][href][type]"))
        {
            var rel = link.GetAttribute("rel")!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var type = link.GetAttribute("type")!.Trim().ToLowerInvariant();
            if (!rel.Contains("alternate", StringComparer.OrdinalIgnoreCase) || !_feedTypes.Contains(type))
            {
                continue;
            }

            if (FeedParser.WebUrl(link.GetAttribute("href"), baseUrl) is { } url && feeds.All(f => f.Url != url))
            {
                var title = link.GetAttribute("title");
                feeds.Add(new DiscoveredFeed(url, string.IsNullOrWhiteSpace(title) ? null : title.Trim(), type));
            }
        }

        return feeds;
    }
}
