using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Web.Data;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Pages.Dashboard;

public class DashboardTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    [Fact]
    public async Task Home_shows_tagged_incidents_sources_needing_attention_and_collection_progress()
    {
        var article = new Article { Url = "https://example.test/dash/1", Title = "Dash 1", Text = "drone attack", ContentHash = "d1" };
        var untouched = new Article { Url = "https://example.test/dash/2", Title = "Dash 2", Text = "quiet", ContentHash = "d2" };
        var incident = new Incident { Title = "Drone attack on Eilat" };
        var failing = new Source { Name = "Broken feed", Url = "https://broken.example.test/rss", ConsecutiveErrors = 3, LastError = "HTTP 500", LastFetchedAt = DateTime.UtcNow };
        var fresh = new Source { Name = "New feed", Url = "https://new.example.test/rss" };
        var healthy = new Source { Name = "Healthy feed", Url = "https://ok.example.test/rss", LastFetchedAt = DateTime.UtcNow };
        var collection = new Collection { Name = "Iran proxy attacks, July 2024" };
        await factory.InsertAsync<object>(article, untouched, incident, failing, fresh, healthy, collection);
        await factory.InsertAsync<object>(
            new Mention { ArticleId = article.Id, Start = 0, End = 12, Quote = "drone attack", IncidentId = incident.Id },
            new CollectionArticle { CollectionId = collection.Id, ArticleId = article.Id },
            new CollectionArticle { CollectionId = collection.Id, ArticleId = untouched.Id });

        var page = await factory.CreateClient().GetDocumentAsync("/");

        Assert.Contains("Drone attack on Eilat", page.QuerySelector(".dashboard-incidents")!.TextContent, StringComparison.Ordinal);
        var sources = page.QuerySelector(".dashboard-sources")!.TextContent;
        Assert.Contains("Broken feed", sources, StringComparison.Ordinal);
        Assert.Contains("failing (3): HTTP 500", sources, StringComparison.Ordinal);
        Assert.Contains("New feed", sources, StringComparison.Ordinal);
        Assert.DoesNotContain("Healthy feed", sources, StringComparison.Ordinal);
        var collections = page.QuerySelector(".dashboard-collections")!;
        Assert.Contains("1 of 2 annotated", collections.TextContent, StringComparison.Ordinal);
        Assert.Equal("1", collections.QuerySelector("progress")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_fetch_that_fails_shows_on_the_next_request_though_it_starts_no_new_store_version()
    {
        var source = new Source { Name = "Flaky feed", Url = "https://flaky.example.test/rss", LastFetchedAt = DateTime.UtcNow };
        await factory.InsertAsync(source);
        var client = factory.CreateClient();
        Assert.DoesNotContain("Flaky feed", (await client.GetDocumentAsync("/")).QuerySelector(".dashboard-sources")!.TextContent, StringComparison.Ordinal);
        var version = factory.Services.GetRequiredService<StoreVersion>();
        var before = version.Current;

        // What the scraper saves after a failed fetch: the source's bookkeeping and a fetch-log row.
        await factory.ExecuteDbContextAsync(async db =>
        {
            var tracked = await db.Sources.SingleAsync(s => s.Id == source.Id);
            (tracked.ConsecutiveErrors, tracked.LastError, tracked.LastFetchedAt) = (2, "HTTP 503", DateTime.UtcNow);
            db.SourceFetches.Add(new SourceFetch { SourceId = source.Id, StartedAt = DateTime.UtcNow, HttpStatus = 503, Error = "HTTP 503" });
            return await db.SaveChangesAsync();
        });

        Assert.Equal(before, version.Current); // cached pages stay: the save was bookkeeping
        Assert.Contains("failing (2): HTTP 503", (await client.GetDocumentAsync("/")).QuerySelector(".dashboard-sources")!.TextContent, StringComparison.Ordinal);
    }
}
