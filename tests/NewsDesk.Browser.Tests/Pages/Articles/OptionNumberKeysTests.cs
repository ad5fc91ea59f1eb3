using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NewsDesk.Browser.Tests.Infrastructure;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Browser.Tests.Pages.Articles;

/// <summary>Number keys choose in the panels: Alt+n saves the tag panel's n-th option, n goes to a card's n-th mention.</summary>
public class OptionNumberKeysTests(DemoAnnotationFixture fixture) : IClassFixture<DemoAnnotationFixture>
{
    [Fact]
    public async Task Alt_and_a_number_in_the_search_box_saves_the_option_shown_with_that_number()
    {
        var article = await fixture.App.AddArticleAsync("The Hezbollah Brigades fired again on Tuesday.");
        var page = new ArticlePage(await fixture.NewPageAsync());
        await page.OpenAsync(article.Id);

        await page.SelectExactlyAsync("Hezbollah Brigades");
        await page.TagPanel.WaitForAsync();
        await page.Page.Keyboard.PressAsync("a");
        await page.Page.Locator("#tag-panel .tag-search").FillAsync("Hezbollah");
        var second = page.Page.Locator("#tag-results li").Nth(1);
        await Assertions.Expect(second.Locator(".tag-option-key")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Page.Locator("#tag-results .tag-create")).ToContainTextAsync("\u201cHezbollah\u201d"); // caught up with the typing
        var chosen = await second.Locator("bdi").First.TextContentAsync();
        await page.Page.Keyboard.PressAsync("Alt+2");
        await page.TagPanel.WaitForAsync(new() { State = WaitForSelectorState.Hidden });

        await page.Highlight("actor", "Hezbollah Brigades").WaitForAsync();
        var tagged = await fixture.App.ExecuteDbContextAsync(db => db.Mentions.AsNoTracking().Where(m => m.ArticleId == article.Id).Select(m => m.Actor!.Name).SingleAsync());
        Assert.Equal(chosen, tagged);
        Assert.Empty(page.Errors);
        await page.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_number_in_a_mention_card_goes_to_the_nth_mention_at_that_spot()
    {
        var article = await fixture.App.ExecuteDbContextAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.SiteName == "ICARO Media Group"));
        var page = new ArticlePage(await fixture.NewPageAsync());
        await page.OpenAsync(article.Id);

        // "Iraqi militias" is an actor inside a claim's span: the card lists both mentions there.
        await page.ClickHighlightAsync("actor", "Iraqi militias");
        var items = page.MentionCard.Locator(".mention-card-item");
        Assert.True(await items.CountAsync() >= 2);
        await page.Page.Keyboard.PressAsync("2");

        await Assertions.Expect(items.Nth(1)).ToBeFocusedAsync();
        await page.Page.Keyboard.PressAsync("1");
        await Assertions.Expect(items.Nth(0)).ToBeFocusedAsync();
        await page.Page.Context.CloseAsync();
    }
}
