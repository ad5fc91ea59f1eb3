using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data.TextSearch;

namespace NewsDesk.Web.Data.Sqlite;

/// <summary>Full-text search on the FTS5 table built by <see cref="ArticleSearchSchema"/>, ranked by bm25.</summary>
public sealed class SqliteArticleTextSearch(NewsDeskDbContext db) : IArticleTextSearch
{
    // Column weights for bm25: a hit in the title counts most, then byline and site, then the body.
    private const string MatchSql =
        "SELECT rowid AS ArticleId, bm25(ArticleSearch, 10.0, 3.0, 3.0, 1.0) AS Rank FROM ArticleSearch WHERE ArticleSearch MATCH {0}";

    public IQueryable<TextMatch> Match(string query)
    {
        var folded = TextFolding.Fold(query);
        return db.Database.SqlQueryRaw<TextMatch>(MatchSql, folded);
    }

    public async Task<IReadOnlyDictionary<int, string>> SnippetsAsync(string query, IReadOnlyCollection<int> articleIds, CancellationToken cancellationToken)
    {
        if (articleIds.Count == 0)
        {
            return new Dictionary<int, string>();
        }

        var folded = TextFolding.Fold(query);
        var ids = System.Text.Json.JsonSerializer.Serialize(articleIds);
        var rows = await db.Database.SqlQuery<SnippetRow>(
            $"SELECT rowid AS ArticleId, snippet(ArticleSearch, -1, char(2), char(3), '…', 24) AS Text FROM ArticleSearch WHERE ArticleSearch MATCH {folded} AND rowid IN (SELECT value FROM json_each({ids}))")
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.ArticleId, r => r.Text ?? "");
    }

    // SQLITE_ERROR is what FTS5 raises for a query it cannot parse ("fts5: syntax error", unknown column...).
    public bool IsSyntaxError(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: 1 } || exception.InnerException is SqliteException { SqliteErrorCode: 1 };

    private sealed class SnippetRow
    {
        public int ArticleId { get; set; }
        public string? Text { get; set; }
    }
}
