using NewsDesk.Extraction;
using NewsDesk.Extraction.Feeds;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Ingest.Http;

namespace NewsDesk.Web.Ingest;

/// <summary>What adding a URL would add: its kind and a name, or the feeds a home page offers.</summary>
public sealed record SourceProbe(string Url, SourceKind? Kind, string Name, IReadOnlyList<DiscoveredFeed> Feeds, string? Error)
{
    public bool Failed => Error is not null;
}

/// <summary>How the editor wants a new URL treated.</summary>
public enum SourceKindChoice
{
    Auto,
    Feed,
    Sitemap,
    Page,
}

/// <summary>The scraper's small door for pages and verbs that add sources: look at a URL, read an OPML list.</summary>
public interface ISourceDiscovery
{
    /// <summary>Fetches the URL (politely, through the SSRF guard) when its kind must be found or its name is unknown.</summary>
    Task<SourceProbe> ProbeAsync(string url, SourceKindChoice kind, CancellationToken cancellationToken);

    /// <summary>The feeds listed in an OPML file.</summary>
    IReadOnlyList<OpmlFeed> ReadOpml(Stream content);

    /// <summary>Why the scraper would refuse to fetch this URL (an internal address), or null; checked before a URL is saved.</summary>
    Task<string?> RefusalAsync(Uri url, CancellationToken cancellationToken);
}

/// <inheritdoc />
public sealed class SourceDiscovery(PoliteFetcher fetcher, ArticleExtractor extractor, NetworkGuard guard) : ISourceDiscovery
{
    public async Task<SourceProbe> ProbeAsync(string url, SourceKindChoice kind, CancellationToken cancellationToken)
    {
        if (!CanonicalUrl.TryNormalize(url, out var normalized))
        {
            return new SourceProbe(url, null, "", [], "enter an absolute http:// or https:// address");
        }

        var uri = new Uri(normalized);
        FetchResult response;
        try
        {
            response = await fetcher.FetchAsync(uri, cancellationToken, listing: kind != SourceKindChoice.Page);
        }
        catch (FetchFailureException ex)
        {
            // An explicit kind does not need the page; it can be added and fetched later, unless the address itself is
            // refused (an internal host, another scheme): every later fetch would be refused too.
            return kind == SourceKindChoice.Auto || ex.Kind is FetchFailureKind.Blocked or FetchFailureKind.Scheme
                ? new SourceProbe(normalized, null, "", [], ex.Message)
                : new SourceProbe(normalized, ToKind(kind), uri.Host, [], null);
        }

        var sniffed = ContentSniffer.Sniff(response.Body, response.MediaType);
        try
        {
            switch (sniffed)
            {
                case SniffedKind.Feed:
                    var feed = FeedParser.Parse(response.Body.Span, response.FinalUrl, 1, response.ContentType);
                    return new SourceProbe(normalized, kind == SourceKindChoice.Auto ? SourceKind.Feed : ToKind(kind), feed.Title ?? uri.Host, [], null);

                case SniffedKind.Sitemap:
                    return new SourceProbe(normalized, kind == SourceKindChoice.Auto ? SourceKind.Sitemap : ToKind(kind), $"{uri.Host} sitemap", [], null);
                case SniffedKind.Html:
                    {
                        // Parsed once, through the extractor's nesting guard, for both the feeds and the title.
                        var document = extractor.ParseBytes(response.Body, response.ContentType);
                        var feeds = kind == SourceKindChoice.Auto
                            ? await FetchableAsync(
                                [.. FeedDiscovery.Find(document, response.FinalUrl), .. await RobotsSitemapsAsync(response.FinalUrl, cancellationToken)],
                                cancellationToken)
                            : [];
                        var title = TitleOf(document) ?? uri.Host;
                        return feeds.Count > 0
                            ? new SourceProbe(normalized, null, title, feeds, null)
                            : new SourceProbe(normalized, kind == SourceKindChoice.Auto ? SourceKind.Page : ToKind(kind), title, [], null);
                    }

                default:
                    return kind == SourceKindChoice.Auto
                        ? new SourceProbe(normalized, null, "", [], $"{response.FinalUrl} is neither a feed, a sitemap nor an HTML page")
                        : new SourceProbe(normalized, ToKind(kind), uri.Host, [], null);
            }
        }
        catch (FeedFormatException ex)
        {
            return new SourceProbe(normalized, null, "", [], ex.Message);
        }
        catch (ExtractionException ex)
        {
            return new SourceProbe(normalized, null, "", [], ex.Message);
        }
    }

    public IReadOnlyList<OpmlFeed> ReadOpml(Stream content) => OpmlReader.Read(content);

    public Task<string?> RefusalAsync(Uri url, CancellationToken cancellationToken) => guard.RefusalAsync(url, cancellationToken);

    /// <summary>A public page may advertise a feed on an internal address; such a feed is not offered.</summary>
    private async Task<IReadOnlyList<DiscoveredFeed>> FetchableAsync(IReadOnlyList<DiscoveredFeed> feeds, CancellationToken cancellationToken)
    {
        var fetchable = new List<DiscoveredFeed>(feeds.Count);
        foreach (var feed in feeds)
        {
            if (await guard.RefusalAsync(feed.Url, cancellationToken) is null)
            {
                fetchable.Add(feed);
            }
        }

        return fetchable;
    }

    // A home page's site may list its sitemaps in robots.txt; they are offered next to the feeds the page links to.
    private async Task<IReadOnlyList<DiscoveredFeed>> RobotsSitemapsAsync(Uri page, CancellationToken cancellationToken)
    {
        if (page.AbsolutePath != "/")
        {
            return [];
        }

        var sitemaps = await fetcher.RobotsSitemapsAsync(page, cancellationToken);
        return [.. sitemaps.Select(url => new DiscoveredFeed(url, "Sitemap (from robots.txt)", "application/xml") { IsSitemap = true })];
    }

    private static SourceKind ToKind(SourceKindChoice kind) => kind switch
    {
        SourceKindChoice.Sitemap => SourceKind.Sitemap,
        SourceKindChoice.Page => SourceKind.Page,
        _ => SourceKind.Feed,
    };

    private static string? TitleOf(AngleSharp.Html.Dom.IHtmlDocument document)
    {
        var title = document.Title?.Trim();
        return string.IsNullOrEmpty(title) ? null : title.Length > 300 ? title[..300] : title;
    }
}
