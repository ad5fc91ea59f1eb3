using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace NewsDesk.Web.Data.Sqlite;

/// <summary>
/// Everything that is SQLite-only lives here (file checks, pragmas), so moving to PostgreSQL means
/// replacing this seam, not editing pages.
/// </summary>
public static class SqliteStore
{
    private static readonly byte[] _header = "SQLite format 3\0"u8.ToArray();

    /// <summary>The database file a connection string points to, or null for in-memory databases.</summary>
    public static string? DatabasePath(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return string.IsNullOrWhiteSpace(dataSource) || dataSource == ":memory:" ? null : Path.GetFullPath(dataSource);
    }

    /// <summary>
    /// Creates the database's folder when missing and refuses a file that is not SQLite, naming it,
    /// so a mistyped path never gets overwritten by migrations.
    /// </summary>
    public static void EnsureUsableFile(string connectionString)
    {
        var path = DatabasePath(connectionString);
        if (path is null)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (!File.Exists(path))
        {
            return;
        }

        if (new FileInfo(path).Length > 0 && !HasSqliteHeader(path))
        {
            throw new InvalidOperationException(
                $"The database file '{path}' exists but is not a SQLite database. NewsDesk will not touch it: " +
                "point ConnectionStrings:NewsDesk at another file or move this one away.");
        }
    }

    /// <summary>Whether the file starts with SQLite's 16-byte header.</summary>
    public static bool HasSqliteHeader(string path)
    {
        using var file = File.OpenRead(path);
        var buffer = new byte[_header.Length];
        var read = file.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return read == _header.Length && buffer.AsSpan().SequenceEqual(_header);
    }

    /// <summary>Write-ahead logging lets readers go on while the scraper writes; it persists in the file.</summary>
    public static async Task EnableWriteAheadLogAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}

/// <summary>
/// Per-connection pragmas: enforce foreign keys, wait for a busy writer instead of failing, and hold the file under
/// <see cref="NewsDeskOptions.DatabaseSizeLimitMegabytes"/> (SQLite then fails a write with SQLITE_FULL, as on a full disk).
/// </summary>
public sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    private static readonly ConcurrentDictionary<double, SqlitePragmaInterceptor> _limited = new();
    private static readonly SqlitePragmaInterceptor _unlimited = new(null);
    private readonly double? _limitMegabytes;

    private SqlitePragmaInterceptor(double? limitMegabytes) => _limitMegabytes = limitMegabytes;

    /// <summary>One interceptor per limit, shared by every context, so EF sees the same options each time.</summary>
    public static SqlitePragmaInterceptor For(double? limitMegabytes) =>
        limitMegabytes is { } limit ? _limited.GetOrAdd(limit, l => new SqlitePragmaInterceptor(l)) : _unlimited;

    private const string Pragmas = "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000; PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        if (_limitMegabytes is { } limit)
        {
            command.CommandText = "PRAGMA page_size";
            var pageSize = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
            command.CommandText = $"PRAGMA max_page_count={MaxPages(limit, pageSize)}";
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        if (_limitMegabytes is { } limit)
        {
            command.CommandText = "PRAGMA page_size";
            var pageSize = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            command.CommandText = $"PRAGMA max_page_count={MaxPages(limit, pageSize)}";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    // SQLite never lowers the limit below the pages the file already has: a limit under the current size means
    // "no more growth", which is what a full disk is.
    private static long MaxPages(double megabytes, long pageSize) => Math.Max(1, (long)(megabytes * 1024 * 1024 / pageSize));
}
