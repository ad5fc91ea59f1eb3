using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;

namespace NewsDesk.Web.Watchlists;

/// <summary>A watched article: when it was flagged and by which of the owner's watches.</summary>
public sealed record WatchedArticle(int ArticleId, string Title, string Url, DateTime? PublishedAt, DateTime FoundAt, IReadOnlyList<string> MatchedBy);

/// <summary>One editor's watches and the articles they flagged: shared by the API, the pages and the digest verb.</summary>
public static class WatchlistQueries
{
    /// <summary>How far back the menu's count of watched articles looks.</summary>
    public static readonly TimeSpan RecentWindow = TimeSpan.FromDays(7);

    public static async Task<IReadOnlyList<WatchedArticle>> ArticlesAsync(NewsDeskDbContext db, string owner, DateTime? since, int limit, CancellationToken cancellationToken)
    {
        var hits = await db.WatchHits.AsNoTracking()
            .Where(h => h.Watch!.Owner == owner && (since == null || h.FoundAt >= since))
            .OrderByDescending(h => h.FoundAt).ThenByDescending(h => h.ArticleId)
            .Select(h => new
            {
                h.ArticleId,
                h.Article!.Title,
                h.Article.Url,
                h.Article.PublishedAt,
                h.FoundAt,
                By = h.Watch!.Actor != null ? h.Watch.Actor.Name : "\u201c" + h.Watch.Query + "\u201d",
            })
            .Take(limit * 10)
            .ToListAsync(cancellationToken);
        return [.. hits.GroupBy(h => h.ArticleId).Take(limit).Select(g => new WatchedArticle(
            g.Key, g.First().Title, g.First().Url, g.First().PublishedAt, g.Max(h => h.FoundAt), [.. g.Select(h => h.By).Distinct().Order(StringComparer.Ordinal)]))];
    }

    /// <summary>Distinct articles the owner's watches flagged since <paramref name="since"/>.</summary>
    public static Task<int> CountAsync(NewsDeskDbContext db, string owner, DateTime since, CancellationToken cancellationToken) =>
        db.WatchHits.Where(h => h.Watch!.Owner == owner && h.FoundAt >= since).Select(h => h.ArticleId).Distinct().CountAsync(cancellationToken);
}
