using NewsDesk.Web.Data;
using NewsDesk.Web.Evidence;
using NewsDesk.Web.Pages.Articles;

namespace NewsDesk.Web.Pages.Evidence;

/// <summary>
/// The article page's evidence, read once per store version and shared by the two parts of the page that show it:
/// the evidence box and the mentions panel's "quote removed in version N" flags. Each read its versions and the
/// article's 200 mentions on its own before (bench/README.md, Scale, session 12). The text's digest and source come
/// from the page's own read (<see cref="ArticlePageReader"/>, already cached when the page asks), not a second read of
/// the text. Shared between requests: read it, never change it.
/// </summary>
public sealed class ArticleEvidenceCache(ArticlePageReader pages, ArticleEvidenceReader reader, VersionedCache cache)
{
    public Task<ArticleEvidenceView?> FindAsync(int articleId, CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync((typeof(ArticleEvidenceView), articleId), ct => LoadAsync(articleId, ct), SizeOf, cancellationToken);

    private async Task<ArticleEvidenceView?> LoadAsync(int articleId, CancellationToken cancellationToken) =>
        await pages.FindAsync(articleId, cancellationToken) is { } page
            ? await reader.ReadAsync(articleId, page.TextSha256, page.SourceId, cancellationToken)
            : null;

    // The versions' texts dominate (two bytes a character); the rest is a few short strings per version and quote.
    private static long SizeOf(ArticleEvidenceView view) =>
        1024 + view.Versions.Sum(v => 512 + (2L * (v.Row.Text.Length + v.Row.Title.Length)))
        + view.RemovedQuotes.Sum(q => 64 + (2L * q.Quote.Length));
}
