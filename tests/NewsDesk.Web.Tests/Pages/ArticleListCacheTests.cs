using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Pages;

/// <summary>The home page caches its list and dashboard per store version: a change saved through the app shows at once.</summary>
public class ArticleListCacheTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    [Fact]
    public async Task An_article_saved_after_the_list_was_cached_is_listed_on_the_next_request()
    {
        var client = factory.CreateClient();
        var before = await client.GetDocumentAsync("/?q=Zanzibar");
        Assert.Empty(before.QuerySelectorAll(".article-list li"));

        await factory.InsertAsync(new Article
        {
            Url = "https://example.test/cache/zanzibar",
            Title = "Zanzibar ferry strike",
            Text = "Dockers in Zanzibar stopped work.",
            ContentHash = "cache-zanzibar",
            PublishedAt = new DateTime(2031, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            PublishedPrecision = DatePrecision.Day,
        });

        var after = await client.GetDocumentAsync("/?q=Zanzibar");
        Assert.Equal(["Zanzibar ferry strike"], after.QuerySelectorAll(".article-list li a.fw-semibold").Select(a => a.TextContent));
        var home = await client.GetDocumentAsync("/");
        Assert.Equal("Zanzibar ferry strike", home.QuerySelector(".article-list li a.fw-semibold")!.TextContent);
    }

    [Fact]
    public async Task A_mention_tagged_after_the_list_was_cached_updates_the_count_and_the_dashboard()
    {
        var article = new Article
        {
            Url = "https://example.test/cache/tagged",
            Title = "Tagged later",
            Text = "Militias struck the Tanf garrison.",
            ContentHash = "cache-tagged",
            PublishedAt = new DateTime(2032, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            PublishedPrecision = DatePrecision.Day,
        };
        var incident = new Incident { Title = "Strike on the Tanf garrison" };
        await factory.InsertAsync(article);
        await factory.InsertAsync(incident);
        var client = factory.CreateClient();
        var before = await client.GetDocumentAsync("/");
        Assert.DoesNotContain("mention", before.QuerySelector(".article-list li")!.TextContent, StringComparison.Ordinal);

        await factory.InsertAsync(new Mention { ArticleId = article.Id, IncidentId = incident.Id, Start = 0, End = 8, Quote = "Militias" });

        var after = await client.GetDocumentAsync("/");
        Assert.Contains("1 mention(s)", after.QuerySelector(".article-list li")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Strike on the Tanf garrison", after.QuerySelector(".dashboard-incidents")!.TextContent, StringComparison.Ordinal);
    }
}
