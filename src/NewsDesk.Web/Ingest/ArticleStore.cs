using System.Diagnostics.CodeAnalysis;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsDesk.Extraction;
using NewsDesk.Web.Data;
using NewsDesk.Web.Domain;

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
/// </summary>
public sealed class ArticleStore(NewsDeskDbContext db, StoreEngine engine, IOptions<IngestOptions> options, TimeProvider clock, ILogger<ArticleStore> logger)
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

    public async Task<(StoreOutcome Outcome, Article? Article)> SaveAsync(
        ExtractedArticle extracted, Uri fetchedUrl, int? sourceId, DateTimeOffset? listedPublished, string? listedTitle, CancellationToken cancellationToken)
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
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (engine.IsUniqueViolation(ex))
        {
            // Another fetch stored the same URL between our check and our insert.
            db.Entry(article).State = EntityState.Detached;
            return (StoreOutcome.AlreadyStored, null);
        }

        logger.LogInformation("Stored article {ArticleId} {Url}{Duplicate}", article.Id, url,
            article.DuplicateOfId is { } of ? $" (a copy of article {of})" : "");
        return (StoreOutcome.Added, article);
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

        if (extracted.Published is { } published)
        {
            // Per ADR 0002: UTC plus the stated offset when the page gave a zone; else the wall-clock time as printed.
            article.PublishedAt = extracted.PublishedHasZone
                ? published.UtcDateTime
                : DateTime.SpecifyKind(published.DateTime, DateTimeKind.Utc);
            article.PublishedUtcOffsetMinutes = extracted.PublishedHasZone ? (int)published.Offset.TotalMinutes : null;
            article.PublishedPrecision = extracted.PublishedHasTime ? DatePrecision.Minute : DatePrecision.Day;
        }
        else if (listedPublished is { } listed)
        {
            // Feed and news-sitemap dates always carry a zone (RFC 822 / W3C-DTF).
            article.PublishedAt = listed.UtcDateTime;
            article.PublishedUtcOffsetMinutes = (int)listed.Offset.TotalMinutes;
            article.PublishedPrecision = DatePrecision.Minute;
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
        var candidates = await db.Articles.Where(a => a.SimHash != null)
            .OrderByDescending(a => a.Id).Take(settings.NearDuplicateWindow)
            .Select(a => new { a.Id, a.DuplicateOfId, a.SimHash })
            .ToListAsync(cancellationToken);
        var nearest = candidates
            .Select(c => (c.Id, c.DuplicateOfId, Distance: SimHash.Distance(c.SimHash!.Value, fingerprint)))
            .Where(c => c.Distance <= settings.NearDuplicateDistance)
            .OrderBy(c => c.Distance).ThenBy(c => c.Id)
            .FirstOrDefault();
        return nearest == default ? null : nearest.DuplicateOfId ?? nearest.Id;
    }

    private static string? FirstNonBlank(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

    [return: NotNullIfNotNull(nameof(value))]
    private static string? Cut(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
