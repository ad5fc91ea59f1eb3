using Microsoft.Data.Sqlite;
using NewsDesk.Web.Tests.Evidence;

namespace NewsDesk.Web.Tests.Operations.CrashSafety;

/// <summary>
/// What a killed app must leave: a database SQLite calls sound, a search index that matches its articles, every
/// scraped article whole (its version 1 and the capture that version names, the capture's bytes in its WARC file),
/// and every acknowledged mention write in place.
/// </summary>
public static class StoreConsistency
{
    public sealed record Report(int Articles, int Versions, int Captures, IReadOnlySet<int> MentionIds, IReadOnlyList<string> Problems)
    {
        public int Mentions => MentionIds.Count;

        /// <summary>
        /// The writes with every unanswered deletion settled by what this check found (ids are never reused:
        /// AUTOINCREMENT), so that later checks hold it to one state.
        /// </summary>
        public List<AcknowledgedMention> Settle(IEnumerable<AcknowledgedMention> writes) =>
            writes.Select(w => w.DeleteUnanswered ? w with { Deleted = !MentionIds.Contains(w.Id), DeleteUnanswered = false } : w).ToList();

        public override string ToString() =>
            $"{Articles} scraped articles, {Versions} versions, {Captures} captures, {Mentions} mentions, {(Problems.Count == 0 ? "ok" : string.Join("; ", Problems))}";
    }

    public static async Task<Report> CheckAsync(CrashStore store, IReadOnlyList<AcknowledgedMention> acknowledged)
    {
        var problems = new List<string>();
        // Opening runs SQLite's own recovery (the WAL is replayed or discarded) exactly as the next start would.
        await using var db = new SqliteConnection($"Data Source={store.DatabasePath};Pooling=False");
        await db.OpenAsync();

        var integrity = await ScalarAsync<string>(db, "PRAGMA integrity_check");
        if (integrity != "ok")
        {
            problems.Add($"integrity_check: {integrity}");
        }

        try
        {
            await ExecuteAsync(db, "INSERT INTO ArticleSearch(ArticleSearch) VALUES('integrity-check')");
        }
        catch (SqliteException ex)
        {
            problems.Add($"the search index does not match the articles: {ex.Message}");
        }

        var articles = await ScalarAsync<long>(db, "SELECT count(*) FROM Articles WHERE SourceId IS NOT NULL");
        var versionless = await ScalarAsync<long>(db,
            "SELECT count(*) FROM Articles a WHERE a.SourceId IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ArticleVersions v WHERE v.ArticleId = a.Id AND v.Number = 1)");
        if (versionless > 0)
        {
            problems.Add($"{versionless} scraped articles have no version 1");
        }

        var unlike = await ScalarAsync<long>(db,
            "SELECT count(*) FROM Articles a JOIN ArticleVersions v ON v.ArticleId = a.Id AND v.Number = 1 WHERE a.SourceId IS NOT NULL AND v.Text <> a.Text");
        if (unlike > 0)
        {
            problems.Add($"{unlike} scraped articles differ from their only version");
        }

        var uncaptured = await ScalarAsync<long>(db,
            "SELECT count(*) FROM ArticleVersions v JOIN Articles a ON a.Id = v.ArticleId WHERE a.SourceId IS NOT NULL AND v.CaptureId IS NULL AND v.NotCapturedReason IS NULL");
        if (uncaptured > 0)
        {
            problems.Add($"{uncaptured} versions have neither a capture nor a reason for none");
        }

        var dangling = await ScalarAsync<long>(db,
            "SELECT count(*) FROM ArticleVersions v WHERE v.CaptureId IS NOT NULL AND NOT EXISTS (SELECT 1 FROM Captures c WHERE c.Id = v.CaptureId)");
        if (dangling > 0)
        {
            problems.Add($"{dangling} versions name a capture that is not there");
        }

        var captures = await StoredCaptures.ReadAsync(store.DatabasePath);
        foreach (var capture in captures)
        {
            if (await StoredCaptures.ProblemAsync(Path.Combine(store.DataDirectory, "captures"), capture) is { } problem)
            {
                problems.Add(problem);
            }
        }

        var mentions = await MentionsAsync(db, store.ArticleId);
        foreach (var write in acknowledged)
        {
            var found = mentions.TryGetValue(write.Id, out var span);
            if (write.DeleteUnanswered && !found)
            {
                continue;
            }

            if (write.Deleted && found)
            {
                problems.Add($"mention {write.Id} was deleted (204) but is back");
            }
            else if (!write.Deleted && !found)
            {
                problems.Add($"mention {write.Id} was acknowledged (201) but is gone");
            }
            else if (!write.Deleted && span != (write.Start, write.End))
            {
                problems.Add($"mention {write.Id} moved from [{write.Start},{write.End}) to [{span.Start},{span.End})");
            }
        }

        var versions = await ScalarAsync<long>(db, "SELECT count(*) FROM ArticleVersions");
        return new Report((int)articles, (int)versions, captures.Count, mentions.Keys.ToHashSet(), problems);
    }

    /// <summary>How many scraped articles are stored so far; read beside the running app (WAL: readers do not block it).</summary>
    public static async Task<long> ScrapedCountAsync(CrashStore store)
    {
        await using var db = new SqliteConnection($"Data Source={store.DatabasePath};Pooling=False");
        await db.OpenAsync();
        return await ScalarAsync<long>(db, "SELECT count(*) FROM Articles WHERE SourceId IS NOT NULL");
    }

    public static async Task<List<string>> ScrapedUrlsAsync(CrashStore store)
    {
        await using var db = new SqliteConnection($"Data Source={store.DatabasePath};Pooling=False");
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT Url FROM Articles WHERE SourceId IS NOT NULL";
        var urls = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            urls.Add(reader.GetString(0));
        }

        return urls;
    }

    private static async Task<Dictionary<int, (int Start, int End)>> MentionsAsync(SqliteConnection db, int articleId)
    {
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT Id, Start, \"End\" FROM Mentions WHERE ArticleId = $article";
        command.Parameters.AddWithValue("$article", articleId);
        var mentions = new Dictionary<int, (int, int)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            mentions[reader.GetInt32(0)] = (reader.GetInt32(1), reader.GetInt32(2));
        }

        return mentions;
    }

    private static async Task<T> ScalarAsync<T>(SqliteConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(SqliteConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
