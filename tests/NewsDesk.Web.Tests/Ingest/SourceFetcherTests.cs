using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Ingest;

namespace NewsDesk.Web.Tests.Ingest;

public class SourceFetcherTests(FixtureSite site, IngestFactory factory) : IClassFixture<FixtureSite>, IClassFixture<IngestFactory>
{
    [Fact]
    public async Task A_feed_fetch_stores_each_item_with_its_text_and_the_feed_date()
    {
        var id = await factory.AddSourceAsync(site.Url("/feeds/rss.xml?items=alpha,beta"));

        var summary = await factory.FetchSourceAsync(id);

        Assert.True(summary.Succeeded, summary.Error);
        // Items are stored as their downloads finish (side by side), not in the feed's order.
        var articles = (await factory.ArticlesOfAsync(id)).OrderBy(a => a.Url, StringComparer.Ordinal).ToList();
        Assert.Equal([site.Url("/articles/alpha.html"), site.Url("/articles/beta.html")], articles.Select(a => a.Url));
        Assert.Equal(string.Join("\n\n", FixturePages.Story("alpha")), articles[0].Text);
        Assert.Equal("Article alpha", articles[0].Title);
        Assert.Equal(new DateTime(2024, 6, 1, 6, 30, 0, DateTimeKind.Utc), articles[0].PublishedAt);
        Assert.Equal(180, articles[0].PublishedUtcOffsetMinutes);
        Assert.Equal(DatePrecision.Minute, articles[0].PublishedPrecision);
        Assert.Equal(ContentHash.Of(articles[0].Text), articles[0].ContentHash);
        Assert.NotNull(articles[0].SimHash);
        var log = Assert.Single(await factory.FetchLogAsync(id));
        Assert.Equal((200, 2, 2, (string?)null), (log.HttpStatus, log.ItemsSeen, log.NewArticles, log.Error));
        Assert.NotNull(log.FinishedAt);
        var source = (await factory.FindAsync<Source>(id))!;
        Assert.Equal("ok", SourceState.Of(source));
        Assert.True(source.NextFetchAt > source.LastFetchedAt);
    }

    [Theory]
    [InlineData("/feeds/atom.xml?items=atom-one", SourceKind.Feed)]
    [InlineData("/feeds/rdf.xml?items=rdf-one", SourceKind.Feed)]
    [InlineData("/feeds/doctype.xml", SourceKind.Feed)]
    [InlineData("/sitemaps/index.xml?items=news-one", SourceKind.Sitemap)]
    [InlineData("/sitemaps/news.xml?items=news-two", SourceKind.Sitemap)]
    [InlineData("/articles/page-one.html", SourceKind.Page)]
    public async Task Each_kind_of_source_yields_its_article(string path, SourceKind kind)
    {
        var id = await factory.AddSourceAsync(site.Url(path), kind);

        var summary = await factory.FetchSourceAsync(id);

        Assert.True(summary.Succeeded, summary.Error);
        var article = Assert.Single(await factory.ArticlesOfAsync(id));
        Assert.StartsWith("Article ", article.Title, StringComparison.Ordinal);
        Assert.Equal(4, article.Text.Split("\n\n").Length);
    }

    [Fact]
    public async Task A_second_fetch_sends_the_ETag_and_a_304_adds_nothing()
    {
        var id = await factory.AddSourceAsync(site.Url("/feeds/rss.xml?items=again"));
        await factory.FetchSourceAsync(id);
        var etag = (await factory.FindAsync<Source>(id))!.ETag;

        var second = await factory.FetchSourceAsync(id);

        Assert.NotNull(etag);
        Assert.Equal(304, second.HttpStatus);
        Assert.Equal(0, second.NewArticles);
        Assert.Contains(site.Requests, r => r.PathAndQuery == "/feeds/rss.xml?items=again" && r.IfNoneMatch == etag);
        Assert.Single(await factory.ArticlesOfAsync(id));
    }

    [Fact]
    public async Task A_fetch_stopped_midway_keeps_no_validators_so_the_next_fetch_stores_every_item()
    {
        // One item at a time, so the stop falls before the fourth page is downloaded.
        await using var oneByOne = new IngestFactory().WithSetting("Ingest:ItemConcurrency", "1");
        var slugs = Enumerable.Range(1, 6).Select(i => $"cut-{i}").ToList();
        var id = await oneByOne.AddSourceAsync(site.Url($"/feeds/rss.xml?items={string.Join(',', slugs)}"));
        using var stop = new CancellationTokenSource();
        site.WhenRequested("/articles/cut-4.html", stop.Cancel);

        await using (var scope = oneByOne.Services.CreateAsyncScope())
        {
            var cut = await scope.ServiceProvider.GetRequiredService<SourceFetcher>().FetchAsync(id, stop.Token);
            Assert.Contains("cancelled", cut.Error, StringComparison.Ordinal);
        }

        var stopped = (await oneByOne.FindAsync<Source>(id))!;
        // At most the three pages downloaded before the stop (the storer may not have saved them all yet).
        Assert.InRange((await oneByOne.ArticlesOfAsync(id)).Count, 0, 3);
        Assert.Null(stopped.ETag);

        var next = await oneByOne.FetchSourceAsync(id);

        Assert.Equal(200, next.HttpStatus);
        Assert.Equal(slugs.Select(s => site.Url($"/articles/{s}.html")).Order(), (await oneByOne.ArticlesOfAsync(id)).Select(a => a.Url).Order());
        Assert.NotNull((await oneByOne.FindAsync<Source>(id))!.ETag);
    }

    [Fact]
    public async Task Items_left_by_the_per_fetch_cap_are_fetched_next_time_and_then_the_feed_is_asked_conditionally()
    {
        await using var capped = new IngestFactory().WithSetting("Ingest:MaxNewArticlesPerFetch", "2");
        var id = await capped.AddSourceAsync(site.Url("/feeds/rss.xml?items=cap-1,cap-2,cap-3,cap-4,cap-5"));

        var fetches = new List<SourceFetchSummary>();
        for (var i = 0; i < 4; i++)
        {
            fetches.Add(await capped.FetchSourceAsync(id));
        }

        Assert.Equal([2, 2, 1, 0], fetches.Select(f => f.NewArticles));
        Assert.Equal([200, 200, 200, 304], fetches.Select(f => f.HttpStatus));
        Assert.Equal(5, (await capped.ArticlesOfAsync(id)).Count);
    }

    [Fact]
    public async Task Tracking_parameters_and_fragments_do_not_make_a_second_copy()
    {
        var tracked = await factory.AddSourceAsync(site.Url("/feeds/rss.xml?items=tracked&tracking=1"));
        var plain = await factory.AddSourceAsync(site.Url("/articles/tracked.html"), SourceKind.Page);

        await factory.FetchSourceAsync(tracked);
        var plainSummary = await factory.FetchSourceAsync(plain);

        var article = Assert.Single(await factory.ArticlesOfAsync(tracked));
        Assert.Equal(site.Url("/articles/tracked.html"), article.Url);
        Assert.True(plainSummary.Succeeded);
        Assert.Equal(0, plainSummary.NewArticles);
        Assert.Empty(await factory.ArticlesOfAsync(plain));
    }

    [Fact]
    public async Task A_wire_story_republished_elsewhere_is_linked_to_the_first_copy()
    {
        var first = await factory.AddSourceAsync(site.Url("/feeds/wire.xml?outlet=alpha-news&items=wire-story,own-story"));
        var second = await factory.AddSourceAsync(site.Url("/feeds/wire.xml?outlet=beta-times&items=wire-story"));

        await factory.FetchSourceAsync(first);
        await factory.FetchSourceAsync(second);

        // Items of one fetch are stored as their downloads finish (side by side), so look the original up by address.
        var originals = await factory.ArticlesOfAsync(first);
        var wire = Assert.Single(originals, a => a.Url.Contains("wire-story", StringComparison.Ordinal));
        var copy = Assert.Single(await factory.ArticlesOfAsync(second));
        Assert.NotEqual(wire.ContentHash, copy.ContentHash);
        Assert.Equal(wire.Id, copy.DuplicateOfId);
        Assert.All(originals, a => Assert.Null(a.DuplicateOfId));
    }

    [Theory]
    [InlineData("/hostile/xxe.xml")]
    [InlineData("/hostile/lol.xml")]
    public async Task A_hostile_feed_fails_with_a_logged_error_and_the_source_shows_failing(string path)
    {
        var id = await factory.AddSourceAsync(site.Url(path));

        var summary = await factory.FetchSourceAsync(id);

        Assert.False(summary.Succeeded);
        var log = Assert.Single(await factory.FetchLogAsync(id));
        Assert.Contains("not a readable feed", log.Error, StringComparison.Ordinal);
        // Refused before any parser sees it: the DTD declares entities (XXE or expansion).
        Assert.Contains("declares its own entity", log.Error, StringComparison.Ordinal);
        Assert.Equal("failing", SourceState.Of((await factory.FindAsync<Source>(id))!));
    }

    [Fact]
    public async Task Items_that_cannot_be_stored_are_logged_and_the_rest_are_stored()
    {
        var id = await factory.AddSourceAsync(site.Url("/feeds/mixed.xml?items=survivor"));

        var summary = await factory.FetchSourceAsync(id);

        Assert.True(summary.Succeeded);
        Assert.Equal(site.Url("/articles/survivor.html"), Assert.Single(await factory.ArticlesOfAsync(id)).Url);
        var log = Assert.Single(await factory.FetchLogAsync(id));
        Assert.Equal(3, log.ItemsSeen);
        Assert.Contains("empty.html: no article text found", log.Error, StringComparison.Ordinal);
        Assert.Contains("disallowed by robots.txt", log.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_source_that_keeps_failing_backs_off_and_stays_listed_as_failing()
    {
        var id = await factory.AddSourceAsync(site.Url("/feeds/broken.xml"));

        await factory.FetchSourceAsync(id);
        var once = (await factory.FindAsync<Source>(id))!;
        await factory.FetchSourceAsync(id);
        var twice = (await factory.FindAsync<Source>(id))!;

        Assert.Equal(2, twice.ConsecutiveErrors);
        Assert.Equal(500, twice.LastHttpStatus);
        Assert.Contains("HTTP 500", twice.LastError, StringComparison.Ordinal);
        Assert.True(twice.NextFetchAt - twice.LastFetchedAt > once.NextFetchAt - once.LastFetchedAt);
        Assert.True(twice.Enabled);
        Assert.Equal("failing", SourceState.Of(twice));
    }

    [Fact]
    public async Task A_long_Retry_After_postpones_the_next_fetch_at_least_that_long()
    {
        var id = await factory.AddSourceAsync(site.Url("/feeds/long-wait.xml"));

        await factory.FetchSourceAsync(id);

        var source = (await factory.FindAsync<Source>(id))!;
        Assert.True(source.NextFetchAt >= source.LastFetchedAt!.Value.AddHours(1));
    }

    [Fact]
    public async Task A_page_in_windows_1256_keeps_its_Arabic_text()
    {
        var id = await factory.AddSourceAsync(site.Url("/arabic.html"), SourceKind.Page);

        await factory.FetchSourceAsync(id);

        Assert.Equal(FixturePages.ArabicSentence, Assert.Single(await factory.ArticlesOfAsync(id)).Text);
    }

    [Fact]
    public async Task Binary_bodies_served_as_HTML_are_skipped_with_a_reason_and_text_articles_are_stored()
    {
        var id = await factory.AddSourceAsync(site.Url("/feeds/binary.xml?items=beside-binary"));

        var summary = await factory.FetchSourceAsync(id);

        Assert.True(summary.Succeeded, summary.Error);
        var article = Assert.Single(await factory.ArticlesOfAsync(id));
        Assert.Equal(site.Url("/articles/beside-binary.html"), article.Url);
        var log = Assert.Single(await factory.FetchLogAsync(id));
        Assert.Contains("a PNG image, not text", log.Error, StringComparison.Ordinal);
        Assert.Contains("gzip data (compressed twice?), not text", log.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entry_whose_url_is_longer_than_the_store_keeps_is_skipped_with_a_reason_and_the_others_are_stored()
    {
        // The address is kept whole or not at all: cut, it would name another page.
        var id = await factory.AddSourceAsync(site.Url("/feeds/long-address.xml?items=beside-long"));

        var summary = await factory.FetchSourceAsync(id);

        Assert.True(summary.Succeeded, summary.Error);
        var article = Assert.Single(await factory.ArticlesOfAsync(id));
        Assert.Equal(site.Url("/articles/beside-long.html"), article.Url);
        var log = Assert.Single(await factory.FetchLogAsync(id));
        Assert.Contains("1 entry skipped: a URL longer than 2,048 characters", log.Error, StringComparison.Ordinal);
        Assert.Equal(0, site.HitsOn($"/articles/{FixtureSite.LongSlug}.html"));
    }
}
