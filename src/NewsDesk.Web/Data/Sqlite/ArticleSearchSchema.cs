using NewsDesk.Web.Data.TextSearch;

namespace NewsDesk.Web.Data.Sqlite;

/// <summary>
/// The FTS5 index over articles: an external-content table on Articles kept in sync by triggers, holding
/// folded text (<see cref="TextFolding"/>). Changing the folding or columns needs a migration that runs
/// <see cref="Drop"/> then <see cref="Create"/> again.
/// </summary>
public static class ArticleSearchSchema
{
    public const string Table = "ArticleSearch";

    private static readonly string[] _columns = ["Title", "Byline", "SiteName", "Text"];

    public static string Create()
    {
        var columns = string.Join(", ", _columns);
        string Folded(string prefix) => string.Join(", ", _columns.Select(c => TextFolding.SqlExpression($"{prefix}.\"{c}\"")));

        return $"""
            CREATE VIRTUAL TABLE {Table} USING fts5({columns}, content='Articles', content_rowid='Id', tokenize='unicode61 remove_diacritics 2');
            CREATE TRIGGER Articles_search_insert AFTER INSERT ON Articles BEGIN
              INSERT INTO {Table}(rowid, {columns}) VALUES (new.Id, {Folded("new")});
            END;
            CREATE TRIGGER Articles_search_delete AFTER DELETE ON Articles BEGIN
              INSERT INTO {Table}({Table}, rowid, {columns}) VALUES ('delete', old.Id, {Folded("old")});
            END;
            CREATE TRIGGER Articles_search_update AFTER UPDATE OF {columns} ON Articles BEGIN
              INSERT INTO {Table}({Table}, rowid, {columns}) VALUES ('delete', old.Id, {Folded("old")});
              INSERT INTO {Table}(rowid, {columns}) VALUES (new.Id, {Folded("new")});
            END;
            INSERT INTO {Table}(rowid, {columns}) SELECT Id, {Folded("Articles")} FROM Articles;
            """;
    }

    public static string Drop() => $"""
        DROP TRIGGER IF EXISTS Articles_search_insert;
        DROP TRIGGER IF EXISTS Articles_search_delete;
        DROP TRIGGER IF EXISTS Articles_search_update;
        DROP TABLE IF EXISTS {Table};
        """;
}
