using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Pages.Collections;

namespace NewsDesk.Web.Pages.Articles;

/// <summary>
/// What the article page shows besides its mentions panel and history: the metadata, the text as paragraphs,
/// the other outlets' copies and the collections. Read in one go and cached until the store changes. The text's
/// digest and the source are kept for the evidence box (<see cref="NewsDesk.Web.Pages.Evidence.ArticleEvidenceCache"/>), which would
/// otherwise read the whole text again to hash it.
/// </summary>
public sealed record ArticlePage(
    ArticleHeader Article,
    IReadOnlyList<ArticlePage.Paragraph> Paragraphs,
    IReadOnlyList<ArticleCopy> Copies,
    IReadOnlyList<CollectionOption> Collections,
    string TextSha256,
    int? SourceId)
{
    /// <summary>A paragraph of the stored text with its start offset, so the page's script maps DOM positions to offsets.</summary>
    public sealed record Paragraph(int Start, string Text);

    /// <summary>Roughly what the page takes in memory (UTF-16 text dominates), for the cache's size limit.</summary>
    public long ApproximateBytes =>
        1024 + (2 * Paragraphs.Sum(p => (long)p.Text.Length + 16)) + (256 * (Copies.Count + Collections.Count));
}

/// <summary>The article's metadata: every column the page shows, none it does not (not the text or the HTML).</summary>
public sealed record ArticleHeader(
    int Id,
    string Url,
    string Title,
    string? Byline,
    string? SiteName,
    string? Section,
    string? Language,
    PublishedDate Published,
    int? DuplicateOfId)
{
    /// <summary>
    /// The text's direction from its language (Arabic, Persian, Hebrew, Urdu... are right to left); <c>auto</c> when
    /// the language is unknown, so the browser looks at the text itself.
    /// </summary>
    public string Direction => Language is not { Length: > 0 } language ? "auto"
        : RightToLeftLanguages.Contains(language.Split('-', '_')[0]) ? "rtl" : "ltr";

    // The primary subtags of languages written right to left (a fixed list: the culture data of ICU is not always there).
    private static readonly HashSet<string> RightToLeftLanguages = new(StringComparer.OrdinalIgnoreCase)
    {
        "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ps", "sd", "syr", "ug", "ur", "yi",
    };

    /// <summary>Only web addresses become links; seed names (urn:) and anything else are shown as text.</summary>
    public bool UrlIsLink => Uri.TryCreate(Url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}

/// <summary>Another outlet's copy of the same story (linked by the scraper's near-duplicate detection).</summary>
public sealed record ArticleCopy(int Id, string? SiteName, string Url);

/// <summary>Reads an <see cref="ArticlePage"/>, from the <see cref="VersionedCache"/> when the store has not changed since.</summary>
public sealed class ArticlePageReader(NewsDeskDbContext db, VersionedCache cache)
{
    public const int CopiesShown = 50;

    public Task<ArticlePage?> FindAsync(int id, CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync((typeof(ArticlePage), id), ct => LoadAsync(id, ct), page => page.ApproximateBytes, cancellationToken);

    /// <summary>
    /// The place in the workflow of an article <see cref="FindAsync"/> found (a new one when nobody reviewed it yet).
    /// Every change to it is a save that starts a new store version, so it is cached like the page: read per view, it
    /// was one or two queries on a page that otherwise sends none. The article is known to exist, so a missing review
    /// needs no second query to tell a new article from none. Shared between requests: read it, never change it.
    /// </summary>
    public Task<ArticleReview?> ReviewAsync(int id, CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync((typeof(ArticleReview), id), ct => ReadReviewAsync(id, ct), _ => 512, cancellationToken);

    private async Task<ArticleReview?> ReadReviewAsync(int id, CancellationToken cancellationToken) =>
        await db.ArticleReviews.AsNoTracking().FirstOrDefaultAsync(r => r.ArticleId == id, cancellationToken) ?? new ArticleReview { ArticleId = id };

    private async Task<ArticlePage?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var row = await db.Articles.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new
            {
                Header = new ArticleHeader(a.Id, a.Url, a.Title, a.Byline, a.SiteName, a.Section, a.Language,
                    new PublishedDate(a.PublishedAt, a.PublishedUtcOffsetMinutes, a.PublishedPrecision), a.DuplicateOfId),
                a.Text,
                a.SourceId,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var original = row.Header.DuplicateOfId ?? id;
        var copies = await db.Articles.AsNoTracking()
            .Where(a => (a.Id == original || a.DuplicateOfId == original) && a.Id != id)
            .OrderBy(a => a.Id)
            .Select(a => new ArticleCopy(a.Id, a.SiteName, a.Url))
            .Take(CopiesShown)
            .ToListAsync(cancellationToken);
        var collections = await MembershipModel.LoadOptionsAsync(db, id, cancellationToken);
        List<ArticlePage.Paragraph> paragraphs = [.. ArticleParagraphs.Of(row.Text).Select(r => new ArticlePage.Paragraph(r.Start, row.Text.Substring(r.Start, r.Length)))];
        return new ArticlePage(row.Header, paragraphs, copies, collections, TextDigest.Of(row.Text), row.SourceId);
    }
}
