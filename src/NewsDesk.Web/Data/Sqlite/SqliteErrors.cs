using Microsoft.Data.Sqlite;

namespace NewsDesk.Web.Data.Sqlite;

/// <summary>SQLite's result codes behind a failed save.</summary>
public static class SqliteErrors
{
    // Extended result codes: SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY (a foreign key is 787, not these).
    private const int UniqueIndex = 2067;
    private const int PrimaryKey = 1555;

    public static bool IsUniqueViolation(Exception? exception) =>
        exception is SqliteException { SqliteExtendedErrorCode: UniqueIndex or PrimaryKey };
}
