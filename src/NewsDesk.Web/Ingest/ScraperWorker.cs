using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsDesk.Web.Data;

namespace NewsDesk.Web.Ingest;

/// <summary>
/// The background scraper (shaped like eShop's GracePeriodManagerService): on every tick it fetches the sources
/// that are due or that an editor asked to "fetch now". Errors are logged per source and per tick; the loop goes on.
/// </summary>
public sealed class ScraperWorker(
    IServiceScopeFactory scopes,
    ScrapeRunner runner,
    Evidence.ArticleRechecker rechecker,
    IOptions<IngestOptions> options,
    TimeProvider clock,
    ILogger<ScraperWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            logger.LogInformation("Background scraper is off ({Setting}=false)", $"{IngestOptions.SectionName}:{nameof(IngestOptions.Enabled)}");
            return;
        }

        logger.LogInformation("Background scraper started; looking for due sources every {Interval}", settings.PollInterval);
        using var timer = new PeriodicTimer(settings.PollInterval, clock);
        try
        {
            do
            {
                await TickAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogInformation("Background scraper stopped");
        }
    }

    private async Task TickAsync(CancellationToken stoppingToken)
    {
        try
        {
            List<(int, string)> due;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<NewsDeskDbContext>();
                var now = clock.GetUtcNow().UtcDateTime;
                // "Fetch now" works on disabled sources too: an editor may test one before enabling it.
                var rows = await db.Sources.AsNoTracking()
                    .Where(s => s.FetchRequestedAt != null || (s.Enabled && (s.NextFetchAt == null || s.NextFetchAt <= now)))
                    .OrderBy(s => s.FetchRequestedAt == null).ThenBy(s => s.NextFetchAt)
                    .Select(s => new { s.Id, s.Name })
                    .ToListAsync(stoppingToken);
                due = [.. rows.Select(r => (r.Id, r.Name))];
            }

            if (due.Count > 0)
            {
                var results = await runner.RunAsync(due, stoppingToken);
                logger.LogInformation("Scraped {Count} source(s): {New} new article(s), {Failed} failed",
                    results.Count, results.Sum(r => r.NewArticles), results.Count(r => !r.Succeeded));
            }

            // Recent articles fetched again on their schedule, so silent edits become versions.
            var rechecks = await rechecker.RunDueAsync(stoppingToken);
            if (rechecks.Checked > 0)
            {
                logger.LogInformation("Re-checked {Count} article(s): {Changed} changed, {Failed} failed", rechecks.Checked, rechecks.Changed, rechecks.Failed);
            }
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Scraper tick failed; trying again at the next tick");
        }
    }
}
