namespace NewsDesk.Extraction.Feeds;

/// <summary>One entry of a feed or sitemap: the article's address and what the listing says about it.</summary>
public sealed record FeedItem(Uri Url, string? Title = null, DateTimeOffset? Published = null);

/// <summary>The formats <see cref="FeedParser"/> reads.</summary>
public enum FeedFormat
{
    Rss20,
    Rss10,
    Atom10,
}

/// <summary>A parsed feed: its title, home page and at most the requested number of items, in document order.</summary>
public sealed record ParsedFeed(FeedFormat Format, string? Title, Uri? SiteUrl, IReadOnlyList<FeedItem> Items, int TotalItems);
