namespace NewsDesk.Web.Data;

/// <summary>
/// Copies the whole store to a file and back, consistent while the app serves and the scraper writes. The engine's
/// own mechanism does the copying (SQLite: its online backup API, <c>Data/Sqlite/SqliteStoreBackup.cs</c>).
/// </summary>
public interface IStoreBackup
{
    /// <summary>Writes a consistent copy to <paramref name="target"/> (through a temporary file, then a rename) and checks it.</summary>
    Task<BackupReport> BackupAsync(string target, bool force, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the store with <paramref name="source"/> after checking it is a sound NewsDesk database whose
    /// migrations this version knows; the store it replaces is kept beside it. Refused while a NewsDesk serves it.
    /// </summary>
    Task<RestoreReport> RestoreAsync(string source, IReadOnlyCollection<string> knownMigrations, CancellationToken cancellationToken);
}

/// <summary>A finished backup: where, how large, what the integrity check said, and its schema's last migration.</summary>
public sealed record BackupReport(string Target, long Bytes, string Integrity, string? LastMigration);

/// <summary>A finished restore: the file restored, its schema's last migration, and where the replaced store was kept.</summary>
public sealed record RestoreReport(string Source, string Database, string? LastMigration, string? PreviousKeptAt);

/// <summary>A backup or restore refused before anything was written; the message names the file and why.</summary>
public sealed class BackupRefusedException(string message) : Exception(message);
