using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NewsDesk.Browser.Tests.Infrastructure;
using NewsDesk.Web.Domain;
using Xunit.Abstractions;

namespace NewsDesk.Browser.Tests.Pages.Articles;

/// <summary>Working through the ICARO article as a new install ships it: starter actors and a demo annotation.</summary>
public class AnnotationTests(DemoAnnotationFixture fixture, ITestOutputHelper output) : IClassFixture<DemoAnnotationFixture>
{
    private Task<Article> IcaroAsync() =>
        fixture.App.ExecuteDbContextAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.SiteName == "ICARO Media Group"));

    private Task<Actor> ActorAsync(string name) =>
        fixture.App.ExecuteDbContextAsync(db => db.Actors.AsNoTracking().SingleAsync(a => a.Name == name));

    /// <summary>
    /// Tags <paramref name="quote"/> as Israel, opens the article, then another editor re-points that mention to
    /// Saudi Arabia behind this page's back: the page still shows the version it loaded.
    /// </summary>
    private async Task<(ArticlePage Page, Mention Mention, Actor TheirActor)> OpenThenRepointedElsewhereAsync(string quote)
    {
        var article = await IcaroAsync();
        var israel = await ActorAsync("Israel");
        var saudi = await ActorAsync("Saudi Arabia");
        var (start, end) = Span(article, quote);
        var mention = new Mention { ArticleId = article.Id, Start = start, End = end, Quote = quote, ActorId = israel.Id };
        await fixture.App.InsertAsync(mention);
        var page = await OpenIcaroAsync(article);
        await fixture.App.ExecuteDbContextAsync(async db =>
        {
            (await db.Mentions.SingleAsync(m => m.Id == mention.Id)).ActorId = saudi.Id;
            return await db.SaveChangesAsync();
        });
        return (page, mention, saudi);
    }

    // The class shares one article: a test's own mention goes with it.
    private async Task CloseAndRemoveAsync(ArticlePage page, Mention mention)
    {
        await page.Page.Context.CloseAsync();
        await fixture.App.ExecuteDbContextAsync(db => db.Mentions.Where(m => m.Id == mention.Id).ExecuteDeleteAsync());
    }

    private async Task<ArticlePage> OpenIcaroAsync(Article article)
    {
        var page = new ArticlePage(await fixture.NewPageAsync());
        await page.OpenAsync(article.Id);
        return page;
    }

    [Fact]
    public async Task An_incident_span_overlapping_an_actor_and_another_incident_is_saved_and_all_of_them_stay_visible()
    {
        var article = await IcaroAsync();
        var page = await OpenIcaroAsync(article);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await page.OpenAsync(article.Id); // warm: the first request of a class also pays for the app's start
        output.WriteLine($"ICARO article: page ready after {clock.ElapsedMilliseconds} ms; the script painted in {await page.Page.Locator("#article-body").GetAttributeAsync("data-render-ms")} ms");

        await page.DragAcrossAsync("Houthis also escalated tensions by targeting Tel Aviv");
        await page.TagPanel.WaitForAsync();
        await page.Page.Keyboard.PressAsync("i");
        await page.Page.Keyboard.TypeAsync("Tel Aviv");
        // A match inside a longer title is never preselected; the incident tagged on the overlapping span is listed
        // first, one ↓ away from the preselected "Create new".
        await page.Page.Locator("#tag-results .active").Filter(new() { HasText = "Create new incident" }).WaitForAsync();
        await page.Page.Keyboard.PressAsync("ArrowDown");
        await page.SaveWithEnterAsync("Houthi drone attack on Tel Aviv (19 July 2024)");

        // "Houthis" is now an actor inside an incident; "targeting Tel Aviv" is inside two incident spans.
        var houthis = page.Highlight("incident", "Houthis");
        await houthis.WaitForAsync();
        Assert.Contains("m-actor", await houthis.GetAttributeAsync("class"), StringComparison.Ordinal);
        Assert.Contains("m-depth2", await page.Highlight("incident", "targeting Tel Aviv").GetAttributeAsync("class"), StringComparison.Ordinal);
        Assert.Equal(1, await page.Highlight("incident", " on July 19").CountAsync());
        Assert.Equal(2, await page.Group("incident", "Houthi drone attack on Tel Aviv (19 July 2024)").Locator(".mention-link").CountAsync());
        var (start, end) = Span(article, "Houthis also escalated tensions by targeting Tel Aviv");
        var saved = await fixture.App.ExecuteDbContextAsync(db => db.Mentions.Include(m => m.Incident).SingleAsync(m => m.ArticleId == article.Id && m.Start == start && m.End == end));
        Assert.Equal("Houthi drone attack on Tel Aviv (19 July 2024)", saved.Incident!.Title);

        // The tagged article, for the test output and the README.
        await page.Highlight("actor", "Kataib Hezbollah").ScrollIntoViewIfNeededAsync();
        var screenshot = Path.Combine(AppContext.BaseDirectory, "screenshots", "icaro-tagged.png");
        await page.Page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot });
        output.WriteLine($"Screenshot of the tagged ICARO article: {screenshot}");
        Assert.Empty(page.Errors);
        await page.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task Typing_an_alias_finds_the_existing_actor_and_Enter_links_the_selection_to_it()
    {
        var article = await IcaroAsync();
        var houthis = await ActorAsync("Houthis");
        var actorsBefore = await fixture.App.CountAsync<Actor>();
        var page = await OpenIcaroAsync(article);

        await page.DragAcrossAsync("Houthi rebels");
        await page.TagPanel.WaitForAsync();
        await page.Page.Keyboard.PressAsync("a");
        await page.SaveWithEnterAsync("Houthis");

        await page.Highlight("actor", "Houthi rebels").WaitForAsync();
        var start = Span(article, "Houthi rebels").Start;
        var mention = await fixture.App.ExecuteDbContextAsync(db => db.Mentions.SingleAsync(m => m.ArticleId == article.Id && m.Start == start));
        Assert.Equal(houthis.Id, mention.ActorId);
        Assert.Equal(actorsBefore, await fixture.App.CountAsync<Actor>());
        Assert.Contains("Houthi rebels", await page.Group("actor", "Houthis").InnerTextAsync(), StringComparison.Ordinal);
        await page.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task Clicking_a_highlight_shows_its_record_and_re_pointing_it_to_a_new_incident_repaints_it()
    {
        var article = await IcaroAsync();
        var israel = await ActorAsync("Israel");
        var (start, end) = Span(article, "Israeli airstrikes on Hodeidah");
        var mistake = new Mention { ArticleId = article.Id, Start = start, End = end, Quote = "Israeli airstrikes on Hodeidah", ActorId = israel.Id };
        await fixture.App.InsertAsync(mistake);
        var page = await OpenIcaroAsync(article);

        await page.ClickHighlightAsync("actor", "Israeli airstrikes on Hodeidah");
        Assert.Equal("Israel", await page.MentionCard.Locator(".record-link").InnerTextAsync());
        Assert.Equal($"/actors/{israel.Id}", await page.MentionCard.Locator(".record-link").GetAttributeAsync("href"));
        await page.MentionCard.GetByRole(AriaRole.Button, new() { Name = "Re-point" }).ClickAsync();
        await page.TagPanel.WaitForAsync();
        await page.Page.Keyboard.PressAsync("Escape"); // leave the prefilled actor search
        await page.ClickHighlightAsync("actor", "Israeli airstrikes on Hodeidah");
        await page.Page.Keyboard.PressAsync("r");
        await page.TagPanel.WaitForAsync();
        await page.TagPanel.Locator("button[data-type='incident']").ClickAsync();
        await page.SaveWithEnterAsync("Create new incident");

        await page.Highlight("incident", "Israeli airstrikes on Hodeidah").WaitForAsync();
        Assert.Equal(0, await page.Highlight("actor", "Israeli airstrikes on Hodeidah").CountAsync());
        var repointed = await fixture.App.ExecuteDbContextAsync(db => db.Mentions.Include(m => m.Incident).SingleAsync(m => m.Id == mistake.Id));
        Assert.Equal((null, "Israeli airstrikes on Hodeidah", start, end), (repointed.ActorId, repointed.Incident!.Title, repointed.Start, repointed.End));
        Assert.Equal(1, await page.Group("incident", "Israeli airstrikes on Hodeidah").CountAsync());
        Assert.Empty(page.Errors);
        await page.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task Re_pointing_a_mention_someone_else_changed_meanwhile_shows_their_change_and_overwrites_nothing()
    {
        var (page, mention, saudi) = await OpenThenRepointedElsewhereAsync("eastern Syria");
        await page.ClickHighlightAsync("actor", "eastern Syria");
        await page.Page.Keyboard.PressAsync("r");
        await page.TagPanel.WaitForAsync();
        await page.TagPanel.Locator("button[data-type='incident']").ClickAsync();
        await page.Page.Locator("#tag-results .active").Filter(new() { HasText = "Create new incident" }).WaitForAsync();
        await page.Page.Keyboard.PressAsync("Enter");

        var error = page.TagPanel.Locator(".tag-error");
        await Assertions.Expect(error).ToContainTextAsync("Someone else changed this mention");
        await Assertions.Expect(error).ToContainTextAsync("Saudi Arabia");
        await Assertions.Expect(page.Group("actor", "Saudi Arabia")).ToHaveCountAsync(1);
        var stored = await fixture.App.ExecuteDbContextAsync(db => db.Mentions.AsNoTracking().SingleAsync(m => m.Id == mention.Id));
        Assert.Equal((saudi.Id, (int?)null, 2), (stored.ActorId!.Value, stored.IncidentId, stored.Version));
        Assert.All(page.Errors, e => Assert.Contains("409", e, StringComparison.Ordinal));
        await CloseAndRemoveAsync(page, mention);
    }

    [Fact]
    public async Task Deleting_a_mention_someone_else_re_pointed_meanwhile_shows_their_change_and_deletes_nothing()
    {
        var (page, mention, saudi) = await OpenThenRepointedElsewhereAsync("Deir Ezzor");
        // This editor, not knowing, deletes it.
        await page.ClickHighlightAsync("actor", "Deir Ezzor");
        // The span lies inside IRNA's claim, so the card lists both mentions: delete this one.
        await page.MentionCard.Locator($"[data-mention-id='{mention.Id}']").GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();

        await Assertions.Expect(page.MentionCard.GetByRole(AriaRole.Alert)).ToContainTextAsync("Someone else changed this mention");
        await Assertions.Expect(page.MentionCard.GetByRole(AriaRole.Alert)).ToContainTextAsync("Saudi Arabia");
        await Assertions.Expect(page.Group("actor", "Saudi Arabia")).ToHaveCountAsync(1);
        var stored = await fixture.App.ExecuteDbContextAsync(db => db.Mentions.AsNoTracking().SingleAsync(m => m.Id == mention.Id));
        Assert.Equal((saudi.Id, 2), (stored.ActorId!.Value, stored.Version));
        Assert.All(page.Errors, e => Assert.Contains("409", e, StringComparison.Ordinal));
        await CloseAndRemoveAsync(page, mention);
    }

    [Fact]
    public async Task Deleting_a_mention_from_its_card_removes_the_highlight_and_the_side_panel_entry_for_good()
    {
        var article = await IcaroAsync();
        var page = await OpenIcaroAsync(article);
        Assert.Equal(1, await page.Group("actor", "Kamala Harris").CountAsync());

        await page.ClickHighlightAsync("actor", "Kamala Harris");
        await page.MentionCard.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();

        await page.Highlight("actor", "Kamala Harris").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        Assert.Equal(0, await page.Group("actor", "Kamala Harris").CountAsync());
        Assert.False(await fixture.App.ExecuteDbContextAsync(db => db.Mentions.AnyAsync(m => m.ArticleId == article.Id && m.Quote == "Kamala Harris")));
        await page.OpenAsync(article.Id);
        Assert.Equal(0, await page.Highlight("actor", "Kamala Harris").CountAsync());
        Assert.Empty(page.Errors);
        await page.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task Keyboard_only_an_editor_selects_words_tags_them_as_an_existing_actor_then_reopens_and_deletes_the_mention()
    {
        var article = await IcaroAsync();
        var unitedStates = await ActorAsync("United States");
        var page = await OpenIcaroAsync(article);

        await page.TabToTextAsync();
        Assert.Equal("This", await page.SelectionAsync());
        await page.PressUntilSelectedAsync("ArrowDown", "Iran's");
        await page.PressUntilSelectedAsync("ArrowRight", "US");
        await page.Page.Keyboard.PressAsync("Shift+ArrowRight");
        Assert.Equal("US administration", await page.SelectionAsync());
        await page.Page.Keyboard.PressAsync("t");
        await page.TagPanel.WaitForAsync();
        await page.Page.Keyboard.PressAsync("a");
        await page.Page.Keyboard.TypeAsync("United States");
        await page.SaveWithEnterAsync("United States");

        await page.Highlight("actor", "US administration").WaitForAsync();
        var start = Span(article, "US administration").Start;
        var mention = await fixture.App.ExecuteDbContextAsync(db => db.Mentions.SingleAsync(m => m.ArticleId == article.Id && m.Start == start));
        Assert.Equal(unitedStates.Id, mention.ActorId);
        Assert.Equal("article-body", await page.Page.EvaluateAsync<string>("() => document.activeElement.id"));

        // ] opens the next mention's card, Esc goes back to the text, [ comes back to the new one; Delete removes it.
        await page.Page.Keyboard.PressAsync("]");
        await page.MentionCard.WaitForAsync();
        await page.Page.Keyboard.PressAsync("Escape");
        await page.Page.Keyboard.PressAsync("[");
        await page.MentionCard.WaitForAsync();
        Assert.Contains("US administration", await page.MentionCard.InnerTextAsync(), StringComparison.Ordinal);
        await page.Page.Keyboard.PressAsync("Delete");
        await page.Highlight("actor", "US administration").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        Assert.Null(await fixture.App.FindAsync<Mention>(mention.Id));
        Assert.Empty(page.Errors);
        await page.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_whitespace_only_selection_opens_no_panel_and_says_why()
    {
        var article = await IcaroAsync();
        var page = await OpenIcaroAsync(article);
        var before = await fixture.App.ExecuteDbContextAsync(db => db.Mentions.CountAsync());

        // Select the space after "relative calm" and release the mouse over the text, as a short drag would.
        await page.Page.EvaluateAsync(
            """
            () => {
              const walker = document.createTreeWalker(document.getElementById('article-body'), NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const i = node.data.indexOf('calm in such');
                if (i < 0) continue;
                const range = document.createRange();
                range.setStart(node, i + 4);
                range.setEnd(node, i + 5);
                getSelection().removeAllRanges();
                getSelection().addRange(range);
                node.parentElement.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, button: 0 }));
                return;
              }
            }
            """);

        Assert.Equal("Only whitespace is selected: nothing to tag.", await page.Status.InnerTextAsync());
        Assert.False(await page.TagPanel.IsVisibleAsync());
        Assert.Equal(before, await fixture.App.ExecuteDbContextAsync(db => db.Mentions.CountAsync()));
        await page.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_drag_into_the_next_paragraph_is_cut_at_the_first_paragraphs_end_and_the_page_says_so()
    {
        var article = await IcaroAsync();
        var page = await OpenIcaroAsync(article);

        await page.DragAsync("relative calm", "militias had");

        await page.TagPanel.WaitForAsync();
        // Snapping leaves out the full stop after the last word.
        Assert.Equal("relative calm in such attacks, and is believed to be a response to the recent conflict between Hamas and Israel", await page.SelectionAsync());
        Assert.Equal("A mention stays within one paragraph: the selection was cut at the paragraph end.", await page.Status.InnerTextAsync());
        await page.Page.Keyboard.PressAsync("Escape");
        await page.TagPanel.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Hidden });
        await page.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_record_name_with_markup_shows_as_text_in_the_side_panel_the_card_and_the_search_results()
    {
        const string hostile = "<img src=x onerror=\"window.__xss=1\">Hamas fighters";
        var article = await IcaroAsync();
        var actor = new Actor { Name = hostile };
        await fixture.App.InsertAsync(actor);
        var (start, end) = Span(article, "Gaza Strip");
        await fixture.App.InsertAsync(new Mention { ArticleId = article.Id, Start = start, End = end, Quote = "Gaza Strip", ActorId = actor.Id });
        var page = await OpenIcaroAsync(article);

        Assert.Equal(1, await page.Group("actor", hostile).CountAsync());
        await page.ClickHighlightAsync("actor", "Gaza Strip");
        Assert.Equal(hostile, await page.MentionCard.Locator(".record-link").InnerTextAsync());
        await page.Page.Keyboard.PressAsync("Escape");
        await page.DragAcrossAsync("Oman");
        await page.TagPanel.WaitForAsync();
        await page.Page.Keyboard.PressAsync("a");
        await page.Page.Keyboard.TypeAsync("Hamas");
        await page.Page.Locator("#tag-results li").Filter(new LocatorFilterOptions { HasText = hostile }).WaitForAsync();

        Assert.Equal(0, await page.Page.Locator("img").CountAsync());
        Assert.True(await page.Page.EvaluateAsync<bool>("() => window.__xss === undefined"));
        await page.Page.Context.CloseAsync();
    }

    private static (int Start, int End) Span(Article article, string phrase)
    {
        var start = article.Text.IndexOf(phrase, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{phrase}' is not in the article");
        return (start, start + phrase.Length);
    }
}
