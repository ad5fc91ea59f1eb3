using NewsDesk.Web.Data.Postgres;
using NewsDesk.Web.Data.TextSearch;
using Npgsql;

namespace FtsDirect;

/// <summary>
/// The SQL PostgresArticleTextSearch and ArticleListQuery send, as the EF Core command log shows it, with the tsquery
/// the app makes of the user's query (folded, then translated).
/// </summary>
internal sealed class PostgresStatements : ISearchStatements
{
    private const string RankSql = """
        SELECT n."Rank", a0."Id"
        FROM (
            SELECT a."Id" AS "ArticleId", (-ts_rank(ARRAY[0.1, 0.3, 0.3, 1.0]::real[], a."SearchVector", q))::double precision AS "Rank"
            FROM "Articles" a, to_tsquery('simple', @p0) q
            WHERE a."SearchVector" @@ q
        ) AS n
        INNER JOIN "Articles" AS a0 ON n."ArticleId" = a0."Id"
        ORDER BY n."Rank", a0."Id"
        LIMIT @p1
        """;

    private const string RowsSql = """
        SELECT a."Id", a."Title", a."Url", a."SiteName", a."Language", a."PublishedAt", a."PublishedUtcOffsetMinutes", a."PublishedPrecision", (
            SELECT count(*)::int
            FROM "Mentions" AS m
            WHERE a."Id" = m."ArticleId")
        FROM "Articles" AS a
        WHERE a."Id" = ANY (@ids)
        """;

    // PostgresArticleTextSearch's headline options, with its markers (Snippet.Open, Snippet.Close) and tag break.
    private static readonly string SnippetsSql = $"""
        SELECT a."Id" AS "ArticleId",
               CASE WHEN to_tsvector('simple', newsdesk_fold(a."Text")) @@ q
                    THEN ts_headline('simple', replace(newsdesk_fold(a."Text"), '<', @p0), q, @p1)
                    ELSE ts_headline('simple', replace(newsdesk_fold(a."Title"), '<', @p2), q, @p3) END AS "Text"
        FROM "Articles" a, to_tsquery('simple', @p4) q
        WHERE a."Id" = ANY(@p5)
        """;

    private static readonly string HeadlineOptions =
        $"StartSel=\"{Snippet.Open}\", StopSel=\"{Snippet.Close}\", MaxWords=24, MinWords=12, ShortWord=0, MaxFragments=1, FragmentDelimiter=\"…\"";

    private const string TagBreak = "<\u200B";

    private readonly NpgsqlConnection _connection;
    private readonly string _tsQuery;

    public PostgresStatements(string connectionString, string query)
    {
        _connection = new NpgsqlConnection(connectionString);
        _connection.Open();
        _tsQuery = PostgresSearchQuery.ToTsQuery(TextFolding.Fold(query));
    }

    public List<int> Rank()
    {
        using var rank = new NpgsqlCommand(RankSql, _connection);
        rank.Parameters.AddWithValue("p0", _tsQuery);
        rank.Parameters.AddWithValue("p1", 21);
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
        using var rows = new NpgsqlCommand(RowsSql, _connection);
        rows.Parameters.AddWithValue("ids", ids);
        using var reader = rows.ExecuteReader();
        while (reader.Read())
        {
            _ = reader.GetString(1);
        }
    }

    public void Snippets(int[] ids)
    {
        using var snippets = new NpgsqlCommand(SnippetsSql, _connection);
        snippets.Parameters.AddWithValue("p0", TagBreak);
        snippets.Parameters.AddWithValue("p1", HeadlineOptions);
        snippets.Parameters.AddWithValue("p2", TagBreak);
        snippets.Parameters.AddWithValue("p3", HeadlineOptions);
        snippets.Parameters.AddWithValue("p4", _tsQuery);
        snippets.Parameters.AddWithValue("p5", ids);
        using var reader = snippets.ExecuteReader();
        while (reader.Read())
        {
            _ = reader.GetString(1);
        }
    }

    public void Dispose() => _connection.Dispose();
}
