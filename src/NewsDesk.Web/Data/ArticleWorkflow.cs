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

    /// <summary>
    /// What became of a change: <see cref="Review"/> null when there is no such article; <see cref="Stale"/> when the
    /// caller's version is not the article's any more (someone else changed it first; nothing was written, and
    /// <see cref="Review"/> is the state now).
    /// </summary>
    public sealed record Outcome(ArticleReview? Review, WorkflowRefusal? Error = null, bool UnknownAssignee = false, bool Stale = false);

    /// <summary>The state as a stale change's message names it: "irrelevant, set by someone@…".</summary>
    public static string StateNow(ArticleReview review) =>
        review.State.Display() + (review.StateSetBy is null ? "" : $", set by {review.StateSetBy}");

    /// <summary>
    /// Sets the state and/or the assignee ("" unassigns) in one write transaction, through the tracker so it is audited.
    /// With <paramref name="expectedVersion"/> (what the caller read) the change is made only if nobody changed the
    /// article since; without it, the change applies to the state as it is now.
    /// </summary>
    public static async Task<Outcome> ChangeAsync(NewsDeskDbContext db, int articleId, ArticleState? state, string? assignee, string user, DateTime at,
        int? expectedVersion, CancellationToken cancellationToken)
    {
        // Two first changes of one article at once both insert its row; two changes of a row both update it from one
        // version. The second writer's save fails; it then reads what the first wrote and goes again (or is stale).
        // One contender wins each round, so ten rounds serve ten changes sent at the same moment.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ChangeOnceAsync(db, articleId, state, assignee, user, at, expectedVersion, cancellationToken);
            }
            catch (DbUpdateException ex) when (attempt < 10 && (ex is DbUpdateConcurrencyException || StoreErrors.IsUniqueViolation(ex)))
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private static async Task<Outcome> ChangeOnceAsync(NewsDeskDbContext db, int articleId, ArticleState? state, string? assignee, string user, DateTime at,
        int? expectedVersion, CancellationToken cancellationToken)
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

        if (expectedVersion is { } expected && review.Version != expected)
        {
            return new Outcome(review, Stale: true);
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

        review.Version++;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Outcome(review);
    }
}
