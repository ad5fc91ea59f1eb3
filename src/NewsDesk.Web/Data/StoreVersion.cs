using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NewsDesk.Web.Data.Auditing;
using NewsDesk.Web.Data.Records;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Data;

/// <summary>
/// A number that changes whenever the store changes: the key under which read-mostly pages and aggregates are
/// cached, so a cached answer never outlives a change. Writes made through the app bump it at once (every write
/// goes through SaveChanges: the audit trail needs that too); writes by another process on the same store (a
/// <c>scrape --once</c> from cron) are seen through <see cref="IExternalChangeSignal"/>.
/// </summary>
public sealed class StoreVersion(IExternalChangeSignal? external = null)
{
    private long _local;
    private long _bookkeeping;

    /// <summary>The app's own writes plus the other processes' (both only grow, so the sum changes when either does).</summary>
    public long Current => Interlocked.Read(ref _local) + (external?.Changes ?? 0);

    /// <summary>
    /// <see cref="Current"/> plus bookkeeping-only saves (a fetch's log, a token's last use): for the few things
    /// that show bookkeeping, like the dashboard's sources needing attention.
    /// </summary>
    public long IncludingBookkeeping => Current + Interlocked.Read(ref _bookkeeping);

    /// <summary>Other processes' writes alone, as far as the store lets us see them: readers that learn of this process's changes otherwise (<see cref="ActorNames"/>) check the store only when this moves.</summary>
    public long External => external?.Changes ?? 0;

    /// <summary>The actors whose names or aliases this process's commits changed, for the in-memory name indexes.</summary>
    public ActorNameChanges ActorNames { get; } = new();

    public void Bump() => Interlocked.Increment(ref _local);

    public void BumpBookkeeping() => Interlocked.Increment(ref _bookkeeping);

    /// <summary>This process has just committed a write: it is not another process's change.</summary>
    public void OwnWriteCommitted() => external?.Acknowledge();
}

/// <summary>Counts changes made to the store by other processes, as far as the store lets us see them.</summary>
public interface IExternalChangeSignal
{
    long Changes { get; }

    /// <summary>
    /// Takes the store's present state as seen, after a write of our own: a save that starts no new version
    /// (bookkeeping) must not come back as someone else's change a second later.
    /// </summary>
    void Acknowledge();
}

/// <summary>
/// Bumps <see cref="StoreVersion"/> around every save that changes what pages show: before it, and once more after
/// the commit, because a reader between the first bump and the commit could cache the old state under the new
/// number. Bookkeeping-only saves (when a source was last fetched and the fetch log, when a token was last used, a
/// user's failed-login count) start no new version: the scraper makes one after every fetch, and they would retire
/// every cached page every few seconds. They bump <see cref="StoreVersion.IncludingBookkeeping"/> instead, which
/// keys the one panel that shows them (the dashboard's sources needing attention).
/// </summary>
public sealed class StoreVersionInterceptor(StoreVersion version) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    // Every commit of ours (the audit log's own transaction ends after SavedChanges) is acknowledged to the
    // external signal, so our own writes never come back as another process's change.
    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        version.OwnWriteCommitted();
        NamesCommitted(eventData.Context);
    }

    Task IDbTransactionInterceptor.TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        version.OwnWriteCommitted();
        NamesCommitted(eventData.Context);
        return Task.CompletedTask;
    }

    void IDbTransactionInterceptor.TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => NamesRolledBack(eventData.Context);

    Task IDbTransactionInterceptor.TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        NamesRolledBack(eventData.Context);
        return Task.CompletedTask;
    }

    // The actor names a context's saves changed, told to StoreVersion.ActorNames once they are committed: at the end of
    // the save, or of the caller's transaction when there is one (a merge). Telling too much is harmless (the indexes
    // read those actors again); telling before the commit is not (they would read the old names).
    private readonly ConditionalWeakTable<DbContext, List<ActorNameChanges.Pending>> _names = [];

    private void NamesCommitted(DbContext? context)
    {
        if (context is not null && _names.TryGetValue(context, out var pending))
        {
            _names.Remove(context);
            version.ActorNames.Committed([.. pending.SelectMany(p => p.ActorIds()).Distinct()]);
        }
    }

    private void NamesRolledBack(DbContext? context)
    {
        if (context is not null)
        {
            _names.Remove(context);
        }
    }

    private readonly ConditionalWeakTable<DbContext, object> _saving = [];
    private readonly ConditionalWeakTable<DbContext, object> _bookkeeping = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Settle(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Settle(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Settle(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Settle(eventData.Context);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        // One pass over the tracked entries (Entries() detects changes once; HasChanges() first would do it twice).
        var changed = context?.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        if (context is null || changed is not { Count: > 0 })
        {
            return;
        }

        if (ActorNameChanges.Of(changed) is { } names)
        {
            _names.GetOrCreateValue(context).Add(names);
        }

        if (changed.Exists(e => !IsBookkeeping(e)))
        {
            _saving.AddOrUpdate(context, context);
            version.Bump();
        }
        else
        {
            _bookkeeping.AddOrUpdate(context, context);
            version.BumpBookkeeping();
        }
    }

    private void Settle(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var content = _saving.Remove(context);
        var bookkeeping = _bookkeeping.Remove(context);
        if (content)
        {
            version.Bump();
        }

        if (bookkeeping)
        {
            version.BumpBookkeeping();
        }

        if (content || bookkeeping)
        {
            version.OwnWriteCommitted();
        }

        if (context.Database.CurrentTransaction is null)
        {
            NamesCommitted(context);
        }
    }

    /// <summary>A fetch-log row, or an edit of only the fields the audit log also counts as bookkeeping.</summary>
    private static bool IsBookkeeping(EntityEntry entry) =>
        entry.Entity is SourceFetch
        || (entry.State == EntityState.Modified && AuditedTypes.Describe(entry) is { } type
            && entry.Properties.Where(p => p.IsModified).All(p => type.IsOperational(p.Metadata.Name)));
}
