using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data.TextSearch;

namespace NewsDesk.Web.Data;

/// <summary>
/// Everything that differs between the database engines, in one seam: how the DbContext connects, what must hold
/// before and after migrations, how another process's writes are noticed, and how the engine reports a unique-key
/// violation. The implementations live in <c>Data/Sqlite</c> and <c>Data/Postgres</c>; no other folder names an
/// engine (an architecture test keeps it so).
/// </summary>
public abstract class StoreEngine
{
    public abstract DatabaseEngine Kind { get; }

    /// <summary>Where the store is, for log lines and errors (a file path, or host and database; never a password).</summary>
    public abstract string Describe(string connectionString);

    /// <summary>Points the DbContext at the store.</summary>
    public abstract void Configure(DbContextOptionsBuilder options, string connectionString);

    /// <summary>The DbContext whose migrations fit this engine (each engine keeps its own migrations).</summary>
    public abstract NewsDeskDbContext CreateContext(DbContextOptions<NewsDeskDbContext> options, IServiceProvider services);

    /// <summary>Checks before migrating that the store is one NewsDesk may touch; throws with one clear sentence if not.</summary>
    public virtual Task EnsureUsableAsync(string connectionString, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Settings that persist in the store (SQLite's write-ahead log), applied after migrating.</summary>
    public virtual Task AfterMigrateAsync(NewsDeskDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A way to learn of commits by other processes on the same store, or null if there is none.</summary>
    public abstract IExternalChangeSignal? CreateChangeSignal(string connectionString);

    /// <summary>The engine's full-text search over articles.</summary>
    public abstract IArticleTextSearch CreateTextSearch(NewsDeskDbContext db);

    /// <summary>True when a save failed because a unique index already holds the value (two writers raced).</summary>
    public abstract bool IsUniqueViolation(DbUpdateException exception);
}

/// <summary>The one place outside the engines' folders that names them: picks the engine the configuration asks for.</summary>
public static class StoreEngines
{
    public static StoreEngine For(DatabaseEngine kind) => kind switch
    {
        DatabaseEngine.PostgreSQL => new Postgres.PostgresStoreEngine(),
        _ => new Sqlite.SqliteStoreEngine(),
    };
}
