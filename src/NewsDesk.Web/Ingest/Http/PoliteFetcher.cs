using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using NewsDesk.Web.Ingest.Politeness;

namespace NewsDesk.Web.Ingest.Http;

/// <summary>
/// Every download the scraper makes: robots.txt honoured, per-host limits, redirects followed by hand (each hop
/// re-checked), one deadline over headers and body, the decompressed body counted against a cap, and only
/// HTML/XML/feed content accepted, by its declared type and by its bytes (<see cref="BinaryBodySniffer"/>).
/// The body comes back as bytes; decoding is the parser's job.
/// </summary>
public sealed class PoliteFetcher(
    IHttpClientFactory clients,
    HostThrottle throttle,
    RobotsCache robots,
    IOptions<IngestOptions> options,
    NetworkGuard guard,
    TimeProvider clock,
    ILogger<PoliteFetcher> logger)
{
    public const string ClientName = "NewsDesk.Ingest";
    private const long MaxRobotsBytes = 512 * 1024;

    private static readonly HashSet<string> _acceptedMediaTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "text/html", "application/xhtml+xml", "application/xml", "text/xml", "application/rss+xml", "application/atom+xml",
        "application/rdf+xml", "application/x-rss+xml", "application/feed+xml",
    };

    // Feeds and sitemaps also come as JSON Feed, gzip files (often labelled octet-stream) and plain-text URL lists.
    private static readonly HashSet<string> _listingMediaTypes = new(_acceptedMediaTypes, StringComparer.OrdinalIgnoreCase)
    {
        "application/json", "application/feed+json", "text/plain", "application/gzip", "application/x-gzip", "application/octet-stream",
    };

    /// <summary>Fetches a URL, conditionally when validators from the last fetch are given.</summary>
    /// <param name="listing">A feed or sitemap: JSON, gzip and plain text are accepted too, not only HTML and XML.</param>
    /// <exception cref="FetchFailureException">Anything that is not a usable 200 or 304.</exception>
    public async Task<FetchResult> FetchAsync(Uri url, CancellationToken cancellationToken, string? etag = null, string? lastModified = null, bool listing = false)
    {
        ArgumentNullException.ThrowIfNull(url);
        // The deadline starts when the host's turn comes (FollowAsync): waiting behind other fetches to a busy host is
        // politeness, not a slow server, and must not use up this request's time.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        return await WithinDeadlineAsync(
            () => FollowAsync(url, etag, lastModified, forRobots: false, deadline.Token, listing, deadline), cancellationToken);
    }

    /// <summary>The "Sitemap:" addresses of a site's robots.txt (read through the same cache as its rules), absolute and http(s).</summary>
    public async Task<IReadOnlyList<Uri>> RobotsSitemapsAsync(Uri site, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(site);
        var origin = site.GetLeftPart(UriPartial.Authority);
        var rules = await robots.GetAsync(origin, () => LoadRobotsAsync(new Uri(origin + "/robots.txt")), cancellationToken);
        return [.. rules.Sitemaps
            .Select(s => Uri.TryCreate(new Uri(origin + "/"), s, out var url) ? url : null)
            .OfType<Uri>()
            .Where(u => u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps)];
    }

    private async Task<FetchResult> WithinDeadlineAsync(Func<Task<FetchResult>> fetch, CancellationToken callerToken)
    {
        try
        {
            return await fetch();
        }
        catch (OperationCanceledException) when (!callerToken.IsCancellationRequested)
        {
            throw new FetchFailureException(FetchFailureKind.Timeout,
                $"no complete response within {options.Value.RequestTimeout.TotalSeconds:0.#} s (the deadline covers headers and body)");
        }
        catch (HttpRequestException ex) when (Blocked(ex) is { } blocked)
        {
            throw new FetchFailureException(FetchFailureKind.Blocked, blocked.Message, inner: ex);
        }
        catch (HttpRequestException ex)
        {
            throw new FetchFailureException(FetchFailureKind.Network, $"network error: {ex.Message}", inner: ex);
        }
    }

    private async Task<FetchResult> FollowAsync(Uri url, string? etag, string? lastModified, bool forRobots, CancellationToken cancellationToken,
        bool listing = false, CancellationTokenSource? deadlineAfterTurn = null)
    {
        var settings = options.Value;
        var client = clients.CreateClient(ClientName);
        var current = url;
        var visited = new HashSet<string>(StringComparer.Ordinal);
        for (var hop = 0; ; hop++)
        {
            if (current.Scheme != Uri.UriSchemeHttp && current.Scheme != Uri.UriSchemeHttps)
            {
                throw new FetchFailureException(FetchFailureKind.Scheme, $"only http and https URLs are fetched, not {current.Scheme}: ({current})");
            }

            if (!visited.Add(current.AbsoluteUri))
            {
                throw new FetchFailureException(FetchFailureKind.Redirects, $"redirect loop: {current} was already visited");
            }

            if (!forRobots)
            {
                await CheckRobotsAsync(current, cancellationToken);
            }

            await using (await throttle.EnterAsync(current, cancellationToken))
            {
                if (hop == 0)
                {
                    deadlineAfterTurn?.CancelAfter(settings.RequestTimeout);
                }

                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                if (etag is not null && EntityTagHeaderValue.TryParse(etag, out var tag))
                {
                    request.Headers.IfNoneMatch.Add(tag);
                }

                if (lastModified is not null && DateTimeOffset.TryParse(lastModified, out var since))
                {
                    request.Headers.IfModifiedSince = since;
                }

                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                var status = (int)response.StatusCode;
                if (status is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location)
                {
                    if (hop >= settings.MaxRedirects)
                    {
                        throw new FetchFailureException(FetchFailureKind.Redirects, $"more than {settings.MaxRedirects} redirects from {url}", status);
                    }

                    current = new Uri(current, location);
                    logger.LogDebug("Redirect {Status} from {Url} to {Location}", status, request.RequestUri, current);
                    continue;
                }

                if (response.StatusCode == HttpStatusCode.NotModified)
                {
                    return new FetchResult(url, current, status, null, ReadOnlyMemory<byte>.Empty, etag, lastModified);
                }

                if (!response.IsSuccessStatusCode)
                {
                    throw new FetchFailureException(FetchFailureKind.HttpStatus, $"HTTP {status} {response.ReasonPhrase} from {current}",
                        status, RetryAfter(response));
                }

                var contentType = response.Content.Headers.ContentType;
                if (!forRobots && contentType?.MediaType is { } mediaType && !(listing ? _listingMediaTypes : _acceptedMediaTypes).Contains(mediaType))
                {
                    throw new FetchFailureException(FetchFailureKind.ContentType, listing
                        ? $"content type {mediaType} is not a feed, a sitemap, XML or HTML ({current})"
                        : $"content type {mediaType} is not HTML, XML or a feed ({current})", status);
                }

                var body = await ReadBoundedAsync(response, forRobots ? MaxRobotsBytes : settings.MaxBodyBytes, current, cancellationToken);
                if (!forRobots && BinaryBodySniffer.Describe(body.Span, gzipAllowed: listing) is { } binary)
                {
                    throw new FetchFailureException(FetchFailureKind.ContentType,
                        $"the body is {binary}, not text, although served as {contentType?.MediaType ?? "no type"} ({current})", status);
                }

                return new FetchResult(url, current, status, contentType?.ToString(), body,
                    response.Headers.ETag?.ToString(), response.Content.Headers.LastModified?.ToString("R"))
                {
                    Exchange = forRobots ? null : Exchange(request, response),
                };
            }
        }
    }

    private HttpExchange Exchange(HttpRequestMessage request, HttpResponseMessage response)
    {
        static List<KeyValuePair<string, string>> Flatten(params IEnumerable<KeyValuePair<string, IEnumerable<string>>>[] groups) =>
            [.. groups.SelectMany(g => g).SelectMany(h => h.Value.Select(v => KeyValuePair.Create(h.Key, v)))];

        var uri = request.RequestUri!;
        return new HttpExchange(request.Method.Method, uri, response.Version,
            Flatten(request.Headers, request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()),
            (int)response.StatusCode, response.ReasonPhrase,
            Flatten(response.Headers, response.Content.Headers, response.TrailingHeaders),
            guard.LastAddressOf(uri.IdnHost, uri.Port)?.ToString(), clock.GetUtcNow());
    }

    /// <summary>Counts bytes as they are decompressed, so a small gzip bomb stops at the cap, not in memory.</summary>
    private static async Task<ReadOnlyMemory<byte>> ReadBoundedAsync(HttpResponseMessage response, long maxBytes, Uri url, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes, url);
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        // Sized from Content-Length when the server gives one (not when compressed: that is the wire size).
        var declared = response.Content.Headers.ContentEncoding.Count == 0 ? response.Content.Headers.ContentLength ?? 0 : 0;
        using var body = new MemoryStream((int)Math.Min(declared, maxBytes));
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (body.Length + read > maxBytes)
                {
                    throw TooLarge(maxBytes, url);
                }

                body.Write(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        // The stream's own buffer, not a copy of it.
        return new ReadOnlyMemory<byte>(body.GetBuffer(), 0, (int)body.Length);
    }

    private static FetchFailureException TooLarge(long maxBytes, Uri url) =>
        new(FetchFailureKind.TooLarge, $"body larger than the {maxBytes / (1024.0 * 1024):0.##} MiB limit (decompressed) at {url}; not stored and not captured");

    private async Task CheckRobotsAsync(Uri url, CancellationToken cancellationToken)
    {
        var origin = url.GetLeftPart(UriPartial.Authority);
        var rules = await robots.GetAsync(origin, () => LoadRobotsAsync(new Uri(origin + "/robots.txt")), cancellationToken);
        if (!rules.IsAllowed(url))
        {
            logger.LogInformation("Skipped {Url}: {Reason}", url, rules.Unreachable ?? "disallowed by robots.txt");
            throw new FetchFailureException(FetchFailureKind.Robots, rules.Unreachable is { } reason
                ? $"robots.txt of {url.Authority} could not be read ({reason}), so nothing there is fetched"
                : $"disallowed by robots.txt: {url}");
        }
    }

    // RFC 9309: 4xx means no rules; a server error or an unreachable host means "disallow all" until it answers.
    private async Task<(RobotsRules, TimeSpan)> LoadRobotsAsync(Uri robotsUrl)
    {
        var settings = options.Value;
        // Armed when the host's turn comes, as for any page: a busy host's queue is no sign that robots.txt is unreachable.
        using var deadline = new CancellationTokenSource();
        var retryUnreachableAfter = TimeSpan.FromMinutes(5) < settings.RobotsCacheDuration ? TimeSpan.FromMinutes(5) : settings.RobotsCacheDuration;
        try
        {
            var result = await WithinDeadlineAsync(
                () => FollowAsync(robotsUrl, null, null, forRobots: true, deadline.Token, deadlineAfterTurn: deadline), CancellationToken.None);
            var text = System.Text.Encoding.UTF8.GetString(result.Body.Span);
            return (RobotsRules.Parse(text, settings.RobotsToken), settings.RobotsCacheDuration);
        }
        catch (FetchFailureException ex) when (ex.HttpStatus is >= 400 and < 500)
        {
            return (RobotsRules.AllowAll, settings.RobotsCacheDuration);
        }
        catch (FetchFailureException ex) when (ex.Kind != FetchFailureKind.Blocked)
        {
            logger.LogWarning("robots.txt at {Url} unreachable: {Reason}", robotsUrl, ex.Message);
            return (RobotsRules.DisallowAll(ex.Message), retryUnreachableAfter);
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow,
        _ => null,
    };

    internal static BlockedAddressException? Blocked(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is BlockedAddressException blocked)
            {
                return blocked;
            }
        }

        return null;
    }
}
