using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data.TextSearch;

namespace NewsDesk.Web.Data.Sqlite;

/// <summary>The embedded engine: one SQLite file, write-ahead log, FTS5 search, other processes seen through the file.</summary>
public sealed class SqliteStoreEngine : StoreEngine
{
    public override DatabaseEngine Kind => DatabaseEngine.Sqlite;

    public override string Describe(string connectionString) => SqliteStore.DatabasePath(connectionString) ?? "(in memory)";

    // Single queries on purpose: the record pages load a record with its few aliases, roles and affiliations,
    // where one round trip beats a split. Saying so keeps EF's "no QuerySplittingBehavior" warning out of a
    // normal start's log, which must stay quiet (issue 12).
    public override void Configure(DbContextOptionsBuilder options, string connectionString, NewsDeskOptions settings) =>
        options.UseSqlite(connectionString, sqlite => sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))
            .AddInterceptors(SqlitePragmaInterceptor.For(settings.DatabaseSizeLimitMegabytes));

    public override DbContextOptions CreateOptions(string connectionString, NewsDeskOptions settings, Action<DbContextOptionsBuilder>? more = null) =>
        OptionsFor<NewsDeskDbContext>(connectionString, settings, more);

    public override NewsDeskDbContext CreateContext(DbContextOptions options) => new(Typed<NewsDeskDbContext>(options));

    internal override IDbContextFactory<NewsDeskDbContext> CreatePool(DbContextOptions options) => PoolOf<NewsDeskDbContext>(options);

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

    // SQLITE_FULL: the disk, or max_page_count (NewsDesk:DatabaseSizeLimitMegabytes), left no room; SQLite rolled back.
    public override bool IsStorageFull(Exception exception) => exception is SqliteException { SqliteErrorCode: 13 };

    // A file on this machine has no connection to lose; a busy file is waited for (busy_timeout), not reported.
    public override bool IsUnreachable(Exception exception) => false;

    public override string? DatabaseFile(string connectionString) => SqliteStore.DatabasePath(connectionString);

    public override IDisposable? LockForServing(string connectionString) =>
        SqliteStore.DatabasePath(connectionString) is { } database
            ? SqliteInstanceLock.TryAcquire(database) ?? throw new StoreInUseException(database, SqliteInstanceLock.LockPath(database))
            : null;

    // One UPDATE takes SQLite's write lock for the whole statement: the rows it picks are claimed before any other
    // writer runs, which is what PostgreSQL's FOR UPDATE SKIP LOCKED gives there.
    public override async Task<IReadOnlyList<ClaimedSource>> ClaimDueSourcesAsync(
        NewsDeskDbContext db, string owner, DateTime now, DateTime until, int limit, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<ClaimedSource>($$"""
            UPDATE "Sources" SET "LeaseOwner" = {{owner}}, "LeaseUntil" = {{until}}
            WHERE "Id" IN (SELECT "Id" FROM "Sources"
                           WHERE ("FetchRequestedAt" IS NOT NULL OR ("Enabled" AND ("NextFetchAt" IS NULL OR "NextFetchAt" <= {{now}})))
                             AND ("LeaseUntil" IS NULL OR "LeaseUntil" < {{now}})
                           ORDER BY "FetchRequestedAt" IS NULL, "NextFetchAt"
                           LIMIT {{limit}})
            RETURNING "Id", "Name"
            """).ToListAsync(cancellationToken);

    public override IStoreBackup CreateBackup(StoreLocation store, TimeProvider clock) => new SqliteStoreBackup(store, clock);

    public override string? DescribeFailure(Exception exception) => exception switch
    {
        SqliteException { SqliteErrorCode: 13 } full =>
            $"NewsDesk cannot start: the disk is full ({full.Message.TrimEnd('.')}). Free some space on the data directory's disk and start again.",
        SqliteException { SqliteErrorCode: 5 or 6 } locked =>
            $"NewsDesk cannot start: the database is locked by another program ({locked.Message.TrimEnd('.')}). Close it and start again.",
        _ => null,
    };
}
