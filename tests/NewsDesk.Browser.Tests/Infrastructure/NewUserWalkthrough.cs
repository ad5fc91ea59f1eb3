using Microsoft.Playwright;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Browser.Tests.Infrastructure;

/// <summary>
/// What a new user does on a fresh install, in a real Chromium with its normal headers: create the first admin on
/// /setup, see the styled home page, open the ICARO article, tag "Kataib Hezbollah" with the mouse, reload and see
/// the tag again. Fails on any console error, CSP violation, failed request or unstyled page.
/// </summary>
public static class NewUserWalkthrough
{
    public const string AdminEmail = "first.admin@example.org";
    public const string AdminPassword = "First-admin-2024";

    public static async Task RunAsync(IBrowser browser, string baseUrl, Func<string> serverOutput)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.PageError += (_, error) => problems.Add($"page error: {error}");
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                problems.Add($"console {message.Type}: {message.Text}");
            }
        };
        page.RequestFailed += (_, request) => problems.Add($"request failed: {request.Url} {request.Failure}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                problems.Add($"HTTP {response.Status}: {response.Url}");
            }
        };
        // Chromium reports a CSP violation as a DOM event before (or instead of) a console line.
        await context.AddInitScriptAsync("""
            window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
            """);

        try
        {
            await page.GotoAsync("/");
            await page.WaitForURLAsync("**/setup");
            await page.FillAsync("#Form_Email", AdminEmail);
            await page.FillAsync("#Form_Password", AdminPassword);
            await page.FillAsync("#Form_ConfirmPassword", AdminPassword);
            await page.ClickAsync("button[type=submit]");
            await page.Locator(".user-menu").WaitForAsync();

            await AssertStyledAsync(page);
            var icaro = page.Locator("a", new PageLocatorOptions { HasText = "Iran Increases Use of Proxy Militias" }).First;
            await icaro.ClickAsync();
            var article = new ArticlePage(page);
            await page.Locator("#article-body[data-annotate-ready='true']").WaitForAsync();
            var kataib = article.Group("actor", "Kataib Hezbollah").Locator(".mention-link");

            // The demo annotation already tags the one "Kataib Hezbollah" (tagging it again is refused as a duplicate):
            // the user deletes that mention with the mouse, then tags the words afresh.
            await article.ClickHighlightAsync("actor", "Kataib Hezbollah");
            await article.MentionCard.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
            await article.Highlight("actor", "Kataib Hezbollah").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
            var before = await kataib.CountAsync();

            await article.DragAcrossAsync("Kataib Hezbollah");
            await article.TagPanel.WaitForAsync();
            Assert.Equal("Kataib Hezbollah", await article.SelectionAsync());
            await page.Keyboard.PressAsync("a");
            await article.SaveWithEnterAsync("Kataib Hezbollah");
            await Assertions.Expect(kataib).ToHaveCountAsync(before + 1);

            await page.ReloadAsync();
            await page.Locator("#article-body[data-annotate-ready='true']").WaitForAsync();
            await AssertStyledAsync(page);
            Assert.Equal(before + 1, await kataib.CountAsync());
            Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__cspViolations"));
            Assert.Empty(problems);
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException($"{ex.Message}\nBrowser: {string.Join(" | ", problems)}\nServer:\n{serverOutput()}", ex);
        }
    }

    /// <summary>Bootstrap's rules apply: the dark navbar and the fixed-width container (an unstyled page has neither).</summary>
    private static async Task AssertStyledAsync(IPage page)
    {
        Assert.Equal("rgb(33, 37, 41)", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('nav.navbar')).backgroundColor"));
        Assert.Equal("1140px", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('body > .container')).maxWidth"));
    }

    /// <summary>Every asset type as a browser gets it from the server, against the clone's wwwroot; returns the encodings used.</summary>
    public static async Task<IReadOnlyList<string>> AssertStaticFilesAsync(string baseUrl, string webRoot)
    {
        using var http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.None }) { BaseAddress = new Uri(baseUrl) };
        var encodings = new List<string>();
        foreach (var (path, type) in StaticAssetResponses.OneOfEachType)
        {
            encodings.Add(await StaticAssetResponses.AssertServedAsFileAsync(http, path, type, webRoot));
        }

        return encodings;
    }
}
