using Microsoft.Data.Sqlite;

namespace FtsDirect;

/// <summary>The SQL SqliteArticleTextSearch and ArticleListQuery send, as the EF Core command log shows it.</summary>
internal sealed class SqliteStatements : ISearchStatements
{
    private const string RankSql = """
        SELECT n.Rank, a.Id FROM (
          SELECT rowid AS ArticleId, bm25(ArticleSearch, 10.0, 3.0, 3.0, 1.0) AS Rank FROM ArticleSearch WHERE ArticleSearch MATCH $q
        ) AS n INNER JOIN Articles AS a ON n.ArticleId = a.Id ORDER BY n.Rank, a.Id LIMIT 21
        """;

    private const string RowsSql = """
        SELECT a.Id, a.Title, a.Url, a.SiteName, a.Language, a.PublishedAt, a.PublishedUtcOffsetMinutes, a.PublishedPrecision,
          (SELECT COUNT(*) FROM Mentions AS m WHERE a.Id = m.ArticleId)
        FROM Articles AS a WHERE a.Id IN (SELECT value FROM json_each($ids))
        """;

    private const string SnippetsSql = """
        SELECT rowid, snippet(ArticleSearch, -1, char(2), char(3), '…', 24) FROM ArticleSearch
        WHERE ArticleSearch MATCH $q AND rowid IN (SELECT value FROM json_each($ids))
        """;

    private readonly SqliteConnection _connection;
    private readonly string _query;

    public SqliteStatements(string file, string query)
    {
        _connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly");
        _connection.Open();
        _query = query;
    }

    public List<int> Rank()
    {
        using var rank = new SqliteCommand(RankSql, _connection);
        rank.Parameters.AddWithValue("$q", _query);
        using var reader = rank.ExecuteReader();
        var ids = new List<int>();
        while (reader.Read())
        {
            ids.Add(reader.GetInt32(1));
        }

        return ids;
    }

    public void Rows(int[] ids)
    {
        using var rows = new SqliteCommand(RowsSql, _connection);
        rows.Parameters.AddWithValue("$ids", "[" + string.Join(',', ids) + "]");
        using var reader = rows.ExecuteReader();
        while (reader.Read())
        {
            _ = reader.GetString(1);
        }
    }

    public void Snippets(int[] ids)
    {
        using var snippets = new SqliteCommand(SnippetsSql, _connection);
        snippets.Parameters.AddWithValue("$q", _query);
        snippets.Parameters.AddWithValue("$ids", "[" + string.Join(',', ids) + "]");
        using var reader = snippets.ExecuteReader();
        while (reader.Read())
        {
            _ = reader.GetString(1);
        }
    }

    public void Dispose() => _connection.Dispose();
}
