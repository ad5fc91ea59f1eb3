using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Search;

/// <summary>
/// Someone's queue: the articles assigned to them that wait for work (new or in progress). One definition for the
/// menu's "My queue" count, the list that link opens (as a subquery of the articles) and the N key's next article,
/// so the three always agree.
/// </summary>
public static class ArticleQueue
{
    public static IQueryable<ArticleReview> WaitingFor(this IQueryable<ArticleReview> reviews, string? assignee) =>
        reviews.Where(r => r.Assignee == assignee && (r.State == ArticleState.New || r.State == ArticleState.InProgress));

    /// <summary>
    /// How many articles wait in <paramref name="assignee"/>'s queue: the home page's count on every view, so compiled
    /// (ADR 1900). The condition is <see cref="WaitingFor"/>'s; a compiled query cannot call it, so keep the two alike.
    /// </summary>
    public static readonly Func<NewsDeskDbContext, string, CancellationToken, Task<int>> CountWaitingFor = EF.CompileAsyncQuery(
        (NewsDeskDbContext db, string assignee, CancellationToken _) =>
            db.ArticleReviews.Count(r => r.Assignee == assignee && (r.State == ArticleState.New || r.State == ArticleState.InProgress)));

    /// <summary>Reviews per workflow state (articles without one are new), for the home page's state menu on every view.</summary>
    public static readonly Func<NewsDeskDbContext, IAsyncEnumerable<StateCount>> CountByState = EF.CompileAsyncQuery(
        (NewsDeskDbContext db) => db.ArticleReviews.AsNoTracking().GroupBy(r => r.State).Select(g => new StateCount(g.Key, g.Count())));

    public sealed record StateCount(ArticleState State, int Count);
}
