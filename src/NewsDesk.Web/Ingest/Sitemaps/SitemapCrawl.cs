using Microsoft.Extensions.Options;
using NewsDesk.Extraction.Feeds;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Ingest.Http;

namespace NewsDesk.Web.Ingest.Sitemaps;

/// <summary>What a sitemap fetch found: the newest pages and what could not be read, for the fetch log.</summary>
public sealed record SitemapEntries(IReadOnlyList<FeedItem> Entries, IReadOnlyList<string> Problems, int SitemapsRead);

/// <summary>
/// Reads a sitemap and, when it is an index, the sitemaps it lists, nested indexes included, breadth first and
/// newest first: at most <see cref="IngestOptions.MaxSitemapDepth"/> levels below the first and
/// <see cref="IngestOptions.MaxChildSitemaps"/> child sitemaps per fetch, each address once (an index that lists
/// itself or its parent is a cycle, not a loop). Every child that cannot be read is reported, never skipped silently.
/// </summary>
public sealed class SitemapCrawl(PoliteFetcher fetcher, IOptions<IngestOptions> options)
{
    public async Task<SitemapEntries> ReadAsync(FetchResult first, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(first);
        var settings = options.Value;
        var problems = new List<string>();
        var entries = new List<FeedItem>();
        var visited = new HashSet<string>(StringComparer.Ordinal) { CanonicalUrl.Normalize(first.RequestedUrl), CanonicalUrl.Normalize(first.FinalUrl) };
        var pending = new Queue<(FeedItem Child, int Depth)>();
        var childrenRead = 0;

        // The first document's failure is the source's failure (FeedFormatException propagates).
        Read(first, 0, isFirst: true);
        while (pending.TryDequeue(out var next))
        {
            var (child, depth) = next;
            if (childrenRead >= settings.MaxChildSitemaps)
            {
                problems.Add($"{pending.Count + 1} child sitemap(s) left unread (at most {settings.MaxChildSitemaps} per fetch)");
                break;
            }

            childrenRead++;
            try
            {
                Read(await fetcher.FetchAsync(child.Url, cancellationToken, listing: true), depth, isFirst: false);
            }
            catch (Exception ex) when (ex is FetchFailureException or FeedFormatException)
            {
                problems.Add($"child sitemap {child.Url}: {ex.Message}");
            }
        }

        var newest = entries
            .DistinctBy(e => e.Url.AbsoluteUri)
            .OrderByDescending(e => e.Published ?? DateTimeOffset.MinValue)
            .Take(settings.MaxItemsPerFetch)
            .ToList();
        return new SitemapEntries(newest, problems, childrenRead + 1);

        void Read(FetchResult response, int depth, bool isFirst)
        {
            var sitemap = SitemapParser.Parse(response.Body, response.FinalUrl, settings.MaxItemsPerFetch, response.ContentType, settings.MaxBodyBytes);
            if (sitemap.Truncated is { } truncated)
            {
                problems.Add($"{(isFirst ? "the sitemap" : $"child sitemap {response.FinalUrl}")} {truncated}");
            }

            if (!sitemap.IsIndex)
            {
                entries.AddRange(sitemap.Entries);
                return;
            }

            foreach (var child in sitemap.Entries)
            {
                if (!visited.Add(CanonicalUrl.Normalize(child.Url)))
                {
                    problems.Add($"child sitemap {child.Url} is listed again (a cycle); read once");
                }
                else if (depth + 1 > settings.MaxSitemapDepth)
                {
                    problems.Add($"child sitemap {child.Url} is nested more than {settings.MaxSitemapDepth} levels deep; not read");
                }
                else
                {
                    pending.Enqueue((child, depth + 1));
                }
            }
        }
    }
}
