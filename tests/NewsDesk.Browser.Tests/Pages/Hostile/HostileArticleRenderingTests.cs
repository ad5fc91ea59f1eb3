using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsDesk.Browser.Tests.Infrastructure;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Ingest;
using Xunit.Abstractions;

namespace NewsDesk.Browser.Tests.Pages.Hostile;

/// <summary>The app allowed to scrape the loopback hostile site (as an admin allows an intranet host).</summary>
public sealed class HostileScrapeFixture : BrowserFixture
{
    public HostileScrapeFixture()
    {
        Configure("Ingest:AllowPrivateNetworks", "true");
        Configure("Ingest:PerHostDelay", "00:00:00");
    }
}

/// <summary>
/// Issue 20, hostile input end to end: a site whose bodies, metadata and feed fields carry script is scraped through
/// the real pipeline, then every page that shows those articles is opened in Chromium and every element of its main
/// content is hovered and focused. No payload may run, the browser may ask no host but the app, and the article body
/// may hold only the elements and attributes the article page itself writes.
/// </summary>
public class HostileArticleRenderingTests(HostileScrapeFixture fixture, ITestOutputHelper output) : IClassFixture<HostileScrapeFixture>
{
    // What the article page writes inside its body (paragraphs of the stored text) and the annotation script adds
    // (mention segments); anything else came from the article.
    private static readonly HashSet<string> BodyElements = ["p", "span", "mark"];
    private static readonly string[] BodyAttributePrefixes = ["data-", "aria-"];
    private static readonly HashSet<string> BodyAttributes = ["class", "dir", "id", "tabindex", "role", "title"];

    [Fact]
    public async Task Every_page_showing_scraped_hostile_articles_runs_no_payload_fetches_nothing_elsewhere_and_keeps_to_the_allow_list()
    {
        await using var site = await HostileSite.StartAsync();
        var source = new Source { Name = "Hostile", Url = site.BaseUrl + HostileSite.FeedPath, Kind = SourceKind.Feed, CreatedAt = DateTime.UtcNow };
        await fixture.App.InsertAsync(source);
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SourceFetcher>().FetchAsync(source.Id, CancellationToken.None);
        }

        var articles = await fixture.App.ExecuteDbContextAsync(db => db.Articles.AsNoTracking().Where(a => a.SourceId == source.Id).Select(a => a.Id).ToListAsync());
        Assert.True(articles.Count == HostileSite.Articles, $"{articles.Count} of {HostileSite.Articles} hostile articles were stored");
        var routes = articles.Select(id => $"/articles/{id}")
            .Concat(["/", "/?q=hostile", "/?q=onerror", "/sources", $"/sources/{source.Id}", "/export"])
            .ToList();

        var page = await fixture.NewPageAsync();
        var elsewhere = new List<string>();
        var dialogs = new List<string>();
        page.Context.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(fixture.BaseUrl + "/", StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                elsewhere.Add(request.Url);
            }
        };
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        // Set before any of the page's own script: a payload that runs pushes here; a CSP violation means injected
        // markup reached the DOM and tried something.
        await page.Context.AddInitScriptAsync("""
            window.__pwned = [];
            document.addEventListener('securitypolicyviolation', e => window.__pwned.push('CSP blocked ' + e.violatedDirective + ' ' + e.blockedURI), true);
            """);

        var problems = new List<string>();
        foreach (var route in routes)
        {
            var response = await page.GotoAsync(route);
            if (response is null || response.Status >= 400)
            {
                problems.Add($"{route}: {response?.Status}");
                continue;
            }

            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var touched = await TouchEveryElementAsync(page);
            if (route.StartsWith("/articles/", StringComparison.Ordinal))
            {
                Assert.Contains("Paragraph one of hostile article", await page.Locator("#article-body").InnerTextAsync(), StringComparison.Ordinal);
                problems.AddRange((await OutsideTheAllowListAsync(page)).Select(p => $"{route}: {p}"));
            }

            problems.AddRange((await InjectedAnywhereAsync(page)).Select(p => $"{route}: {p}"));
            var pwned = await page.EvaluateAsync<string[]>("() => window.__pwned");
            problems.AddRange(pwned.Select(p => $"{route}: ran {p}"));
            output.WriteLine($"{route}: {touched} elements hovered and focused; {pwned.Length} payloads ran");
        }

        // The control: the same checks on a page where a renderer let the article's HTML through (as Html.Raw of the
        // stored body would) must see it, or a green run above would mean nothing.
        await page.GotoAsync(routes[0]);
        var beforeControl = elsewhere.Count;
        await page.EvaluateAsync($"() => document.getElementById('article-body').insertAdjacentHTML('beforeend', '<img src=\"x:\" onerror=\"window.__pwned.push(1)\"><img src=\"{site.ElsewhereUrl}/control.png\">')");
        await page.WaitForFunctionAsync("() => window.__pwned.length > 0");
        var control = (await OutsideTheAllowListAsync(page)).Concat(await InjectedAnywhereAsync(page)).ToList();
        Assert.Contains(control, p => p.Contains("<img> in the article body", StringComparison.Ordinal));
        Assert.Contains(control, p => p.Contains("onerror", StringComparison.Ordinal));
        await page.WaitForFunctionAsync("() => window.__pwned.some(p => p.endsWith('/control.png'))");
        Assert.Contains(await page.EvaluateAsync<string[]>("() => window.__pwned"), p => p.StartsWith("CSP blocked script-src", StringComparison.Ordinal));
        Assert.Contains(elsewhere.Skip(beforeControl), u => u.EndsWith("/control.png", StringComparison.Ordinal));
        elsewhere.RemoveRange(beforeControl, elsewhere.Count - beforeControl);

        await page.Context.CloseAsync();
        problems.AddRange(dialogs.Select(d => $"a dialog opened: {d}"));
        problems.AddRange(elsewhere.Select(u => $"the browser asked another host: {u}"));
        problems.AddRange(site.ElsewhereRequests.Where(r => r.Contains("Chrome", StringComparison.Ordinal)).Select(r => $"the other host was asked {r}"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>
    /// Hovers and focuses every element in the page's main content, as a reader moving over it would. Not clicked: a
    /// click would run the app's own buttons (and leave the page); a handler a click could fire would be an on*
    /// attribute, and <see cref="InjectedAnywhereAsync"/> fails on any of those whether it fired or not.
    /// </summary>
    private static Task<int> TouchEveryElementAsync(IPage page) => page.EvaluateAsync<int>("""
        () => {
          const all = [...document.querySelectorAll('main *, #article-body *, .article-title, h1')];
          for (const el of all) {
            for (const type of ['mouseover', 'mouseenter', 'focusin']) el.dispatchEvent(new Event(type, { bubbles: true }));
            if (typeof el.focus === 'function') el.focus();
          }
          return all.length;
        }
        """);

    /// <summary>Elements and attributes in the article body that the article page does not write itself.</summary>
    private static async Task<List<string>> OutsideTheAllowListAsync(IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement>("""
            () => [...document.querySelectorAll('#article-body *')].map(el => ({ tag: el.localName, attributes: [...el.attributes].map(a => a.name) }))
            """);
        var problems = new List<string>();
        foreach (var element in json.EnumerateArray())
        {
            var tag = element.GetProperty("tag").GetString()!;
            if (!BodyElements.Contains(tag))
            {
                problems.Add($"<{tag}> in the article body");
            }

            foreach (var attribute in element.GetProperty("attributes").EnumerateArray().Select(a => a.GetString()!))
            {
                if (!BodyAttributes.Contains(attribute) && !BodyAttributePrefixes.Any(p => attribute.StartsWith(p, StringComparison.Ordinal)))
                {
                    problems.Add($"<{tag} {attribute}> in the article body");
                }
            }
        }

        return problems;
    }

    /// <summary>Anywhere on the page: handlers, script URLs, frames, objects, scripts or styles not served by the app.</summary>
    private async Task<List<string>> InjectedAnywhereAsync(IPage page) =>
        [.. await page.EvaluateAsync<string[]>("""
            origin => {
              const found = [];
              for (const el of document.querySelectorAll('*')) {
                for (const a of el.attributes) {
                  if (a.name.startsWith('on')) found.push(`<${el.localName} ${a.name}>`);
                  if (['href', 'src', 'action', 'formaction', 'data', 'srcdoc'].includes(a.name) && /^\s*(javascript|vbscript|data:text\/html)/i.test(a.value)) found.push(`<${el.localName} ${a.name}="${a.value.slice(0, 40)}">`);
                }
                if (['iframe', 'object', 'embed', 'base', 'frame'].includes(el.localName)) found.push(`<${el.localName}>`);
                if (el.localName === 'script' && (!el.src || !el.src.startsWith(origin + '/')) && el.type !== 'application/json' && el.type !== 'importmap') found.push(`<script> not from the app: ${(el.src || el.textContent).slice(0, 60)}`);
                if (el.localName === 'link' && el.href && !el.href.startsWith(origin + '/')) found.push(`<link href="${el.href}">`);
                if (el.localName === 'style') found.push(`<style>`);
                if (el.localName === 'meta' && el.httpEquiv) found.push(`<meta http-equiv="${el.httpEquiv}">`);
              }
              return found;
            }
            """, fixture.BaseUrl)];
}
