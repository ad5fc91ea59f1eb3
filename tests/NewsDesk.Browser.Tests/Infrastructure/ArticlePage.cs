using System.Text.RegularExpressions;
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

    public async Task OpenAsync(int articleId, float? timeout = null)
    {
        await _page.GotoAsync($"/articles/{articleId}", new PageGotoOptions { Timeout = timeout });
        try
        {
            await _page.Locator("#article-body[data-annotate-ready='true']").WaitForAsync(new LocatorWaitForOptions { Timeout = timeout });
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"The annotation script did not start. {string.Join(" | ", _errors)}", ex);
        }
    }

    /// <summary>
    /// Drags the mouse across the screen rectangle of a phrase (found in a paragraph's text, across highlight
    /// segments), starting and ending a few pixels inside it, so the raw selection cuts into the first and last
    /// words and the page has to snap it.
    /// </summary>
    public Task DragAcrossAsync(string phrase) => DragAsync(phrase, phrase);

    /// <summary>Drags from a few pixels into the first phrase to a few pixels before the end of the second.</summary>
    public async Task DragAsync(string fromPhrase, string toPhrase)
    {
        var from = await PhraseBoxAsync(fromPhrase, scroll: true);
        var to = await PhraseBoxAsync(toPhrase, scroll: false);
        await _page.Mouse.MoveAsync((float)from[0], (float)from[1]);
        await _page.Mouse.DownAsync();
        await _page.Mouse.MoveAsync((float)to[2], (float)to[3], new MouseMoveOptions { Steps = 8 });
        await _page.Mouse.UpAsync();
    }

    /// <summary>
    /// Selects exactly the characters of a phrase (as a careful drag or a double-click-and-extend would) and releases
    /// the mouse over them, so the page's snapping alone decides what is tagged.
    /// </summary>
    public Task SelectExactlyAsync(string phrase) => _page.EvaluateAsync(
        """
        (phrase) => {
          for (const p of document.querySelectorAll('#article-body p')) {
            const at = p.textContent.indexOf(phrase);
            if (at < 0) continue;
            p.scrollIntoView({ block: 'center', behavior: 'instant' });
            const point = (offset) => {
              const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                if (offset <= node.length) return [node, offset];
                offset -= node.length;
              }
              throw new Error('offset past the paragraph');
            };
            const range = document.createRange();
            range.setStart(...point(at));
            range.setEnd(...point(at + phrase.length));
            getSelection().removeAllRanges();
            getSelection().addRange(range);
            p.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, button: 0 }));
            return;
          }
          throw new Error('phrase not on the page: ' + phrase);
        }
        """, phrase);

    /// <summary>Viewport points just inside a phrase's start and end: [startX, startY, endX, endY].</summary>
    private Task<double[]> PhraseBoxAsync(string phrase, bool scroll) => _page.EvaluateAsync<double[]>(
        """
        ([phrase, scroll]) => {
          for (const p of document.querySelectorAll('#article-body p')) {
            const at = p.textContent.indexOf(phrase);
            if (at < 0) continue;
            if (scroll) p.scrollIntoView({ block: 'center', behavior: 'instant' }); // Bootstrap makes scrolling smooth: measure after it, not during
            const point = (offset) => {
              const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                if (offset <= node.length) return [node, offset];
                offset -= node.length;
              }
              throw new Error('offset past the paragraph');
            };
            const range = document.createRange();
            range.setStart(...point(at));
            range.setEnd(...point(at + phrase.length));
            const rects = [...range.getClientRects()].filter((r) => r.width > 0);
            const first = rects[0], last = rects[rects.length - 1];
            return [first.left + 3, first.top + first.height / 2, last.right - 3, last.top + last.height / 2];
          }
          throw new Error('phrase not on the page: ' + phrase);
        }
        """, new object[] { phrase, scroll });

    /// <summary>Clicks the middle of the first highlight segment whose text is exactly the phrase.</summary>
    public async Task ClickHighlightAsync(string type, string text)
    {
        var segment = Highlight(type, text).First;
        await segment.ScrollIntoViewIfNeededAsync();
        await segment.ClickAsync();
        await MentionCard.WaitForAsync();
    }

    public ILocator TagPanel => _page.Locator("#tag-panel");
    public ILocator MentionCard => _page.Locator("#mention-card");
    public ILocator SidePanel => _page.Locator("#mention-groups");
    public ILocator Status => _page.Locator("#annotate-status");

    /// <summary>Highlight segments whose text is exactly the phrase and that carry the given type.</summary>
    public ILocator Highlight(string type, string text) =>
        _page.Locator($"#article-body .m.m-{type}").Filter(new LocatorFilterOptions { HasTextRegex = new Regex($"^{Regex.Escape(text)}$") });

    /// <summary>The side panel's group for a record, by type and name.</summary>
    public ILocator Group(string type, string name) =>
        _page.Locator($"#mention-groups .mention-group[data-type='{type}']").Filter(new LocatorFilterOptions { Has = _page.Locator("h3 a", new PageLocatorOptions { HasTextRegex = new Regex($"^{Regex.Escape(name)}$") }) });

    /// <summary>The text the browser has selected.</summary>
    public Task<string> SelectionAsync() => _page.EvaluateAsync<string>("() => window.getSelection().toString()");

    /// <summary>Presses Tab until the article text has the focus, as a keyboard user reaches it.</summary>
    public async Task TabToTextAsync()
    {
        for (var i = 0; i < 60; i++)
        {
            await _page.Keyboard.PressAsync("Tab");
            if (await _page.EvaluateAsync<string?>("() => document.activeElement?.id") == "article-body")
            {
                return;
            }
        }

        throw new InvalidOperationException("Tab never reached the article text.");
    }

    /// <summary>Presses a key until the selection reads the expected text (word-by-word navigation).</summary>
    public async Task PressUntilSelectedAsync(string key, string expected, int limit = 200)
    {
        for (var i = 0; i < limit; i++)
        {
            if (await SelectionAsync() == expected)
            {
                return;
            }

            await _page.Keyboard.PressAsync(key);
        }

        throw new InvalidOperationException($"Pressing {key} {limit} times never selected \"{expected}\"; the selection is \"{await SelectionAsync()}\".");
    }

    /// <summary>Waits until the panel's options reflect what was typed, then presses Enter.</summary>
    public async Task SaveWithEnterAsync(string expectedActiveText)
    {
        await _page.Locator("#tag-results .active").Filter(new LocatorFilterOptions { HasText = expectedActiveText }).WaitForAsync();
        await _page.Keyboard.PressAsync("Enter");
        await TagPanel.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Hidden });
    }
}
