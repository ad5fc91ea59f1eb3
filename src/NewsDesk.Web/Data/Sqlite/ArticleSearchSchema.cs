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

    public static string Create() => $"""
        CREATE VIRTUAL TABLE {Table} USING fts5({Columns}, content='Articles', content_rowid='Id', tokenize='unicode61 remove_diacritics 2');
        {CreateTriggers()}
        INSERT INTO {Table}(rowid, {Columns}) SELECT Id, {Folded("Articles")} FROM Articles;
        """;

    /// <summary>The triggers alone: a change of how they fold (not of what) needs no rebuilt index.</summary>
    public static string CreateTriggers() => $"""
        CREATE TRIGGER Articles_search_insert AFTER INSERT ON Articles BEGIN
          INSERT INTO {Table}(rowid, {Columns}) VALUES (new.Id, {Folded("new")});
        END;
        CREATE TRIGGER Articles_search_delete AFTER DELETE ON Articles BEGIN
          INSERT INTO {Table}({Table}, rowid, {Columns}) VALUES ('delete', old.Id, {Folded("old")});
        END;
        CREATE TRIGGER Articles_search_update AFTER UPDATE OF {Columns} ON Articles BEGIN
          INSERT INTO {Table}({Table}, rowid, {Columns}) VALUES ('delete', old.Id, {Folded("old")});
          INSERT INTO {Table}(rowid, {Columns}) VALUES (new.Id, {Folded("new")});
        END;
        """;

    public static string DropTriggers() => """
        DROP TRIGGER IF EXISTS Articles_search_insert;
        DROP TRIGGER IF EXISTS Articles_search_delete;
        DROP TRIGGER IF EXISTS Articles_search_update;
        """;

    public static string Drop() => $"""
        {DropTriggers()}
        DROP TABLE IF EXISTS {Table};
        """;

    private static string Columns => string.Join(", ", _columns);

    private static string Folded(string prefix) => string.Join(", ", _columns.Select(c => TextFolding.SqlExpression($"{prefix}.\"{c}\"")));
}
