using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsDesk.Web.Data.Auditing;

namespace NewsDesk.Web.Data;

/// <summary>
/// The app's pool of <see cref="NewsDeskDbContext"/>s, one per process, over EF's <see cref="PooledDbContextFactory{TContext}"/>
/// of the engine's context type: a request rents a context instead of building one (its options, its services and
/// model lookups), which is most of what a cached page costs. EF resets the change tracker and the connection on
/// return; what is ours (the actor, the clock, the version, a save's pending change) is set on every rent by
/// <see cref="StoreContextLease"/> and cleared before the context goes back (ADR 1900).
/// </summary>
public sealed class StoreContextPool
{
    private readonly IDbContextFactory<NewsDeskDbContext> _pool;

    public StoreContextPool(StoreEngine engine, StoreLocation store, IOptions<NewsDeskOptions> settings, ILoggerFactory logging)
    {
        Engine = engine;
        // EF's own log goes to the app's (Serilog): its warnings, and its command log when the level of
        // Microsoft.EntityFrameworkCore.Database.Command is raised (bench/scale/queries.sh). Options built here, outside
        // AddDbContext, would otherwise log to nothing at all.
        Options = engine.CreateOptions(store.ConnectionString, settings.Value, options => options.UseLoggerFactory(logging));
        _pool = engine.CreatePool(Options);
    }

    public StoreEngine Engine { get; }

    /// <summary>The options every pooled context shares (typed for the engine's context), for contexts of one's own with more on top (tests).</summary>
    public DbContextOptions Options { get; }

    /// <summary>A context from the pool acting for <paramref name="use"/>, until its lease returns it.</summary>
    internal NewsDeskDbContext Rent(StoreContextUse use)
    {
        var db = _pool.CreateDbContext();
        db.UseFor(use);
        db.Rented();
        return db;
    }
}

/// <summary>
/// One scope's context: rented from <see cref="StoreContextPool"/> the first time the scope asks for a
/// <see cref="NewsDeskDbContext"/>, returned when the scope ends. The scoped <see cref="NewsDeskDbContext"/> that pages,
/// the API, the scraper and the verbs inject is this lease's <see cref="Context"/>.
/// </summary>
public sealed class StoreContextLease(StoreContextPool pool, CurrentActor actor, TimeProvider clock, StoreVersion version) : IDisposable, IAsyncDisposable
{
    private NewsDeskDbContext? _context;
    private bool _ended;

    public NewsDeskDbContext Context
    {
        get
        {
            ObjectDisposedException.ThrowIf(_ended, this);
            return _context ??= pool.Rent(new StoreContextUse(actor, clock, version));
        }
    }

    public void Dispose()
    {
        _ended = true;
        var context = Interlocked.Exchange(ref _context, null);
        context?.ReturnToPool();
    }

    public async ValueTask DisposeAsync()
    {
        _ended = true;
        if (Interlocked.Exchange(ref _context, null) is { } context)
        {
            await context.ReturnToPoolAsync();
        }
    }
}
