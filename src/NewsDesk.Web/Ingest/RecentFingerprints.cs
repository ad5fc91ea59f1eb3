using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Ingest;

/// <summary>
/// The SimHash fingerprints of the latest <see cref="IngestOptions.NearDuplicateWindow"/> articles, kept in memory
/// for the near-duplicate search. Reading the whole window from the database for every new article made storing
/// cost time in proportion to the number of articles (the ingest benchmark's main cost); instead each search first
/// catches up with the rows added since the last one (by any process: one indexed query, usually empty), and a
/// match is checked against the database before it is used, so a deleted article is never named an original.
/// </summary>
public sealed class RecentFingerprints
{
    private readonly Lock _gate = new();
    // In ascending id order. A list of structs, scanned in place: walking a SortedDictionary's tree for every new
    // article cost a tenth of a millisecond per thousand articles in the window, under the lock all storers share.
    private readonly List<Entry> _latest = [];
    private int _lastSeenId;

    /// <summary>The original of the closest article within <paramref name="maxDistance"/> bits (ties: the oldest), or null.</summary>
    /// <param name="catchUp">False when the caller has just called <see cref="CatchUpAsync"/> (once for a batch of articles).</param>
    public async Task<int?> FindOriginalAsync(NewsDeskDbContext db, long fingerprint, int maxDistance, int window, CancellationToken cancellationToken, bool catchUp = true)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (catchUp)
        {
            await CatchUpAsync(db, window, cancellationToken);
        }

        while (true)
        {
            int? nearest = null;
            int? original = null;
            lock (_gate)
            {
                var best = int.MaxValue;
                // Ascending ids: on a tie the earlier article wins.
                foreach (ref readonly var entry in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_latest))
                {
                    var distance = SimHash.Distance(entry.SimHash, fingerprint);
                    if (distance <= maxDistance && distance < best)
                    {
                        (nearest, original, best) = (entry.Id, entry.DuplicateOfId ?? entry.Id, distance);
                    }
                }
            }

            if (nearest is not { } found)
            {
                return null;
            }

            if (await db.Articles.AnyAsync(a => a.Id == original, cancellationToken))
            {
                return original;
            }

            lock (_gate)
            {
                var at = IndexOf(found);
                if (at >= 0)
                {
                    _latest.RemoveAt(at);
                }
            }
        }
    }

    /// <summary>An article this process has just stored (rows stored elsewhere are read at the next catch-up).</summary>
    public void Add(Article article, int window)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (article.SimHash is { } hash)
        {
            lock (_gate)
            {
                Put(new Entry(article.Id, article.DuplicateOfId, hash));
                Trim(window);
            }
        }
    }

    /// <summary>Reads the fingerprints of rows added since the last catch-up (by any process).</summary>
    public async Task CatchUpAsync(NewsDeskDbContext db, int window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        int after;
        lock (_gate)
        {
            after = _lastSeenId;
        }

        var rows = await db.Articles.AsNoTracking()
            .Where(a => a.Id > after && a.SimHash != null)
            .OrderByDescending(a => a.Id).Take(window)
            .Select(a => new { a.Id, a.DuplicateOfId, a.SimHash })
            .ToListAsync(cancellationToken);
        lock (_gate)
        {
            foreach (var row in rows)
            {
                Put(new Entry(row.Id, row.DuplicateOfId, row.SimHash!.Value));
                _lastSeenId = Math.Max(_lastSeenId, row.Id);
            }

            Trim(window);
        }
    }

    private void Trim(int window)
    {
        var excess = _latest.Count - Math.Max(0, window);
        if (excess > 0)
        {
            _latest.RemoveRange(0, excess);
        }
    }

    // Ids mostly arrive in ascending order (an append); another process's rows caught up late are inserted in place.
    private void Put(Entry entry)
    {
        if (_latest.Count == 0 || _latest[^1].Id < entry.Id)
        {
            _latest.Add(entry);
            return;
        }

        var at = IndexOf(entry.Id);
        if (at >= 0)
        {
            _latest[at] = entry;
        }
        else
        {
            _latest.Insert(~at, entry);
        }
    }

    private int IndexOf(int id)
    {
        var (low, high) = (0, _latest.Count - 1);
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var current = _latest[middle].Id;
            if (current == id)
            {
                return middle;
            }

            (low, high) = current < id ? (middle + 1, high) : (low, middle - 1);
        }

        return ~low;
    }

    private readonly record struct Entry(int Id, int? DuplicateOfId, long SimHash);
}
