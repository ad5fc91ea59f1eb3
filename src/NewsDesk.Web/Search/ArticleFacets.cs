using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using NewsDesk.Web.Data;

namespace NewsDesk.Web.Search;

/// <summary>
/// The article list's totals: how many articles there are and in which languages. Both scan every article (tens
/// of milliseconds at 100k), so they are cached until the article set changes (<see cref="ArticleSetVersion"/>),
/// and for a few minutes at most, for writes that bypass the app.
/// </summary>
public sealed class ArticleFacets(NewsDeskDbContext db, IMemoryCache cache, ArticleSetVersion version)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    public async Task<ArticleTotals> GetAsync(CancellationToken cancellationToken)
    {
        var key = (typeof(ArticleFacets), version.Current);
        if (cache.TryGetValue(key, out ArticleTotals? totals) && totals is not null)
        {
            return totals;
        }

        var count = await db.Articles.CountAsync(cancellationToken);
        var languages = await db.Articles.AsNoTracking()
            .Where(a => a.Language != null).Select(a => a.Language!).Distinct().OrderBy(l => l)
            .ToListAsync(cancellationToken);
        totals = new ArticleTotals(count, languages);
        cache.Set(key, totals, MaxAge);
        return totals;
    }
}

/// <summary>The number of stored articles and their distinct languages.</summary>
public sealed record ArticleTotals(int Count, IReadOnlyList<string> Languages);
