using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NewsDesk.Browser.Tests.Infrastructure;
using NewsDesk.Web.Auth;
using NewsDesk.Web.Domain;
using Xunit.Abstractions;

namespace NewsDesk.Browser.Tests.Pages.Articles;

/// <summary>
/// The tag panel's defaults on the ICARO article as a new install ships it: what is preselected, what is listed first,
/// duplicates, undo, the keys that must keep working, and what a viewer sees.
/// </summary>
public class RightByDefaultTests(DemoAnnotationFixture fixture, ITestOutputHelper output) : IClassFixture<DemoAnnotationFixture>
{
    private Task<Article> IcaroAsync() =>
        fixture.App.ExecuteDbContextAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.SiteName == "ICARO Media Group"));

    private async Task<ArticlePage> OpenIcaroAsync(string role = Roles.Admin)
    {
        var page = new ArticlePage(await fixture.NewPageAsync(role));
        await page.OpenAsync((await IcaroAsync()).Id);
        return page;
    }

    private static ILocator Active(ArticlePage page) => page.Page.Locator("#tag-results .active");

    private static (int Start, int End) Span(Article article, string phrase, int from = 0)
    {
        var start = article.Text.IndexOf(phrase, from, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{phrase}' is not in the article");
        return (start, start + phrase.Length);
    }

    [Fact]
    public async Task A_word_inside_a_longer_actor_name_is_offered_but_Create_new_is_preselected()
    {
        var page = await OpenIcaroAsync();

        // "Iraq" and "in" are both inside "Islamic Resistance in Iraq": on main Enter linked them to it.
        await page.DragAcrossAsync("Iraq");
        await page.TagPanel.WaitForAsync();
        Assert.Equal("Iraq", await page.SelectionAsync());
        await page.Page.Keyboard.PressAsync("a");
        await Assertions.Expect(Active(page)).ToContainTextAsync("Create new actor");
        await Assertions.Expect(page.Page.Locator("#tag-results li").Filter(new() { HasText = "Islamic Resistance in Iraq" })).ToHaveCountAsync(1);

        await page.Page.Locator("#tag-panel .tag-search").FillAsync("in");
        await Assertions.Expect(Active(page)).ToContainTextAsync("Create new actor");
        Assert.Empty(page.Errors);
        await page.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_exact_name_or_alias_is_preselected_whatever_its_case_and_accents()
    {
        var page = await OpenIcaroAsync();

        await page.DragAcrossAsync("Oman");
        await page.TagPanel.WaitForAsync();
        await page.Page.Keyboard.PressAsync("a");
        var search = page.Page.Locator("#tag-panel .tag-search");
        await search.FillAsync("HOUTHIS");
        await Assertions.Expect(Active(page)).ToContainTextAsync("Houthis");
        await search.FillAsync("Hézbollah");
        await Assertions.Expect(Active(page)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Hezbollah"));
        Assert.Empty(page.Errors);
        await page.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task Records_already_tagged_on_an_overlapping_span_are_listed_first()
    {
        var page = await OpenIcaroAsync();

        // Inside the Tower 22 incident's span.
        await page.DragAcrossAsync("attack in Jordan");
        await page.TagPanel.WaitForAsync();
        await page.Page.Keyboard.PressAsync("i");
        var first = page.Page.Locator("#tag-results li").First;
        await Assertions.Expect(first).ToContainTextAsync("Drone attack on Tower 22");
        await Assertions.Expect(first.Locator(".badge")).ToHaveTextAsync("tagged here");
        await Assertions.Expect(Active(page)).ToContainTextAsync("Create new incident");
        // ↓ from "Create new" wraps to the tagged record: one key.
        await page.Page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(Active(page)).ToContainTextAsync("Drone attack on Tower 22");
        await page.Page.Keyboard.PressAsync("Escape");

        // Inside IRNA's claim.
        await page.DragAcrossAsync("Resistance groups");
        await page.TagPanel.WaitForAsync();
        await page.Page.Keyboard.PressAsync("c");
        await Assertions.Expect(page.Page.Locator("#tag-results li").First).ToContainTextAsync("IRNA: resistance groups targeted a US military base");
        Assert.Empty(page.Errors);
        await page.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task Tagging_a_span_again_with_the_same_record_is_refused_naming_the_existing_mention()
    {
        var article = await IcaroAsync();
        var before = await fixture.App.ExecuteDbContextAsync(db => db.Mentions.CountAsync(m => m.ArticleId == article.Id));
        var (start, _) = Span(article, "Saudi Arabia");
        var existing = await fixture.App.ExecuteDbContextAsync(db => db.Mentions.SingleAsync(m => m.ArticleId == article.Id && m.Start == start));
        var page = await OpenIcaroAsync();

        await page.DragAcrossAsync("Saudi Arabia");
        await page.TagPanel.WaitForAsync();
        await page.Page.Keyboard.PressAsync("a");
        await Assertions.Expect(Active(page)).ToContainTextAsync("tagged on this span");
        await page.Page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.TagPanel.Locator(".tag-error")).ToContainTextAsync($"already mention {existing.Id} of actor \u201cSaudi Arabia\u201d");
        Assert.True(await page.TagPanel.IsVisibleAsync());
        Assert.Equal(before, await fixture.App.ExecuteDbContextAsync(db => db.Mentions.CountAsync(m => m.ArticleId == article.Id)));
        Assert.All(page.Errors, e => Assert.Contains("409", e, StringComparison.Ordinal));
        await page.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task Delete_shows_an_undo_toast_Ctrl_Z_brings_the_mention_back_and_Ctrl_Shift_Z_deletes_it_again()
    {
        var article = await IcaroAsync();
        var (start, end) = Span(article, "Al Mayadeen");
        var page = await OpenIcaroAsync();

        await page.ClickHighlightAsync("actor", "Al Mayadeen");
        await page.Page.Keyboard.PressAsync("Delete");
        await Assertions.Expect(page.Page.Locator("#annotate-toast")).ToContainTextAsync("Undone? Ctrl+Z");
        await page.Highlight("actor", "Al Mayadeen").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Assert.False(await fixture.App.ExecuteDbContextAsync(db => db.Mentions.AnyAsync(m => m.ArticleId == article.Id && m.Start == start)));

        await page.Page.Keyboard.PressAsync("Control+z");
        await page.Highlight("actor", "Al Mayadeen").WaitForAsync();
        var back = await fixture.App.ExecuteDbContextAsync(db => db.Mentions.Include(m => m.Actor).SingleAsync(m => m.ArticleId == article.Id && m.Start == start));
        Assert.Equal((end, "Al Mayadeen"), (back.End, back.Actor!.Name));

        await page.Page.Keyboard.PressAsync("Control+Shift+z");
        await page.Highlight("actor", "Al Mayadeen").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Assert.False(await fixture.App.ExecuteDbContextAsync(db => db.Mentions.AnyAsync(m => m.ArticleId == article.Id && m.Start == start)));
        // Undo went through the API: the audit log has the delete, the re-creation and the second delete.
        var articleKey = article.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var audit = await fixture.App.ExecuteDbContextAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == "Mention" && e.RecordId == articleKey && ((e.Before != null && e.Before.Contains("Al Mayadeen")) || (e.After != null && e.After.Contains("Al Mayadeen"))))
            .Select(e => e.Action).ToListAsync());
        Assert.True(audit.Count(a => a == AuditAction.Deleted) >= 2 && audit.Count(a => a == AuditAction.Created) >= 2, string.Join(", ", audit));
        await page.Page.Keyboard.PressAsync("Control+z"); // leave the class's article as it was
        await page.Highlight("actor", "Al Mayadeen").WaitForAsync();
        Assert.All(page.Errors, e => Assert.Contains("409", e, StringComparison.Ordinal));
        await page.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task Undo_of_a_new_tag_removes_it_and_redo_tags_it_again()
    {
        var article = await IcaroAsync();
        var (start, _) = Span(article, "Golan Heights");
        var page = await OpenIcaroAsync();

        var clock = Stopwatch.StartNew();
        await page.DragAcrossAsync("Golan Heights");
        await page.TagPanel.WaitForAsync();
        output.WriteLine($"Tag panel: opened {clock.ElapsedMilliseconds} ms after the drag began (placing it took {await page.TagPanel.GetAttributeAsync("data-open-ms")} ms)");
        await page.Page.Keyboard.PressAsync("a");
        await page.SaveWithEnterAsync("Create new actor");
        await page.Highlight("actor", "Golan Heights").WaitForAsync();
        output.WriteLine($"Tag to highlight (API round trip and repaint): {await page.Page.Locator("#article-body").GetAttributeAsync("data-tag-ms")} ms");

        await page.Page.Keyboard.PressAsync("Control+z");
        await page.Highlight("actor", "Golan Heights").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Assert.False(await fixture.App.ExecuteDbContextAsync(db => db.Mentions.AnyAsync(m => m.ArticleId == article.Id && m.Start == start)));
        await page.Page.Keyboard.PressAsync("Control+Shift+z");
        await page.Highlight("actor", "Golan Heights").WaitForAsync();
        Assert.True(await fixture.App.ExecuteDbContextAsync(db => db.Mentions.AnyAsync(m => m.ArticleId == article.Id && m.Start == start)));
        await fixture.App.ExecuteDbContextAsync(db => db.Mentions.Where(m => m.ArticleId == article.Id && m.Start == start).ExecuteDeleteAsync());
        Assert.Empty(page.Errors);
        await page.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task Brackets_move_to_the_next_and_previous_mention_while_a_card_is_open()
    {
        var page = await OpenIcaroAsync();

        await page.ClickHighlightAsync("actor", "Kataib Hezbollah");
        await page.Page.Keyboard.PressAsync("]");
        await Assertions.Expect(page.MentionCard).ToContainTextAsync("an attack in Jordan that resulted");
        await page.Page.Keyboard.PressAsync("[");
        await Assertions.Expect(page.MentionCard.Locator(".record-link")).ToHaveTextAsync("Kataib Hezbollah");
        Assert.Empty(page.Errors);
        await page.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_viewer_sees_the_highlights_and_cards_read_only()
    {
        var page = await OpenIcaroAsync(Roles.Viewer);

        Assert.True(await page.Page.Locator("#article-body .m").CountAsync() > 10);
        await page.ClickHighlightAsync("actor", "Kataib Hezbollah");
        await Assertions.Expect(page.MentionCard.Locator(".record-link")).ToHaveTextAsync("Kataib Hezbollah");
        Assert.Equal(0, await page.MentionCard.GetByRole(AriaRole.Button).CountAsync());
        await page.Page.Keyboard.PressAsync("Delete");
        await page.Page.Keyboard.PressAsync("Escape");
        Assert.Equal(1, await page.Highlight("actor", "Kataib Hezbollah").CountAsync());

        await page.SidePanel.Locator(".mention-link").Filter(new() { HasText = "Saudi Arabia" }).ClickAsync();
        await Assertions.Expect(page.MentionCard.Locator(".record-link")).ToHaveTextAsync("Saudi Arabia");
        await page.Page.Keyboard.PressAsync("Escape");
        await page.DragAcrossAsync("Golan Heights");
        Assert.False(await page.TagPanel.IsVisibleAsync());
        Assert.Empty(page.Errors);
        await page.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_tag_panel_does_not_cover_the_lines_after_the_selection()
    {
        var page = await OpenIcaroAsync();

        await page.DragAcrossAsync("Golan Heights");
        await page.TagPanel.WaitForAsync();

        var boxes = await page.Page.EvaluateAsync<double[]>(
            """
            () => {
              const selection = getSelection().getRangeAt(0).getBoundingClientRect();
              const body = document.getElementById('article-body').getBoundingClientRect();
              const panel = document.getElementById('tag-panel').getBoundingClientRect();
              return [selection.bottom, body.left, body.right, panel.left, panel.right, panel.top, panel.bottom];
            }
            """);
        var (selectionBottom, bodyLeft, bodyRight, panelLeft, panelRight, panelTop, panelBottom) = (boxes[0], boxes[1], boxes[2], boxes[3], boxes[4], boxes[5], boxes[6]);
        var coversText = panelLeft < bodyRight && panelRight > bodyLeft && panelBottom > selectionBottom && panelTop < selectionBottom + 200;
        Assert.False(coversText, $"panel [{panelLeft}, {panelRight}] x [{panelTop}, {panelBottom}] covers the text below the selection (bottom {selectionBottom}, text [{bodyLeft}, {bodyRight}])");
        await page.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task Kinds_in_the_tag_panel_read_as_words()
    {
        var page = await OpenIcaroAsync();

        await page.DragAcrossAsync("Golan Heights");
        await page.TagPanel.WaitForAsync();
        await page.Page.Keyboard.PressAsync("a");
        await page.Page.Locator("#tag-panel .tag-search").FillAsync("A name nobody has (kinds test)");
        await Assertions.Expect(page.TagPanel.Locator(".tag-kind")).ToBeVisibleAsync();
        var kinds = await page.TagPanel.Locator(".tag-kind option").AllInnerTextsAsync();
        Assert.Contains("armed group", kinds);
        Assert.DoesNotContain("armedGroup", kinds);
        await page.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task L_shows_labels_on_spans_in_light_text_on_dark_fills_and_question_mark_shows_the_shortcuts()
    {
        var page = await OpenIcaroAsync();
        await page.Page.Locator("#article-body").FocusAsync();

        await page.Page.Keyboard.PressAsync("l");
        var label = await page.Page.EvaluateAsync<string[]>(
            """
            () => {
              const segment = document.querySelector('#article-body .m-actor[data-label]');
              const style = getComputedStyle(segment, '::before');
              return [style.content, style.color, style.backgroundColor, getComputedStyle(segment).textDecorationStyle];
            }
            """);
        Assert.NotEqual("none", label[0]);
        Assert.True(Contrast(label[1], label[2]) >= 4.5, $"contrast of {label[1]} on {label[2]}");
        Assert.Equal("solid", label[3]);
        var claimBorder = await page.Page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('#article-body .m-claim')).borderBottomStyle");
        Assert.Equal("dashed", claimBorder);

        Assert.False(await page.Page.Locator("#annotate-shortcuts table").IsVisibleAsync());
        await page.Page.Keyboard.PressAsync("?");
        await Assertions.Expect(page.Page.Locator("#annotate-shortcuts table")).ToBeVisibleAsync();
        await Assertions.Expect(page.Page.Locator("#annotate-shortcuts")).ToContainTextAsync("undo / redo");
        Assert.Empty(page.Errors);
        await page.Page.Context.CloseAsync();
    }

    /// <summary>WCAG contrast ratio of two CSS rgb()/rgba() colours (alpha ignored: the fills are opaque).</summary>
    private static double Contrast(string a, string b)
    {
        static double Luminance(string css)
        {
            var parts = css[(css.IndexOf('(') + 1)..css.IndexOf(')')].Split(',').Take(3).Select(p => double.Parse(p, System.Globalization.CultureInfo.InvariantCulture) / 255).ToArray();
            var linear = parts.Select(c => c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4)).ToArray();
            return (0.2126 * linear[0]) + (0.7152 * linear[1]) + (0.0722 * linear[2]);
        }

        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }
}
