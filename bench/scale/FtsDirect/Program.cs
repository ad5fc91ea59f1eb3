// Times the search page's queries run directly: the baseline for the search target. They are the SQL the app sends
// (copied from its EF Core command log): rank the matches, then the page's rows, then their snippets.
// Usage: FtsDirect DB QUERY [RUNS]; prints {"p50": ms, "p95": ms}.
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

const string Rank = """
    SELECT n.Rank, a.Id FROM (
      SELECT rowid AS ArticleId, bm25(ArticleSearch, 10.0, 3.0, 3.0, 1.0) AS Rank FROM ArticleSearch WHERE ArticleSearch MATCH $q
    ) AS n INNER JOIN Articles AS a ON n.ArticleId = a.Id ORDER BY n.Rank, a.Id LIMIT 21
    """;
const string Rows = """
    SELECT a.Id, a.Title, a.Url, a.SiteName, a.Language, a.PublishedAt, a.PublishedUtcOffsetMinutes, a.PublishedPrecision,
      (SELECT COUNT(*) FROM Mentions AS m WHERE a.Id = m.ArticleId)
    FROM Articles AS a WHERE a.Id IN (SELECT value FROM json_each($ids))
    """;
const string Snippets = """
    SELECT rowid, snippet(ArticleSearch, -1, char(2), char(3), '…', 24) FROM ArticleSearch
    WHERE ArticleSearch MATCH $q AND rowid IN (SELECT value FROM json_each($ids))
    """;

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: FtsDirect DB QUERY [RUNS]");
    return 2;
}

var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 300;
using var connection = new SqliteConnection($"Data Source={args[0]};Mode=ReadOnly");
connection.Open();
var times = new List<double>();
for (var i = 0; i < runs + 20; i++)
{
    var clock = Stopwatch.StartNew();
    var ids = new List<long>();
    using (var rank = new SqliteCommand(Rank, connection))
    {
        rank.Parameters.AddWithValue("$q", args[1]);
        using var reader = rank.ExecuteReader();
        while (reader.Read())
        {
            ids.Add(reader.GetInt64(1));
        }
    }

    var page = "[" + string.Join(',', ids.Take(20)) + "]";
    using (var rows = new SqliteCommand(Rows, connection))
    {
        rows.Parameters.AddWithValue("$ids", page);
        using var reader = rows.ExecuteReader();
        while (reader.Read())
        {
            _ = reader.GetString(1);
        }
    }

    using (var snippets = new SqliteCommand(Snippets, connection))
    {
        snippets.Parameters.AddWithValue("$q", args[1]);
        snippets.Parameters.AddWithValue("$ids", page);
        using var reader = snippets.ExecuteReader();
        while (reader.Read())
        {
            _ = reader.GetString(1);
        }
    }

    if (i >= 20)
    {
        times.Add(clock.Elapsed.TotalMilliseconds);
    }
}

times.Sort();
var p50 = times[times.Count / 2];
var p95 = times[(int)(times.Count * 0.95) - 1];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $$"""{"p50": {{p50:F2}}, "p95": {{p95:F2}}}"""));
return 0;
