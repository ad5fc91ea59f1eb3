using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data.TextSearch;
using Npgsql;

namespace NewsDesk.Web.Data.Postgres;

/// <summary>The server engine: one PostgreSQL database shared by several app instances and scrapers.</summary>
public sealed class PostgresStoreEngine : StoreEngine
{
    public override DatabaseEngine Kind => DatabaseEngine.PostgreSQL;

    public override string Describe(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return $"PostgreSQL database '{builder.Database}' on {builder.Host}:{builder.Port}";
        }
        catch (ArgumentException)
        {
            return "PostgreSQL database (ConnectionStrings:NewsDesk cannot be read)";
        }
    }

    /// <summary>
    /// The connection string read, or the one start-up line saying how to write one: every part that reads it
    /// (the start-up checks, the change signal the first DbContext asks for) fails the same way, whichever is first.
    /// </summary>
    internal static NpgsqlConnectionStringBuilder Parse(string connectionString)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new StoreProblemException($"ConnectionStrings:NewsDesk is not a PostgreSQL connection string ({ex.Message.TrimEnd('.')}); write it as Host=...;Database=...;Username=...;Password=...", ex);
        }
    }

    // NewsDesk:DatabaseSizeLimitMegabytes is SQLite's: a PostgreSQL server keeps its room with its own disk and quotas.
    public override void Configure(DbContextOptionsBuilder options, string connectionString, NewsDeskOptions settings) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery));

    public override DbContextOptions CreateOptions(string connectionString, NewsDeskOptions settings, Action<DbContextOptionsBuilder>? more = null) =>
        OptionsFor<PostgresNewsDeskDbContext>(connectionString, settings, more);

    public override NewsDeskDbContext CreateContext(DbContextOptions options) => new PostgresNewsDeskDbContext(Typed<PostgresNewsDeskDbContext>(options));

    internal override IDbContextFactory<NewsDeskDbContext> CreatePool(DbContextOptions options) => PoolOf<PostgresNewsDeskDbContext>(options);

    public override async Task EnsureUsableAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = Parse(connectionString);

        try
        {
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            // The server answers but the database does not exist yet: migrating creates it.
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or ArgumentException)
        {
            throw new StoreProblemException($"cannot open the {Describe(connectionString)} ({ex.Message.TrimEnd('.')}); check ConnectionStrings:NewsDesk and that the server runs", ex);
        }
    }

    public override IExternalChangeSignal? CreateChangeSignal(string connectionString) => new PostgresChangeSignal(connectionString);

    public override IArticleTextSearch CreateTextSearch(NewsDeskDbContext db) => new PostgresArticleTextSearch(db);

    public override Task<CopyReport> CopyIntoAsync(NewsDeskDbContext source, string targetConnectionString, TextWriter progress, CancellationToken cancellationToken) =>
        new PostgresCopy(source).CopyAsync(targetConnectionString, progress, cancellationToken);

    public override bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    // 53100 disk_full; 53400 configuration_limit_exceeded (temp_file_limit). The statement was rolled back.
    public override bool IsStorageFull(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.DiskFull or PostgresErrorCodes.ConfigurationLimitExceeded };

    // Npgsql's own judgement: a connection that failed or broke (socket errors, 08xxx), a server shutting down or
    // starting (57P01-57P03), too many connections (53300); also serialization failures and deadlocks (40001, 40P01),
    // which the same answer fits: nothing was kept, send it again.
    public override bool IsUnreachable(Exception exception) => exception is NpgsqlException { IsTransient: true };

    // SKIP LOCKED: an instance whose poll meets rows another is claiming takes the next ones instead of waiting.
    // NULLS FIRST keeps SQLite's order (a never-fetched source first).
    public override async Task<IReadOnlyList<ClaimedSource>> ClaimDueSourcesAsync(
        NewsDeskDbContext db, string owner, DateTime now, DateTime until, int limit, CancellationToken cancellationToken)
    {
        // The columns hold UTC without a zone (UtcWallClockConverter). A raw DateTime parameter would be typed by EF's
        // default mapping (timestamptz), which Npgsql refuses for a zone-less value: the parameters say their type.
        var nowParameter = WallClock("now", now);
        var untilParameter = WallClock("until", until);
        return await db.Database.SqlQuery<ClaimedSource>($$"""
            UPDATE "Sources" AS s SET "LeaseOwner" = {{owner}}, "LeaseUntil" = {{untilParameter}}
            FROM (SELECT "Id" FROM "Sources"
                  WHERE ("FetchRequestedAt" IS NOT NULL OR ("Enabled" AND ("NextFetchAt" IS NULL OR "NextFetchAt" <= {{nowParameter}})))
                    AND ("LeaseUntil" IS NULL OR "LeaseUntil" < {{nowParameter}})
                  ORDER BY "FetchRequestedAt" IS NULL, "NextFetchAt" NULLS FIRST
                  LIMIT {{limit}}
                  FOR UPDATE SKIP LOCKED) AS due
            WHERE s."Id" = due."Id"
            RETURNING s."Id", s."Name"
            """).ToListAsync(cancellationToken);
    }

    private static NpgsqlParameter WallClock(string name, DateTime utc) =>
        new(name, NpgsqlTypes.NpgsqlDbType.Timestamp) { Value = DateTime.SpecifyKind(utc, DateTimeKind.Unspecified) };

    public override IStoreBackup CreateBackup(StoreLocation store, TimeProvider clock) => new PostgresStoreBackup(Describe(store.ConnectionString));
}
