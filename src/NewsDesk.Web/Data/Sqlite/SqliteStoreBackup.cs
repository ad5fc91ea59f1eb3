using System.Globalization;
using Microsoft.Data.Sqlite;

namespace NewsDesk.Web.Data.Sqlite;

/// <summary>
/// Backup and restore with SQLite's online backup API (<c>sqlite3_backup_*</c>, exposed as
/// <see cref="SqliteConnection.BackupDatabase(SqliteConnection)"/>): the copy is one read transaction on the source,
/// so it is a consistent snapshot even while the server and the scraper write (WAL lets them go on meanwhile).
/// </summary>
public sealed class SqliteStoreBackup(StoreLocation store, TimeProvider clock) : IStoreBackup
{
    private const string MigrationsTable = "__EFMigrationsHistory";

    private string DatabasePath => SqliteStore.DatabasePath(store.ConnectionString)
        ?? throw new BackupRefusedException("The configured database is in memory: there is no file to back up or restore.");

    public async Task<BackupReport> BackupAsync(string target, bool force, CancellationToken cancellationToken)
    {
        var database = DatabasePath;
        target = Path.GetFullPath(target);
        if (!File.Exists(database))
        {
            throw new BackupRefusedException($"There is no database at {database} to back up.");
        }

        if (File.Exists(target) && !force)
        {
            throw new BackupRefusedException($"{target} already exists; add --force to replace it.");
        }

        if (string.Equals(target, database, StringComparison.Ordinal))
        {
            throw new BackupRefusedException($"{target} is the database itself; back up to another file.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        // Written beside the target and renamed at the end: a failed or interrupted backup never leaves a
        // half-written file under the target's name (nor replaces a good older one).
        var partial = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.partial");
        try
        {
            string integrity;
            string? migration;
            await using (var source = Open(database, SqliteOpenMode.ReadWrite))
            await using (var copy = Open(partial, SqliteOpenMode.ReadWriteCreate))
            {
                await source.OpenAsync(cancellationToken);
                await copy.OpenAsync(cancellationToken);
                source.BackupDatabase(copy);
                // The copy is one self-contained file (the source's WAL mode would otherwise give it a -wal beside).
                await ExecuteAsync(copy, "PRAGMA journal_mode=DELETE;", cancellationToken);
                integrity = await IntegrityAsync(copy, cancellationToken);
                migration = (await MigrationsAsync(copy, cancellationToken))?.LastOrDefault();
            }

            if (integrity != "ok")
            {
                throw new BackupRefusedException($"The copy of {database} fails SQLite's integrity check ({integrity}); nothing was written to {target}.");
            }

            File.Move(partial, target, overwrite: force);
            return new BackupReport(target, new FileInfo(target).Length, integrity, migration);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    public async Task<RestoreReport> RestoreAsync(string source, IReadOnlyCollection<string> knownMigrations, CancellationToken cancellationToken)
    {
        var database = DatabasePath;
        source = Path.GetFullPath(source);
        var migration = await CheckRestorableAsync(source, knownMigrations, cancellationToken);

        // Held until the restore is done, so a server cannot start on a half-restored file either.
        using var serving = SqliteInstanceLock.TryAcquire(database) ?? throw new BackupRefusedException(
            $"NewsDesk is running on {database}; stop it before restoring (restore replaces the whole database).");

        string? keptAt = null;
        if (File.Exists(database) && new FileInfo(database).Length > 0)
        {
            var stamp = clock.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
            keptAt = (await BackupAsync($"{database}.before-restore-{stamp}", force: false, cancellationToken)).Target;
        }

        await using (var from = Open(source, SqliteOpenMode.ReadOnly))
        await using (var into = Open(database, SqliteOpenMode.ReadWriteCreate))
        {
            await from.OpenAsync(cancellationToken);
            await into.OpenAsync(cancellationToken);
            // One write transaction on the destination: other readers see the old database or the new one, never a mix.
            from.BackupDatabase(into);
        }

        return new RestoreReport(source, database, migration, keptAt);
    }

    /// <summary>Refuses a file that is missing, not SQLite, damaged, not NewsDesk's, or from a newer schema; returns its last migration.</summary>
    private static async Task<string?> CheckRestorableAsync(string source, IReadOnlyCollection<string> knownMigrations, CancellationToken cancellationToken)
    {
        try
        {
            return await CheckRestorableCoreAsync(source, knownMigrations, cancellationToken);
        }
        catch (SqliteException e)
        {
            // A damaged page can fail the reading itself before integrity_check reports it.
            throw new BackupRefusedException($"{source} is damaged ({e.Message.TrimEnd('.')}); it was not restored.");
        }
    }

    private static async Task<string?> CheckRestorableCoreAsync(string source, IReadOnlyCollection<string> knownMigrations, CancellationToken cancellationToken)
    {
        if (!File.Exists(source))
        {
            throw new BackupRefusedException($"{source} does not exist.");
        }

        if (!SqliteStore.HasSqliteHeader(source))
        {
            throw new BackupRefusedException($"{source} is not a NewsDesk database: it is not a SQLite file.");
        }

        await using var connection = Open(source, SqliteOpenMode.ReadOnly);
        await connection.OpenAsync(cancellationToken);
        var integrity = await IntegrityAsync(connection, cancellationToken);
        if (integrity != "ok")
        {
            throw new BackupRefusedException($"{source} fails SQLite's integrity check ({integrity}); it was not restored.");
        }

        var applied = await MigrationsAsync(connection, cancellationToken);
        if (applied is null || !applied.Intersect(knownMigrations).Any() || !await HasTableAsync(connection, "Articles", cancellationToken))
        {
            throw new BackupRefusedException($"{source} is a SQLite file but not a NewsDesk database (no NewsDesk migration history).");
        }

        if (applied.Except(knownMigrations).ToList() is [var first, ..] unknown)
        {
            throw new BackupRefusedException(
                $"{source} is from a newer NewsDesk: its schema has migration(s) this version does not know ({string.Join(", ", unknown)}, first {first}). " +
                "Restore it with that NewsDesk version or a later one.");
        }

        return applied.LastOrDefault();
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode) => new(new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = mode,
        // Not pooled: the file is renamed or replaced right after, and a pooled handle would keep it open.
        Pooling = false,
        DefaultTimeout = 30,
    }.ToString());

    private static async Task<string> IntegrityAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join("; ", lines);
    }

    /// <summary>The applied migrations in order, or null when the file has no EF migration history.</summary>
    private static async Task<List<string>?> MigrationsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        if (!await HasTableAsync(connection, MigrationsTable, cancellationToken))
        {
            return null;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT MigrationId FROM \"{MigrationsTable}\" ORDER BY MigrationId;";
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private static async Task<bool> HasTableAsync(SqliteConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name;";
        command.Parameters.AddWithValue("$name", table);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
