using System.Text;
using NewsDesk.Extraction.Feeds;

namespace NewsDesk.Extraction.Tests.Feeds;

public class SitemapParserTests
{
    private static readonly Uri _url = new("https://news.example/sitemap.xml");

    private static MemoryStream Bytes(string xml) => new(Encoding.UTF8.GetBytes(xml));

    [Fact]
    public void A_sitemap_index_lists_its_sitemaps_newest_first()
    {
        const string xml = """
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <sitemap><loc>https://news.example/sitemap-2023.xml</loc><lastmod>2023-12-31</lastmod></sitemap>
              <sitemap><loc>https://news.example/sitemap-2024.xml</loc><lastmod>2024-07-27</lastmod></sitemap>
            </sitemapindex>
            """;

        var sitemap = SitemapParser.Parse(Bytes(xml), _url);

        Assert.True(sitemap.IsIndex);
        Assert.Equal("https://news.example/sitemap-2024.xml", sitemap.Entries[0].Url.AbsoluteUri);
    }

    [Fact]
    public void A_Google_News_sitemap_gives_titles_and_publication_dates()
    {
        const string xml = """
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
              <url><loc>https://news.example/a</loc><news:news><news:publication><news:name>N</news:name><news:language>en</news:language></news:publication>
                <news:publication_date>2024-07-27T10:00:00+03:00</news:publication_date><news:title>Proxy militias</news:title></news:news></url>
            </urlset>
            """;

        var entry = Assert.Single(SitemapParser.Parse(Bytes(xml), _url).Entries);

        Assert.Equal("Proxy militias", entry.Title);
        Assert.Equal(new DateTimeOffset(2024, 7, 27, 7, 0, 0, TimeSpan.Zero), entry.Published);
    }

    [Fact]
    public void A_large_urlset_keeps_the_newest_entries_up_to_the_limit()
    {
        var urls = string.Concat(Enumerable.Range(1, 30).Select(d => $"<url><loc>https://news.example/{d}</loc><lastmod>2024-06-{d:00}</lastmod></url>"));
        var xml = $"<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">{urls}</urlset>";

        var sitemap = SitemapParser.Parse(Bytes(xml), _url, maxEntries: 5);

        Assert.Equal(30, sitemap.TotalEntries);
        Assert.Equal(["30", "29", "28", "27", "26"], sitemap.Entries.Select(e => e.Url.Segments[^1]));
    }

    private static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }

    [Fact]
    public void A_gzipped_sitemap_is_recognised_by_its_magic_bytes_whatever_its_label()
    {
        var bytes = Gzip("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>https://news.example/gz</loc></url></urlset>");

        var sitemap = SitemapParser.Parse(bytes, _url, 10, "application/octet-stream");

        Assert.Equal("https://news.example/gz", Assert.Single(sitemap.Entries).Url.AbsoluteUri);
        Assert.Equal("gzipped XML", sitemap.Form);
    }

    [Fact]
    public void A_gzipped_sitemap_that_grows_past_the_limit_is_refused()
    {
        var bytes = Gzip("<urlset>" + new string(' ', 200_000) + "</urlset>");

        var error = Assert.Throws<FeedFormatException>(() => SitemapParser.Parse(bytes, _url, 10, null, maxDecompressedBytes: 100_000));

        Assert.Contains("limit once decompressed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plain_text_sitemap_lists_one_URL_a_line()
    {
        var sitemap = SitemapParser.Parse(Encoding.UTF8.GetBytes("https://news.example/a\r\n\nnot a url\nhttps://news.example/b\n"), _url, 10, "text/plain");

        Assert.Equal(["https://news.example/a", "https://news.example/b"], sitemap.Entries.Select(e => e.Url.AbsoluteUri));
        Assert.Equal("plain text", sitemap.Form);
    }

    [Fact]
    public void A_truncated_sitemap_keeps_every_complete_entry_and_says_where_it_broke_off()
    {
        var urls = string.Concat(Enumerable.Range(1, 50).Select(i => $"<url><loc>https://news.example/{i}</loc></url>"));
        var xml = $"<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">{urls}<url><loc>https://news.exa";

        var sitemap = SitemapParser.Parse(Bytes(xml), _url);

        Assert.Equal(50, sitemap.Entries.Count);
        Assert.Contains("50 complete entries", sitemap.Truncated, StringComparison.Ordinal);
    }

    [Fact]
    public void Google_News_languages_are_kept_and_image_extensions_ignored()
    {
        const string xml = """
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
              <url><loc>https://news.example/ar</loc><image:image><image:loc>https://img.example/1.jpg</image:loc></image:image>
                <news:news><news:publication><news:name>N</news:name><news:language>ar</news:language></news:publication><news:title>عنوان</news:title></news:news></url>
            </urlset>
            """;

        var entry = Assert.Single(SitemapParser.Parse(Bytes(xml), _url).Entries);

        Assert.Equal("ar", entry.Language);
        Assert.Equal("عنوان", entry.Title);
        Assert.Equal("https://news.example/ar", entry.Url.AbsoluteUri);
    }

    [Fact]
    public void A_feed_given_as_a_sitemap_says_so()
    {
        var error = Assert.Throws<FeedFormatException>(() => SitemapParser.Parse(Bytes("<rss version=\"2.0\"><channel/></rss>"), _url));

        Assert.Contains("this is a feed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sitemap_that_declares_entities_is_refused()
    {
        var error = Assert.Throws<FeedFormatException>(() => SitemapParser.Parse(
            Bytes("<!DOCTYPE urlset [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><urlset><url><loc>&x;</loc></url></urlset>"), _url));

        Assert.Contains("declares its own entity", error.Message, StringComparison.Ordinal);
    }
}
