using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NewsDesk.Browser.Tests.Infrastructure;
using NewsDesk.Web.Domain;

namespace NewsDesk.Browser.Tests.Pages.Suggestions;

/// <summary>Suggestions on the article page in a real Chromium: accept, reject (remembered), tag every occurrence, keys only.</summary>
public class SuggestionTests(DemoAnnotationFixture fixture) : IClassFixture<DemoAnnotationFixture>
{
    /// <summary>A copy of the ICARO text with no mentions: everything the starter actors name is suggested.</summary>
    private async Task<Article> UntaggedIcaroAsync()
    {
        var icaro = await fixture.App.ExecuteDbContextAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.SiteName == "ICARO Media Group"));
        var copy = new Article { Url = $"https://example.test/icaro-{Guid.NewGuid():N}", Title = "ICARO, untagged", Text = icaro.Text, ContentHash = Guid.NewGuid().ToString("N") };
        await fixture.App.InsertAsync(copy);
        return copy;
    }

    private static async Task<ArticlePage> OpenAsync(IPage browserPage, int articleId)
    {
        var page = new ArticlePage(browserPage);
        await page.OpenAsync(articleId);
        await browserPage.Locator("#suggestions[data-suggestions-ready='true']").WaitForAsync();
        return page;
    }

    private static ILocator Row(ArticlePage page, string quote) =>
        page.Page.Locator("#suggestion-list .suggestion-row").Filter(new LocatorFilterOptions { Has = page.Page.Locator(".suggestion-quote", new PageLocatorOptions { HasTextString = quote }) });

    private static ILocator ActorRow(ArticlePage page, string quote) =>
        Row(page, quote).Filter(new LocatorFilterOptions { Has = page.Page.Locator(".suggestion-badge-actor") });

    [Fact]
    public async Task Suggestions_are_dashed_outlines_and_accepting_one_with_the_mouse_paints_a_mention()
    {
        var article = await UntaggedIcaroAsync();
        var page = await OpenAsync(await fixture.NewPageAsync(), article.Id);

        Assert.True(await page.Page.Locator(".suggestion-layer .suggestion-box").CountAsync() > 10);
        Assert.Equal("dashed", await page.Page.Locator(".suggestion-box.suggestion-actor").First.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle"));
        Assert.Equal(0, await page.Page.Locator("#article-body .m").CountAsync());

        await Row(page, "Kataib Hezbollah").Locator("button[data-action='accept']").ClickAsync();

        await page.Highlight("actor", "Kataib Hezbollah").WaitForAsync();
        await Row(page, "Kataib Hezbollah").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        var mention = await fixture.App.ExecuteDbContextAsync(db => db.Mentions.Include(m => m.Actor).SingleAsync(m => m.ArticleId == article.Id));
        Assert.Equal("Kataib Hezbollah", mention.Actor!.Name);
        Assert.Empty(page.Errors);
        await page.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_rejected_suggestion_is_not_offered_again_after_a_reload()
    {
        var article = await UntaggedIcaroAsync();
        var page = await OpenAsync(await fixture.NewPageAsync(), article.Id);

        await Row(page, "Kamala Harris").ClickAsync();
        await page.Page.Keyboard.PressAsync("n");
        await Row(page, "Kamala Harris").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });

        page = await OpenAsync(page.Page, article.Id);
        Assert.Equal(0, await Row(page, "Kamala Harris").CountAsync());
        Assert.True(await Row(page, "Joe Biden").CountAsync() > 0);
        Assert.Equal(0, await fixture.App.ExecuteDbContextAsync(db => db.Mentions.CountAsync(m => m.ArticleId == article.Id)));
        Assert.Empty(page.Errors);
        await page.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task Tag_every_occurrence_accepts_all_of_one_record()
    {
        var article = await UntaggedIcaroAsync();
        var page = await OpenAsync(await fixture.NewPageAsync(), article.Id);
        // Actor rows only: claim suggestions quoting a sentence about the Houthis contain the name too.
        var houthis = await ActorRow(page, "Houthis").CountAsync() + await ActorRow(page, "Houthi rebels").CountAsync();
        Assert.True(houthis >= 3, $"{houthis} Houthi suggestions");

        await ActorRow(page, "Houthis").First.Locator("button[data-action='accept-record']").ClickAsync();

        await page.Page.Locator("#suggestion-status").Filter(new LocatorFilterOptions { HasTextString = $"Tagged {houthis} mentions" }).WaitForAsync();
        Assert.Equal(houthis, await fixture.App.ExecuteDbContextAsync(db => db.Mentions.CountAsync(m => m.ArticleId == article.Id && m.Actor!.Name == "Houthis")));
        Assert.Equal(0, await ActorRow(page, "Houthis").CountAsync());
        Assert.Empty(page.Errors);
        await page.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task Keyboard_only_moves_accepts_and_rejects()
    {
        var article = await UntaggedIcaroAsync();
        var page = await OpenAsync(await fixture.NewPageAsync(), article.Id);

        // Tab until the first suggestion row has focus.
        for (var i = 0; i < 80 && !await page.Page.EvaluateAsync<bool>("() => document.activeElement?.classList.contains('suggestion-row') ?? false"); i++)
        {
            await page.Page.Keyboard.PressAsync("Tab");
        }

        var first = await page.Page.EvaluateAsync<string>("() => document.activeElement.querySelector('.suggestion-quote').textContent");
        Assert.Equal("Hamas", first);
        var rows = await page.Page.Locator("#suggestion-list .suggestion-row").CountAsync();
        await page.Page.Keyboard.PressAsync("Enter");
        await page.Highlight("actor", "Hamas").First.WaitForAsync();

        // The list is drawn again once the accepted suggestion is gone from the server's answer: until then the old
        // row keeps the focus (the highlight comes first).
        await page.Page.WaitForFunctionAsync("n => document.querySelectorAll('#suggestion-list .suggestion-row').length === n", rows - 1);
        await page.Page.Locator("#suggestion-list .suggestion-row:focus").WaitForAsync();
        var next = await page.Page.EvaluateAsync<string>("() => document.activeElement.querySelector('.suggestion-quote').textContent");
        await page.Page.Keyboard.PressAsync("ArrowDown");
        var after = await page.Page.EvaluateAsync<string>("() => document.activeElement.querySelector('.suggestion-quote').textContent");
        await page.Page.Keyboard.PressAsync("n");
        await page.Page.Locator("#suggestion-status").Filter(new LocatorFilterOptions { HasTextString = "Rejected" }).WaitForAsync();

        Assert.Equal("Israel", next);
        Assert.NotEqual(next, after);
        Assert.Equal(1, await fixture.App.ExecuteDbContextAsync(db => db.SuggestionDecisions.CountAsync(d => d.ArticleId == article.Id && d.Verdict == SuggestionVerdict.Rejected)));
        Assert.Equal(page.Page.Url, $"{fixture.BaseUrl}/articles/{article.Id}");
        Assert.Empty(page.Errors);
        await page.Page.Context.CloseAsync();
    }
}
