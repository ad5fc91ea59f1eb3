namespace NewsDesk.Web.Data.TextSearch;

/// <summary>
/// The full-text seam: the only place that knows the store's text-search dialect (SQLite FTS5 in
/// <c>Data/Sqlite</c>, PostgreSQL tsvector in <c>Data/Postgres</c>). It lives in Data, not Search, so the engines'
/// implementations never depend on the Search folder (Search depends on Data, never the other way).
/// </summary>
public interface IArticleTextSearch
{
    /// <summary>Articles matching a query in the search syntax (phrases, prefix*, OR, NOT), with a rank (lower = better).</summary>
    IQueryable<TextMatch> Match(string query);

    /// <summary>A short excerpt per article around the matches, with matched terms between <see cref="Snippet.Open"/> and <see cref="Snippet.Close"/>.</summary>
    Task<IReadOnlyDictionary<int, string>> SnippetsAsync(string query, IReadOnlyCollection<int> articleIds, CancellationToken cancellationToken);

    /// <summary>True when an exception means the query was malformed (not that the store failed).</summary>
    bool IsSyntaxError(Exception exception);
}

/// <summary>One matching article and its relevance (lower is better, as bm25 returns it).</summary>
public sealed class TextMatch
{
    public int ArticleId { get; set; }
    public double Rank { get; set; }
}

/// <summary>Markers around matched terms in snippets; control characters cannot occur in stored text, so pages can encode safely around them.</summary>
public static class Snippet
{
    public const char Open = '\u0002';
    public const char Close = '\u0003';
}
