using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NewsDesk.Browser.Tests.Infrastructure;
using NewsDesk.Web.Domain;

namespace NewsDesk.Browser.Tests.Pages.Articles;

/// <summary>Tagging in a real Chromium, from an empty knowledge base: a new newsroom's first mentions.</summary>
public class TaggingTests(BlankKnowledgeBaseFixture fixture) : IClassFixture<BlankKnowledgeBaseFixture>
{
    private Task<Article> IcaroAsync() =>
        fixture.App.ExecuteDbContextAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.SiteName == "ICARO Media Group"));

    [Fact]
    public async Task Dragging_across_Kataib_Hezbollah_tags_a_new_actor_that_is_still_highlighted_after_a_reload_and_listed_on_its_page()
    {
        var article = await IcaroAsync();
        var page = new ArticlePage(await fixture.NewPageAsync());
        await page.OpenAsync(article.Id);

        await page.DragAcrossAsync("Kataib Hezbollah");
        await page.TagPanel.WaitForAsync();
        Assert.Equal("Kataib Hezbollah", await page.SelectionAsync());
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
        Assert.Equal(1, await page.Group("actor", "Kataib Hezbollah").Locator(".mention-link").CountAsync());

        await page.Group("actor", "Kataib Hezbollah").Locator("h3 a").ClickAsync();
        await page.Page.WaitForURLAsync($"**/actors/{mention.ActorId}");
        var line = page.Page.Locator(".kwic-line").Filter(new LocatorFilterOptions { HasText = "the Iranian-backed" });
        Assert.Equal("Kataib Hezbollah", await line.Locator("mark").InnerTextAsync());
        Assert.Equal(article.Title, await line.Locator("a").InnerTextAsync());
        Assert.Empty(page.Errors);
        await page.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task Offsets_after_emoji_and_in_Arabic_text_are_the_UTF16_indices_the_server_stores()
    {
        const string text = "Rockets 🚀🔥 hit Tower 22 near the border.\n\nقال 🚀🔥 كتائب حزب الله إن الهجوم 👍 نجح";
        var article = new Article { Url = "https://example.test/emoji-arabic", Title = "Emoji and Arabic", Text = text, ContentHash = "emoji-arabic" };
        await fixture.App.InsertAsync(article);
        var page = new ArticlePage(await fixture.NewPageAsync());
        await page.OpenAsync(article.Id);

        // The mouse, after two emoji (four UTF-16 code units).
        await page.DragAcrossAsync("Tower 22");
        await page.TagPanel.WaitForAsync();
        await page.Page.Keyboard.PressAsync("i");
        await page.SaveWithEnterAsync("Create new incident");
        await page.Highlight("incident", "Tower 22").WaitForAsync();

        // The keyboard, in right-to-left text: Tab to the text, down a paragraph, then word by word.
        await page.TabToTextAsync();
        await page.Page.Keyboard.PressAsync("ArrowDown");
        await page.PressUntilSelectedAsync("ArrowRight", "كتائب");
        await page.Page.Keyboard.PressAsync("Shift+ArrowRight");
        await page.Page.Keyboard.PressAsync("Shift+ArrowRight");
        Assert.Equal("كتائب حزب الله", await page.SelectionAsync());
        await page.Page.Keyboard.PressAsync("t");
        await page.TagPanel.WaitForAsync();
        await page.Page.Keyboard.PressAsync("a");
        await page.SaveWithEnterAsync("Create new actor");
        await page.Highlight("actor", "كتائب حزب الله").WaitForAsync();

        var mentions = await fixture.App.ExecuteDbContextAsync(db => db.Mentions.Where(m => m.ArticleId == article.Id).OrderBy(m => m.Start).ToListAsync());
        Assert.Equal(
            [(text.IndexOf("Tower 22", StringComparison.Ordinal), "Tower 22"), (text.IndexOf("كتائب حزب الله", StringComparison.Ordinal), "كتائب حزب الله")],
            mentions.Select(m => (m.Start, m.Quote)).ToArray());
        Assert.All(mentions, m => Assert.Equal(m.Quote, text[m.Start..m.End]));
        Assert.Empty(page.Errors);
        await page.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_Arabic_article_is_laid_out_right_to_left_with_its_metadata_left_to_right()
    {
        var article = new Article
        {
            Url = "https://example.test/arabic-layout",
            Title = "كتائب حزب الله تعلن مسؤوليتها",
            SiteName = "الميادين",
            Byline = "مراسل الميادين",
            Language = "ar",
            Text = "قال المتحدث إن الهجوم نجح.\n\nوأضاف: 22 صاروخاً.",
            ContentHash = "arabic-layout",
        };
        await fixture.App.InsertAsync(article);
        var page = new ArticlePage(await fixture.NewPageAsync());
        await page.OpenAsync(article.Id);

        // What Chromium lays out, not only the attributes: the text flows right to left, the English labels around the
        // Arabic site and byline left to right (on main the labels were reordered into the Arabic run).
        var directions = await page.Page.EvaluateAsync<string[]>(
            "(selectors) => selectors.map((s) => getComputedStyle(document.querySelector(s)).direction)",
            new[] { "article.article", "#article-body p", ".article-meta" });
        Assert.Equal(["rtl", "rtl", "ltr"], directions);
        var meta = page.Page.Locator(".article-meta");
        Assert.Equal(["الميادين", "مراسل الميادين"], await meta.Locator("bdi").AllInnerTextsAsync());
        var label = await meta.Locator("dt").First.BoundingBoxAsync();
        var site = await meta.Locator("bdi").First.BoundingBoxAsync();
        Assert.True(site!.X > label!.X + label.Width - 1, $"the site's name (x {site.X}) is right of its label \"Site\" (x {label.X}), as a left-to-right line reads");
        Assert.Empty(page.Errors);
        await page.Page.Context.CloseAsync();
    }
}
