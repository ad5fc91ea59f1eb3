using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data.Auditing;
using NewsDesk.Web.Data.TextSearch;

namespace NewsDesk.Web.Data.Sqlite;

/// <summary>The embedded engine: one SQLite file, write-ahead log, FTS5 search, other processes seen through the file.</summary>
public sealed class SqliteStoreEngine : StoreEngine
{
    private static readonly SqlitePragmaInterceptor _pragmas = new();

    public override DatabaseEngine Kind => DatabaseEngine.Sqlite;

    public override string Describe(string connectionString) => SqliteStore.DatabasePath(connectionString) ?? "(in memory)";

    public override void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString).AddInterceptors(_pragmas);

    public override NewsDeskDbContext CreateContext(DbContextOptions<NewsDeskDbContext> options, IServiceProvider services) => new(
        options, services.GetRequiredService<TimeProvider>(), services.GetService<CurrentActor>(), services.GetService<StoreVersion>());

    public override Task EnsureUsableAsync(string connectionString, CancellationToken cancellationToken)
    {
        SqliteStore.EnsureUsableFile(connectionString);
        return Task.CompletedTask;
    }

    public override Task AfterMigrateAsync(NewsDeskDbContext db, CancellationToken cancellationToken) =>
        SqliteStore.EnableWriteAheadLogAsync(db, cancellationToken);

    public override IExternalChangeSignal? CreateChangeSignal(string connectionString) =>
        SqliteStore.DatabasePath(connectionString) is { } path ? new SqliteFileChangeSignal(path, SqliteFileChangeSignal.DefaultCheckEvery) : null;

    public override IArticleTextSearch CreateTextSearch(NewsDeskDbContext db) => new SqliteArticleTextSearch(db);

    // SQLITE_CONSTRAINT_UNIQUE (2067) or _PRIMARYKEY (1555); plain 19 when extended codes are off.
    public override bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is SqliteException { SqliteErrorCode: 19 } sqlite
        && sqlite.SqliteExtendedErrorCode is 19 or 2067 or 1555;
}
