using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Web.Ingest;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Ingest;

public class ScrapeRunnerTests(FixtureSite site) : IClassFixture<FixtureSite>
{
    [Fact]
    public async Task One_failing_source_does_not_stop_the_others()
    {
        await using var factory = new IngestFactory();
        var broken = await factory.AddSourceAsync(site.Url("/feeds/broken.xml"));
        var hostile = await factory.AddSourceAsync(site.Url("/hostile/lol.xml"));
        var good = await factory.AddSourceAsync(site.Url("/feeds/rss.xml?items=independent"));

        var results = await factory.Services.GetRequiredService<ScrapeRunner>()
            .RunAsync([(broken, "broken"), (hostile, "hostile"), (good, "good")], CancellationToken.None);

        Assert.Equal([false, false, true], results.Select(r => r.Succeeded));
        Assert.Single(await factory.ArticlesOfAsync(good));
    }

    [Fact]
    public async Task Sources_on_one_host_are_fetched_one_request_at_a_time()
    {
        await using var factory = new IngestFactory()
            .WithSetting("Ingest:PerHostConcurrency", "1")
            .WithSetting("Ingest:MaxConcurrentSources", "4");
        var sources = new List<(int, string)>();
        for (var i = 0; i < 4; i++)
        {
            sources.Add((await factory.AddSourceAsync(site.Url($"/feeds/slow.xml?items=one-at-a-time-{i}")), $"slow {i}"));
        }

        site.ResetConcurrency();
        var results = await factory.Services.GetRequiredService<ScrapeRunner>().RunAsync(sources, CancellationToken.None);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        Assert.Equal(1, site.MaxInFlight);
    }

    [Fact]
    public async Task Requests_to_one_host_start_at_least_the_per_host_delay_apart()
    {
        await using var factory = new IngestFactory().WithSetting("Ingest:PerHostDelay", "00:00:00.400");
        var id = await factory.AddSourceAsync(site.Url("/feeds/rss.xml?items=paced-1,paced-2,paced-3"));
        var since = DateTimeOffset.UtcNow;

        await factory.FetchSourceAsync(id);

        var starts = site.Requests.Where(r => r.At >= since && r.PathAndQuery.Contains("paced", StringComparison.Ordinal)).Select(r => r.At).Order().ToList();
        Assert.Equal(4, starts.Count);
        // The fixture sees a request when it arrives, not when the throttle released it: on a loaded machine an
        // arrival can lag its release, shortening the next gap (334 ms once for a 400 ms delay). Unthrottled, the
        // gaps are a few milliseconds, so half the delay still tells the two apart.
        Assert.All(starts.Zip(starts.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromMilliseconds(200), $"{pair.Second - pair.First}"));
    }

    [Fact]
    public async Task Sources_listing_the_same_pages_fetched_side_by_side_store_each_page_once_and_report_no_error()
    {
        await using var factory = new IngestFactory();
        var slugs = string.Join(',', Enumerable.Range(1, 24).Select(i => $"shared-{i}"));
        var rss = await factory.AddSourceAsync(site.Url($"/feeds/rss.xml?items={slugs}"));
        var atom = await factory.AddSourceAsync(site.Url($"/feeds/atom.xml?items={slugs}"));
        var rdf = await factory.AddSourceAsync(site.Url($"/feeds/rdf.xml?items={slugs}"));

        var results = await factory.Services.GetRequiredService<ScrapeRunner>()
            .RunAsync([(rss, "rss"), (atom, "atom"), (rdf, "rdf")], CancellationToken.None);

        Assert.All(results, r => Assert.True(r.Succeeded && r.Error is null, r.Error));
        Assert.Equal(24, results.Sum(r => r.NewArticles));
        var urls = await factory.ExecuteDbContextAsync(db => db.Articles.Where(a => a.Url.Contains("/shared-")).Select(a => a.Url).ToListAsync());
        Assert.Equal(24, urls.Count);
        Assert.Equal(24, urls.Distinct().Count());
    }

    [Fact]
    public async Task Sources_listing_the_same_pages_fetched_side_by_side_download_each_page_once()
    {
        await using var factory = new IngestFactory();
        var slugs = string.Join(',', Enumerable.Range(1, 24).Select(i => $"once-{i}"));
        var rss = await factory.AddSourceAsync(site.Url($"/feeds/rss.xml?items={slugs}"));
        var atom = await factory.AddSourceAsync(site.Url($"/feeds/atom.xml?items={slugs}"));
        var rdf = await factory.AddSourceAsync(site.Url($"/feeds/rdf.xml?items={slugs}"));

        var results = await factory.Services.GetRequiredService<ScrapeRunner>()
            .RunAsync([(rss, "rss"), (atom, "atom"), (rdf, "rdf")], CancellationToken.None);

        Assert.Equal(24, results.Sum(r => r.NewArticles));
        // Claimed by the first source to reach it: the others neither download nor extract it again.
        Assert.All(Enumerable.Range(1, 24), i => Assert.Equal(1, site.HitsOn($"/articles/once-{i}.html")));
        // Nothing is remembered once no fetch runs: later fetches find the pages in the database.
        Assert.Equal(0, factory.Services.GetRequiredService<PageClaims>().Count);
    }

    [Fact]
    public void A_page_stored_while_a_fetch_runs_stays_claimed_until_every_fetch_begun_before_it_has_ended()
    {
        var claims = new PageClaims();
        var early = claims.BeginFetch();
        var other = claims.BeginFetch();
        Assert.True(claims.TryClaim("https://example.com/a"));
        Assert.False(claims.TryClaim("https://example.com/a"));
        claims.Release("https://example.com/a", stored: true);
        var late = claims.BeginFetch();

        other.Dispose();
        // The early fetch read the stored pages before /a was stored: it must still be told.
        Assert.False(claims.TryClaim("https://example.com/a"));
        early.Dispose();
        // Only the late fetch runs, and it began after /a was stored (its database read sees it).
        Assert.Equal(0, claims.Count);
        late.Dispose();

        Assert.True(claims.TryClaim("https://example.com/b"));
        claims.Release("https://example.com/b", stored: false);
        Assert.True(claims.TryClaim("https://example.com/b"));
    }
}
