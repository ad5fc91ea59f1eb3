using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data.TextSearch;
using Npgsql;

namespace NewsDesk.Web.Data.Postgres;

/// <summary>
/// Full-text search on the <c>Articles.SearchVector</c> column and its GIN index (<see cref="PostgresSchema"/>):
/// ranked by <c>ts_rank</c> with the title weighing most, excerpts by <c>ts_headline</c>.
/// </summary>
public sealed class PostgresArticleTextSearch(NewsDeskDbContext db) : IArticleTextSearch
{
    // Weights of D (text), C (unused), B (byline, site) and A (title), as bm25's column weights on SQLite. The rank is
    // negated so that lower is better on both engines.
    private const string MatchSql = """
        SELECT a."Id" AS "ArticleId", (-ts_rank(ARRAY[0.1, 0.3, 0.3, 1.0]::real[], a."SearchVector", q))::double precision AS "Rank"
        FROM "Articles" a, to_tsquery('simple', {0}) q
        WHERE a."SearchVector" @@ q
        """;

    // ts_headline's parser reads "<script>" in a scraped text as an HTML tag and leaves it out of the excerpt; a
    // zero-width space after each "<" keeps it text (the excerpt is HTML-encoded later, like SQLite's), then goes.
    private const string TagBreak = "<\u200B";

    private static readonly string _headlineOptions =
        $"StartSel=\"{Snippet.Open}\", StopSel=\"{Snippet.Close}\", MaxWords=24, MinWords=12, ShortWord=0, MaxFragments=1, FragmentDelimiter=\"…\"";

    public IQueryable<TextMatch> Match(string query) =>
        db.Database.SqlQueryRaw<TextMatch>(MatchSql, PostgresSearchQuery.ToTsQuery(TextFolding.Fold(query)));

    public async Task<IReadOnlyDictionary<int, string>> SnippetsAsync(string query, IReadOnlyCollection<int> articleIds, CancellationToken cancellationToken)
    {
        if (articleIds.Count == 0)
        {
            return new Dictionary<int, string>();
        }

        var tsQuery = PostgresSearchQuery.ToTsQuery(TextFolding.Fold(query));
        var ids = articleIds.ToArray();
        // The excerpt comes from the text when it matches there, else from the title (FTS5's snippet picks the best
        // column the same way); both folded, as indexed, so Arabic terms are marked whatever their diacritics.
        var rows = await db.Database.SqlQuery<SnippetRow>($"""
            SELECT a."Id" AS "ArticleId",
                   CASE WHEN to_tsvector('simple', newsdesk_fold(a."Text")) @@ q
                        THEN ts_headline('simple', replace(newsdesk_fold(a."Text"), '<', {TagBreak}), q, {_headlineOptions})
                        ELSE ts_headline('simple', replace(newsdesk_fold(a."Title"), '<', {TagBreak}), q, {_headlineOptions}) END AS "Text"
            FROM "Articles" a, to_tsquery('simple', {tsQuery}) q
            WHERE a."Id" = ANY({ids})
            """).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.ArticleId, r => (r.Text ?? "").Replace(TagBreak, "<", StringComparison.Ordinal));
    }

    public bool IsSyntaxError(Exception exception) =>
        exception is SearchSyntaxException || exception.InnerException is SearchSyntaxException
        || exception is PostgresException { SqlState: PostgresErrorCodes.SyntaxError };

    private sealed class SnippetRow
    {
        public int ArticleId { get; set; }
        public string? Text { get; set; }
    }
}
