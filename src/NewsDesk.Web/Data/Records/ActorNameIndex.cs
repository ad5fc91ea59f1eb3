using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data.TextSearch;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Data.Records;

/// <summary>
/// Every actor's name and aliases, folded (<see cref="Fold"/>) and sorted by each word start, in memory: the type-ahead
/// finds "hez" at the start of a word of "Kataib Hezbollah" by binary search, where a <c>LIKE '%hez%'</c> over every
/// name and alias took over a second at 20,000 actors. Provider-neutral: it reads the actors with plain LINQ.
/// Kept up to date without asking the store after every save: the save pipeline tells <see cref="StoreVersion.ActorNames"/>
/// which actors' names a commit changed, and only those are read again and put in place (a copy of the sorted
/// entries, merged). Writes by another process are seen when <see cref="StoreVersion.External"/> moves, and at the
/// latest after <see cref="VersionedCache.MaxAge"/>: two aggregate queries (<see cref="Fingerprint"/>) tell whether
/// actors or aliases changed, and only then are every actor's version and alias ids compared to find which.
/// </summary>
public sealed class ActorNameIndex(StoreVersion storeVersion, TimeProvider? clock = null) : IDisposable
{
    /// <summary>Beyond this many changed actors the index is built again from the store rather than patched.</summary>
    public const int PatchAtMost = 2_000;

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private Snapshot? _snapshot;

    /// <summary>How many times the index was built from every actor (the first search, and after many changes).</summary>
    public int Builds { get; private set; }

    /// <summary>How many times some actors were read again and patched in.</summary>
    public int Patches { get; private set; }

    /// <summary>How many times the store was asked whether actors changed (after another process wrote, or at first).</summary>
    public int StoreChecks { get; private set; }

    /// <summary>
    /// The ids of the actors a query names, best first: the name exactly, an alias exactly, the name's start, an
    /// alias's start, then the start of a later word of the name or an alias; ties by folded name.
    /// </summary>
    public async Task<IReadOnlyList<int>> SearchAsync(NewsDeskDbContext db, string query, int limit, CancellationToken cancellationToken)
    {
        var key = Fold(query);
        if (key.Length == 0)
        {
            return [];
        }

        var snapshot = await CurrentAsync(db, cancellationToken);
        return snapshot.Search(key, limit);
    }

    public void Dispose() => _rebuild.Dispose();

    /// <summary>Lower case, without accents or Arabic diacritics and letter variants; apostrophes dropped, other punctuation a space.</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in TextFolding.Fold(text).Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format
                || c is '\'' or '\u2019' or '\u2018' or '\u02BC' or '\u02BF' or '`')
            {
                continue; // "Kata'ib" is "kataib"
            }

            if (char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                space = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                space = true;
            }
        }

        return builder.ToString();
    }

    private async Task<Snapshot> CurrentAsync(NewsDeskDbContext db, CancellationToken cancellationToken)
    {
        // Read before looking at the tables: a change committed meanwhile moves them again, so it is looked at next time.
        var names = storeVersion.ActorNames.Sequence;
        var external = storeVersion.External;
        if (_snapshot is { } fresh && fresh.NamesSeen == names && fresh.ExternalSeen == external && !fresh.Aged(_clock, storeVersion.Current))
        {
            return fresh;
        }

        await _rebuild.WaitAsync(cancellationToken);
        try
        {
            var known = _snapshot;
            var version = storeVersion.Current;
            if (known is null)
            {
                return _snapshot = await BuildAsync(db, names, external, version, cancellationToken);
            }

            var changed = storeVersion.ActorNames.Since(known.NamesSeen, out names)?.ToHashSet();
            if (changed is null)
            {
                return _snapshot = await BuildAsync(db, names, external, version, cancellationToken);
            }

            // Another process may have written (or this one a while ago, unseen): ask the store, and only when its
            // fingerprint differs, which actors differ.
            var askStore = known.ExternalSeen != external || known.Aged(_clock, version);
            var fingerprint = known.Fingerprint;
            if (askStore)
            {
                fingerprint = await FingerprintAsync(db, cancellationToken);
                StoreChecks++;
                if (fingerprint != known.Fingerprint)
                {
                    changed.UnionWith(await ChangedInStoreAsync(db, known, cancellationToken));
                }
            }

            if (changed.Count > PatchAtMost)
            {
                return _snapshot = await BuildAsync(db, names, external, version, cancellationToken);
            }

            var snapshot = changed.Count > 0 ? await PatchAsync(db, known, changed, cancellationToken) : known;
            return _snapshot = snapshot with
            {
                NamesSeen = names,
                ExternalSeen = external,
                // Patched without asking: the store's fingerprint is unknown now, so the next check compares versions.
                Fingerprint = askStore ? fingerprint : changed.Count > 0 ? null : known.Fingerprint,
                CheckedAt = askStore ? _clock.GetUtcNow() : known.CheckedAt,
                CheckedAtVersion = askStore ? version : known.CheckedAtVersion,
            };
        }
        finally
        {
            _rebuild.Release();
        }
    }

    // Any edit bumps an actor's version and last change; adding one moves the last change, deleting one the count;
    // aliases added, removed or moved by a merge change their count, highest id or the sum of their actors' ids.
    private static async Task<Fingerprint> FingerprintAsync(NewsDeskDbContext db, CancellationToken cancellationToken)
    {
        // One group or none: read as a list, since First without an order makes EF log a warning on every start.
        var actors = (await db.Actors.AsNoTracking().GroupBy(a => 1)
            .Select(g => new { Count = g.Count(), Versions = g.Sum(a => (long)a.Version), LastChange = g.Max(a => a.UpdatedAt) }).ToListAsync(cancellationToken)).SingleOrDefault();
        var aliases = (await db.ActorAliases.AsNoTracking().GroupBy(a => 1)
            .Select(g => new { Count = g.Count(), ActorIds = g.Sum(a => (long)a.ActorId), MaxId = g.Max(a => a.Id) }).ToListAsync(cancellationToken)).SingleOrDefault();
        return new Fingerprint(actors?.Count ?? 0, actors?.Versions ?? 0, actors?.LastChange ?? default, aliases?.Count ?? 0, aliases?.ActorIds ?? 0, aliases?.MaxId ?? 0);
    }

    private readonly record struct Fingerprint(int Actors, long Versions, DateTime LastChange, int Aliases, long AliasActorIds, int LastAliasId);

    /// <summary>What tells one actor's names changed in the store: its version (a rename) and its aliases' ids (added, removed, moved).</summary>
    private readonly record struct ActorStamp(int Version, int AliasIds);

    private async Task<Snapshot> BuildAsync(NewsDeskDbContext db, long names, long external, long version, CancellationToken cancellationToken)
    {
        var fingerprint = await FingerprintAsync(db, cancellationToken);
        var actors = await ReadAsync(db, null, cancellationToken);
        var sortNames = new Dictionary<int, string>(actors.Count);
        var stamps = new Dictionary<int, ActorStamp>(actors.Count);
        var entries = Entries(actors, sortNames, stamps);
        entries.Sort(static (a, b) => a.Key().SequenceCompareTo(b.Key()));
        Builds++;
        return new Snapshot([.. entries], sortNames, stamps)
        {
            NamesSeen = names,
            ExternalSeen = external,
            Fingerprint = fingerprint,
            CheckedAt = _clock.GetUtcNow(),
            CheckedAtVersion = version,
        };
    }

    /// <summary>The snapshot with <paramref name="changed"/> actors read again: their old entries dropped, their new ones merged in.</summary>
    private async Task<Snapshot> PatchAsync(NewsDeskDbContext db, Snapshot known, HashSet<int> changed, CancellationToken cancellationToken)
    {
        var actors = await ReadAsync(db, changed, cancellationToken);
        var sortNames = new Dictionary<int, string>(known.SortNames);
        var stamps = new Dictionary<int, ActorStamp>(known.Stamps);
        foreach (var id in changed)
        {
            sortNames.Remove(id);
            stamps.Remove(id);
        }

        var added = Entries(actors, sortNames, stamps);
        added.Sort(static (a, b) => a.Key().SequenceCompareTo(b.Key()));
        var merged = new Entry[known.Entries.Length + added.Count];
        int count = 0, next = 0;
        foreach (var entry in known.Entries)
        {
            if (changed.Contains(entry.ActorId))
            {
                continue;
            }

            while (next < added.Count && added[next].Key().SequenceCompareTo(entry.Key()) < 0)
            {
                merged[count++] = added[next++];
            }

            merged[count++] = entry;
        }

        while (next < added.Count)
        {
            merged[count++] = added[next++];
        }

        Array.Resize(ref merged, count);
        Patches++;
        return new Snapshot(merged, sortNames, stamps);
    }

    /// <summary>Every actor whose stamp differs from the snapshot's, or that one of the two lacks.</summary>
    private static async Task<HashSet<int>> ChangedInStoreAsync(NewsDeskDbContext db, Snapshot known, CancellationToken cancellationToken)
    {
        var versions = await db.Actors.AsNoTracking().Select(a => new { a.Id, a.Version }).ToListAsync(cancellationToken);
        var aliases = (await db.ActorAliases.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.ActorId }).ToListAsync(cancellationToken))
            .ToLookup(a => a.ActorId, a => a.Id);
        var changed = new HashSet<int>();
        foreach (var actor in versions)
        {
            if (!known.Stamps.TryGetValue(actor.Id, out var stamp) || stamp != Stamp(actor.Version, aliases[actor.Id]))
            {
                changed.Add(actor.Id);
            }
        }

        changed.UnionWith(known.Stamps.Keys.Except(versions.Select(a => a.Id)));
        return changed;
    }

    private static ActorStamp Stamp(int version, IEnumerable<int> aliasIds)
    {
        var hash = new HashCode();
        foreach (var id in aliasIds)
        {
            hash.Add(id);
        }

        return new ActorStamp(version, hash.ToHashCode());
    }

    private sealed record ActorNames(int Id, string Name, int Version, List<(int Id, string Name)> Aliases);

    /// <summary>The names of every actor, or of <paramref name="only"/> these (those gone are simply not there).</summary>
    private static async Task<List<ActorNames>> ReadAsync(NewsDeskDbContext db, HashSet<int>? only, CancellationToken cancellationToken)
    {
        IQueryable<Actor> actors = db.Actors.AsNoTracking();
        IQueryable<ActorAlias> aliases = db.ActorAliases.AsNoTracking();
        if (only is not null)
        {
            var ids = only.ToList();
            actors = actors.Where(a => ids.Contains(a.Id));
            aliases = aliases.Where(a => ids.Contains(a.ActorId));
        }

        var names = await actors.Select(a => new { a.Id, a.Name, a.Version }).ToListAsync(cancellationToken);
        var aliasesByActor = (await aliases.OrderBy(a => a.Id).Select(a => new { a.Id, a.ActorId, a.Name }).ToListAsync(cancellationToken))
            .ToLookup(a => a.ActorId, a => (a.Id, a.Name));
        return [.. names.Select(a => new ActorNames(a.Id, a.Name, a.Version, [.. aliasesByActor[a.Id]]))];
    }

    private static List<Entry> Entries(List<ActorNames> actors, Dictionary<int, string> sortNames, Dictionary<int, ActorStamp> stamps)
    {
        var entries = new List<Entry>(actors.Count * 8);
        foreach (var actor in actors)
        {
            var folded = Fold(actor.Name);
            sortNames[actor.Id] = folded;
            stamps[actor.Id] = Stamp(actor.Version, actor.Aliases.Select(a => a.Id));
            AddWordStarts(entries, folded, actor.Id, alias: false);
            foreach (var alias in actor.Aliases)
            {
                AddWordStarts(entries, Fold(alias.Name), actor.Id, alias: true);
            }
        }

        return entries;
    }

    private static void AddWordStarts(List<Entry> entries, string folded, int actorId, bool alias)
    {
        for (var i = 0; i < folded.Length; i++)
        {
            if (i == 0 || folded[i - 1] == ' ')
            {
                entries.Add(new Entry(folded, i, actorId, alias));
            }
        }
    }

    /// <summary>One word start of a folded name: the name from <see cref="Offset"/> on is the key searched by prefix (a method: a span cannot be a record member).</summary>
    private readonly record struct Entry(string Folded, int Offset, int ActorId, bool Alias)
    {
        public ReadOnlySpan<char> Key() => Folded.AsSpan(Offset);
    }

    private sealed record Snapshot(Entry[] Entries, Dictionary<int, string> SortNames, Dictionary<int, ActorStamp> Stamps)
    {
        public long NamesSeen { get; init; }
        public long ExternalSeen { get; init; }
        public Fingerprint? Fingerprint { get; init; }
        public DateTimeOffset CheckedAt { get; init; }
        public long CheckedAtVersion { get; init; }

        /// <summary>Something was written since the store was last asked, long enough ago that a write of another process may have gone unseen.</summary>
        public bool Aged(TimeProvider clock, long version) => version != CheckedAtVersion && clock.GetUtcNow() - CheckedAt > VersionedCache.MaxAge;

        public IReadOnlyList<int> Search(string key, int limit)
        {
            var best = new Dictionary<int, int>();
            for (var i = LowerBound(key); i < Entries.Length && Entries[i].Key().StartsWith(key.AsSpan(), StringComparison.Ordinal); i++)
            {
                var entry = Entries[i];
                var rank = (entry.Offset > 0 ? 4 : entry.Folded.Length == key.Length ? 0 : 2) + (entry.Alias ? 1 : 0);
                if (!best.TryGetValue(entry.ActorId, out var known) || rank < known)
                {
                    best[entry.ActorId] = rank;
                }
            }

            return [.. best.OrderBy(p => p.Value).ThenBy(p => SortNames.GetValueOrDefault(p.Key, ""), StringComparer.Ordinal).ThenBy(p => p.Key)
                .Take(limit).Select(p => p.Key)];
        }

        private int LowerBound(string key)
        {
            int low = 0, high = Entries.Length;
            while (low < high)
            {
                var mid = (low + high) >>> 1;
                if (Entries[mid].Key().SequenceCompareTo(key.AsSpan()) < 0)
                {
                    low = mid + 1;
                }
                else
                {
                    high = mid;
                }
            }

            return low;
        }
    }
}
