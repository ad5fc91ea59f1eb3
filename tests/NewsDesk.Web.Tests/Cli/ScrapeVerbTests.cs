using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;
using NewsDesk.Web.Tests.Ingest;

namespace NewsDesk.Web.Tests.Cli;

public class ScrapeVerbTests(FixtureSite site) : IClassFixture<FixtureSite>
{
    [Fact]
    public async Task Sources_add_then_scrape_once_brings_the_feed_articles_into_the_browser_with_clean_text_and_dates()
    {
        await using var factory = new IngestFactory();
        var feed = site.Url("/feeds/rss.xml?items=cron-one,cron-two");

        var added = await RunAsync(factory, "sources", "add", feed);
        var scraped = await RunAsync(factory, "scrape", "--once");

        Assert.True(added.ExitCode == 0, added.Error);
        Assert.True(scraped.ExitCode == 0, scraped.Error);
        Assert.Contains("Fixture News: ok, HTTP 200, 2 item(s) seen, 2 new", scraped.Output, StringComparison.Ordinal);
        Assert.Contains("1 source(s) fetched, 2 new article(s), 0 failed.", scraped.Output, StringComparison.Ordinal);

        var client = factory.CreateClient();
        var list = await client.GetDocumentAsync("/");
        var link = list.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Article cron-one");
        var page = await client.GetDocumentAsync(link.GetAttribute("href")!);
        Assert.Equal("Article cron-one", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(FixturePages.Story("cron-one"), page.QuerySelectorAll(".article-body p").Select(p => p.TextContent));
        // The feed's "Sat, 01 Jun 2024 09:30:00 +0300", kept as UTC.
        Assert.Equal("1 June 2024, 06:30 UTC", page.QuerySelector(".article-meta time")!.TextContent);
    }

    [Fact]
    public async Task Scrape_once_fetches_every_enabled_source_reports_failures_per_source_and_still_exits_zero()
    {
        await using var factory = new IngestFactory();
        var good = await factory.AddSourceAsync(site.Url("/feeds/rss.xml?items=cron-good"), name: "Good feed");
        var broken = await factory.AddSourceAsync(site.Url("/feeds/broken.xml"), name: "Broken feed");
        var disabled = new Source { Name = "Off", Url = site.Url("/feeds/rss.xml?items=cron-off"), Kind = SourceKind.Feed, CreatedAt = DateTime.UtcNow, Enabled = false };
        await factory.InsertAsync(disabled);

        var result = await RunAsync(factory, "scrape", "--once");

        Assert.True(result.ExitCode == 0, result.Error);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains($"#{good} Good feed: ok, HTTP 200, 1 item(s) seen, 1 new", lines);
        Assert.Contains(lines, l => l.StartsWith($"#{broken} Broken feed: failed, HTTP 500, 0 item(s) seen, 0 new - HTTP 500", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("Off", StringComparison.Ordinal));
        Assert.Equal("2 source(s) fetched, 1 new article(s), 1 failed.", lines[^1]);
        Assert.Equal(0, site.HitsOn("/articles/cron-off.html"));
        Assert.Equal("failing", SourceState.Of((await factory.FindAsync<Source>(broken))!));
        Assert.Single(await factory.ArticlesOfAsync(good));
    }

    [Fact]
    public async Task Scrape_without_once_explains_itself_and_exits_2()
    {
        await using var factory = new IngestFactory();

        var result = await RunAsync(factory, "scrape");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("scrape needs --once", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, await factory.ExecuteDbContextAsync(db => db.SourceFetches.CountAsync()));
    }

    internal static Task<AppProcess.Result> RunAsync(NewsDeskFactory factory, params string[] arguments) => AppProcess.RunAsync(
    [
        .. arguments, .. factory.StoreArguments, $"--NewsDesk:DataDirectory={factory.DataDirectory}",
        "--Ingest:AllowPrivateNetworks=true", "--Ingest:PerHostDelay=00:00:00", "--Ingest:RetryBaseDelay=00:00:00.050",
    ]);
}
