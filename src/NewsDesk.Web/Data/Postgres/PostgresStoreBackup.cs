namespace NewsDesk.Web.Data.Postgres;

/// <summary>
/// A server database is backed up with the server's own tools, which are consistent, incremental and known to
/// its administrators; NewsDesk's backup and restore verbs copy SQLite files and say so rather than half-work here.
/// </summary>
public sealed class PostgresStoreBackup(string database) : IStoreBackup
{
    public Task<BackupReport> BackupAsync(string target, bool force, CancellationToken cancellationToken) =>
        throw new BackupRefusedException($"The store is the {database}: back it up with pg_dump (pg_dump -Fc -f FILE DBNAME), not with NewsDesk's backup verb.");

    public Task<RestoreReport> RestoreAsync(string source, IReadOnlyCollection<string> knownMigrations, CancellationToken cancellationToken) =>
        throw new BackupRefusedException($"The store is the {database}: restore it with pg_restore, not with NewsDesk's restore verb.");
}
