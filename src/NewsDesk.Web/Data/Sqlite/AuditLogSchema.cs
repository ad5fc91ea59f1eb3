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

    public static string Drop() => """
        DROP TRIGGER IF EXISTS AuditEntries_no_update;
        DROP TRIGGER IF EXISTS AuditEntries_no_delete;
        """;
}
