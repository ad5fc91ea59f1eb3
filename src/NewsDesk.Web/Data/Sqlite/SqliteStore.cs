using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

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

/// <summary>Per-connection pragmas: enforce foreign keys and wait for a busy writer instead of failing.</summary>
public sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000; PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
