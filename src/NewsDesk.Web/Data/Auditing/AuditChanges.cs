using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Data.Auditing;

/// <summary>One field of an audit entry as a reader sees it: its value before and after.</summary>
public sealed record AuditChange(string Field, string? Before, string? After)
{
    /// <summary>The fields an entry touched, in the order they were logged.</summary>
    public static IReadOnlyList<AuditChange> Of(AuditEntry entry)
    {
        var before = AuditJson.Fields(entry.Before);
        var after = AuditJson.Fields(entry.After);
        return [.. before.Keys.Concat(after.Keys).Distinct().Select(k => new AuditChange(k, before.GetValueOrDefault(k), after.GetValueOrDefault(k)))];
    }
}

/// <summary>What others changed on a record after a given version: the body of a conflict message.</summary>
public static class ConflictHistory
{
    public static async Task<IReadOnlyList<AuditEntry>> SinceAsync(NewsDeskDbContext db, string type, int id, int version, CancellationToken cancellationToken)
    {
        var recordId = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.AuditEntries.Where(e => e.RecordType == type && e.RecordId == recordId && e.Id > db.AuditEntries
                    .Where(v => v.EntityType == type && v.EntityId == recordId && v.Version != null && v.Version <= version)
                    .Max(v => (long?)v.Id) && e.Action != AuditAction.Created)
                .OrderBy(e => e.Id), cancellationToken);
    }
}
