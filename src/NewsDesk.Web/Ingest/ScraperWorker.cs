using Microsoft.Extensions.Options;

namespace NewsDesk.Web.Ingest;

/// <summary>
/// The background scraper (shaped like eShop's GracePeriodManagerService): on every tick it starts fetches of the
/// sources that are due or that an editor asked to "fetch now", up to <see cref="IngestOptions.MaxConcurrentSources"/>
/// in flight, and does not wait for them: a slow source holds one slot, never the next tick or the other sources.
/// Errors are logged per source and per tick; the loop goes on.
/// </summary>
public sealed class ScraperWorker(
    IServiceScopeFactory scopes,
    ScrapeRunner runner,
    Evidence.ArticleRechecker rechecker,
    IOptions<IngestOptions> options,
    TimeProvider clock,
    ILogger<ScraperWorker> logger) : BackgroundService
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, Task> _inFlight = new();

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

        // Fetches still running record their cancellation before the host goes.
        await Task.WhenAll(_inFlight.Values);
    }

    private async Task TickAsync(CancellationToken stoppingToken)
    {
        try
        {
            var free = Math.Max(1, options.Value.MaxConcurrentSources) - _inFlight.Count;
            if (free <= 0)
            {
                return;
            }

            List<(int Id, string Name)> due;
            await using (var scope = scopes.CreateAsyncScope())
            {
                // Claimed, not just read: another instance polling the same database at once gets other sources.
                // "Fetch now" works on disabled sources too: an editor may test one before enabling it.
                var claimed = await scope.ServiceProvider.GetRequiredService<SourceLeases>().ClaimDueAsync(free, stoppingToken);
                // A claim of ours that ran out while its fetch still runs was just renewed; that fetch goes on alone.
                due = [.. claimed.Where(s => !_inFlight.ContainsKey(s.Id)).Select(s => (s.Id, s.Name))];
            }

            foreach (var (id, name) in due)
            {
                // Registered before it starts, so its own removal can never come first.
                var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _inFlight[id] = FetchInBackgroundAsync(start.Task, id, name, stoppingToken);
                start.SetResult();
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

    private async Task FetchInBackgroundAsync(Task registered, int id, string name, CancellationToken stoppingToken)
    {
        await registered;
        try
        {
            var result = await runner.RunOneAsync(id, name, stoppingToken);
            logger.LogInformation("Scraped source {SourceId}: {New} new article(s){Failed}", id, result.NewArticles, result.Succeeded ? "" : ", failed");
        }
        catch (Exception ex) when (ex is OperationCanceledException && stoppingToken.IsCancellationRequested)
        {
            // Stopping: the fetch has recorded its cancellation.
        }
        finally
        {
            _inFlight.TryRemove(id, out _);
        }
    }
}
