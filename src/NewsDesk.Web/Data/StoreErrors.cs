using Microsoft.EntityFrameworkCore;

namespace NewsDesk.Web.Data;

/// <summary>What a failed save means, for code that has no engine at hand (each engine answers for its driver).</summary>
public static class StoreErrors
{
    /// <summary>A unique index refused the rows: another writer stored the same key first.</summary>
    public static bool IsUniqueViolation(DbUpdateException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return StoreEngines.IsUniqueViolation(exception);
    }
}
