using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Pages.Articles;

/// <summary>The article page caches its mentions panel per article and store version: a saved mention shows at once.</summary>
public class MentionPanelCacheTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    [Fact]
    public async Task A_mention_saved_after_the_panel_was_cached_is_listed_on_the_next_request()
    {
        var article = new Article { Url = "https://example.test/panel", Title = "Panel", Text = "Houthis fired at Eilat.", ContentHash = "panel" };
        var actor = new Actor { Name = "Houthis", Kind = ActorKind.ArmedGroup };
        await factory.InsertAsync(article);
        await factory.InsertAsync(actor);
        var client = factory.CreateClient();
        var before = await client.GetDocumentAsync($"/articles/{article.Id}");
        Assert.Equal("(0)", before.QuerySelector("#mention-count")!.TextContent);

        await factory.InsertAsync(new Mention { ArticleId = article.Id, ActorId = actor.Id, Start = 0, End = 7, Quote = "Houthis" });

        var after = await client.GetDocumentAsync($"/articles/{article.Id}");
        Assert.Equal("(1)", after.QuerySelector("#mention-count")!.TextContent);
        Assert.Equal("“Houthis”", after.QuerySelector("#mention-groups .mention-link")!.TextContent);
    }
}
