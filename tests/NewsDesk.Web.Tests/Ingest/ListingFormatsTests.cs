using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Cli;

namespace NewsDesk.Web.Tests.Ingest;

/// <summary>Feeds and sitemaps as the real web writes them, through the whole fetch pipeline.</summary>
public class ListingFormatsTests(FixtureSite site, IngestFactory factory) : IClassFixture<FixtureSite>, IClassFixture<IngestFactory>
{
    [Theory]
    [InlineData("/formats/feed.json?items=json-one", "json-one")]
    [InlineData("/formats/plain.json?items=json-two", "json-two")]
    [InlineData("/formats/rss090.xml?items=netscape-one", "netscape-one")]
    [InlineData("/formats/atom03.xml?items=atom03-one", "atom03-one")]
    [InlineData("/formats/ill-formed.xml?items=entity-one", "entity-one")]
    [InlineData("/formats/cyrillic.xml?items=cyrillic-one", "cyrillic-one")]
    public async Task Each_feed_format_yields_its_article(string path, string slug)
    {
        var id = await factory.AddSourceAsync(site.Url(path));

        var summary = await factory.FetchSourceAsync(id);

        Assert.True(summary.Succeeded, summary.Error);
        Assert.Equal(site.Url($"/articles/{slug}.html"), Assert.Single(await factory.ArticlesOfAsync(id)).Url);
        Assert.Equal("ok", SourceState.Of((await factory.FindAsync<Source>(id))!));
    }

    [Theory]
    [InlineData("/formats/no-links.xml", "0 items: the feed lists 2 entries, none usable: 2 without a link (only a guid that is not a permalink)")]
    [InlineData("/formats/empty.xml", "0 items: the feed (Rss20) lists no entries")]
    public async Task A_feed_with_nothing_usable_is_never_ok_and_says_why(string path, string error)
    {
        var id = await factory.AddSourceAsync(site.Url(path));

        var summary = await factory.FetchSourceAsync(id);

        Assert.False(summary.Succeeded);
        Assert.Equal(error, Assert.Single(await factory.FetchLogAsync(id)).Error);
        var source = (await factory.FindAsync<Source>(id))!;
        Assert.Equal("failing", SourceState.Of(source));
        Assert.Equal(error, source.LastError);
    }

    [Fact]
    public async Task A_nested_index_is_followed_to_its_gzipped_child_and_the_cycle_is_reported()
    {
        var id = await factory.AddSourceAsync(site.Url("/formats/nested.xml?items=nested-one,nested-two"), SourceKind.Sitemap);

        var summary = await factory.FetchSourceAsync(id);

        Assert.True(summary.Succeeded, summary.Error);
        Assert.Equal([site.Url("/articles/nested-one.html"), site.Url("/articles/nested-two.html")], (await factory.ArticlesOfAsync(id)).Select(a => a.Url).Order());
        Assert.Contains("is listed again (a cycle)", Assert.Single(await factory.FetchLogAsync(id)).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_truncated_sitemap_stores_its_complete_entries_and_reports_the_truncation()
    {
        var id = await factory.AddSourceAsync(site.Url("/formats/truncated.xml?items=trunc-one,trunc-two"), SourceKind.Sitemap);

        var summary = await factory.FetchSourceAsync(id);

        Assert.True(summary.Succeeded, summary.Error);
        Assert.Equal(2, (await factory.ArticlesOfAsync(id)).Count);
        Assert.Contains("breaks off at line", Assert.Single(await factory.FetchLogAsync(id)).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_text_sitemap_is_read_one_URL_a_line()
    {
        var id = await factory.AddSourceAsync(site.Url("/formats/urls.txt?items=text-one,text-two"), SourceKind.Sitemap);

        var summary = await factory.FetchSourceAsync(id);

        Assert.True(summary.Succeeded, summary.Error);
        Assert.Equal(2, (await factory.ArticlesOfAsync(id)).Count);
    }

    [Fact]
    public async Task A_sitemap_with_no_readable_child_is_never_ok()
    {
        var id = await factory.AddSourceAsync(site.Url("/formats/nested.xml?items="), SourceKind.Sitemap);

        var summary = await factory.FetchSourceAsync(id);

        Assert.False(summary.Succeeded);
        Assert.StartsWith("0 items: ", (await factory.FindAsync<Source>(id))!.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sources_add_of_a_home_page_offers_the_sitemaps_its_robots_txt_names()
    {
        await using var cli = new IngestFactory();

        var added = await ScrapeVerbTests.RunAsync(cli, "sources", "add", site.Url("/"));

        Assert.True(added.ExitCode == 0, added.Error);
        Assert.Contains(site.Url("/sitemaps/news.xml?items=robots-one") + "  sitemap (robots.txt)", added.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sources_add_then_scrape_once_reads_every_format_end_to_end()
    {
        await using var cli = new IngestFactory();
        string[] paths = ["/formats/feed.json?items=e2e-json", "/formats/rss090.xml?items=e2e-rss090", "/formats/atom03.xml?items=e2e-atom03",
            "/formats/ill-formed.xml?items=e2e-ill", "/formats/cyrillic.xml?items=e2e-cyr"];
        foreach (var path in paths)
        {
            var added = await ScrapeVerbTests.RunAsync(cli, "sources", "add", site.Url(path));
            Assert.True(added.ExitCode == 0, $"{path}: {added.Error}");
        }

        var added2 = await ScrapeVerbTests.RunAsync(cli, "sources", "add", site.Url("/formats/nested.xml?items=e2e-sitemap"), "--kind", "sitemap");
        var scraped = await ScrapeVerbTests.RunAsync(cli, "scrape", "--once");

        Assert.True(added2.ExitCode == 0, added2.Error);
        Assert.True(scraped.ExitCode == 0, scraped.Error);
        Assert.Contains("6 source(s) fetched, 6 new article(s), 0 failed.", scraped.Output, StringComparison.Ordinal);
        Assert.Contains("Новости дня: ok", scraped.Output, StringComparison.Ordinal);
    }
}
