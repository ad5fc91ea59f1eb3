using System.Diagnostics.CodeAnalysis;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsDesk.Extraction;
using NewsDesk.Web.Data;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Evidence;
using NewsDesk.Web.Ingest.Http;

namespace NewsDesk.Web.Ingest;

/// <summary>What happened to one extracted page.</summary>
public enum StoreOutcome
{
    Added,
    AlreadyStored,

    /// <summary>The database refused the article's rows (not a duplicate address); the reason is in the result.</summary>
    Failed,
}

/// <summary>One extracted page waiting to be stored, with what its listing said about it.</summary>
/// <param name="Response">The fetch the page came from, kept as the version's capture; null for an import.</param>
/// <remarks>
/// What storing needs that is pure computation (the text's hashes and fingerprint, the capture's compressed records) is
/// worked out once, lazily or ahead by <see cref="Prepare"/>: the scraper prepares each page on the thread that extracted
/// it, so the one storer of the process (Ingest/StoreTurns) spends its turn on the database and the file append only.
/// </remarks>
public sealed record PendingArticle(
    ExtractedArticle Extracted, Uri FetchedUrl, int? SourceId, DateTimeOffset? ListedPublished, string? ListedTitle, FetchResult? Response)
{
    private string? _text;
    private string? _contentHash;
    private string? _textSha256;
    private Lazy<long?>? _simHash;
    private CaptureRecorder.Prepared? _capture;

    /// <summary>The text as stored: the extraction's, trimmed.</summary>
    public string Text => _text ??= Extracted.Text.Trim();

    /// <summary>The text's <see cref="Domain.ContentHash"/>, computed once: the earlier-copy look-up and the row both need it.</summary>
    public string ContentHash => _contentHash ??= Domain.ContentHash.Of(Text);

    /// <summary>The text's <see cref="TextDigest"/>, version 1's digest.</summary>
    public string TextSha256 => _textSha256 ??= TextDigest.Of(Text);

    /// <summary>The text's <see cref="Domain.SimHash"/> (none for a text too short to have one).</summary>
    public long? SimHash => (_simHash ??= new Lazy<long?>(() => Domain.SimHash.Of(Text), LazyThreadSafetyMode.None)).Value;

    /// <summary>Computes now, on the caller's thread, everything storing will need but the database and the file append.</summary>
    public PendingArticle Prepare(CaptureRecorder captures)
    {
        ArgumentNullException.ThrowIfNull(captures);
        _ = (ContentHash, TextSha256, SimHash);
        _capture = Response is { } response ? captures.Prepare(response).Capture : null;
        return this;
    }

    /// <summary>The capture prepared ahead, handed out once (records written twice would share a WARC-Record-ID); later null.</summary>
    public CaptureRecorder.Prepared? TakeCapture() => Interlocked.Exchange(ref _capture, null);
}

/// <summary>What storing one pending article did: the outcome, the stored article, or why it could not be stored.</summary>
public sealed record StoreResult(PendingArticle Pending, StoreOutcome Outcome, Article? Article, string? Error = null);

/// <summary>
/// Turns extracted pages into stored articles: canonical URL, content hash, SimHash and the link to an earlier copy
/// of the same story. A batch of articles is one transaction (<see cref="ArticleRows"/>: inserted past the change
/// tracker), each article with its first version and the capture of the response it came from (the capture's WARC
/// records written before, see <see cref="ArticleVersioning"/>): a crash leaves each article whole or absent. When a batch cannot be saved (the
/// unique URL index settling two fetchers racing for a page, or one bad row) it is stored again one article at a time,
/// so one article's failure never costs the others.
/// </summary>
public sealed class ArticleStore(
    NewsDeskDbContext db,
    RecentFingerprints fingerprints,
    ArticleVersioning versioning,
    ArticleRows rows,
    Watchlists.WatchlistMatcher watchlists,
    IOptions<IngestOptions> options,
    TimeProvider clock,
    ILogger<ArticleStore> logger)
{
    /// <summary>The canonical address: the fetched URL, or the page's rel=canonical when it stays on the same site.</summary>
    public static string CanonicalAddress(Uri fetchedUrl, string? declaredCanonical)
    {
        if (Uri.TryCreate(declaredCanonical, UriKind.Absolute, out var canonical) && CanonicalUrl.IsWeb(canonical)
            && CanonicalUrl.SameSite(canonical, fetchedUrl))
        {
            return CanonicalUrl.Normalize(canonical);
        }

        return CanonicalUrl.Normalize(fetchedUrl);
    }

    /// <param name="response">The fetch the page came from, kept as the version's capture; null for an import.</param>
    public async Task<(StoreOutcome Outcome, Article? Article)> SaveAsync(
        ExtractedArticle extracted, Uri fetchedUrl, int? sourceId, DateTimeOffset? listedPublished, string? listedTitle,
        FetchResult? response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(extracted);
        ArgumentNullException.ThrowIfNull(fetchedUrl);
        var result = (await SaveBatchAsync([new PendingArticle(extracted, fetchedUrl, sourceId, listedPublished, listedTitle, response)], cancellationToken))[0];
        return result.Error is { } error ? throw new InvalidOperationException(error) : (result.Outcome, result.Article);
    }

    /// <summary>Stores the pages in one transaction where it can (results in the pages' order); see the class summary.</summary>
    public async Task<IReadOnlyList<StoreResult>> SaveBatchAsync(IReadOnlyList<PendingArticle> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var results = new StoreResult?[batch.Count];
        var urls = batch.Select(p => CanonicalAddress(p.FetchedUrl, p.Extracted.CanonicalUrl)).ToList();
        var distinct = urls.Distinct(StringComparer.Ordinal).ToList();
        var stored = (await db.Articles.Where(a => distinct.Contains(a.Url)).Select(a => a.Url).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);

        var open = new List<(int Index, ArticleRows.NewArticle New)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // The earlier copies are looked up once for the whole batch (one query for the exact texts, one catch-up of
        // the fingerprints), not once per article; what the batch itself stores is added as it is committed.
        var copies = await EarlierCopiesAsync(batch, cancellationToken);
        for (var i = 0; i < batch.Count; i++)
        {
            // The same page listed twice in one batch, or already stored: nothing to add.
            if (stored.Contains(urls[i]) || !seen.Add(urls[i]))
            {
                results[i] = new StoreResult(batch[i], StoreOutcome.AlreadyStored, null);
                continue;
            }

            var article = Map(batch[i], urls[i]);
            if (open.Exists(o => SameStory(o.New.Article, article)))
            {
                // A copy of an article in this batch points to it by id: the batch so far is saved first.
                await CommitAsync(batch, open, results, copies, cancellationToken);
            }

            article.DuplicateOfId = await FindEarlierCopyAsync(article, copies, cancellationToken);
            // One fsync for the batch's captures, just before its commit, instead of one per article.
            var firstRows = await versioning.FirstAsync(article, batch[i].Response, cancellationToken, durable: false, batch[i].TakeCapture(), batch[i].TextSha256);
            open.Add((i, new ArticleRows.NewArticle(article, firstRows)));
        }

        await CommitAsync(batch, open, results, copies, cancellationToken);
        await FlagWatchedAsync([.. results.Where(r => r!.Outcome == StoreOutcome.Added).Select(r => r!.Article!)], cancellationToken);
        return [.. results.Select(r => r!)];
    }

    private bool SameStory(Article a, Article b) =>
        a.ContentHash == b.ContentHash
        || (a.SimHash is { } x && b.SimHash is { } y && SimHash.Distance(x, y) <= options.Value.NearDuplicateDistance);

    /// <summary>
    /// Saves the open articles together. Pages another fetch stored meanwhile (sources often list the same pages) are
    /// dropped after a unique-index refusal and the rest saved again; any other refusal stores them one by one.
    /// </summary>
    private async Task CommitAsync(IReadOnlyList<PendingArticle> batch, List<(int Index, ArticleRows.NewArticle New)> open,
        StoreResult?[] results, Dictionary<string, int> copies, CancellationToken cancellationToken)
    {
        for (var attempt = 0; open.Count > 0; attempt++)
        {
            // The batch's addresses were looked up when it began, moments ago (for the scraper within its storer's
            // turn: no other storer of this process commits meanwhile), so the first attempt goes ahead without a
            // second look-up; a page stored since (another instance, an import) fails it on the unique index, and
            // the next attempt drops that page (a batch of one is then reported already stored, see Refused).
            if (attempt > 0)
            {
                await DropStoredElsewhereAsync(batch, open, results, cancellationToken);
            }

            if (open.Count == 0)
            {
                return;
            }

            try
            {
                await versioning.SyncCapturesAsync(cancellationToken);
                await rows.InsertAsync([.. open.Select(o => o.New)], cancellationToken);
                foreach (var (index, (article, _)) in open)
                {
                    results[index] = Stored(batch[index], article);
                    copies.TryAdd(article.ContentHash, article.DuplicateOfId ?? article.Id);
                }

                open.Clear();
            }
            catch (DbUpdateException ex) when (StorageFull.Is(ex))
            {
                // A full disk fails every article alike: the fetch stops here (see SourceFetcher), nothing half-saved.
                throw;
            }
            catch (DbUpdateException ex) when (open.Count > 1 && attempt < 2 && StoreErrors.IsUniqueViolation(ex))
            {
                // A racing fetch committed one of these pages after our check: the rows stay added, checked again.
            }
            catch (DbUpdateException) when (open.Count > 1)
            {
                logger.LogInformation("A batch of {Count} articles could not be saved together; storing them one at a time", open.Count);
                foreach (var (index, _) in open)
                {
                    results[index] = await SaveAloneAsync(batch[index], cancellationToken);
                }

                open.Clear();
            }
            catch (DbUpdateException ex)
            {
                results[open[0].Index] = Refused(batch[open[0].Index], ex);
                open.Clear();
            }
        }
    }

    private async Task DropStoredElsewhereAsync(IReadOnlyList<PendingArticle> batch, List<(int Index, ArticleRows.NewArticle New)> open,
        StoreResult?[] results, CancellationToken cancellationToken)
    {
        var urls = open.Select(o => o.New.Article.Url).ToList();
        var stored = (await db.Articles.Where(a => urls.Contains(a.Url)).Select(a => a.Url).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        if (stored.Count == 0)
        {
            return;
        }

        var gone = open.Where(o => stored.Contains(o.New.Article.Url)).ToList();
        foreach (var (index, _) in gone)
        {
            // Its WARC records stay in the file, unindexed.
            results[index] = new StoreResult(batch[index], StoreOutcome.AlreadyStored, null);
        }

        open.RemoveAll(o => stored.Contains(o.New.Article.Url));
    }

    private async Task<StoreResult> SaveAloneAsync(PendingArticle pending, CancellationToken cancellationToken)
    {
        var url = CanonicalAddress(pending.FetchedUrl, pending.Extracted.CanonicalUrl);
        var article = Map(pending, url);
        article.DuplicateOfId = await FindEarlierCopyAsync(article, await EarlierCopiesAsync([pending], cancellationToken), cancellationToken);
        var first = await versioning.FirstAsync(article, pending.Response, cancellationToken, prepared: pending.TakeCapture(), textSha256: pending.TextSha256);
        try
        {
            await rows.InsertAsync([new ArticleRows.NewArticle(article, first)], cancellationToken);
            return Stored(pending, article);
        }
        catch (DbUpdateException ex) when (!StorageFull.Is(ex))
        {
            return Refused(pending, ex);
        }
    }

    private StoreResult Stored(PendingArticle pending, Article article)
    {
        // Never tracked (ArticleRows): the fetch's context holds none of the articles it stored.
        fingerprints.Add(article, options.Value.NearDuplicateWindow);
        logger.LogInformation("Stored article {ArticleId} {Url}{Duplicate}", article.Id, article.Url,
            article.DuplicateOfId is { } of ? $" (a copy of article {of})" : "");
        return new StoreResult(pending, StoreOutcome.Added, article);
    }

    private StoreResult Refused(PendingArticle pending, DbUpdateException ex)
    {
        // Another fetch stored the same URL between our check and our insert (its WARC records stay, unindexed).
        if (StoreErrors.IsUniqueViolation(ex))
        {
            return new StoreResult(pending, StoreOutcome.AlreadyStored, null);
        }

        logger.LogWarning(ex, "Could not store the article from {Url}", pending.FetchedUrl);
        return new StoreResult(pending, StoreOutcome.Failed, null, $"{pending.FetchedUrl}: could not be stored: {(ex.InnerException ?? ex).Message}");
    }

    // After the articles' commit: a failure to flag them loses no article (it is logged, and the articles are stored).
    private async Task FlagWatchedAsync(IReadOnlyList<Article> added, CancellationToken cancellationToken)
    {
        try
        {
            await watchlists.ArticlesArrivedAsync([.. added.Select(a => (a.Id, a.Title, a.Text))], cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            logger.LogError(ex, "Could not flag articles {ArticleIds} for watchlists", string.Join(", ", added.Select(a => a.Id)));
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>How far past the fetch time a publication date may lie: a zone-less wall-clock time (UTC+14) plus skew.</summary>
    public static readonly TimeSpan MaxFutureSkew = TimeSpan.FromDays(2);

    private static DateTime Stored(DateTimeOffset published, bool hasZone) =>
        hasZone ? published.UtcDateTime : DateTime.SpecifyKind(published.DateTime, DateTimeKind.Utc);

    /// <summary>
    /// A stored article fetched again (a re-check): a different extracted text becomes its next version, with the
    /// capture of this response. Saved here.
    /// </summary>
    public async Task<ArticleVersioning.RefetchOutcome> RefetchedAsync(Article article, ExtractedArticle extracted, FetchResult response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(extracted);
        ArgumentNullException.ThrowIfNull(response);
        var refetched = Map(new PendingArticle(extracted, response.FinalUrl, article.SourceId, null, article.Title, response), article.Url);
        var outcome = await versioning.RecordRefetchAsync(article, refetched, response, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (outcome.Changed)
        {
            logger.LogInformation("Article {ArticleId} changed since it was stored: version {Version} {Url}", article.Id, outcome.LatestNumber, article.Url);
        }

        return outcome;
    }

    private Article Map(PendingArticle pending, string url)
    {
        var (extracted, fetchedUrl, sourceId, listedPublished, listedTitle) = (pending.Extracted, pending.FetchedUrl, pending.SourceId, pending.ListedPublished, pending.ListedTitle);
        var article = new Article
        {
            Url = url,
            SourceId = sourceId,
            Title = Cut(FirstNonBlank(extracted.Title, listedTitle) ?? url, 1000),
            Byline = Cut(extracted.Byline, 500),
            SiteName = Cut(FirstNonBlank(extracted.SiteName) ?? fetchedUrl.Host, 300),
            Language = Cut(extracted.Language, 35),
            // A cut address would name another image: one too long for its column is left out.
            LeadImageUrl = Uri.TryCreate(extracted.LeadImageUrl, UriKind.Absolute, out var image) && CanonicalUrl.IsWeb(image) && image.AbsoluteUri.Length <= 2048
                ? image.AbsoluteUri : null,
            FetchedAt = clock.GetUtcNow().UtcDateTime,
            Text = pending.Text,
            Html = extracted.Html,
            ContentHash = pending.ContentHash,
            SimHash = pending.SimHash,
        };

        // A date further ahead than any time zone or clock skew explains (a page claiming 9999-12-31) is not a
        // publication date; believed, it would sit at the top of the newest-first list for ever.
        var latestBelievable = article.FetchedAt + MaxFutureSkew;
        if (extracted.Published is { } published && Stored(published, extracted.PublishedHasZone) <= latestBelievable)
        {
            // Per ADR 0002: UTC plus the stated offset when the page gave a zone; else the wall-clock time as printed.
            article.PublishedAt = Stored(published, extracted.PublishedHasZone);
            article.PublishedUtcOffsetMinutes = extracted.PublishedHasZone ? (int)published.Offset.TotalMinutes : null;
            article.PublishedPrecision = extracted.PublishedHasTime ? DatePrecision.Minute : DatePrecision.Day;
        }
        else if (listedPublished is { } listed && listed.UtcDateTime <= latestBelievable)
        {
            // Feed and news-sitemap dates always carry a zone (RFC 822 / W3C-DTF).
            article.PublishedAt = listed.UtcDateTime;
            article.PublishedUtcOffsetMinutes = (int)listed.Offset.TotalMinutes;
            article.PublishedPrecision = DatePrecision.Minute;
        }
        else if (extracted.Published is not null || listedPublished is not null)
        {
            logger.LogWarning("Ignored a publication date in the future for {Url}: page {PageDate}, feed {ListedDate}", url, extracted.Published, listedPublished);
        }

        return article;
    }

    /// <summary>
    /// For each distinct text of the pages, the original of the first stored article with that text (by content
    /// hash), and the fingerprints brought up to date: what <see cref="FindEarlierCopyAsync"/> then reads.
    /// </summary>
    private async Task<Dictionary<string, int>> EarlierCopiesAsync(IReadOnlyList<PendingArticle> pages, CancellationToken cancellationToken)
    {
        var hashes = pages.Select(p => p.ContentHash).Distinct(StringComparer.Ordinal).ToList();
        var stored = await db.Articles.Where(a => hashes.Contains(a.ContentHash))
            .Select(a => new { a.ContentHash, a.Id, a.DuplicateOfId }).ToListAsync(cancellationToken);
        await fingerprints.CatchUpAsync(db, options.Value.NearDuplicateWindow, cancellationToken);
        return stored.GroupBy(a => a.ContentHash, StringComparer.Ordinal)
            .Select(g => g.MinBy(a => a.Id)!)
            .ToDictionary(a => a.ContentHash, a => a.DuplicateOfId ?? a.Id, StringComparer.Ordinal);
    }

    /// <summary>The first article with the same text, else the closest SimHash within the distance; always the original.</summary>
    private async Task<int?> FindEarlierCopyAsync(Article article, Dictionary<string, int> copies, CancellationToken cancellationToken)
    {
        if (copies.TryGetValue(article.ContentHash, out var original))
        {
            return original;
        }

        if (article.SimHash is not { } fingerprint)
        {
            return null;
        }

        var settings = options.Value;
        return await fingerprints.FindOriginalAsync(db, fingerprint, settings.NearDuplicateDistance, settings.NearDuplicateWindow, cancellationToken, catchUp: false);
    }

    private static string? FirstNonBlank(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

    [return: NotNullIfNotNull(nameof(value))]
    private static string? Cut(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
