using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NewsDesk.Browser.Tests.Infrastructure;
using NewsDesk.Web.Auth;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Browser.Tests.Pages.Articles;

/// <summary>What each role gets on the article page in a real Chromium: editors tag, viewers only read.</summary>
public class RoleTaggingTests(BlankKnowledgeBaseFixture fixture) : IClassFixture<BlankKnowledgeBaseFixture>
{
    private Task<Article> IcaroAsync() =>
        fixture.App.ExecuteDbContextAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.SiteName == "ICARO Media Group"));

    [Fact]
    public async Task An_editor_signs_in_tags_an_actor_and_the_mention_and_history_name_them()
    {
        var article = await IcaroAsync();
        var page = new ArticlePage(await fixture.NewPageAsync(Roles.Editor));
        await page.OpenAsync(article.Id);

        await page.DragAcrossAsync("Houthis");
        await page.TagPanel.WaitForAsync();
        await page.Page.Keyboard.PressAsync("a");
        await page.SaveWithEnterAsync("Create new actor");
        await page.Highlight("actor", "Houthis").WaitForAsync();

        var mention = await fixture.App.ExecuteDbContextAsync(db => db.Mentions.AsNoTracking().SingleAsync(m => m.ArticleId == article.Id && m.Quote == "Houthis"));
        Assert.Equal(NewsDeskFactory.EmailOf(Roles.Editor), mention.CreatedBy);
        await page.Page.ReloadAsync();
        var history = page.Page.Locator("#history");
        await history.Locator("summary").ClickAsync();
        Assert.Contains(NewsDeskFactory.EmailOf(Roles.Editor), await history.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(page.Errors);
        await page.Page.Context.CloseAsync();
    }

    // Viewers used to get no script at all (so no highlights); now they get it read-only: RightByDefaultTests checks
    // the highlights and cards, this what they must not get.
    [Fact]
    public async Task A_viewer_sees_the_article_but_no_tagging_controls()
    {
        var article = await IcaroAsync();
        var page = await fixture.NewPageAsync(Roles.Viewer);
        var view = new ArticlePage(page);
        await view.OpenAsync(article.Id);

        await view.DragAcrossAsync("Kataib Hezbollah");

        Assert.False(await page.Locator(".annotate-hint").IsVisibleAsync());
        Assert.True(await page.Locator(".annotate-hint-read").IsVisibleAsync());
        Assert.False(await view.TagPanel.IsVisibleAsync());
        Assert.Contains("viewer@newsdesk.test", await page.Locator(".user-menu").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(view.Errors);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Someone_not_signed_in_is_sent_to_the_login_form()
    {
        var page = await fixture.NewAnonymousPageAsync();

        await page.GotoAsync("/articles/1");

        Assert.EndsWith("/account/login?ReturnUrl=%2Farticles%2F1", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
