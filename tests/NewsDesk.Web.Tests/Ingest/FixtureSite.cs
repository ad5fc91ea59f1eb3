using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsDesk.Web.Tests.Ingest;

/// <summary>
/// A real Kestrel web site on 127.0.0.1 that the scraper tests fetch from: feeds, sitemaps, article pages,
/// redirect chains and loops, 304s, 429s, gzip, a gzip bomb, a slow drip, wrong types and charsets, hostile XML.
/// Feeds list the article slugs given in their query (<c>?items=a,b</c>, or <c>?items=a*400</c> for a-1 … a-400), so each test owns its own URLs.
/// </summary>
public sealed class FixtureSite : IAsyncLifetime
{
    private static readonly byte[] _bomb = MakeBomb(64 * 1024 * 1024);
    private static readonly Lazy<string> _deepPage = new(() =>
        "<html><head><title>Deep</title></head><body>" + string.Concat(Enumerable.Repeat("<div>", 200_000)) + "x</body></html>");
    private readonly ConcurrentDictionary<string, int> _hits = new();
    private readonly ConcurrentQueue<SeenRequest> _requests = new();
    private readonly ConcurrentDictionary<string, Action> _onRequest = new(StringComparer.Ordinal);
    private WebApplication? _app;
    private int _inFlight;
    private int _maxInFlight;

    public sealed record SeenRequest(string PathAndQuery, string? IfNoneMatch, string? UserAgent, DateTimeOffset At);

    public Uri BaseUrl { get; private set; } = null!;
    public int Port => BaseUrl.Port;

    public IReadOnlyCollection<SeenRequest> Requests => [.. _requests];

    /// <summary>The most requests in flight at once since <see cref="ResetConcurrency"/>.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public void ResetConcurrency() => Interlocked.Exchange(ref _maxInFlight, 0);

    public string Url(string pathAndQuery) => new Uri(BaseUrl, pathAndQuery).AbsoluteUri;

    public int HitsOn(string path) => _requests.Count(r => r.PathAndQuery.Split('?')[0] == path);

    /// <summary>Runs the action when the path is first requested (a test stops a fetch at a chosen item).</summary>
    public void WhenRequested(string path, Action action) => _onRequest[path] = action;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            _requests.Enqueue(new SeenRequest(context.Request.Path + context.Request.QueryString,
                context.Request.Headers.IfNoneMatch.ToString() is { Length: > 0 } tag ? tag : null,
                context.Request.Headers.UserAgent.ToString(), DateTimeOffset.UtcNow));
            if (_onRequest.TryRemove(context.Request.Path, out var action))
            {
                action();
            }

            var now = Interlocked.Increment(ref _inFlight);
            for (var max = _maxInFlight; now > max; max = _maxInFlight)
            {
                Interlocked.CompareExchange(ref _maxInFlight, now, max);
            }

            try
            {
                await next(context);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        });
        Map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
        _app = app;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/robots.txt", () => Results.Text(
            $"User-agent: *\nDisallow: /private/\n\nUser-agent: OtherBot\nDisallow: /\n\nSitemap: {Url("/sitemaps/news.xml?items=robots-one")}\n", "text/plain"));
        app.MapGet("/", () => Html(FixturePages.Home(Url("/feeds/rss.xml?items=home-root"), "/feeds/atom.xml?items=home-root-b")));
        ListingFormats.Map(app, this);

        app.MapGet("/feeds/rss.xml", (HttpContext c) => Conditional(c, Rss(Slugs(c), c.Request.Query.ContainsKey("tracking")), "application/rss+xml; charset=utf-8"));
        app.MapGet("/feeds/atom.xml", (HttpContext c) => Conditional(c, Atom(Slugs(c)), "application/atom+xml"));
        app.MapGet("/feeds/rdf.xml", (HttpContext c) => Conditional(c, Rdf(Slugs(c)), "application/rdf+xml"));
        app.MapGet("/feeds/slow.xml", async (HttpContext c) =>
        {
            await Task.Delay(300);
            return Results.Text(Rss(Slugs(c)), "application/rss+xml");
        });
        app.MapGet("/slow/{milliseconds:int}/{slug}.html", async (int milliseconds, string slug) =>
        {
            await Task.Delay(milliseconds);
            return Html(FixturePages.Article(slug, null));
        });
        // Items whose pages each take ?ms= to answer: a fetch that lasts long enough to be cut in the middle.
        app.MapGet("/feeds/slow-items.xml", (HttpContext c) => Results.Text(
            RssOf(Slugs(c).Select(s => ($"/slow/{c.Request.Query["ms"]}/{s}.html", s))), "application/rss+xml"));
        // Slugs starting "large-" are listed as /large/ pages (over the large-page threshold), the rest as articles.
        app.MapGet("/feeds/with-large.xml", (HttpContext c) => Results.Text(
            RssOf(Slugs(c).Select(s => (s.StartsWith("large-", StringComparison.Ordinal) ? $"/large/{s}.html" : $"/articles/{s}.html", s))), "application/rss+xml"));
        app.MapGet("/feeds/wire.xml", (HttpContext c) => Results.Text(
            RssOf(Slugs(c).Select(s => ($"/wire/{c.Request.Query["outlet"]}/{s}.html", s))), "application/rss+xml"));
        app.MapGet("/feeds/gzip.xml", (HttpContext c) =>
        {
            c.Response.Headers.ContentEncoding = "gzip";
            return Results.Bytes(Gzip(Encoding.UTF8.GetBytes(Rss(Slugs(c)))), "application/rss+xml");
        });
        app.MapGet("/feeds/limited.xml", (HttpContext c) =>
        {
            if (Hit(c) == 1)
            {
                c.Response.Headers.RetryAfter = "1";
                return Results.StatusCode(429);
            }

            return Results.Text(Rss(Slugs(c)), "application/rss+xml");
        });
        app.MapGet("/feeds/long-wait.xml", (HttpContext c) =>
        {
            c.Response.Headers.RetryAfter = "3600";
            return Results.StatusCode(503);
        });
        app.MapGet("/feeds/broken.xml", () => Results.StatusCode(500));
        app.MapGet("/feeds/doctype.xml", () => Results.Text(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" \"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n" +
            Rss(["doctype-one"]).Split("?>", 2)[1], "application/rss+xml"));
        app.MapGet("/hostile/xxe.xml", () => Results.Text(Hostile.Xxe, "application/rss+xml"));
        app.MapGet("/hostile/lol.xml", () => Results.Text(Hostile.BillionLaughs, "application/rss+xml"));

        app.MapGet("/sitemaps/index.xml", (HttpContext c) => Results.Text(
            $"""<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>{Url("/sitemaps/news.xml" + c.Request.QueryString)}</loc><lastmod>2024-07-27</lastmod></sitemap></sitemapindex>""",
            "application/xml"));
        app.MapGet("/sitemaps/news.xml", (HttpContext c) => Results.Text(NewsSitemap(Slugs(c)), "application/xml"));

        app.MapGet("/articles/{slug}.html", (string slug) => Html(FixturePages.Article(slug, Url($"/articles/{slug}.html"))));
        app.MapGet("/large/{slug}.html", (string slug) => Html(FixturePages.LongArticle(slug, 3000)));
        app.MapGet("/amp/{slug}.html", (string slug) => Html(FixturePages.Article(slug, Url($"/articles/{slug}.html"))));
        app.MapGet("/wire/{outlet}/{slug}.html", (string outlet, string slug) => Html(FixturePages.WireCopy(outlet, slug)));
        app.MapGet("/private/{slug}.html", (string slug) => Html(FixturePages.Article(slug, null)));
        app.MapGet("/empty.html", () => Html("<html><head><title>Nothing here</title></head><body><div>menu</div></body></html>"));
        app.MapGet("/home.html", () => Html(FixturePages.Home(Url("/feeds/rss.xml?items=home-a"), "/feeds/atom.xml?items=home-b")));
        app.MapGet("/arabic.html", () => Results.Bytes(FixturePages.Arabic(), "text/html; charset=windows-1256"));
        app.MapGet("/image.png", () => Results.Bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "image/png"));
        app.MapGet("/feeds/image.xml", (HttpContext c) => Results.Text(RssOf([("/image.png", "image"), .. Slugs(c).Select(s => ($"/articles/{s}.html", s))]), "application/rss+xml"));
        app.MapGet("/feeds/mixed.xml", (HttpContext c) => Results.Text(RssOf([("/empty.html", "empty"), ("/private/hidden.html", "hidden"), .. Slugs(c).Select(s => ($"/articles/{s}.html", s))]), "application/rss+xml"));

        app.MapGet("/redirect/{hops:int}", (int hops, HttpContext c) =>
            Results.Redirect(hops <= 1 ? c.Request.Query["to"].ToString() : $"/redirect/{hops - 1}?to={Uri.EscapeDataString(c.Request.Query["to"].ToString())}"));
        app.MapGet("/loop/a", () => Results.Redirect("/loop/b"));
        app.MapGet("/loop/b", () => Results.Redirect("/loop/a"));
        app.MapGet("/redirect-to-ip", (HttpContext c) => Results.Redirect($"http://127.0.0.1:{Port}{c.Request.Query["path"]}"));
        app.MapGet("/redirect-to-file", () => Results.Redirect("file:///etc/passwd"));

        app.MapGet("/bomb.xml", (HttpContext c) =>
        {
            c.Response.Headers.ContentEncoding = "gzip";
            return Results.Bytes(_bomb, "application/xml");
        });
        MapReliability(app);
        app.MapGet("/drip.xml", async (HttpContext c) =>
        {
            c.Response.ContentType = "application/rss+xml";
            await c.Response.StartAsync(c.RequestAborted);
            // One byte every 200 ms, forever: only a deadline over the body ends this.
            while (!c.RequestAborted.IsCancellationRequested)
            {
                await c.Response.Body.WriteAsync(" "u8.ToArray(), c.RequestAborted);
                await c.Response.Body.FlushAsync(c.RequestAborted);
                await Task.Delay(200, c.RequestAborted);
            }
        });
    }

    /// <summary>Pages from the reliability review (issue 20): absurd nesting, internal feed links, binary bodies.</summary>
    private void MapReliability(WebApplication app)
    {
        app.MapGet("/hostile/deep.html", () => Html(_deepPage.Value));
        app.MapGet("/hostile/home-internal.html", () => Html(FixturePages.Home("http://10.0.0.1/feed.xml", "/feeds/atom.xml?items=home-internal")));
        app.MapGet("/hostile/png.html", () => Results.Bytes(FixturePages.Png(), "text/html"));
        app.MapGet("/hostile/double-gzip.html", (HttpContext c) =>
        {
            // A misconfigured server gzips an already gzipped page: one decompression leaves gzip bytes.
            c.Response.Headers.ContentEncoding = "gzip";
            return Results.Bytes(Gzip(Gzip(Encoding.UTF8.GetBytes(FixturePages.Article("double-gzip", null)))), "text/html; charset=utf-8");
        });
        app.MapGet("/feeds/long-address.xml", (HttpContext c) => Results.Text(
            RssOf([($"/articles/{LongSlug}.html", "long address"), .. Slugs(c).Select(s => ($"/articles/{s}.html", s))]), "application/rss+xml"));
        app.MapGet("/feeds/binary.xml", (HttpContext c) => Results.Text(
            RssOf([("/hostile/png.html", "png"), ("/hostile/double-gzip.html", "double gzip"), .. Slugs(c).Select(s => ($"/articles/{s}.html", s))]),
            "application/rss+xml"));
    }

    /// <summary>The slug of /feeds/long-address.xml's first entry: its URL is longer than the store keeps (2,048).</summary>
    public static readonly string LongSlug = "long-" + new string('l', 2100);

    private int Hit(HttpContext c) => _hits.AddOrUpdate(c.Request.Path + c.Request.QueryString, 1, (_, n) => n + 1);

    /// <summary>The slugs of <c>?items=a,b</c>; <c>name*N</c> stands for name-1 … name-N, so a long feed keeps a short URL.</summary>
    private static string[] Slugs(HttpContext c) =>
        c.Request.Query["items"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(s => s.LastIndexOf('*') is var star and > 0 && int.TryParse(s[(star + 1)..], out var count)
                ? Enumerable.Range(1, count).Select(i => $"{s[..star]}-{i}")
                : [s])
            .ToArray();

    private static IResult Html(string html) => Results.Text(html, "text/html; charset=utf-8");

    /// <summary>Serves with an ETag; answers 304 when the client sends it back.</summary>
    private static IResult Conditional(HttpContext c, string body, string contentType)
    {
        var tag = $"\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)))[..16]}\"";
        c.Response.Headers.ETag = tag;
        return c.Request.Headers.IfNoneMatch.ToString() == tag ? Results.StatusCode(304) : Results.Text(body, contentType);
    }

    private string Rss(IEnumerable<string> slugs, bool tracking = false) =>
        RssOf(slugs.Select(s => ($"/articles/{s}.html{(tracking ? "?utm_source=rss&utm_medium=feed&fbclid=abc#comments" : "")}", s)));

    private string RssOf(IEnumerable<(string Path, string Title)> items)
    {
        var day = 1;
        var entries = string.Concat(items.Select(i =>
            $"<item><title>{WebUtility.HtmlEncode(i.Title)}</title><link>{WebUtility.HtmlEncode(Url(i.Path))}</link>" +
            $"<pubDate>Sat, {day++:00} Jun 2024 09:30:00 +0300</pubDate></item>"));
        return $"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Fixture News</title><link>{BaseUrl}</link><description>Fixture</description>{entries}</channel></rss>""";
    }

    private static string Atom(IEnumerable<string> slugs) =>
        $"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Fixture Atom</title><id>urn:fixture</id><updated>2024-07-27T10:00:00Z</updated>""" +
        string.Concat(slugs.Select(s => $"""<entry><title>{s}</title><id>urn:{s}</id><link rel="alternate" href="/articles/{s}.html"/><updated>2024-07-27T10:00:00Z</updated></entry>""")) +
        "</feed>";

    private string Rdf(IEnumerable<string> slugs) =>
        """<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">""" +
        $"<channel rdf:about=\"{BaseUrl}\"><title>Fixture RDF</title><link>{BaseUrl}</link></channel>" +
        string.Concat(slugs.Select(s => $"<item rdf:about=\"{Url($"/articles/{s}.html")}\"><title>{s}</title><link>{Url($"/articles/{s}.html")}</link><dc:date>2024-07-27T10:00:00+02:00</dc:date></item>")) +
        "</rdf:RDF>";

    private string NewsSitemap(IEnumerable<string> slugs) =>
        """<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">""" +
        string.Concat(slugs.Select(s => $"<url><loc>{Url($"/articles/{s}.html")}</loc><news:news><news:publication><news:name>Fixture</news:name><news:language>en</news:language></news:publication><news:publication_date>2024-07-27T10:00:00+00:00</news:publication_date><news:title>{s}</news:title></news:news></url>")) +
        "</urlset>";

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    private static byte[] MakeBomb(int size)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize))
        {
            var zeros = new byte[1024 * 1024];
            for (var written = 0; written < size; written += zeros.Length)
            {
                gzip.Write(zeros);
            }
        }

        return output.ToArray();
    }
}
