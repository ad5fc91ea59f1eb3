using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using NewsDesk.Web.Data.Auditing;
using NewsDesk.Web.Data.Records;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Data;

/// <summary>
/// A number that changes whenever the store changes: the key under which read-mostly pages and aggregates are
/// cached, so a cached answer never outlives a change. Writes made through the app bump it at once (every write
/// goes through SaveChanges: the audit trail needs that too), after the commit; writes by another process on the same store (a
/// <c>scrape --once</c> from cron) are seen through <see cref="IExternalChangeSignal"/>.
/// </summary>
public sealed class StoreVersion(IExternalChangeSignal? external = null) : IDisposable
{
    private long _local;
    private long _bookkeeping;

    /// <summary>The app's own writes plus the other processes' (both only grow, so the sum changes when either does).</summary>
    public long Current => Interlocked.Read(ref _local) + (external?.Changes ?? 0);

    /// <summary>
    /// <see cref="Current"/> plus bookkeeping-only saves (a fetch's log, a token's last use): for the few things
    /// that show bookkeeping, like the dashboard's sources needing attention.
    /// </summary>
    public long IncludingBookkeeping => Current + Interlocked.Read(ref _bookkeeping) + (external?.BookkeepingChanges ?? 0);

    /// <summary>
    /// This process has committed a write. Called only after the commit (never before it: a reader between a bump
    /// and the commit would cache the old state under the new number) by <see cref="NewsDeskDbContext"/>'s save
    /// pipeline, the one place that tells readers the store changed.
    /// </summary>
    public void Committed(StoreChange change)
    {
        if (change.HasFlag(StoreChange.Content))
        {
            Interlocked.Increment(ref _local);
        }
        else if (change.HasFlag(StoreChange.Bookkeeping))
        {
            Interlocked.Increment(ref _bookkeeping);
        }

        // Our own commit is not another process's change; other instances learn of it.
        external?.Acknowledge();
        if (change != StoreChange.None)
        {
            external?.Announce(change);
        }
    }

    /// <summary>Other processes' writes alone, as far as the store lets us see them: readers that learn of this process's changes otherwise (<see cref="ActorNames"/>) check the store only when this moves.</summary>
    public long External => external?.Changes ?? 0;

    /// <summary>The actors whose names or aliases this process's commits changed, for the in-memory name indexes.</summary>
    public Records.ActorNameChanges ActorNames { get; } = new();

    public void Dispose() => (external as IDisposable)?.Dispose();
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

    /// <summary>Bookkeeping-only changes by others, where the store can tell them apart (0 otherwise).</summary>
    long BookkeepingChanges => 0;

    /// <summary>Tells the others of a commit of ours, where they cannot see it themselves (a server's other clients).</summary>
    void Announce(StoreChange change)
    {
    }
}

/// <summary>What a save changes, as far as cached pages care.</summary>
[Flags]
public enum StoreChange
{
    None = 0,

    /// <summary>
    /// Only bookkeeping (when a source was last fetched and the fetch log, when a token was last used, a user's
    /// failed-login count): the scraper makes one after every fetch, and a new version for each would retire every
    /// cached page every few seconds. It bumps <see cref="StoreVersion.IncludingBookkeeping"/> instead, which keys
    /// the one panel that shows it (the dashboard's sources needing attention).
    /// </summary>
    Bookkeeping = 1,

    /// <summary>Something pages show: a new <see cref="StoreVersion.Current"/>.</summary>
    Content = 2,
}

/// <summary>Classifies the change tracker's pending changes before a save.</summary>
public static class StoreChanges
{
    public static StoreChange Of(ChangeTracker tracker)
    {
        // One pass over the tracked entries (Entries() detects changes once; HasChanges() first would do it twice).
        var change = StoreChange.None;
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            if (!IsBookkeeping(entry))
            {
                return StoreChange.Content;
            }

            change = StoreChange.Bookkeeping;
        }

        return change;
    }

    /// <summary>A fetch-log row, or an edit of only the fields the audit log also counts as bookkeeping.</summary>
    private static bool IsBookkeeping(EntityEntry entry) =>
        entry.Entity is SourceFetch
        || (entry.State == EntityState.Modified && AuditedTypes.Describe(entry) is { } type
            && entry.Properties.Where(p => p.IsModified).All(p => type.IsOperational(p.Metadata.Name)));
}
