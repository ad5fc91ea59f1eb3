using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Suggestions.Matching;

namespace NewsDesk.Web.Suggestions;

/// <summary>
/// Keeps the <see cref="AliasIndex"/> in step with the knowledge base. When this process's save pipeline reports
/// changed actor names (<see cref="StoreVersion.ActorNames"/>), another process wrote (<see cref="StoreVersion.External"/>),
/// or, at the latest, <see cref="VersionedCache.MaxAge"/> after a write, a few aggregate queries tell whether actors
/// or aliases changed; only then are the names read again, and only the actors whose names differ go into the index's
/// small automaton of changes (a full rebuild happens on first use and once many actors have changed). Other saves
/// (a tag, an article) cost nothing. One per process.
/// </summary>
public sealed class AliasCatalog(StoreVersion storeVersion, ILogger<AliasCatalog> logger, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private AliasIndex? _index;
    private Signature? _signature;
    private Seen? _seen;

    /// <summary>How many times the names were read and the index changed (full builds and incremental updates).</summary>
    public int Rebuilds { get; private set; }

    /// <summary>How many times the store was asked whether actors or aliases changed.</summary>
    public int StoreChecks { get; private set; }

    public async Task<AliasIndex> CurrentAsync(NewsDeskDbContext db, CancellationToken cancellationToken)
    {
        // Read before looking at the tables: a change committed meanwhile moves them again, so it is looked at next time.
        var now = new Seen(storeVersion.ActorNames.Sequence, storeVersion.External, storeVersion.Current, clock.GetUtcNow());
        if (_index is { } ready && Volatile.Read(ref _seen) is { } seen && seen.Covers(now))
        {
            return ready;
        }

        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (_index is { } current && _seen is { } other && other.Covers(now))
            {
                return current;
            }

            var signature = await SignatureAsync(db, cancellationToken);
            StoreChecks++;
            if (_index is null || signature != _signature)
            {
                var names = await NamesAsync(db, cancellationToken);
                _index = _index is null ? AliasIndex.Build(names.SelectMany(n => n.Value)) : _index.WithActors(Changed(_index, names));
                _signature = signature;
                Rebuilds++;
                logger.LogInformation("Suggestion names updated: {Actors} actors, {Changed} in the automaton of changes, {Weak} short or common names left out",
                    _index.ActorCount, _index.ChangedActorCount, _index.WeakAliasCount);
            }

            Volatile.Write(ref _seen, now);
            return _index;
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();

    private static Dictionary<int, IReadOnlyList<AliasEntry>> Changed(AliasIndex index, Dictionary<int, IReadOnlyList<AliasEntry>> names)
    {
        var changed = new Dictionary<int, IReadOnlyList<AliasEntry>>();
        foreach (var (actorId, entries) in names)
        {
            if (!index.NamesByActor.TryGetValue(actorId, out var old) || !old.SequenceEqual(entries))
            {
                changed[actorId] = entries;
            }
        }

        foreach (var actorId in index.NamesByActor.Keys.Where(id => !names.ContainsKey(id)))
        {
            changed[actorId] = [];
        }

        return changed;
    }

    private static async Task<Dictionary<int, IReadOnlyList<AliasEntry>>> NamesAsync(NewsDeskDbContext db, CancellationToken cancellationToken)
    {
        var actors = await db.Actors.AsNoTracking().Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken);
        var aliases = await db.ActorAliases.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.ActorId, a.Name, a.CaseSensitive }).ToListAsync(cancellationToken);
        var aliasesByActor = aliases.ToLookup(a => a.ActorId);
        return actors.ToDictionary(a => a.Id, a => (IReadOnlyList<AliasEntry>)
        [
            new AliasEntry(a.Id, a.Name, a.Name),
            .. aliasesByActor[a.Id].Select(x => new AliasEntry(a.Id, a.Name, x.Name, x.CaseSensitive)),
        ]);
    }

    // Cheap to ask after every write: a rename bumps UpdatedAt, an added or removed alias moves the count or ids.
    private static async Task<Signature> SignatureAsync(NewsDeskDbContext db, CancellationToken cancellationToken) => new(
        await db.Actors.CountAsync(cancellationToken),
        await db.Actors.MaxAsync(a => (DateTime?)a.UpdatedAt, cancellationToken),
        await db.ActorAliases.CountAsync(cancellationToken),
        await db.ActorAliases.MaxAsync(a => (int?)a.Id, cancellationToken),
        await db.ActorAliases.SumAsync(a => (long)a.Id, cancellationToken),
        await db.ActorAliases.CountAsync(a => a.CaseSensitive, cancellationToken));

    /// <summary>When the store was last asked: the names journal, other processes' writes, the store version and the time.</summary>
    private sealed record Seen(long Names, long External, long Version, DateTimeOffset At)
    {
        // An unseen write of another process (one made in the instant of our own commit) shows after MaxAge at the latest.
        public bool Covers(Seen now) => Names == now.Names && External == now.External && (Version == now.Version || now.At - At <= VersionedCache.MaxAge);
    }

    private sealed record Signature(int Actors, DateTime? LastActorChange, int Aliases, int? LastAliasId, long AliasIdSum, int ExactAliases);
}
