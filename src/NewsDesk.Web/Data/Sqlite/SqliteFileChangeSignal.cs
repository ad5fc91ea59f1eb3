namespace NewsDesk.Web.Data.Sqlite;

/// <summary>
/// Sees commits made by other processes to the same SQLite file: every commit in WAL mode appends to the -wal file
/// (or rewrites it from the start after a checkpoint, which changes the main file), so the two files' sizes and
/// modification times together change with every commit. Checked at most once per <c>checkEvery</c>, so a page
/// served from cache is at most that stale after another process writes; a stat of two files costs microseconds.
/// </summary>
public sealed class SqliteFileChangeSignal(string databasePath, TimeSpan checkEvery) : IExternalChangeSignal
{
    public static readonly TimeSpan DefaultCheckEvery = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private readonly long _checkEveryMs = (long)checkEvery.TotalMilliseconds;
    private long _changes;
    private Stamp _last = Read(databasePath);
    private long _checkedAt = Environment.TickCount64;

    public long Changes
    {
        get
        {
            var now = Environment.TickCount64;
            if (now - Volatile.Read(ref _checkedAt) >= _checkEveryMs)
            {
                Check(now);
            }

            return Interlocked.Read(ref _changes);
        }
    }

    public void Acknowledge()
    {
        lock (_lock)
        {
            // A write by another process in the moment between our commit and this line is taken as ours: it shows
            // with the next change or after VersionedCache.MaxAge at the latest.
            _last = Read(databasePath);
            Volatile.Write(ref _checkedAt, Environment.TickCount64);
        }
    }

    private void Check(long now)
    {
        lock (_lock)
        {
            var stamp = Read(databasePath);
            if (stamp != _last)
            {
                _last = stamp;
                Interlocked.Increment(ref _changes);
            }

            Volatile.Write(ref _checkedAt, now);
        }
    }

    private static Stamp Read(string path)
    {
        var main = new FileInfo(path);
        var wal = new FileInfo(path + "-wal");
        return new Stamp(
            main.Exists ? main.Length : -1, main.Exists ? main.LastWriteTimeUtc.Ticks : 0,
            wal.Exists ? wal.Length : -1, wal.Exists ? wal.LastWriteTimeUtc.Ticks : 0);
    }

    private readonly record struct Stamp(long MainLength, long MainWritten, long WalLength, long WalWritten);
}
