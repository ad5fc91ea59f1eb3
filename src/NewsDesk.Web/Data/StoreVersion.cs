using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

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

    /// <summary>The app's own writes plus the other processes' (both only grow, so the sum changes when either does).</summary>
    public long Current => Interlocked.Read(ref _local) + (external?.Changes ?? 0);

    public void Bump() => Interlocked.Increment(ref _local);
}

/// <summary>Counts changes made to the store by other processes, as far as the store lets us see them.</summary>
public interface IExternalChangeSignal
{
    long Changes { get; }
}

/// <summary>
/// Bumps <see cref="StoreVersion"/> around every save that changes something: before it, and once more after the
/// commit, because a reader between the first bump and the commit could cache the old state under the new number.
/// </summary>
public sealed class StoreVersionInterceptor(StoreVersion version) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _saving = [];

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
        if (context is not null && context.ChangeTracker.HasChanges())
        {
            _saving.AddOrUpdate(context, context);
            version.Bump();
        }
    }

    private void Settle(DbContext? context)
    {
        if (context is not null && _saving.Remove(context))
        {
            version.Bump();
        }
    }
}
