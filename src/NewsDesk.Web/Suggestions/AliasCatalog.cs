using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Suggestions.Matching;

namespace NewsDesk.Web.Suggestions;

/// <summary>
/// Keeps the <see cref="AliasIndex"/> in step with the knowledge base. After any write (the store version moved) a
/// few aggregate queries tell whether actors or aliases changed; only then are the names read again, and only the
/// actors whose names differ go into the index's small automaton of changes (a full rebuild happens on first use
/// and once many actors have changed). One per process.
/// </summary>
public sealed class AliasCatalog(StoreVersion storeVersion, ILogger<AliasCatalog> logger) : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private AliasIndex? _index;
    private Signature? _signature;
    private long _checkedAtVersion = -1;

    /// <summary>How many times the names were read and the index changed (full builds and incremental updates).</summary>
    public int Rebuilds { get; private set; }

    public async Task<AliasIndex> CurrentAsync(NewsDeskDbContext db, CancellationToken cancellationToken)
    {
        var version = storeVersion.Current;
        if (_index is { } ready && Volatile.Read(ref _checkedAtVersion) == version)
        {
            return ready;
        }

        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (_index is { } current && _checkedAtVersion == version)
            {
                return current;
            }

            var signature = await SignatureAsync(db, cancellationToken);
            if (_index is null || signature != _signature)
            {
                var names = await NamesAsync(db, cancellationToken);
                _index = _index is null ? AliasIndex.Build(names.SelectMany(n => n.Value)) : _index.WithActors(Changed(_index, names));
                _signature = signature;
                Rebuilds++;
                logger.LogInformation("Suggestion names updated: {Actors} actors, {Changed} in the automaton of changes, {Weak} short or common names left out",
                    _index.ActorCount, _index.ChangedActorCount, _index.WeakAliasCount);
            }

            Volatile.Write(ref _checkedAtVersion, version);
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

    private sealed record Signature(int Actors, DateTime? LastActorChange, int Aliases, int? LastAliasId, long AliasIdSum, int ExactAliases);
}
