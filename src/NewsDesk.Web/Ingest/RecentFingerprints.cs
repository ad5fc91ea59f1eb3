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
    private readonly SortedDictionary<int, (int? DuplicateOfId, long SimHash)> _latest = [];
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
                foreach (var (id, (duplicateOf, hash)) in _latest)
                {
                    var distance = SimHash.Distance(hash, fingerprint);
                    if (distance <= maxDistance && distance < best)
                    {
                        (nearest, original, best) = (id, duplicateOf ?? id, distance);
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
                _latest.Remove(found);
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
                _latest[article.Id] = (article.DuplicateOfId, hash);
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
                _latest[row.Id] = (row.DuplicateOfId, row.SimHash!.Value);
                _lastSeenId = Math.Max(_lastSeenId, row.Id);
            }

            Trim(window);
        }
    }

    private void Trim(int window)
    {
        while (_latest.Count > Math.Max(0, window))
        {
            _latest.Remove(_latest.Keys.First());
        }
    }
}
