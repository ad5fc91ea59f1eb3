namespace NewsDesk.Extraction.Feeds;

/// <summary>One entry of a feed or sitemap: the article's address and what the listing says about it.</summary>
public sealed record FeedItem(Uri Url, string? Title = null, DateTimeOffset? Published = null, string? Language = null);

/// <summary>The formats <see cref="FeedParser"/> reads.</summary>
public enum FeedFormat
{
    /// <summary>&lt;rss&gt;: RSS 0.91, 0.92, 0.93, 0.94 and 2.0, which share one shape.</summary>
    Rss20,

    /// <summary>RSS 1.0 (RDF).</summary>
    Rss10,

    /// <summary>RSS 0.90 (RDF with Netscape's namespace).</summary>
    Rss090,
    Atom10,
    Atom03,
    JsonFeed,

    /// <summary>Microsoft's Channel Definition Format (&lt;CHANNEL&gt; with &lt;ITEM HREF&gt;).</summary>
    Cdf,
}

/// <summary>
/// A parsed feed: its title, home page and at most the requested number of items, in document order.
/// <see cref="TotalItems"/> counts every entry found; <see cref="Skipped"/> says why the ones not returned were
/// left out (beyond the limit excepted); <see cref="Encoding"/> and <see cref="Repair"/> say how it was read.
/// </summary>
public sealed record ParsedFeed(
    FeedFormat Format,
    string? Title,
    Uri? SiteUrl,
    IReadOnlyList<FeedItem> Items,
    int TotalItems,
    IReadOnlyDictionary<string, int> Skipped,
    string Encoding,
    string? Repair)
{
    /// <summary>"3 without a link, 1 with a javascript: link": the skipped entries, for a fetch log.</summary>
    public string? DescribeSkipped() =>
        Skipped.Count == 0 ? null : string.Join(", ", Skipped.OrderByDescending(s => s.Value).Select(s => $"{s.Value} {s.Key}"));
}
