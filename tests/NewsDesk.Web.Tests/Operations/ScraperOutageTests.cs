using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Tests.Infrastructure;
using NewsDesk.Web.Tests.Ingest;
using Npgsql;

namespace NewsDesk.Web.Tests.Operations;

/// <summary>
/// The PostgreSQL server goes down while the background scraper is in the middle of a source (a cluster of the
/// test's own, stopped with the fast shutdown that cuts open connections). The worker's ticks fail and are logged,
/// the loop goes on, and once the server is back the interrupted source is fetched again at once, not when its
/// five-minute claim runs out: every listed article ends up stored exactly once and whole.
/// </summary>
[Trait(TestStore.EngineTrait, TestStore.FixedEngine)]
public sealed class ScraperOutageTests(FixtureSite site) : IClassFixture<FixtureSite>, IDisposable
{
    private const int Items = 16;

    private readonly TestPostgresCluster _cluster = TestPostgresCluster.StartOwn();

    public void Dispose() => _cluster.Dispose();

    [Fact]
    public async Task A_source_cut_off_by_a_database_outage_is_fetched_again_once_the_server_is_back_and_stored_once()
    {
        var database = new NpgsqlConnectionStringBuilder(_cluster.ConnectionString) { Database = "newsdesk" }.ConnectionString;
        await using var factory = NewsDeskFactory.On(TestDirectory.Create(), TestEngine.Postgres)
            .WithSetting("ConnectionStrings:NewsDesk", database)
            .WithSetting("NewsDesk:ImportSeedsOnStart", "false")
            .WithSetting("Ingest:AllowPrivateNetworks", "true")
            .WithSetting("Ingest:PerHostDelay", "00:00:00")
            .WithSetting("Ingest:PerHostConcurrency", "2")
            .WithSetting("Ingest:RetryBaseDelay", "00:00:00.050")
            .WithSetting("Ingest:Enabled", "true")
            .WithSetting("Ingest:PollInterval", "00:00:00.200");
        // Each page takes 400 ms, two at a time: the fetch lasts about three seconds, long enough to be cut.
        var feed = site.Url($"/feeds/slow-items.xml?ms=400&items=outage*{Items}");
        var sourceId = await factory.AddSourceAsync(feed, name: "Cut off");

        Assert.True(await WaitForAsync(async () => (await factory.ArticlesOfAsync(sourceId)).Count > 0, TimeSpan.FromSeconds(60)),
            "the worker stored nothing before the outage");
        _cluster.Stop();
        await Task.Delay(TimeSpan.FromSeconds(2)); // ticks and the running fetch meet the dead server
        _cluster.Start();
        // The test's own reads share the app's pool: connections cut by the restart are dropped.
        NpgsqlConnection.ClearAllPools();

        var complete = await WaitForAsync(async () => (await factory.ArticlesOfAsync(sourceId)).Count >= Items, TimeSpan.FromSeconds(60));

        var articles = await factory.ArticlesOfAsync(sourceId);
        Assert.True(complete, $"after the outage the source was not fetched again to the end: {articles.Count} of {Items} articles stored");
        Assert.Equal(Items, articles.Select(a => a.Url).Distinct().Count());
        Assert.Equal(Items, articles.Count);
        await factory.ExecuteDbContextAsync(async db =>
        {
            // Whole: every stored article has its first version, equal to its text.
            var versions = await db.ArticleVersions.Where(v => v.Article!.SourceId == sourceId && v.Number == 1)
                .Select(v => new { v.ArticleId, v.Text, ArticleText = v.Article!.Text }).ToListAsync();
            Assert.Equal(Items, versions.Count);
            Assert.All(versions, v => Assert.Equal(v.ArticleText, v.Text));
        });
        var log = await factory.FetchLogAsync(sourceId);
        Assert.Contains(log, f => f.FinishedAt is not null && f.Error is null);
    }

    private static async Task<bool> WaitForAsync(Func<Task<bool>> condition, TimeSpan limit)
    {
        var until = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < until)
        {
            try
            {
                if (await condition())
                {
                    return true;
                }
            }
            catch (NpgsqlException)
            {
                // The server is still coming back.
                NpgsqlConnection.ClearAllPools();
            }

            await Task.Delay(200);
        }

        return false;
    }
}
