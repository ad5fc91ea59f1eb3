using Microsoft.EntityFrameworkCore;
using NewsDesk.Browser.Tests.Infrastructure;
using NewsDesk.Web.Domain;

namespace NewsDesk.Browser.Tests.Pages.Articles;

/// <summary>What a drag snaps to: names without their possessive or the punctuation after them.</summary>
public class WordSnappingTests(BlankKnowledgeBaseFixture fixture) : IClassFixture<BlankKnowledgeBaseFixture>
{
    [Theory]
    [InlineData("Joe Biden's", "Joe Biden")]
    [InlineData("in January,", "in January")]
    [InlineData("Kataib Hezbollah carried", "Kataib Hezbollah carried")]
    [InlineData("\"axis of resistance.\"", "\"axis of resistance.\"")] // a quotation keeps its own marks
    public async Task A_drag_snaps_to_the_name_without_a_possessive_or_trailing_punctuation(string dragged, string selected)
    {
        var article = await fixture.App.ExecuteDbContextAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.SiteName == "ICARO Media Group"));
        var page = new ArticlePage(await fixture.NewPageAsync());
        await page.OpenAsync(article.Id);

        await page.SelectExactlyAsync(dragged);
        await page.TagPanel.WaitForAsync();

        Assert.Equal(selected, await page.SelectionAsync());
        Assert.Contains($"\u201c{selected}\u201d", await page.TagPanel.Locator(".tag-quote").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(page.Errors);
        await page.Page.Context.CloseAsync();
    }
}
