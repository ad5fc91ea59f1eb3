namespace NewsDesk.Web.Data.Sqlite;

/// <summary>
/// One serving NewsDesk per database file. SQLite itself would let two servers share the file (both scraping the
/// same sources, each caching pages the other changes), so the server holds an exclusive lock on
/// <c>newsdesk.db.lock</c> while it runs. The operating system drops the lock when the process ends, however it ends,
/// so a crash never leaves a stale lock behind. Verbs (a cron job's scrape, a backup) do not take it.
/// </summary>
public sealed class SqliteInstanceLock : IDisposable
{
    private readonly FileStream _file;

    private SqliteInstanceLock(FileStream file) => _file = file;

    public static string LockPath(string databasePath) => databasePath + ".lock";

    /// <summary>Takes the lock, or returns null when another process (or another host in this one) holds it.</summary>
    public static SqliteInstanceLock? TryAcquire(string databasePath)
    {
        try
        {
            // FileShare.None is an exclusive flock() on Unix and an exclusive open on Windows.
            var file = new FileStream(LockPath(databasePath), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return new SqliteInstanceLock(file);
        }
        catch (IOException) when (File.Exists(LockPath(databasePath)))
        {
            return null;
        }
    }

    /// <summary>Whether a serving NewsDesk holds the database now.</summary>
    public static bool IsHeld(string databasePath)
    {
        using var probe = TryAcquire(databasePath);
        return probe is null;
    }

    public void Dispose() => _file.Dispose();
}
