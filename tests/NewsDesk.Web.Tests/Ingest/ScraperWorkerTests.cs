using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Ingest;

public class ScraperWorkerTests(FixtureSite site) : IClassFixture<FixtureSite>
{
    [Fact]
    public async Task The_worker_picks_up_a_fetch_now_request_and_clears_it()
    {
        await using var factory = new IngestFactory()
            .WithSetting("Ingest:Enabled", "true")
            .WithSetting("Ingest:PollInterval", "00:00:00.200");
        var source = new Source
        {
            Name = "Requested",
            Url = site.Url("/feeds/rss.xml?items=requested"),
            Kind = SourceKind.Feed,
            CreatedAt = DateTime.UtcNow,
            // Not due for a day: only the request makes the worker fetch it.
            NextFetchAt = DateTime.UtcNow.AddDays(1),
            FetchRequestedAt = DateTime.UtcNow,
        };
        var idle = new Source
        {
            Name = "Not due",
            Url = site.Url("/feeds/rss.xml?items=idle"),
            Kind = SourceKind.Feed,
            CreatedAt = DateTime.UtcNow,
            NextFetchAt = DateTime.UtcNow.AddDays(1),
        };
        await factory.InsertAsync(source, idle);

        var fetched = await WaitForAsync(async () => (await factory.FindAsync<Source>(source.Id))!.LastFetchedAt is not null);

        Assert.True(fetched, "the worker did not fetch the requested source");
        var after = (await factory.FindAsync<Source>(source.Id))!;
        Assert.Null(after.FetchRequestedAt);
        Assert.Single(await factory.ArticlesOfAsync(source.Id));
        Assert.Empty(await factory.FetchLogAsync(idle.Id));
    }

    [Fact]
    public async Task A_slow_source_holds_one_slot_and_the_other_sources_go_on_being_fetched()
    {
        await using var factory = new IngestFactory()
            .WithSetting("Ingest:Enabled", "true")
            .WithSetting("Ingest:PollInterval", "00:00:00.200")
            .WithSetting("Ingest:MaxConcurrentSources", "2")
            .WithSetting("Ingest:RequestTimeout", "00:01:00");
        // The drip sends a byte every 200 ms for ever: this fetch lasts the whole minute of its deadline.
        var slow = await factory.AddSourceAsync(site.Url("/drip.xml"), name: "Slow");
        var quick = await factory.AddSourceAsync(site.Url("/feeds/rss.xml?items=beside-slow"), name: "Quick");

        var once = await WaitForAsync(async () => (await factory.FetchLogAsync(quick)).Exists(f => f.FinishedAt is not null));
        await factory.ExecuteDbContextAsync(async db =>
        {
            var source = await db.Sources.SingleAsync(s => s.Id == quick);
            source.FetchRequestedAt = DateTime.UtcNow;
            await db.SaveChangesAsync();
        });
        var twice = await WaitForAsync(async () => (await factory.FetchLogAsync(quick)).Count(f => f.FinishedAt is not null) == 2);

        Assert.True(once && twice, "the quick source was not fetched again while the slow one was running");
        var slowLog = Assert.Single(await factory.FetchLogAsync(slow));
        Assert.Null(slowLog.FinishedAt);
    }

    [Fact]
    public async Task With_Ingest_Enabled_false_the_worker_fetches_nothing()
    {
        await using var factory = new IngestFactory().WithSetting("Ingest:PollInterval", "00:00:00.100");
        var id = await factory.AddSourceAsync(site.Url("/feeds/rss.xml?items=dormant"));

        await Task.Delay(1000);

        Assert.Empty(await factory.FetchLogAsync(id));
        Assert.Equal(0, site.HitsOn("/feeds/rss.xml"));
    }

    private static async Task<bool> WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 150; i++)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }
}
