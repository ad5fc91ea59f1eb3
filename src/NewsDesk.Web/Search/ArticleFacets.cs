using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using NewsDesk.Web.Data;

namespace NewsDesk.Web.Search;

/// <summary>
/// The article list's totals and filter choices: how many articles there are, in which languages, from which
/// sources, in which collections. Counting and listing languages scan every article (tens of milliseconds at
/// 100k), so all of it is cached until the store changes (<see cref="StoreVersion"/>), and for a few minutes at
/// most, for writes that bypass the app.
/// </summary>
public sealed class ArticleFacets(NewsDeskDbContext db, IMemoryCache cache, StoreVersion version)
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
        var sources = await db.Sources.AsNoTracking().OrderBy(s => s.Name).Select(s => new Choice(s.Id, s.Name)).ToListAsync(cancellationToken);
        var collections = await db.Collections.AsNoTracking().OrderBy(c => c.Name).Select(c => new Choice(c.Id, c.Name)).ToListAsync(cancellationToken);
        totals = new ArticleTotals(count, languages, sources, collections);
        cache.Set(key, totals, MaxAge);
        return totals;
    }
}

/// <summary>The number of stored articles, their distinct languages, the sources and the collections.</summary>
public sealed record ArticleTotals(int Count, IReadOnlyList<string> Languages, IReadOnlyList<Choice> Sources, IReadOnlyList<Choice> Collections);

/// <summary>A record offered in a filter's drop-down.</summary>
public sealed record Choice(int Id, string Name);
