using Microsoft.Playwright;

namespace NewsDesk.Browser.Tests.Infrastructure;

/// <summary>Drives the article page the way a person does: mouse drags, clicks and keys.</summary>
public sealed class ArticlePage
{
    private readonly IPage _page;
    private readonly List<string> _errors = [];

    public ArticlePage(IPage page)
    {
        _page = page;
        // Script errors and failed requests end up in the failure message instead of a bare timeout.
        page.PageError += (_, error) => _errors.Add($"page error: {error}");
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                _errors.Add($"console {message.Type}: {message.Text}");
            }
        };
    }

    public IPage Page => _page;

    /// <summary>Script errors and console errors seen so far.</summary>
    public IReadOnlyList<string> Errors => _errors;

    public async Task OpenAsync(int articleId)
    {
        await _page.GotoAsync($"/articles/{articleId}");
        try
        {
            await _page.Locator("#article-body[data-annotate-ready='true']").WaitForAsync();
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"The annotation script did not start. {string.Join(" | ", _errors)}", ex);
        }
    }

    /// <summary>
    /// Drags the mouse across the screen rectangle of a phrase, starting and ending a few pixels inside it,
    /// so the raw selection cuts into the first and last words and the page has to snap it.
    /// </summary>
    public async Task DragAcrossAsync(string phrase)
    {
        var box = await _page.EvaluateAsync<double[]>(
            """
            (phrase) => {
              const walker = document.createTreeWalker(document.getElementById('article-body'), NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const i = node.data.indexOf(phrase);
                if (i < 0) continue;
                const range = document.createRange();
                range.setStart(node, i);
                range.setEnd(node, i + phrase.length);
                const rects = range.getClientRects();
                const first = rects[0], last = rects[rects.length - 1];
                return [first.left + 3, first.top + first.height / 2, last.right - 3, last.top + last.height / 2];
              }
              throw new Error('phrase not on the page: ' + phrase);
            }
            """, phrase);
        await _page.Mouse.MoveAsync((float)box[0], (float)box[1]);
        await _page.Mouse.DownAsync();
        await _page.Mouse.MoveAsync((float)box[2], (float)box[3], new MouseMoveOptions { Steps = 8 });
        await _page.Mouse.UpAsync();
    }

    public ILocator TagPanel => _page.Locator("#tag-panel");
    public ILocator MentionCard => _page.Locator("#mention-card");

    /// <summary>Highlight segments whose text is exactly the phrase and that carry the given type.</summary>
    public ILocator Highlight(string type, string text) =>
        _page.Locator($"#article-body .m.m-{type}").Filter(new LocatorFilterOptions { HasTextRegex = new System.Text.RegularExpressions.Regex($"^{System.Text.RegularExpressions.Regex.Escape(text)}$") });

    /// <summary>Waits until the panel's options reflect what was typed, then presses Enter.</summary>
    public async Task SaveWithEnterAsync(string expectedActiveText)
    {
        await _page.Locator("#tag-results .active").Filter(new LocatorFilterOptions { HasText = expectedActiveText }).WaitForAsync();
        await _page.Keyboard.PressAsync("Enter");
        await TagPanel.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Hidden });
    }
}
