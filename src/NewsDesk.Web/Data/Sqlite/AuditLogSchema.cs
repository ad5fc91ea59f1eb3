namespace NewsDesk.Web.Data.Sqlite;

/// <summary>
/// Makes the audit log append-only in the database itself: triggers refuse any UPDATE or DELETE of its rows,
/// whoever issues it (the app's interceptor refuses them too, earlier and with a clearer message).
/// </summary>
public static class AuditLogSchema
{
    public static string Create() => """
        CREATE TRIGGER AuditEntries_no_update BEFORE UPDATE ON AuditEntries BEGIN
          SELECT RAISE(ABORT, 'The audit log is append-only.');
        END;
        CREATE TRIGGER AuditEntries_no_delete BEFORE DELETE ON AuditEntries BEGIN
          SELECT RAISE(ABORT, 'The audit log is append-only.');
        END;
        """;

    /// <summary>
    /// The same, except that an entry written before the hash chain existed may get its hash once
    /// (<see cref="Auditing.AuditChain.SealLegacyAsync"/>): only the two chain columns, only while they are empty.
    /// </summary>
    public static string CreateChained() => """
        CREATE TRIGGER AuditEntries_no_update BEFORE UPDATE ON AuditEntries
        WHEN OLD.Hash IS NOT NULL OR NEW.Hash IS NULL
          OR NEW.Id IS NOT OLD.Id OR NEW.At IS NOT OLD.At OR NEW.UserId IS NOT OLD.UserId OR NEW.UserName IS NOT OLD.UserName
          OR NEW.Action IS NOT OLD.Action OR NEW.EntityType IS NOT OLD.EntityType OR NEW.EntityId IS NOT OLD.EntityId
          OR NEW.RecordType IS NOT OLD.RecordType OR NEW.RecordId IS NOT OLD.RecordId OR NEW.Version IS NOT OLD.Version
          OR NEW.Before IS NOT OLD.Before OR NEW.After IS NOT OLD.After
        BEGIN
          SELECT RAISE(ABORT, 'The audit log is append-only.');
        END;
        CREATE TRIGGER AuditEntries_no_delete BEFORE DELETE ON AuditEntries BEGIN
          SELECT RAISE(ABORT, 'The audit log is append-only.');
        END;
        """;

    public static string Drop() => """
        DROP TRIGGER IF EXISTS AuditEntries_no_update;
        DROP TRIGGER IF EXISTS AuditEntries_no_delete;
        """;
}
