using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Search;

/// <summary>
/// Someone's queue: the articles assigned to them that wait for work (new or in progress). One definition for the
/// menu's "My queue" count, the list that link opens and the N key's next article, so the three always agree.
/// </summary>
public static class ArticleQueue
{
    public static IQueryable<ArticleReview> WaitingFor(this IQueryable<ArticleReview> reviews, string? assignee) =>
        reviews.Where(r => r.Assignee == assignee && (r.State == ArticleState.New || r.State == ArticleState.InProgress));

    public static IQueryable<Article> WaitingFor(this IQueryable<Article> articles, string assignee) =>
        articles.Where(a => a.Review != null && a.Review.Assignee == assignee && (a.Review.State == ArticleState.New || a.Review.State == ArticleState.InProgress));
}
