using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
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

    /// <summary>Points the DbContext at the store, with the settings of <paramref name="settings"/> this engine applies.</summary>
    public abstract void Configure(DbContextOptionsBuilder options, string connectionString, NewsDeskOptions settings);

    /// <summary>
    /// The options of this engine's context type (<see cref="Configure"/> plus the save pipeline's
    /// <see cref="CommitHook"/>), which the pool shares; <paramref name="more"/> adds to them (a test's interceptor).
    /// </summary>
    public abstract DbContextOptions CreateOptions(string connectionString, NewsDeskOptions settings, Action<DbContextOptionsBuilder>? more = null);

    /// <summary>
    /// A context of this engine's type (each engine keeps its own migrations) outside the pool, on options from
    /// <see cref="CreateOptions"/>: it acts as the system until <see cref="NewsDeskDbContext.UseFor"/> says otherwise.
    /// </summary>
    public abstract NewsDeskDbContext CreateContext(DbContextOptions options);

    /// <summary>EF's pool of this engine's context type, on options from <see cref="CreateOptions"/> (<see cref="StoreContextPool"/>).</summary>
    internal abstract IDbContextFactory<NewsDeskDbContext> CreatePool(DbContextOptions options);

    /// <summary>Options typed for <typeparamref name="TContext"/>: EF's pool builds that type from them, and nothing else.</summary>
    protected DbContextOptions<TContext> OptionsFor<TContext>(string connectionString, NewsDeskOptions settings, Action<DbContextOptionsBuilder>? more)
        where TContext : NewsDeskDbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        Configure(builder, connectionString, settings);
        builder.AddInterceptors(CommitHook.Instance);
        more?.Invoke(builder);
        return builder.Options;
    }

    /// <summary>Options from <see cref="CreateOptions"/> seen as what they are; anything else is a caller's mistake worth a clear message.</summary>
    protected static DbContextOptions<TContext> Typed<TContext>(DbContextOptions options)
        where TContext : NewsDeskDbContext =>
        options as DbContextOptions<TContext>
        ?? throw new ArgumentException($"options for {options.ContextType.Name}, not {typeof(TContext).Name}: build them with {nameof(CreateOptions)} of the same engine", nameof(options));

    /// <summary>EF's pool of <typeparamref name="TContext"/>, handing contexts out as the type the app injects.</summary>
    protected static IDbContextFactory<NewsDeskDbContext> PoolOf<TContext>(DbContextOptions options)
        where TContext : NewsDeskDbContext => new Pool<TContext>(new PooledDbContextFactory<TContext>(Typed<TContext>(options)));

    private sealed class Pool<TContext>(PooledDbContextFactory<TContext> pool) : IDbContextFactory<NewsDeskDbContext>
        where TContext : NewsDeskDbContext
    {
        public NewsDeskDbContext CreateDbContext() => pool.CreateDbContext();
    }

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

    /// <summary>True when this engine's driver says a write found no room (a full disk or the size limit); it was rolled back.</summary>
    public abstract bool IsStorageFull(Exception exception);

    /// <summary>
    /// True when this engine's driver says the store could not be reached or was lost mid-request (a server down or
    /// restarting, a dropped connection): worth trying again shortly. An open transaction died with the connection.
    /// </summary>
    public abstract bool IsUnreachable(Exception exception);

    /// <summary>
    /// Claims up to <paramref name="limit"/> sources that are due (or asked for by "fetch now") and not claimed by
    /// another instance, in one atomic statement, so two instances polling at once never get the same source.
    /// </summary>
    public abstract Task<IReadOnlyList<ClaimedSource>> ClaimDueSourcesAsync(
        NewsDeskDbContext db, string owner, DateTime now, DateTime until, int limit, CancellationToken cancellationToken);

    /// <summary>The database file on this machine, or null when the store is a server's.</summary>
    public virtual string? DatabaseFile(string connectionString) => null;

    /// <summary>
    /// Held while this process serves the store: an engine that cannot be shared by two servers (SQLite) refuses a
    /// second one with a <see cref="StoreInUseException"/>; a server engine lets many instances share it (null).
    /// </summary>
    public virtual IDisposable? LockForServing(string connectionString) => null;

    /// <summary>The backup and restore of this engine's stores.</summary>
    public abstract IStoreBackup CreateBackup(StoreLocation store, TimeProvider clock);

    /// <summary>
    /// Copies the store <paramref name="source"/> reads into an empty database of this engine (<c>copy-db</c>), all
    /// or nothing; only a server engine takes copies.
    /// </summary>
    public virtual Task<CopyReport> CopyIntoAsync(NewsDeskDbContext source, string targetConnectionString, TextWriter progress, CancellationToken cancellationToken) =>
        throw new CopyRefusedException($"copy-db copies into PostgreSQL only, not into {Kind}");

    /// <summary>One line saying what went wrong and what to do, for failures of this engine's driver; null for others.</summary>
    public virtual string? DescribeFailure(Exception exception) => null;
}

/// <summary>
/// A store NewsDesk cannot use as configured (not a connection string of its engine, a server that does not answer,
/// a database from a newer NewsDesk): the message is the one line start-up prints.
/// </summary>
public sealed class StoreProblemException(string message, Exception? innerException = null) : Exception(message, innerException);

/// <summary>A source an instance has claimed to fetch (<see cref="StoreEngine.ClaimDueSourcesAsync"/>).</summary>
public sealed record ClaimedSource(int Id, string Name);

/// <summary>Another serving NewsDesk holds the store (<see cref="StoreEngine.LockForServing"/>).</summary>
public sealed class StoreInUseException(string database, string heldThrough)
    : Exception($"the database {database} is in use by another running NewsDesk (it holds {heldThrough})")
{
    public string Database { get; } = database;
}

/// <summary>The one place outside the engines' folders that names them: picks the engine the configuration asks for.</summary>
public static class StoreEngines
{
    private static readonly StoreEngine[] _all = [new Sqlite.SqliteStoreEngine(), new Postgres.PostgresStoreEngine()];

    public static StoreEngine For(DatabaseEngine kind) => _all.Single(e => e.Kind == kind);

    /// <summary>Whether any engine's driver reports a unique-key violation behind this failed save.</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) => _all.Any(e => e.IsUniqueViolation(exception));

    /// <summary>Whether any engine's driver reports no room for a write in this exception.</summary>
    public static bool IsStorageFull(Exception exception) => _all.Any(e => e.IsStorageFull(exception));

    public static bool IsUnreachable(Exception exception) => _all.Any(e => e.IsUnreachable(exception));

    /// <summary>The one-line explanation any engine gives for a failure of its driver, or null.</summary>
    public static string? DescribeFailure(Exception exception) => _all.Select(e => e.DescribeFailure(exception)).FirstOrDefault(d => d is not null);
}
