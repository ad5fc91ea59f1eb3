using Microsoft.EntityFrameworkCore;

namespace NewsDesk.Web.Data;

/// <summary>What a failed save means, asked without naming the engine outside Data/.</summary>
public static class StoreErrors
{
    /// <summary>A unique index refused the rows: another writer stored the same key first.</summary>
    public static bool IsUniqueViolation(DbUpdateException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return Sqlite.SqliteErrors.IsUniqueViolation(exception.InnerException);
    }
}
