using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;

namespace Soak;

/// <summary>
/// A person in Chromium: signs in through the login form, opens articles and tags a word as an actor with the tag
/// panel and the keyboard, as the browser tests do. The mentions the page's own requests got 201 for go in its ledger, read as each answer arrives.
/// A tag whose create was never sent (the page itself refused it, or re-pointed an existing mention instead) is
/// recorded apart from one sent and never answered: only the second may have saved a mention no one read.
/// </summary>
public sealed class BrowserClient(Account account, Uri app, Recorder recorder, Catalog catalog, Random random)
{
    public Ledger Ledger { get; } = new();

    private int _createsSent;

    public async Task RunAsync(IBrowser browser, CancellationToken stop)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.AbsoluteUri.TrimEnd('/'), ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        page.Response += (_, response) => Watch(response);
        page.Request += (_, request) =>
        {
            if (IsMentionCreate(request))
            {
                Interlocked.Increment(ref _createsSent);
            }
        };
        await page.GotoAsync("/account/login");
        await page.FillAsync("#Form_Email", account.Email);
        await page.FillAsync("#Form_Password", account.Password);
        await page.ClickAsync("form.login-form button[type=submit]");
        await page.Locator(".user-menu").WaitForAsync();
        while (!stop.IsCancellationRequested)
        {
            var article = catalog.Article(random);
            var clock = Stopwatch.StartNew();
            try
            {
                await page.GotoAsync($"/articles/{article}");
                await page.Locator("#article-body[data-annotate-ready='true']").WaitForAsync();
                recorder.Add("Chromium: article page ready", clock.Elapsed.TotalMilliseconds, 200);
                for (var tag = 0; tag < 3 && !stop.IsCancellationRequested; tag++)
                {
                    clock.Restart();
                    if (!await SelectRandomWordAsync(page))
                    {
                        break;
                    }

                    await page.Locator("#tag-panel").WaitForAsync();
                    await page.Keyboard.PressAsync("a");
                    await page.Locator("#tag-results .active").WaitForAsync();
                    // The create's answer is read here, before the page can move on: read later (from a response
                    // event), its body may be gone once the page navigates, and a saved mention would be missing from
                    // the ledger.
                    var answer = page.WaitForResponseAsync(response => IsMentionCreate(response.Request), new PageWaitForResponseOptions { Timeout = 30_000 });
                    var sentBefore = Volatile.Read(ref _createsSent);
                    await page.Keyboard.PressAsync("Enter");
                    var status = await RecordAnswerAsync(answer, sentBefore);
                    if (status != 201)
                    {
                        // Nothing sent (the page refused the tag itself), or the app refused it (409: the same span
                        // tagged with the same record again): the panel stays open with the reason.
                        var message = await page.Locator("#tag-panel .tag-error").TextContentAsync(new LocatorTextContentOptions { Timeout = 5_000 });
                        await page.Keyboard.PressAsync("Escape");
                        recorder.Add(status is null ? "Chromium: Enter sent no create (refused in the page)" : "Chromium: tag a word (select, panel, Enter, saved)",
                            clock.Elapsed.TotalMilliseconds, status ?? Recorder.NotSent, status is null ? $"Chromium, article {article}: no create sent; the panel said: {message?.Trim()}" : null);
                        continue;
                    }

                    // Saved: the panel closes. Playwright's waits time out with System.TimeoutException, which is not a
                    // PlaywrightException: a save that never closes the panel is a step that did not finish.
                    try
                    {
                        await page.Locator("#tag-panel").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Hidden, Timeout = 30_000 });
                    }
                    catch (System.TimeoutException)
                    {
                        var said = await page.Locator("#tag-panel .tag-error").TextContentAsync(new LocatorTextContentOptions { Timeout = 5_000 });
                        throw new System.TimeoutException($"saved (201), but the tag panel stayed open for 30 s; it said: {said?.Trim()}");
                    }

                    recorder.Add("Chromium: tag a word (select, panel, Enter, saved)", clock.Elapsed.TotalMilliseconds, 200);
                }
            }
            catch (Exception ex) when (ex is System.TimeoutException or PlaywrightException && !stop.IsCancellationRequested)
            {
                recorder.Add("Chromium: a step that did not finish", clock.Elapsed.TotalMilliseconds, Recorder.Unfinished, $"Chromium, article {article}: {ex.Message.Split('\n')[0]} ({StepOf(ex)})");
            }
        }
    }

    /// <summary>The line of this file where the step failed, so a report says which wait ran out.</summary>
    private static string StepOf(Exception ex) =>
        ex.StackTrace?.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.Contains(nameof(BrowserClient) + ".cs", StringComparison.Ordinal)) ?? "no frame of this file";

    private void Watch(IResponse response)
    {
        var path = new Uri(response.Url).AbsolutePath;
        if (response.Status >= 500)
        {
            recorder.Add("Chromium: any request", 0, response.Status, $"Chromium: {response.Status} {response.Request.Method} {path}");
        }
    }

    private static bool IsMentionCreate(IRequest request) =>
        request.Method == "POST" && new Uri(request.Url).AbsolutePath.EndsWith("/mentions", StringComparison.Ordinal);

    /// <summary>Reads the create's answer into the ledger and returns its status; null when no create was sent at all within the wait.</summary>
    private async Task<int?> RecordAnswerAsync(Task<IResponse> answer, int sentBefore)
    {
        IResponse response;
        try
        {
            response = await answer;
        }
        catch (System.TimeoutException) when (Volatile.Read(ref _createsSent) == sentBefore)
        {
            return null; // nothing was sent: nothing can have been saved
        }
        catch
        {
            Ledger.CreateUnanswered(); // sent, but no answer read: the app may have saved it
            throw;
        }

        if (response.Status == 201)
        {
            using var body = JsonDocument.Parse(await response.TextAsync());
            Ledger.Created(body.RootElement.GetProperty("id").GetInt32());
        }

        return response.Status;
    }

    /// <summary>Selects a random word of a random paragraph exactly and releases the mouse over it, as a careful drag does.</summary>
    private Task<bool> SelectRandomWordAsync(IPage page) => page.EvaluateAsync<bool>(
        """
        (seed) => {
          const paragraphs = [...document.querySelectorAll('#article-body p')].filter((p) => /\p{L}{4,}/u.test(p.textContent));
          if (paragraphs.length === 0) return false;
          const p = paragraphs[seed % paragraphs.length];
          const words = [...p.textContent.matchAll(/\p{L}{4,}/gu)];
          const word = words[Math.floor(seed / 7) % words.length];
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
          range.setStart(...point(word.index));
          range.setEnd(...point(word.index + word[0].length));
          getSelection().removeAllRanges();
          getSelection().addRange(range);
          p.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, button: 0 }));
          return true;
        }
        """, random.Next(1_000_000));
}
