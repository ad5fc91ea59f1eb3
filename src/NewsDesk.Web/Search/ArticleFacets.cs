using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;

namespace NewsDesk.Web.Search;

/// <summary>
/// The article list's totals and filter choices: how many articles there are, in which languages, from which
/// sources, in which collections. Counting and listing languages scan every article (tens of milliseconds at
/// 100k), so all of it is kept in the page cache (<see cref="VersionedCache"/>: until the store changes, bounded
/// with the pages and switched off with them by <c>PageCacheMegabytes=0</c>).
/// </summary>
public sealed class ArticleFacets(NewsDeskDbContext db, VersionedCache cache)
{
    public async Task<ArticleTotals> GetAsync(CancellationToken cancellationToken) =>
        (await cache.GetOrLoadAsync(typeof(ArticleFacets), LoadAsync, SizeOf, cancellationToken))!;

    private async Task<ArticleTotals?> LoadAsync(CancellationToken cancellationToken)
    {
        var count = await db.Articles.CountAsync(cancellationToken);
        var languages = await db.Articles.AsNoTracking()
            .Where(a => a.Language != null).Select(a => a.Language!).Distinct().OrderBy(l => l)
            .ToListAsync(cancellationToken);
        var sources = await db.Sources.AsNoTracking().OrderBy(s => s.Name).Select(s => new Choice(s.Id, s.Name)).ToListAsync(cancellationToken);
        var collections = await db.Collections.AsNoTracking().OrderBy(c => c.Name).Select(c => new Choice(c.Id, c.Name)).ToListAsync(cancellationToken);
        return new ArticleTotals(count, languages, sources, collections);
    }

    // Two bytes a character plus an object's overhead per name: close enough for the cache's budget.
    private static long SizeOf(ArticleTotals totals) =>
        64 + totals.Languages.Sum(l => 32 + (2 * l.Length)) + totals.Sources.Concat(totals.Collections).Sum(c => 48 + (2 * c.Name.Length));
}

/// <summary>The number of stored articles, their distinct languages, the sources and the collections.</summary>
public sealed record ArticleTotals(int Count, IReadOnlyList<string> Languages, IReadOnlyList<Choice> Sources, IReadOnlyList<Choice> Collections);

/// <summary>A record offered in a filter's drop-down.</summary>
public sealed record Choice(int Id, string Name);
