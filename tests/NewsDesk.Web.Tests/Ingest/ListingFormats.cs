using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace NewsDesk.Web.Tests.Ingest;

/// <summary>
/// The fixture site's feeds and sitemaps in the shapes the real web serves (written here, for these tests): JSON
/// Feed, RSS 0.90, Atom 0.3, entity-ridden and ill-formed RSS, a feed in windows-1251 named only by the HTTP
/// charset, a feed with nothing usable, nested and gzipped sitemaps with a cycle, a truncated and a plain-text one.
/// Each lists the slugs of its <c>?items=</c> query, so each test owns its URLs.
/// </summary>
internal static class ListingFormats
{
    static ListingFormats() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static void Map(WebApplication app, FixtureSite site)
    {
        app.MapGet("/formats/feed.json", (HttpContext c) => Results.Text(JsonFeed(site, Slugs(c)), "application/feed+json"));
        app.MapGet("/formats/plain.json", (HttpContext c) => Results.Text(JsonFeed(site, Slugs(c)), "application/json"));
        app.MapGet("/formats/rss090.xml", (HttpContext c) => Results.Text(
            """<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/"><channel><title>Old Netscape</title><link>http://old.example/</link></channel>""" +
            string.Concat(Slugs(c).Select(s => $"<item><title>{s}</title><link>{site.Url($"/articles/{s}.html")}</link></item>")) + "</rdf:RDF>",
            "application/rdf+xml"));
        app.MapGet("/formats/atom03.xml", (HttpContext c) => Results.Text(
            """<?xml version="1.0"?><feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Atom 0.3</title>""" +
            string.Concat(Slugs(c).Select(s => $"""<entry><title>{s}</title><link rel="alternate" type="text/html" href="{site.Url($"/articles/{s}.html")}"/><issued>2004-01-02T03:04:05Z</issued></entry>""")) + "</feed>",
            "application/atom+xml"));
        // HTML entities, a stray ampersand, HTML in a title, an invalid enclosure, and no closing tags at the end.
        app.MapGet("/formats/ill-formed.xml", (HttpContext c) => Results.Text(
            "  \n<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Caf&eacute; &amp; Bar & Grill&nbsp;News</title>" +
            string.Concat(Slugs(c).Select(s => $"<item><title>R&eacute;sum&eacute; <b>{s}</b></title><link>{site.Url($"/articles/{s}.html")}</link><enclosure url=\"x\" length=\"many\"/></item>")) +
            "<item><title>Last", "application/rss+xml"));
        app.MapGet("/formats/cyrillic.xml", (HttpContext c) => Results.Bytes(Encoding.GetEncoding("windows-1251").GetBytes(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Новости дня</title>" +
            string.Concat(Slugs(c).Select(s => $"<item><title>Статья {s}</title><link>{site.Url($"/articles/{s}.html")}</link></item>")) + "</channel></rss>"),
            "text/xml; charset=windows-1251"));
        app.MapGet("/formats/no-links.xml", () => Results.Text(
            "<rss version=\"2.0\"><channel><title>Guids only</title><item><guid isPermaLink=\"false\">a-1</guid></item><item><guid isPermaLink=\"false\">a-2</guid></item></channel></rss>",
            "application/rss+xml"));
        app.MapGet("/formats/empty.xml", () => Results.Text("<rss version=\"2.0\"><channel><title>Nothing yet</title></channel></rss>", "application/rss+xml"));

        // nested.xml -> inner.xml (an index) -> child.xml.gz (gzip, labelled as such) and, again, nested.xml (a cycle).
        app.MapGet("/formats/nested.xml", (HttpContext c) => Results.Text(Index(site.Url("/formats/inner.xml" + c.Request.QueryString)), "application/xml"));
        app.MapGet("/formats/inner.xml", (HttpContext c) => Results.Text(
            Index(site.Url("/formats/child.xml.gz" + c.Request.QueryString), site.Url("/formats/nested.xml" + c.Request.QueryString)), "application/xml"));
        app.MapGet("/formats/child.xml.gz", (HttpContext c) => Results.Bytes(Gzip(Urlset(site, Slugs(c))), "application/x-gzip"));
        app.MapGet("/formats/truncated.xml", (HttpContext c) => Results.Text(Urlset(site, Slugs(c))[..^"</urlset>".Length] + "<url><loc>http://trunc", "application/xml"));
        app.MapGet("/formats/urls.txt", (HttpContext c) => Results.Text(string.Join("\n", Slugs(c).Select(s => site.Url($"/articles/{s}.html"))), "text/plain"));
    }

    private static string[] Slugs(HttpContext c) => c.Request.Query["items"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries);

    private static string JsonFeed(FixtureSite site, IEnumerable<string> slugs) =>
        """{"version": "https://jsonfeed.org/version/1.1", "title": "JSON Fixture", "items": [""" +
        string.Join(",", slugs.Select(s => $$"""{"id": "{{s}}", "url": "{{site.Url($"/articles/{s}.html")}}", "title": "{{s}}", "date_published": "2024-07-27T10:00:00Z"}""")) +
        "]}";

    private static string Index(params string[] children) =>
        """<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">""" +
        string.Concat(children.Select(c => $"<sitemap><loc>{WebUtility.HtmlEncode(c)}</loc></sitemap>")) + "</sitemapindex>";

    private static string Urlset(FixtureSite site, IEnumerable<string> slugs) =>
        """<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">""" +
        string.Concat(slugs.Select(s => $"<url><loc>{site.Url($"/articles/{s}.html")}</loc></url>")) + "</urlset>";

    private static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }
}
