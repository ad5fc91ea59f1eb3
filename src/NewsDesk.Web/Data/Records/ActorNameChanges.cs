using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Data.Records;

/// <summary>
/// Which actors this process has changed the names or aliases of, in commit order: the save pipeline tells it after
/// each commit (<see cref="Committed"/>), and the in-memory name indexes (<see cref="ActorNameIndex"/>, the
/// suggestions' alias catalog) read only those actors again instead of asking the store after every save whether
/// anything changed. Keeps the last <see cref="Kept"/> commits; a reader further behind reads everything. Other
/// processes' writes are not here: readers see them through <see cref="StoreVersion.External"/>.
/// </summary>
public sealed class ActorNameChanges
{
    /// <summary>Commits remembered; a reader that has not looked for longer starts again from the store.</summary>
    public const int Kept = 1024;

    private readonly Lock _lock = new();
    private readonly Queue<(long Sequence, int[] ActorIds)> _recent = new();
    private long _sequence;

    /// <summary>The number of commits so far that changed a name or an alias (only grows).</summary>
    public long Sequence => Interlocked.Read(ref _sequence);

    /// <summary>Called after a commit, never before it: a reader in between would read the old names and take them as current.</summary>
    public void Committed(IReadOnlyCollection<int> actorIds)
    {
        if (actorIds.Count == 0)
        {
            return;
        }

        lock (_lock)
        {
            _recent.Enqueue((_sequence + 1, [.. actorIds]));
            if (_recent.Count > Kept)
            {
                _recent.Dequeue();
            }

            Interlocked.Increment(ref _sequence);
        }
    }

    /// <summary>
    /// The actors changed by the commits after <paramref name="sequence"/> up to <paramref name="now"/>, or null when
    /// some of those commits are no longer kept.
    /// </summary>
    public IReadOnlySet<int>? Since(long sequence, out long now)
    {
        lock (_lock)
        {
            now = _sequence;
            if (sequence >= now)
            {
                return new HashSet<int>();
            }

            if (_recent.Count == 0 || _recent.Peek().Sequence > sequence + 1)
            {
                return null;
            }

            return _recent.Where(c => c.Sequence > sequence).SelectMany(c => c.ActorIds).ToHashSet();
        }
    }

    /// <summary>
    /// The names and aliases a save is about to change, read from the change tracker before the save: the ids of
    /// added actors exist only after it, so they are read then (<see cref="Pending.ActorIds"/>).
    /// </summary>
    public static Pending? Of(IEnumerable<EntityEntry> changed)
    {
        List<Actor>? actors = null;
        List<ActorAlias>? aliases = null;
        List<int>? before = null;
        foreach (var entry in changed)
        {
            if (entry.Entity is Actor actor
                && (entry.State is EntityState.Added or EntityState.Deleted || entry.Property(nameof(Actor.Name)).IsModified))
            {
                (actors ??= []).Add(actor);
            }
            else if (entry.Entity is ActorAlias alias && entry.State is EntityState.Added or EntityState.Deleted or EntityState.Modified)
            {
                (aliases ??= []).Add(alias);
                if (entry.State != EntityState.Added)
                {
                    // An alias moved to another actor (a merge) leaves the first one too.
                    (before ??= []).Add((int)entry.Property(nameof(ActorAlias.ActorId)).OriginalValue!);
                }
            }
        }

        return actors is null && aliases is null ? null : new Pending(actors ?? [], aliases ?? [], before ?? []);
    }

    /// <summary>What one save changes, until it is committed.</summary>
    public sealed class Pending(List<Actor> actors, List<ActorAlias> aliases, List<int> before)
    {
        public IReadOnlyCollection<int> ActorIds() =>
            actors.Select(a => a.Id).Concat(aliases.Select(a => a.ActorId)).Concat(before).Where(id => id > 0).ToHashSet();
    }
}
