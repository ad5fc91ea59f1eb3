using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Ingest;

/// <summary>
/// Two app hosts on one PostgreSQL database, both running the scraper against the loopback fixture site: every
/// source is fetched by one of them, once, and no article is stored twice. PostgreSQL whatever the suite runs on:
/// SQLite refuses a second serving instance by design.
/// </summary>
[Trait(TestStore.EngineTrait, TestStore.FixedEngine)]
public sealed class SeveralScrapersTests(FixtureSite site) : IClassFixture<FixtureSite>
{
    private const int SourceCount = 8;
    [Fact]
    public async Task Two_instances_fetch_each_source_once_and_store_each_article_once()
    {
        var dataDirectory = TestDirectory.Create();
        await using var first = new ScraperInstance(dataDirectory);
        await using var second = new ScraperInstance(dataDirectory);
        try
        {
            await FetchTogetherAsync(first, second);
        }
        finally
        {
            await second.DisposeAsync();
            await first.DisposeAsync();
            await TestStore.DropPostgresDatabaseAsync(first.PostgresDatabaseName!);
        }
    }

    private async Task FetchTogetherAsync(ScraperInstance first, ScraperInstance second)
    {
        // Both hosts run (and poll every 50 ms) before the sources exist: both find all of them due at once.
        Assert.NotNull(first.Services);
        Assert.NotNull(second.Services);
        var sources = Enumerable.Range(1, SourceCount).Select(i => new Source
        {
            Name = $"Shared {i}",
            // The slow feed (300 ms) keeps each fetch open long enough for the other instance's polls to meet it.
            Url = site.Url($"/feeds/slow.xml?items=shared-{i}-a,shared-{i}-b,shared-common"),
            Kind = SourceKind.Feed,
            CreatedAt = DateTime.UtcNow,
        }).ToArray();
        await first.ExecuteDbContextAsync(async db =>
        {
            db.Sources.AddRange(sources);
            await db.SaveChangesAsync();
        });

        for (var i = 0; i < 200 && await first.ExecuteDbContextAsync(db => db.Sources.CountAsync(s => s.LastFetchedAt == null)) > 0; i++)
        {
            await Task.Delay(100);
        }

        // Polls go on meanwhile (every 50 ms on each host): a source claimed twice would show here.
        await Task.Delay(1000);

        var fetchesPerSource = await first.ExecuteDbContextAsync(db =>
            db.SourceFetches.GroupBy(f => f.SourceId).Select(g => g.Count()).ToListAsync());
        Assert.Equal(SourceCount, fetchesPerSource.Count);
        Assert.All(fetchesPerSource, count => Assert.Equal(1, count));
        Assert.Equal(SourceCount, site.HitsOn("/feeds/slow.xml"));
        var urls = await first.ExecuteDbContextAsync(db => db.Articles.Select(a => a.Url).ToListAsync());
        Assert.Equal(urls.Count, urls.Distinct().Count());
        // Two items per source, and the item every feed lists (fetched by several sources at once) stored once.
        Assert.Equal((2 * SourceCount) + 1, urls.Count);
    }

    private sealed class ScraperInstance : NewsDeskFactory
    {
        public ScraperInstance(string dataDirectory)
            : base(dataDirectory, TestEngine.Postgres)
        {
            WithSetting("Ingest:Enabled", "true");
            WithSetting("Ingest:PollInterval", "00:00:00.050");
            WithSetting("Ingest:MaxConcurrentSources", "3");
            WithSetting("Ingest:AllowPrivateNetworks", "true");
            WithSetting("Ingest:PerHostDelay", "00:00:00");
            WithSetting("Ingest:PerHostConcurrency", "8");
            WithSetting("Ingest:RetryBaseDelay", "00:00:00.050");
            WithSetting("NewsDesk:ImportSeedsOnStart", "false");
        }
    }
}
