using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Data;

/// <summary>Reads and changes an article's <see cref="ArticleReview"/>, shared by the API and the article page.</summary>
public static class ArticleWorkflow
{
    /// <summary>The article's review row (a new, unsaved one when it has none), or null when there is no such article.</summary>
    public static async Task<ArticleReview?> FindAsync(NewsDeskDbContext db, int articleId, CancellationToken cancellationToken) =>
        await db.ArticleReviews.AsNoTracking().FirstOrDefaultAsync(r => r.ArticleId == articleId, cancellationToken)
        ?? (await db.Articles.AnyAsync(a => a.Id == articleId, cancellationToken) ? new ArticleReview { ArticleId = articleId } : null);

    public sealed record Outcome(ArticleReview? Review, WorkflowRefusal? Error = null, bool UnknownAssignee = false);

    /// <summary>Sets the state and/or the assignee ("" unassigns) in one write transaction, through the tracker so it is audited.</summary>
    public static async Task<Outcome> ChangeAsync(NewsDeskDbContext db, int articleId, ArticleState? state, string? assignee, string user, DateTime at,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var review = await db.ArticleReviews.FirstOrDefaultAsync(r => r.ArticleId == articleId, cancellationToken);
        if (review is null)
        {
            if (!await db.Articles.AnyAsync(a => a.Id == articleId, cancellationToken))
            {
                return new Outcome(null);
            }

            review = new ArticleReview { ArticleId = articleId };
            db.ArticleReviews.Add(review);
        }

        if (assignee is not null)
        {
            var email = assignee.Trim();
            var normalised = email.ToUpperInvariant();
            if (email.Length > 0 && !await db.Users.AnyAsync(u => u.NormalizedEmail == normalised, cancellationToken))
            {
                return new Outcome(review, UnknownAssignee: true);
            }

            review.Assignee = email.Length == 0 ? null : email;
        }

        if (state is { } wanted && review.MoveTo(wanted, user, at) is { } refusal)
        {
            return new Outcome(review, refusal);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Outcome(review);
    }
}
