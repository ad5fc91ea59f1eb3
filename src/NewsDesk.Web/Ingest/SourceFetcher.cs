using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsDesk.Extraction;
using NewsDesk.Extraction.Feeds;
using NewsDesk.Web.Data;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Ingest.Http;

namespace NewsDesk.Web.Ingest;

/// <summary>What one source fetch did, for the verb's summary line.</summary>
public sealed record SourceFetchSummary(int SourceId, string Name, bool Succeeded, int? HttpStatus, int ItemsSeen, int NewArticles, string? Error)
{
    public override string ToString() =>
        $"#{SourceId} {Name}: {(Succeeded ? "ok" : "failed")}{(HttpStatus is { } s ? $", HTTP {s}" : "")}, " +
        $"{ItemsSeen} item(s) seen, {NewArticles} new{(Error is null ? "" : $" - {Error}")}";
}

/// <summary>
/// The fetch pipeline for one source, shared by the worker, "fetch now" and <c>scrape --once</c>: download the
/// feed, sitemap or page (conditionally), fetch the items not stored yet, extract, store, and record the attempt
/// in the fetch log and the source's schedule. Item failures are logged and skipped; they never stop the fetch.
/// </summary>
public sealed class SourceFetcher(
    NewsDeskDbContext db,
    PoliteFetcher fetcher,
    ArticleExtractor extractor,
    ArticleStore store,
    Sitemaps.SitemapCrawl sitemaps,
    SourceLeases leases,
    IOptions<IngestOptions> options,
    TimeProvider clock,
    UnsavedSourceErrors unsaved,
    PageClaims claims,
    StoreTurns turns,
    LargePageGate largePages,
    Evidence.CaptureRecorder captures,
    ILogger<SourceFetcher> logger)
{
    private const int MaxLoggedErrorLength = 2000;

    /// <summary>Fetches the source unless another instance is fetching it now (its claim holds; nothing is fetched).</summary>
    public async Task<SourceFetchSummary> FetchAsync(int sourceId, CancellationToken cancellationToken)
    {
        if (!await leases.TryClaimAsync(sourceId, cancellationToken))
        {
            var name = await db.Sources.Where(s => s.Id == sourceId).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken)
                ?? throw new InvalidOperationException($"Source {sourceId} does not exist.");
            logger.LogInformation("Source {SourceId} is being fetched by another NewsDesk instance; left to it", sourceId);
            return new SourceFetchSummary(sourceId, name, false, null, 0, 0, "another NewsDesk instance is fetching it now");
        }

        try
        {
            return await FetchClaimedAsync(sourceId, cancellationToken);
        }
        finally
        {
            await leases.ReleaseAsync(sourceId);
        }
    }

    private async Task<SourceFetchSummary> FetchClaimedAsync(int sourceId, CancellationToken cancellationToken)
    {
        var source = await db.Sources.FindAsync([sourceId], cancellationToken)
            ?? throw new InvalidOperationException($"Source {sourceId} does not exist.");
        var log = new SourceFetch { SourceId = source.Id, StartedAt = Now() };
        source.FetchRequestedAt = null;
        db.SourceFetches.Add(log);
        await SaveBookkeepingAsync(cancellationToken);

        var run = new Run();
        var (etag, lastModified) = (source.ETag, source.LastModified);
        TimeSpan? retryAfter = null;
        string? sourceError = null;
        try
        {
            await FetchByKindAsync(source, run, cancellationToken);
        }
        catch (FetchFailureException ex)
        {
            sourceError = ex.Message;
            run.HttpStatus ??= ex.HttpStatus;
            retryAfter = ex.RetryAfter;
        }
        catch (FeedFormatException ex)
        {
            sourceError = $"not a readable {source.Kind.ToString().ToLowerInvariant()}: {ex.Message}";
        }
        catch (NothingUsableException ex)
        {
            // A source is never "ok" when nothing usable was read.
            sourceError = $"0 items: {ex.Message}";
        }
        catch (Exception ex) when (StorageFull.Is(ex))
        {
            // The article being stored was rolled back whole; the ones before it are kept. The feed's validators go
            // back to what they were so the next fetch reads the listing again instead of getting a 304.
            sourceError = $"{StorageFull.Message} from this item on ({run.NewArticles} new articles were stored before the disk filled); the source is read again on its next fetch";
            (source.ETag, source.LastModified) = (etag, lastModified);
            foreach (var unsaved in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList())
            {
                unsaved.State = EntityState.Detached; // the rolled-back article must not ride along with the source's record
            }

            logger.LogError("Source {SourceId} {Url}: {Error}", source.Id, source.Url, sourceError);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            sourceError = "cancelled (NewsDesk was stopping)";
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Fetching source {SourceId} failed unexpectedly", source.Id);
            sourceError = $"unexpected error: {ex.Message}";
        }

        var now = Now();
        log.FinishedAt = now;
        log.HttpStatus = run.HttpStatus;
        log.ItemsSeen = run.ItemsSeen;
        log.NewArticles = run.NewArticles;
        log.Error = Cut(Describe(sourceError, run.ItemErrors));
        source.LastFetchedAt = now;
        source.LastHttpStatus = run.HttpStatus;
        source.LastError = Cut(sourceError);
        if (sourceError is null)
        {
            source.LastSuccessAt = now;
            source.ConsecutiveErrors = 0;
        }
        else
        {
            source.ConsecutiveErrors++;
            logger.LogWarning("Source {SourceId} {Url} failed ({Errors} in a row): {Error}", source.Id, source.Url, source.ConsecutiveErrors, sourceError);
        }

        source.NextFetchAt = FetchSchedule.Next(source, now, options.Value, retryAfter);
        // The record of the attempt is saved even when the app is stopping.
        try
        {
            await SaveBookkeepingAsync(CancellationToken.None);
            unsaved.Saved(source.Id);
        }
        catch (Exception ex) when (StorageFull.Is(ex))
        {
            // Not even the source's error fits: its page shows it from memory, and the source stays due.
            unsaved.Keep(source.Id, Cut(Describe(sourceError ?? StorageFull.Message, run.ItemErrors))!, now);
            logger.LogError("Source {SourceId} {Url}: {Error}; its fetch record could not be saved either", source.Id, source.Url, StorageFull.Message);
        }

        return new SourceFetchSummary(source.Id, source.Name, sourceError is null, run.HttpStatus, run.ItemsSeen, run.NewArticles, log.Error);
    }

    /// <summary>
    /// Saves the fetch's bookkeeping. Source.Version is a concurrency token (for the edit form), so an editor's save
    /// during the fetch makes this UPDATE miss; the fields written here are never the editor's, so the source's new
    /// version is taken and the save repeated.
    /// </summary>
    private async Task SaveBookkeepingAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateConcurrencyException ex) when (attempt < 3)
            {
                foreach (var entry in ex.Entries.Where(e => e.Entity is Source))
                {
                    var current = await entry.GetDatabaseValuesAsync(cancellationToken)
                        ?? throw new InvalidOperationException("The source was deleted while it was being fetched.", ex);
                    var version = entry.Property(nameof(Source.Version));
                    version.OriginalValue = current[nameof(Source.Version)];
                    version.CurrentValue = current[nameof(Source.Version)];
                    version.IsModified = false;
                }
            }
        }
    }

    private async Task FetchByKindAsync(Source source, Run run, CancellationToken cancellationToken)
    {
        var sourceUrl = new Uri(source.Url);
        var response = await fetcher.FetchAsync(sourceUrl, cancellationToken, source.ETag, source.LastModified, listing: source.Kind != SourceKind.Page);
        run.HttpStatus = response.StatusCode;
        if (response.NotModified)
        {
            return;
        }

        IReadOnlyList<FeedItem> items;
        switch (source.Kind)
        {
            case SourceKind.Page:
                run.ItemsSeen = 1;
                await StoreAsync(source, response, null, run, cancellationToken);
                KeepValidators(source, response, run);
                return;
            case SourceKind.Feed:
                items = ReadFeed(response, run);
                break;
            default:
                var found = await sitemaps.ReadAsync(response, cancellationToken);
                run.ItemErrors.AddRange(found.Problems);
                items = found.Entries.Count > 0
                    ? found.Entries
                    : throw new NothingUsableException(found.Problems.Count == 0
                        ? "the sitemap lists no pages"
                        : $"no page could be read from {found.SitemapsRead} sitemap(s)");
                break;
        }

        run.ItemsSeen = items.Count;
        await FetchItemsAsync(source, items, run, cancellationToken);
        KeepValidators(source, response, run);
    }

    /// <summary>
    /// The listing's ETag and Last-Modified are kept only once every item it lists is stored (or refused for good):
    /// kept earlier, a fetch cut short (a crash, a stop, the per-fetch cap, a page that timed out) would make the next
    /// one a 304 and the items not reached yet would be lost until the listing changes. Without them the next fetch
    /// reads the listing in full and takes the items still missing; stored ones are skipped by address.
    /// </summary>
    private static void KeepValidators(Source source, FetchResult response, Run run)
    {
        var complete = !run.ItemsLeft;
        source.ETag = complete ? response.ETag : null;
        source.LastModified = complete ? response.LastModified : null;
    }

    private IReadOnlyList<FeedItem> ReadFeed(FetchResult response, Run run)
    {
        var feed = FeedParser.Parse(response.Body.Span, response.FinalUrl, options.Value.MaxItemsPerFetch, response.ContentType);
        logger.LogInformation("Feed {Url} read as {Format}, {Encoding}{Repair}: {Items} of {Total} entries usable",
            response.FinalUrl, feed.Format, feed.Encoding, feed.Repair is null ? "" : $", {feed.Repair}", feed.Items.Count, feed.TotalItems);
        if (feed.Items.Count == 0)
        {
            throw new NothingUsableException(feed.TotalItems == 0
                ? $"the feed ({feed.Format}) lists no entries"
                : $"the feed lists {feed.TotalItems} entries, none usable: {feed.DescribeSkipped()}");
        }

        if (feed.DescribeSkipped() is { } skipped)
        {
            run.ItemErrors.Add($"entries skipped: {skipped}");
        }

        return feed.Items;
    }

    private async Task FetchItemsAsync(Source source, IReadOnlyList<FeedItem> items, Run run, CancellationToken cancellationToken)
    {
        // An address longer than the article's URL column is skipped, not cut: a cut URL names another page.
        var urlLimit = ColumnLimits.LimitOf(db.Model, typeof(Article), nameof(Article.Url));
        var byUrl = new Dictionary<string, FeedItem>(StringComparer.Ordinal);
        var tooLong = 0;
        foreach (var item in items)
        {
            var url = CanonicalUrl.Normalize(item.Url);
            if (url.Length > urlLimit)
            {
                tooLong++;
                continue;
            }

            byUrl.TryAdd(url, item);
        }

        if (tooLong > 0)
        {
            run.ItemErrors.Add(string.Create(CultureInfo.InvariantCulture, $"{tooLong} entr{(tooLong == 1 ? "y" : "ies")} skipped: a URL longer than {urlLimit:N0} characters"));
        }

        // Registered before the stored pages are read: a page another fetch stores after this read stays claimed.
        using var fetch = claims.BeginFetch();
        var candidates = byUrl.Keys.ToList();
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in candidates.Chunk(500))
        {
            known.UnionWith(await db.Articles.Where(a => chunk.Contains(a.Url)).Select(a => a.Url).ToListAsync(cancellationToken));
        }

        var todo = byUrl.Where(u => !known.Contains(u.Key)).ToList();
        var maxNew = options.Value.MaxNewArticlesPerFetch;
        if (todo.Count > maxNew)
        {
            run.AddError($"{todo.Count - maxNew} item(s) left for the next fetch");
            run.ItemsLeft = true;
            todo = todo[..maxNew];
        }

        // Pages are downloaded and extracted side by side (the host throttle still bounds requests per host) and
        // handed to one storer, which saves whatever is ready as one batch (one transaction): while it saves, the
        // next pages queue up. The queue is bounded, so memory does not grow with the number of items.
        var batchSize = Math.Max(1, options.Value.StoreBatchSize);
        var ready = Channel.CreateBounded<(PendingArticle Pending, string Claim)>(new BoundedChannelOptions(batchSize * 2) { SingleReader = true });
        var storing = StoreAllAsync(ready, run, cancellationToken);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.ItemConcurrency), CancellationToken = cancellationToken };
        Exception? failure = null;
        try
        {
            await Parallel.ForEachAsync(todo, parallel, async (listed, ct) =>
            {
                var (claim, item) = (listed.Key, listed.Value);
                // Another source of this process is fetching the page, or stored it after this fetch began.
                if (!claims.TryClaim(claim))
                {
                    return;
                }

                var queued = false;
                try
                {
                    FetchResult page;
                    try
                    {
                        page = await fetcher.FetchAsync(item.Url, ct);
                    }
                    catch (FetchFailureException ex)
                    {
                        run.AddError($"{item.Url}: {ex.Message}");
                        // Tried again at the next fetch; a refusal for good (robots, type, size) is not.
                        if (ex.IsTransient)
                        {
                            run.ItemsLeft = true;
                        }

                        return;
                    }

                    if (await ExtractAsync(page, run, ct) is { } extracted)
                    {
                        // Prepared here, side by side with the other downloads: the storer's turn is the scrape's one serial part.
                        var pending = new PendingArticle(extracted, page.FinalUrl, source.Id, item.Published, item.Title, page).Prepare(captures);
                        await ready.Writer.WriteAsync((pending, claim), ct);
                        queued = true;
                    }
                }
                finally
                {
                    // A queued page's claim is released by the storer, after its commit.
                    if (!queued)
                    {
                        claims.Release(claim, stored: false);
                    }
                }
            });
        }
        catch (Exception ex)
        {
            failure = ex;
        }
        finally
        {
            ready.Writer.TryComplete();
        }

        // The storer is always awaited: the fetch's last save must not share the DbContext with it.
        try
        {
            await storing;
        }
        catch (Exception ex)
        {
            // When both fail, the storer's failure is the cause (the downloads then found its queue closed).
            failure = ex;
        }

        if (failure is not null)
        {
            ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }

    /// <summary>
    /// Saves the queued pages in batches of what is ready, until the queue is completed; a large page in a batch of
    /// its own (<see cref="StoreBatches"/>).
    /// </summary>
    private async Task StoreAllAsync(Channel<(PendingArticle Pending, string Claim)> ready, Run run, CancellationToken cancellationToken)
    {
        var batchSize = Math.Max(1, options.Value.StoreBatchSize);
        var queued = new List<(PendingArticle Pending, string Claim)>(batchSize);
        try
        {
            while (await ready.Reader.WaitToReadAsync(cancellationToken))
            {
                StoreBatches.Take(ready.Reader, queued, batchSize, q => q.Pending.Response?.Body.Length > largePages.ThresholdBytes);
                // Once StoreBatchAsync has returned, nothing of the batch's pages, rows and results is reachable.
                await StoreBatchAsync(queued, run, cancellationToken);
                queued.Clear();
            }
        }
        catch (Exception ex)
        {
            // The downloads must not wait for room in a queue nobody reads any more.
            ready.Writer.TryComplete(ex);
            foreach (var (_, claim) in queued)
            {
                claims.Release(claim, stored: false);
            }

            while (ready.Reader.TryRead(out var left))
            {
                claims.Release(left.Claim, stored: false);
            }

            throw;
        }
    }

    private async Task StoreBatchAsync(List<(PendingArticle Pending, string Claim)> queued, Run run, CancellationToken cancellationToken)
    {
        IReadOnlyList<StoreResult> results;
        using (await turns.TakeAsync(cancellationToken))
        {
            results = await store.SaveBatchAsync([.. queued.Select(q => q.Pending)], cancellationToken);
        }

        for (var i = 0; i < results.Count; i++)
        {
            claims.Release(queued[i].Claim, stored: results[i].Outcome != StoreOutcome.Failed);
        }

        Count(results, run);
    }

    private async Task StoreAsync(Source source, FetchResult page, FeedItem? item, Run run, CancellationToken cancellationToken)
    {
        if (await ExtractAsync(page, run, cancellationToken) is { } extracted)
        {
            Count(await store.SaveBatchAsync([new PendingArticle(extracted, page.FinalUrl, source.Id, item?.Published, item?.Title, page)], cancellationToken), run);
        }
    }

    private static void Count(IReadOnlyList<StoreResult> results, Run run)
    {
        foreach (var result in results)
        {
            if (result.Outcome == StoreOutcome.Added)
            {
                run.NewArticles++;
            }
            else if (result.Error is { } error)
            {
                run.AddError(error);
            }
        }
    }

    private async Task<ExtractedArticle?> ExtractAsync(FetchResult page, Run run, CancellationToken cancellationToken)
    {
        ExtractedArticle extracted;
        using (await largePages.EnterAsync(page.Body.Length, cancellationToken))
        {
            try
            {
                // The fetched bytes themselves, not a copy.
                extracted = extractor.Extract(page.Body, page.ContentType, page.FinalUrl);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The extractor refuses absurd pages (nesting thousands deep) by throwing; that page is skipped.
                logger.LogWarning("Extraction failed for {Url}: {Reason}", page.FinalUrl, ex.Message);
                run.AddError($"{page.FinalUrl}: extraction failed: {ex.Message}");
                return null;
            }
        }

        if (string.IsNullOrWhiteSpace(extracted.Text))
        {
            run.AddError($"{page.FinalUrl}: no article text found; skipped");
            return null;
        }

        return extracted;
    }

    private static string? Describe(string? sourceError, List<string> itemErrors)
    {
        if (itemErrors.Count == 0)
        {
            return sourceError;
        }

        var text = new StringBuilder();
        if (sourceError is not null)
        {
            text.Append(sourceError).Append(". ");
        }

        text.Append(itemErrors.Count).Append(" item(s) skipped: ").AppendJoin("; ", itemErrors);
        return text.ToString();
    }

    private static string? Cut(string? text) => text is null || text.Length <= MaxLoggedErrorLength ? text : text[..(MaxLoggedErrorLength - 1)] + "…";

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    /// <summary>The listing was read but gave nothing to fetch.</summary>
    private sealed class NothingUsableException(string message) : Exception(message);

    private sealed class Run
    {
        public int? HttpStatus { get; set; }
        public int ItemsSeen { get; set; }
        public int NewArticles { get; set; }

        /// <summary>Some listed item is neither stored nor refused for good: the next fetch must read the listing again.</summary>
        public bool ItemsLeft { get; set; }

        public List<string> ItemErrors { get; } = [];

        /// <summary>Items are fetched side by side, so their errors are added under a lock.</summary>
        public void AddError(string error)
        {
            lock (ItemErrors)
            {
                ItemErrors.Add(error);
            }
        }
    }
}
