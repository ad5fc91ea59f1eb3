using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NewsDesk.Browser.Tests.Infrastructure;
using NewsDesk.Web.Domain;

namespace NewsDesk.Browser.Tests.Pages.Articles;

/// <summary>Re-pointing a mention from its card, then undoing and redoing that with the keyboard, each through the API.</summary>
public class RepointUndoTests(DemoAnnotationFixture fixture) : IClassFixture<DemoAnnotationFixture>
{
    [Fact]
    public async Task A_repointed_mention_goes_back_with_ctrl_z_and_forward_again_with_ctrl_shift_z_each_audited()
    {
        var article = await fixture.App.ExecuteDbContextAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.SiteName == "ICARO Media Group"));
        var mention = await fixture.App.ExecuteDbContextAsync(db => db.Mentions.AsNoTracking().SingleAsync(m => m.ArticleId == article.Id && m.Quote == "Saudi Arabia"));
        async Task<string> PointsToAsync() => await fixture.App.ExecuteDbContextAsync(db => db.Mentions.AsNoTracking().Where(m => m.Id == mention.Id).Select(m => m.Actor!.Name).SingleAsync());
        var page = new ArticlePage(await fixture.NewPageAsync());
        await page.OpenAsync(article.Id);

        await page.ClickHighlightAsync("actor", "Saudi Arabia");
        await page.Page.Keyboard.PressAsync("r");
        await page.TagPanel.WaitForAsync();
        await page.Page.Locator("#tag-panel .tag-search").FillAsync("Iran");
        await page.SaveWithEnterAsync("Iran");
        await page.Group("actor", "Iran").WaitForAsync();
        Assert.Equal("Iran", await PointsToAsync());

        await page.Page.Keyboard.PressAsync("Control+z");
        await page.Group("actor", "Saudi Arabia").WaitForAsync();
        await Assertions.Expect(page.Page.Locator("#annotate-toast")).ToContainTextAsync("Undone: re-pointing");
        Assert.Equal("Saudi Arabia", await PointsToAsync());

        await page.Page.Keyboard.PressAsync("Control+Shift+Z");
        await Assertions.Expect(page.Page.Locator("#annotate-toast")).ToContainTextAsync("Redone: re-pointing");
        await page.Group("actor", "Iran").WaitForAsync();
        Assert.Equal("Iran", await PointsToAsync());

        var id = mention.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var updates = await fixture.App.ExecuteDbContextAsync(db => db.AuditEntries.AsNoTracking()
            .CountAsync(e => e.EntityType == "Mention" && e.EntityId == id && e.Action == AuditAction.Updated));
        Assert.Equal(3, updates); // the re-point, its undo and its redo
        Assert.Empty(page.Errors);
        await page.Page.Context.CloseAsync();
    }
}
