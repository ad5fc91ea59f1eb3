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
}

/// <summary>
/// Turns an extracted page into a stored article: canonical URL, content hash, SimHash and the link to an earlier
/// copy of the same story. Each article is one INSERT in one SaveChanges (one transaction): a crash leaves either
/// the whole article or nothing, and the unique URL index settles two fetchers racing for the same page.
/// The article's first version and the capture of the response it came from are saved in the same transaction,
/// the capture's WARC records written before it (<see cref="ArticleVersioning"/>).
/// </summary>
public sealed class ArticleStore(
    NewsDeskDbContext db,
    StoreEngine engine,
    RecentFingerprints fingerprints,
    ArticleVersioning versioning,
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
        var url = CanonicalAddress(fetchedUrl, extracted.CanonicalUrl);
        if (await db.Articles.AnyAsync(a => a.Url == url, cancellationToken))
        {
            return (StoreOutcome.AlreadyStored, null);
        }

        var article = Map(extracted, url, fetchedUrl, sourceId, listedPublished, listedTitle);
        article.DuplicateOfId = await FindEarlierCopyAsync(article, cancellationToken);
        db.Articles.Add(article);
        var evidence = await versioning.AddFirstAsync(article, response, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (engine.IsUniqueViolation(ex))
        {
            // Another fetch stored the same URL between our check and our insert (its WARC records stay, unindexed).
            db.Entry(article).State = EntityState.Detached;
            foreach (var row in evidence)
            {
                db.Entry(row).State = EntityState.Detached;
            }

            return (StoreOutcome.AlreadyStored, null);
        }

        fingerprints.Add(article, options.Value.NearDuplicateWindow);
        // A fetch stores hundreds of articles through one context: tracking each (text and HTML) would hold them all.
        db.Entry(article).State = EntityState.Detached;
        logger.LogInformation("Stored article {ArticleId} {Url}{Duplicate}", article.Id, url,
            article.DuplicateOfId is { } of ? $" (a copy of article {of})" : "");
        return (StoreOutcome.Added, article);
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
        var refetched = Map(extracted, article.Url, response.FinalUrl, article.SourceId, null, article.Title);
        var outcome = await versioning.RecordRefetchAsync(article, refetched, response, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (outcome.Changed)
        {
            logger.LogInformation("Article {ArticleId} changed since it was stored: version {Version} {Url}", article.Id, outcome.LatestNumber, article.Url);
        }

        return outcome;
    }

    private Article Map(ExtractedArticle extracted, string url, Uri fetchedUrl, int? sourceId, DateTimeOffset? listedPublished, string? listedTitle)
    {
        var text = extracted.Text.Trim();
        var article = new Article
        {
            Url = url,
            SourceId = sourceId,
            Title = Cut(FirstNonBlank(extracted.Title, listedTitle) ?? url, 1000),
            Byline = Cut(extracted.Byline, 500),
            SiteName = Cut(FirstNonBlank(extracted.SiteName) ?? fetchedUrl.Host, 300),
            Language = Cut(extracted.Language, 35),
            LeadImageUrl = Uri.TryCreate(extracted.LeadImageUrl, UriKind.Absolute, out var image) && CanonicalUrl.IsWeb(image)
                ? Cut(image.AbsoluteUri, 2048) : null,
            FetchedAt = clock.GetUtcNow().UtcDateTime,
            Text = text,
            Html = extracted.Html,
            ContentHash = ContentHash.Of(text),
            SimHash = SimHash.Of(text),
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

    /// <summary>The first article with the same text, else the closest SimHash within the distance; always the original.</summary>
    private async Task<int?> FindEarlierCopyAsync(Article article, CancellationToken cancellationToken)
    {
        var exact = await db.Articles.Where(a => a.ContentHash == article.ContentHash)
            .OrderBy(a => a.Id).Select(a => new { a.Id, a.DuplicateOfId }).FirstOrDefaultAsync(cancellationToken);
        if (exact is not null)
        {
            return exact.DuplicateOfId ?? exact.Id;
        }

        if (article.SimHash is not { } fingerprint)
        {
            return null;
        }

        var settings = options.Value;
        return await fingerprints.FindOriginalAsync(db, fingerprint, settings.NearDuplicateDistance, settings.NearDuplicateWindow, cancellationToken);
    }

    private static string? FirstNonBlank(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

    [return: NotNullIfNotNull(nameof(value))]
    private static string? Cut(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
