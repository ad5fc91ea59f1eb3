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
}
