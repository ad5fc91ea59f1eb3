using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsDesk.Extraction;
using NewsDesk.Web.Data;
using NewsDesk.Web.Ingest;
using NewsDesk.Web.Ingest.Http;

namespace NewsDesk.Web.Evidence;

/// <summary>What one round of re-checks did.</summary>
public sealed record RecheckSummary(int Checked, int Changed, int Failed);

/// <summary>
/// Fetches recently stored articles again on their schedule (<see cref="EvidenceOptions.RecheckAfter"/>) so an edit
/// made after publication becomes a new version instead of going unseen. Each article in its own DI scope; a
/// failure is recorded on its schedule row and never stops the others. Run by the scraper worker on every tick.
/// </summary>
public sealed class ArticleRechecker(IServiceScopeFactory scopes, IOptions<EvidenceOptions> options, TimeProvider clock, ILogger<ArticleRechecker> logger)
{
    public async Task<RecheckSummary> RunDueAsync(CancellationToken cancellationToken)
    {
        List<int> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var now = clock.GetUtcNow().UtcDateTime;
            due = await scope.ServiceProvider.GetRequiredService<NewsDeskDbContext>().ArticleRechecks.AsNoTracking()
                .Where(r => r.NextCheckAt <= now).OrderBy(r => r.NextCheckAt)
                .Take(Math.Max(1, options.Value.RecheckBatchSize)).Select(r => r.ArticleId).ToListAsync(cancellationToken);
        }

        int changed = 0, failed = 0;
        foreach (var articleId in due)
        {
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                switch (await RecheckAsync(scope.ServiceProvider, articleId, cancellationToken))
                {
                    case true:
                        changed++;
                        break;
                    case null:
                        failed++;
                        break;
                }
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Re-checking article {ArticleId} failed", articleId);
                failed++;
            }
        }

        return new RecheckSummary(due.Count, changed, failed);
    }

    /// <summary>True when a new version was stored, false when unchanged, null when the page could not be read.</summary>
    private async Task<bool?> RecheckAsync(IServiceProvider services, int articleId, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<NewsDeskDbContext>();
        var recheck = await db.ArticleRechecks.Include(r => r.Article).FirstOrDefaultAsync(r => r.ArticleId == articleId, cancellationToken);
        if (recheck?.Article is not { } article)
        {
            return false;
        }

        bool? changed;
        try
        {
            var page = await services.GetRequiredService<PoliteFetcher>().FetchAsync(new Uri(article.Url), cancellationToken);
            ExtractedArticle extracted;
            // The same turn-taking for large pages as the scraper's, and the fetched bytes themselves, not a copy.
            using (await services.GetRequiredService<LargePageGate>().EnterAsync(page.Body.Length, cancellationToken))
            {
                extracted = services.GetRequiredService<ArticleExtractor>().Extract(page.Body, page.ContentType, page.FinalUrl);
            }

            if (string.IsNullOrWhiteSpace(extracted.Text))
            {
                recheck.LastResult = "no article text found on the page any more";
                changed = null;
            }
            else
            {
                var outcome = await services.GetRequiredService<ArticleStore>().RefetchedAsync(article, extracted, page, cancellationToken);
                recheck.LastResult = outcome.Changed ? $"changed: version {outcome.LatestNumber}" : "unchanged";
                changed = outcome.Changed;
            }
        }
        catch (Exception ex) when (ex is FetchFailureException or ExtractionException)
        {
            recheck.LastResult = Cut(ex.Message);
            changed = null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        recheck.LastCheckedAt = now;
        var schedule = options.Value.RecheckSchedule();
        // Steps already past (the app was down) are skipped: one late check stands in for them.
        do
        {
            recheck.ChecksDone++;
        }
        while (recheck.ChecksDone < schedule.Count && article.FetchedAt + schedule[recheck.ChecksDone] <= now);

        if (recheck.ChecksDone < schedule.Count)
        {
            recheck.NextCheckAt = article.FetchedAt + schedule[recheck.ChecksDone];
        }
        else
        {
            db.ArticleRechecks.Remove(recheck);
        }

        await db.SaveChangesAsync(CancellationToken.None);
        return changed;
    }

    private static string Cut(string text) => text.Length <= 500 ? text : text[..499] + "…";
}
