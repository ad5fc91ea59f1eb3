using Microsoft.Extensions.Options;

namespace NewsDesk.Web.Ingest;

/// <summary>
/// Fetches a set of sources side by side, each in its own DI scope (own DbContext), so one source's failure or
/// exception never stops the others. Used by <see cref="ScraperWorker"/> and <c>scrape --once</c>.
/// </summary>
public sealed class ScrapeRunner(IServiceScopeFactory scopes, IOptions<IngestOptions> options, ILogger<ScrapeRunner> logger)
{
    public async Task<IReadOnlyList<SourceFetchSummary>> RunAsync(IReadOnlyList<(int Id, string Name)> sources, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var results = new SourceFetchSummary?[sources.Count];
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, options.Value.MaxConcurrentSources),
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(Enumerable.Range(0, sources.Count), parallel, async (index, ct) =>
        {
            var (id, name) = sources[index];
            results[index] = await RunOneAsync(id, name, ct);
        });
        return [.. results.OfType<SourceFetchSummary>()];
    }

    /// <summary>Fetches one source in its own scope; an exception becomes a failed summary.</summary>
    public async Task<SourceFetchSummary> RunOneAsync(int id, string name, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<SourceFetcher>().FetchAsync(id, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Source {SourceId} could not be fetched", id);
            return new SourceFetchSummary(id, name, false, null, 0, 0, ex.Message);
        }
    }
}
