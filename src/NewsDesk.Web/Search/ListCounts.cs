using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Watchlists;

namespace NewsDesk.Web.Search;

/// <summary>
/// The counts the menu and the list's header show on every page: articles per workflow state, the signed-in user's
/// queue, the articles their watches flagged this week. Each was a query per request (four on the home page, one
/// on every other page), which the benchmark showed halving the cached list's throughput on PostgreSQL, where every
/// query is a round trip (bench/README.md, Scale, session 9). They change only when the store does, so they are
/// kept in the page cache under the store version (<see cref="VersionedCache"/>) like <see cref="ArticleFacets"/>.
/// </summary>
public sealed class ListCounts(NewsDeskDbContext db, VersionedCache cache, TimeProvider clock)
{
    /// <summary>Reviews per state (articles without a review row are not counted here: they are new).</summary>
    public async Task<IReadOnlyDictionary<ArticleState, int>> ReviewsByStateAsync(CancellationToken cancellationToken) =>
        (await cache.GetOrLoadAsync(typeof(ListCounts), async ct => new ByState(await db.ArticleReviews.AsNoTracking()
            .GroupBy(r => r.State).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct)), _ => 256, cancellationToken))!.Counts;

    public async Task<int> QueueAsync(string user, CancellationToken cancellationToken) =>
        (await cache.GetOrLoadAsync(("queue", user), async ct => new Count(await db.ArticleReviews.WaitingFor(user).CountAsync(ct)),
            _ => 64, cancellationToken))!.Value;

    /// <summary>
    /// Articles the user's watches flagged in the last <see cref="WatchlistQueries.RecentWindow"/>. The window starts
    /// on a whole minute, so the count can be kept for a minute at most: a hit leaving the window shows a minute late.
    /// </summary>
    public async Task<int> WatchedAsync(string user, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc) - WatchlistQueries.RecentWindow;
        return (await cache.GetOrLoadAsync(("watched", user, since), async ct => new Count(await WatchlistQueries.CountAsync(db, user, since, ct)),
            _ => 64, cancellationToken))!.Value;
    }

    private sealed record ByState(Dictionary<ArticleState, int> Counts);

    private sealed record Count(int Value);
}
