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
}

/// <inheritdoc />
public sealed class SourceDiscovery(PoliteFetcher fetcher) : ISourceDiscovery
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
            // An explicit kind does not need the page; it can be added and fetched later.
            return kind == SourceKindChoice.Auto
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
                    using (var body = response.OpenBody())
                    {
                        var feeds = kind == SourceKindChoice.Auto
                            ? [.. FeedDiscovery.Find(body, response.FinalUrl), .. await RobotsSitemapsAsync(response.FinalUrl, cancellationToken)]
                            : new List<DiscoveredFeed>();
                        var title = TitleOf(response) ?? uri.Host;
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
    }

    public IReadOnlyList<OpmlFeed> ReadOpml(Stream content) => OpmlReader.Read(content);

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

    private static string? TitleOf(FetchResult response)
    {
        using var body = response.OpenBody();
        var title = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(body).Title?.Trim();
        return string.IsNullOrEmpty(title) ? null : title.Length > 300 ? title[..300] : title;
    }
}
