using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Evidence;

namespace NewsDesk.Web.Ingest;

/// <summary>
/// Writes new articles with their first versions, captures and re-check rows in one transaction of the context,
/// past EF's change tracker (ADR 2100): four rows per article, each table's insert prepared once per batch, instead
/// of tracked entities whose SaveChanges walked the tracker several times, built a new multi-statement command
/// every time (SQLite compiled it and the search trigger again for every batch) and read every key back through
/// the tracker. The database keeps every rule it kept: the unique URL index refuses a page stored meanwhile, the
/// search index is filled by the engine itself (SQLite's FTS triggers, PostgreSQL's generated tsvector), and the
/// store version moves only after the commit (<see cref="NewsDeskDbContext.WrotePastChangeTracker"/>). A failure
/// rolls the whole batch back and comes out as the <see cref="DbUpdateException"/> a save would have thrown, keys
/// cleared, so the caller's retries and its "disk full: nothing saved" handling stay as they were.
/// </summary>
public sealed class ArticleRows(NewsDeskDbContext db)
{
    /// <summary>One article and its first rows, pointed at it here once it has its key.</summary>
    public sealed record NewArticle(Article Article, ArticleVersioning.FirstRows Rows);

    public async Task InsertAsync(IReadOnlyList<NewArticle> articles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(articles);
        if (articles.Count == 0)
        {
            return;
        }

        // Articles are not audited and carry no stamped fields (NewsDeskDbContext.StampRecords): nothing of the save
        // pipeline but the version bump applies to them.
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            using (var captures = new TableInsert<Capture>(db, (c, id) => c.Id = id))
            using (var rows = new TableInsert<Article>(db, (a, id) => a.Id = checked((int)id)))
            using (var versions = new TableInsert<ArticleVersion>(db, (v, id) => v.Id = id))
            using (var rechecks = new TableInsert<ArticleRecheck>(db, null))
            {
                foreach (var (article, first) in articles)
                {
                    if (first.Capture is { } capture)
                    {
                        await captures.InsertAsync(capture, cancellationToken);
                        first.Version.CaptureId = capture.Id;
                    }

                    await rows.InsertAsync(article, cancellationToken);
                    first.Version.ArticleId = article.Id;
                    await versions.InsertAsync(first.Version, cancellationToken);
                    if (first.Recheck is { } recheck)
                    {
                        recheck.ArticleId = article.Id;
                        await rechecks.InsertAsync(recheck, cancellationToken);
                    }
                }
            }

            db.WrotePastChangeTracker(StoreChange.Content);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbException ex)
        {
            Forget(articles);
            throw new DbUpdateException("An error occurred while saving the articles. See the inner exception for details.", ex);
        }
        catch
        {
            Forget(articles);
            throw;
        }
    }

    // Rolled back: the keys handed out name no row.
    private static void Forget(IReadOnlyList<NewArticle> articles)
    {
        foreach (var (article, first) in articles)
        {
            article.Id = 0;
            first.Version.Id = 0;
            first.Version.ArticleId = 0;
            first.Version.CaptureId = null;
            if (first.Capture is { } capture)
            {
                capture.Id = 0;
            }

            if (first.Recheck is { } recheck)
            {
                recheck.ArticleId = 0;
            }
        }
    }
}
