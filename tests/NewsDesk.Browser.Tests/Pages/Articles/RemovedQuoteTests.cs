using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NewsDesk.Browser.Tests.Infrastructure;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Browser.Tests.Pages.Articles;

/// <summary>A mention whose quote the article's latest version no longer contains is flagged in the side panel and its card (issue 17).</summary>
public class RemovedQuoteTests(DemoAnnotationFixture fixture) : IClassFixture<DemoAnnotationFixture>
{
    [Fact]
    public async Task The_side_panel_and_the_card_say_in_which_version_the_quote_was_removed_also_after_the_panel_is_redrawn()
    {
        const string first = "Officials said militia fighters fired on the convoy. Aid agencies asked for a ceasefire.";
        const string later = "Officials said the convoy was stopped. Aid agencies asked for a ceasefire.";
        var article = await fixture.App.AddArticleAsync(first);
        var actor = await fixture.App.AddActorAsync("Removed-quote militia");
        await fixture.App.InsertAsync(
            new ArticleVersion { ArticleId = article.Id, Number = 1, Title = article.Title, Text = first, TextSha256 = TextDigest.Of(first) },
            new ArticleVersion { ArticleId = article.Id, Number = 2, Title = article.Title, Text = first, TextSha256 = TextDigest.Of(first) },
            new ArticleVersion { ArticleId = article.Id, Number = 3, Title = article.Title, Text = later, TextSha256 = TextDigest.Of(later) });
        await fixture.App.InsertAsync(new Mention { ArticleId = article.Id, Start = 15, End = 31, Quote = "militia fighters", ActorId = actor.Id, TextVersion = 1 });
        var page = new ArticlePage(await fixture.NewPageAsync());
        await page.OpenAsync(article.Id);

        var removed = page.SidePanel.Locator(".mention-removed");
        await Assertions.Expect(removed).ToHaveTextAsync("quote removed in version 3");
        // Tagging another word redraws the side panel from the script: the flag stays.
        await page.SelectExactlyAsync("ceasefire");
        await page.TagPanel.WaitForAsync();
        await page.Page.Keyboard.PressAsync("a");
        await page.SaveWithEnterAsync("Create new actor");
        await page.Group("actor", "ceasefire").WaitForAsync();
        await Assertions.Expect(removed).ToHaveTextAsync("quote removed in version 3");
        await Assertions.Expect(page.SidePanel.Locator(".mention-link[data-removed-in='3']")).ToHaveTextAsync("\u201cmilitia fighters\u201d");

        await page.ClickHighlightAsync("actor", "militia fighters");
        await Assertions.Expect(page.MentionCard.Locator(".mention-removed")).ToHaveTextAsync("quote removed in version 3");
        Assert.Empty(page.Errors);
        await page.Page.Context.CloseAsync();
    }
}
