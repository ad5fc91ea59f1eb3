using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NewsDesk.Browser.Tests.Infrastructure;
using NewsDesk.Web.Domain;

namespace NewsDesk.Browser.Tests.Pages.Articles;

/// <summary>Tagging the ICARO article in a real Chromium, from an empty knowledge base.</summary>
public class TaggingTests(BlankKnowledgeBaseFixture fixture) : IClassFixture<BlankKnowledgeBaseFixture>
{
    private Task<Article> IcaroAsync() =>
        fixture.App.ExecuteDbContextAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.SiteName == "ICARO Media Group"));

    [Fact]
    public async Task Dragging_across_Kataib_Hezbollah_tags_a_new_actor_that_is_still_highlighted_after_a_reload()
    {
        var article = await IcaroAsync();
        var page = new ArticlePage(await fixture.NewPageAsync());
        await page.OpenAsync(article.Id);

        await page.DragAcrossAsync("Kataib Hezbollah");
        await page.TagPanel.WaitForAsync();
        await page.Page.Keyboard.PressAsync("a");
        Assert.Equal("Kataib Hezbollah", await page.Page.Locator("#tag-panel .tag-search").InputValueAsync());
        await page.SaveWithEnterAsync("Create new actor");

        await page.Highlight("actor", "Kataib Hezbollah").WaitForAsync();
        var start = article.Text.IndexOf("Kataib Hezbollah", StringComparison.Ordinal);
        var mention = await fixture.App.ExecuteDbContextAsync(db => db.Mentions.Include(m => m.Actor).SingleAsync(m => m.ArticleId == article.Id && m.Start == start));
        Assert.Equal(start + "Kataib Hezbollah".Length, mention.End);
        Assert.Equal("Kataib Hezbollah", mention.Actor!.Name);

        await page.OpenAsync(article.Id);
        await page.Highlight("actor", "Kataib Hezbollah").WaitForAsync();
        Assert.Contains("Kataib Hezbollah", await page.Page.Locator("#mention-groups").InnerTextAsync(), StringComparison.Ordinal);
        await page.Page.Context.CloseAsync();
    }
}
