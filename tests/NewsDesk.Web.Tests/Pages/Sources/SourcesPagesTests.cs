using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;
using NewsDesk.Web.Tests.Infrastructure.Builders;
using NewsDesk.Web.Tests.Ingest;

namespace NewsDesk.Web.Tests.Pages.Sources;

public class SourcesPagesTests(FixtureSite site, IngestFactory factory) : IClassFixture<FixtureSite>, IClassFixture<IngestFactory>
{
    [Fact]
    public async Task The_list_shows_each_source_with_kind_URL_fetch_times_article_count_state_and_last_error()
    {
        var failing = new Source
        {
            Name = "Failing wire",
            Url = "https://wire.example/failing.xml",
            Kind = SourceKind.Feed,
            CreatedAt = DateTime.UtcNow,
            LastFetchedAt = new DateTime(2024, 7, 27, 9, 15, 0, DateTimeKind.Utc),
            NextFetchAt = new DateTime(2024, 7, 27, 13, 15, 0, DateTimeKind.Utc),
            ConsecutiveErrors = 3,
            LastError = "HTTP 500 Internal Server Error from https://wire.example/failing.xml",
        };
        await factory.InsertAsync(failing);
        await factory.InsertAsync(
            new ArticleBuilder().With(a => a.SourceId = failing.Id).Build(),
            new ArticleBuilder().With(a => a.SourceId = failing.Id).Build());

        var page = await factory.CreateClient().GetDocumentAsync("/sources");

        var cells = page.QuerySelector($"tr[data-source-id='{failing.Id}']")!.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(
            ["Failing wire", "feed", "https://wire.example/failing.xml", "2024-07-27 09:15 UTC", "2024-07-27 13:15 UTC", "2", "failing",
                "HTTP 500 Internal Server Error from https://wire.example/failing.xml"],
            cells);
    }

    [Fact]
    public async Task Adding_a_feed_URL_stores_a_feed_source_named_after_the_feed()
    {
        var url = site.Url("/feeds/rss.xml?items=added-by-page");

        var response = await factory.CreateClient().SubmitAsync("/sources/add", "main form",
            [Forms.Field("Input.Url", url), Forms.Field("Input.Name", ""), Forms.Field("Input.Kind", "Auto")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var source = await factory.ExecuteDbContextAsync(db => db.Sources.SingleAsync(s => s.Url == url));
        Assert.Equal((SourceKind.Feed, "Fixture News"), (source.Kind, source.Name));
        Assert.Equal($"/sources/{source.Id}", response.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task Adding_a_home_page_offers_the_feeds_it_advertises_and_one_can_be_picked()
    {
        var client = factory.CreateClient();

        var offer = await client.SubmitAsync("/sources/add", "main form",
            [Forms.Field("Input.Url", site.Url("/home.html")), Forms.Field("Input.Name", ""), Forms.Field("Input.Kind", "Auto")]);

        var page = await offer.ReadDocumentAsync();
        var offered = page.QuerySelectorAll(".offered-feeds form input[name='Input.Url']").Select(i => i.GetAttribute("value")).ToList();
        Assert.Equal([site.Url("/feeds/rss.xml?items=home-a"), site.Url("/feeds/atom.xml?items=home-b")], offered);
        Assert.Equal(0, await factory.ExecuteDbContextAsync(db => db.Sources.CountAsync(s => s.Url == site.Url("/home.html"))));

        var token = page.QuerySelector(".offered-feeds form input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var picked = await client.PostAsync("/sources/add", new FormUrlEncodedContent(
        [
            Forms.Field("Input.Url", offered[1]!), Forms.Field("Input.Kind", "Feed"), Forms.Field("Input.Name", ""),
            Forms.Field("__RequestVerificationToken", token),
        ]));

        Assert.Equal(HttpStatusCode.OK, picked.StatusCode);
        var source = await factory.ExecuteDbContextAsync(db => db.Sources.SingleAsync(s => s.Url == offered[1]));
        Assert.Equal((SourceKind.Feed, "Fixture Atom"), (source.Kind, source.Name));
    }

    [Theory]
    [InlineData("not a web address", "enter an absolute http:// or https:// address")]
    [InlineData("/feeds/broken.xml", "HTTP 500")]
    [InlineData("/hostile/deep.html", "more than 3000 levels deep; refusing to parse it")]
    [InlineData("http://[::1]:9/feed.xml", "network error")]
    public async Task A_URL_that_cannot_be_added_shows_why_and_adds_nothing(string url, string error)
    {
        var target = url.StartsWith('/') ? site.Url(url) : url;
        var before = await factory.CountAsync<Source>();

        var response = await factory.CreateClient().SubmitAsync("/sources/add", "main form",
            [Forms.Field("Input.Url", target), Forms.Field("Input.Name", ""), Forms.Field("Input.Kind", "Auto")]);

        var page = await response.ReadDocumentAsync();
        Assert.Contains(error, page.QuerySelector("[data-valmsg-for='Input.Url']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(target, page.QuerySelector("input[name='Input.Url']")!.GetAttribute("value"));
        Assert.Equal(before, await factory.CountAsync<Source>());
    }

    [Fact]
    public async Task Editing_a_source_changes_its_settings_and_forgets_validators_of_the_old_address()
    {
        var source = new Source
        {
            Name = "Before",
            Url = "https://edit.example/old.xml",
            Kind = SourceKind.Feed,
            CreatedAt = DateTime.UtcNow,
            ETag = "\"old\"",
            LastModified = "Sat, 27 Jul 2024 10:00:00 GMT",
        };
        await factory.InsertAsync(source);

        await factory.CreateClient().SubmitFormAsync($"/sources/{source.Id}/edit", new Dictionary<string, string>
        {
            ["Input.Name"] = "After",
            ["Input.Url"] = "https://edit.example/sitemap.xml",
            ["Input.Kind"] = "Sitemap",
            ["Input.FetchIntervalMinutes"] = "120",
        });

        var after = (await factory.FindAsync<Source>(source.Id))!;
        Assert.Equal(("After", "https://edit.example/sitemap.xml", SourceKind.Sitemap, 120), (after.Name, after.Url, after.Kind, after.FetchIntervalMinutes));
        Assert.Null(after.ETag);
        Assert.Null(after.LastModified);
    }

    [Fact]
    public async Task Editing_a_source_grades_its_reliability_and_sets_its_scale_and_the_details_page_shows_both()
    {
        var source = new Source { Name = "Graded wire", Url = "https://grade.example/feed.xml", Kind = SourceKind.Feed, CreatedAt = DateTime.UtcNow };
        await factory.InsertAsync(source);
        var client = factory.CreateClient();

        await client.SubmitFormAsync($"/sources/{source.Id}/edit", new Dictionary<string, string>
        {
            ["Input.Reliability"] = nameof(SourceReliability.UsuallyReliable),
            ["Input.Scale"] = nameof(SourceScale.International),
        });

        var after = (await factory.FindAsync<Source>(source.Id))!;
        Assert.Equal((SourceReliability.UsuallyReliable, SourceScale.International), (after.Reliability, after.Scale));
        var page = await client.GetDocumentAsync($"/sources/{source.Id}");
        Assert.Equal("B: usually reliable", page.QuerySelector(".source-reliability")!.TextContent);
        Assert.Equal("International", page.QuerySelector(".source-scale")!.TextContent);
    }

    [Fact]
    public async Task Two_editors_saving_the_same_source_the_second_sees_the_first_ones_values_and_overwrites_nothing()
    {
        var source = new Source { Name = "Shared feed", Url = $"https://race.example/{Guid.NewGuid():N}.xml", Kind = SourceKind.Feed, CreatedAt = DateTime.UtcNow };
        await factory.InsertAsync(source);
        var amira = factory.CreateClient();
        var ben = factory.CreateClient();
        var url = $"/sources/{source.Id}/edit";
        var amirasForm = await amira.GetDocumentAsync(url);
        var bensForm = await ben.GetDocumentAsync(url);

        var first = await amira.SubmitFormAsync(amirasForm, url, new Dictionary<string, string> { ["Input.Name"] = "Amira's name", ["Input.FetchIntervalMinutes"] = "15" });
        var second = await ben.SubmitFormAsync(bensForm, url, new Dictionary<string, string> { ["Input.Name"] = "Ben's name" });

        Assert.Equal($"/sources/{source.Id}", first.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(url, second.RequestMessage!.RequestUri!.AbsolutePath);
        var conflict = (await second.ReadDocumentAsync()).QuerySelector(".conflict")!.TextContent;
        Assert.Contains("Nothing was overwritten", conflict, StringComparison.Ordinal);
        Assert.Contains("Amira's name", conflict, StringComparison.Ordinal);
        Assert.Contains("every 15 minutes", conflict, StringComparison.Ordinal);
        var stored = (await factory.FindAsync<Source>(source.Id))!;
        Assert.Equal(("Amira's name", 15, 2), (stored.Name, stored.FetchIntervalMinutes, stored.Version));
    }

    [Fact]
    public async Task Disabling_a_source_shows_it_as_disabled_and_the_scraper_skips_it()
    {
        var id = await factory.AddSourceAsync(site.Url("/feeds/rss.xml?items=to-disable"), name: "To disable");

        await factory.CreateClient().SubmitAsync($"/sources/{id}", "form[action*='handler=Toggle']", []);

        var source = (await factory.FindAsync<Source>(id))!;
        Assert.False(source.Enabled);
        var list = await factory.CreateClient().GetDocumentAsync("/sources");
        Assert.Equal("disabled", list.QuerySelector($"tr[data-source-id='{id}'] .source-state")!.TextContent);
    }

    [Fact]
    public async Task Deleting_a_source_keeps_its_articles_and_drops_its_fetch_log()
    {
        var id = await factory.AddSourceAsync(site.Url("/feeds/rss.xml?items=kept-one,kept-two"), name: "To delete");
        await factory.FetchSourceAsync(id);
        var articleIds = (await factory.ArticlesOfAsync(id)).Select(a => a.Id).ToList();

        var response = await factory.CreateClient().SubmitAsync($"/sources/{id}", "form[action*='handler=Delete']", []);

        Assert.Equal("/sources", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("deleted; its articles were kept", (await response.ReadDocumentAsync()).QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await factory.FindAsync<Source>(id));
        Assert.Empty(await factory.FetchLogAsync(id));
        var kept = await factory.ExecuteDbContextAsync(db => db.Articles.AsNoTracking().Where(a => articleIds.Contains(a.Id)).ToListAsync());
        Assert.Equal(2, kept.Count);
        Assert.All(kept, a => Assert.Null(a.SourceId));
    }

    [Fact]
    public async Task Fetch_now_queues_a_request_shows_progress_and_then_the_fetch_log_shows_the_result()
    {
        var id = await factory.AddSourceAsync(site.Url("/feeds/rss.xml?items=fetched-now"), name: "Fetch me");
        var client = factory.CreateClient();

        var queued = await (await client.SubmitAsync($"/sources/{id}", "form[action*='handler=FetchNow']", [])).ReadDocumentAsync();

        Assert.NotNull((await factory.FindAsync<Source>(id))!.FetchRequestedAt);
        Assert.NotNull(queued.QuerySelector(".fetch-progress"));
        Assert.Equal("3", queued.QuerySelector("meta[http-equiv=refresh]")!.GetAttribute("content"));

        // The worker is off in these tests; run what it runs for a request.
        await factory.FetchSourceAsync(id);
        var done = await client.GetDocumentAsync($"/sources/{id}");

        Assert.Null(done.QuerySelector(".fetch-progress"));
        Assert.Null(done.QuerySelector("meta[http-equiv=refresh]"));
        var log = done.QuerySelectorAll(".fetch-log tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        var row = Assert.Single(log);
        Assert.Equal(["200", "1", "1", ""], row[2..]);
        Assert.Equal("ok", done.QuerySelector(".source-state")!.TextContent);
    }

    [Fact]
    public async Task The_details_page_shows_a_failing_source_with_its_error_in_the_fetch_log()
    {
        var id = await factory.AddSourceAsync(site.Url("/feeds/broken.xml"), name: "Broken");
        await factory.FetchSourceAsync(id);

        var page = await factory.CreateClient().GetDocumentAsync($"/sources/{id}");

        Assert.Equal("failing", page.QuerySelector(".source-state")!.TextContent);
        var row = page.QuerySelector(".fetch-log tbody tr")!.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal("500", row[2]);
        Assert.Contains("HTTP 500", row[5], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Importing_OPML_adds_each_feed_once()
    {
        var opml = $"""
            <?xml version="1.0"?><opml version="2.0"><head><title>Subscriptions</title></head><body>
            <outline text="World"><outline type="rss" text="Wire one" xmlUrl="https://opml.example/one.xml"/>
            <outline type="rss" text="Wire two" xmlUrl="https://opml.example/two.xml"/></outline>
            <outline type="rss" text="Wire one again" xmlUrl="https://opml.example/one.xml"/></body></opml>
            """;

        var first = await ImportAsync(opml);
        var second = await ImportAsync(opml);

        Assert.Contains("Imported 2 feed(s)", first, StringComparison.Ordinal);
        Assert.Contains("Imported 0 feed(s)", second, StringComparison.Ordinal);
        var names = await factory.ExecuteDbContextAsync(db =>
            db.Sources.Where(s => s.Url.StartsWith("https://opml.example/")).OrderBy(s => s.Url).Select(s => s.Name).ToListAsync());
        Assert.Equal(["Wire one", "Wire two"], names);
    }

    [Fact]
    public async Task Importing_OPML_with_an_IPv6_literal_stores_a_URL_that_parses()
    {
        var imported = await ImportAsync("""
            <?xml version="1.0"?><opml version="2.0"><body><outline type="rss" text="Six" xmlUrl="http://[::1]:8080/six.xml"/></body></opml>
            """);

        Assert.Contains("Imported 1 feed(s)", imported, StringComparison.Ordinal);
        var url = await factory.ExecuteDbContextAsync(db => db.Sources.Where(s => s.Name == "Six").Select(s => s.Url).SingleAsync());
        Assert.Equal("http://[::1]:8080/six.xml", url);
        Assert.True(Uri.TryCreate(url, UriKind.Absolute, out _));
    }

    [Fact]
    public async Task Importing_OPML_refuses_internal_addresses_and_saves_only_the_public_feeds()
    {
        await using var guarded = new IngestFactory().WithSetting("Ingest:AllowPrivateNetworks", "false");
        var opml = """
            <?xml version="1.0"?><opml version="2.0"><body>
            <outline type="rss" text="Metadata" xmlUrl="http://169.254.169.254/latest/meta-data/"/>
            <outline type="rss" text="Loopback" xmlUrl="http://[::1]:8180/feed.xml"/>
            <outline type="rss" text="Intranet" xmlUrl="http://10.1.2.3/feed.xml"/>
            <outline type="rss" text="Public" xmlUrl="http://93.184.216.34/feed.xml"/>
            </body></opml>
            """;

        var imported = await ImportAsync(opml, guarded);

        Assert.Contains("Imported 1 feed(s)", imported, StringComparison.Ordinal);
        Assert.Contains("3 refused", imported, StringComparison.Ordinal);
        Assert.Contains("169.254.169.254: link-local", imported, StringComparison.Ordinal);
        var urls = await guarded.ExecuteDbContextAsync(db => db.Sources.Select(s => s.Url).ToListAsync());
        Assert.Equal(["http://93.184.216.34/feed.xml"], urls);
    }

    [Fact]
    public async Task Adding_a_home_page_does_not_offer_a_feed_on_an_internal_address()
    {
        await using var guarded = new IngestFactory()
            .WithSetting("Ingest:AllowPrivateNetworks", "false")
            .WithSetting("Ingest:AllowedPrivateHosts:0", $"localhost:{site.Port}");

        var offer = await guarded.CreateClient().SubmitAsync("/sources/add", "main form",
            [Forms.Field("Input.Url", $"http://localhost:{site.Port}/hostile/home-internal.html"), Forms.Field("Input.Name", ""), Forms.Field("Input.Kind", "Auto")]);

        var page = await offer.ReadDocumentAsync();
        var offered = page.QuerySelectorAll(".offered-feeds form input[name='Input.Url']").Select(i => i.GetAttribute("value")).ToList();
        Assert.Equal([$"http://localhost:{site.Port}/feeds/atom.xml?items=home-internal"], offered);
    }

    [Fact]
    public async Task A_file_that_is_not_OPML_is_refused_with_a_message()
    {
        var before = await factory.CountAsync<Source>();

        var page = await (await PostOpmlAsync("<html><body>not a list</body></html>")).ReadDocumentAsync();

        Assert.Contains("is not a readable OPML file", page.QuerySelector("[data-valmsg-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await factory.CountAsync<Source>());
    }

    [Fact]
    public async Task A_source_name_with_markup_is_shown_as_text()
    {
        var id = await factory.AddSourceAsync("https://markup.example/feed.xml", name: "<img src=x onerror=alert(1)>Wire");

        var list = await factory.CreateClient().GetDocumentAsync("/sources");

        var cell = list.QuerySelector($"tr[data-source-id='{id}'] td")!;
        Assert.Equal("<img src=x onerror=alert(1)>Wire", cell.TextContent.Trim());
        Assert.Null(cell.QuerySelector("img"));
    }

    private async Task<string> ImportAsync(string opml, NewsDeskFactory? app = null)
    {
        var page = await (await PostOpmlAsync(opml, app)).ReadDocumentAsync();
        return page.QuerySelector("[role=status]")!.TextContent;
    }

    private async Task<HttpResponseMessage> PostOpmlAsync(string opml, NewsDeskFactory? app = null)
    {
        var client = (app ?? factory).CreateClient();
        var form = await client.GetDocumentAsync("/sources/import");
        var token = form.QuerySelector("main form input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(opml));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/x-opml");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { file, "Upload", "subscriptions.opml" },
        };
        return await client.PostAsync("/sources/import", content);
    }
}
