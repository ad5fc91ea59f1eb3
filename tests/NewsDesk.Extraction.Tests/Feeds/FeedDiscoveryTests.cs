using System.Text;
using NewsDesk.Extraction.Feeds;

namespace NewsDesk.Extraction.Tests.Feeds;

public class FeedDiscoveryTests
{
    [Fact]
    public void Alternate_RSS_and_Atom_links_are_found_and_made_absolute()
    {
        const string html = """
            <html><head><title>Home</title>
            <link rel="alternate" type="application/rss+xml" title="All news" href="/feed.xml">
            <link rel="alternate" type="application/atom+xml" href="https://news.example/atom">
            <link rel="alternate" type="text/html" hreflang="ar" href="/ar/">
            <link rel="stylesheet" type="text/css" href="/site.css">
            </head><body></body></html>
            """;

        var feeds = FeedDiscovery.Find(new ArticleExtractor().ParseBytes(Encoding.UTF8.GetBytes(html), "text/html"), new Uri("https://news.example/home"));

        Assert.Equal(["https://news.example/feed.xml", "https://news.example/atom"], feeds.Select(f => f.Url.AbsoluteUri));
        Assert.Equal("All news", feeds[0].Title);
    }

    [Fact]
    public void Root_elements_tell_feeds_sitemaps_and_pages_apart()
    {
        Assert.Equal(SniffedKind.Feed, ContentSniffer.Sniff("<rss version=\"2.0\"/>"u8.ToArray(), "text/xml"));
        Assert.Equal(SniffedKind.Sitemap, ContentSniffer.Sniff("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"/>"u8.ToArray(), "application/xml"));
        Assert.Equal(SniffedKind.Html, ContentSniffer.Sniff("<!DOCTYPE html><html><body><p>x<br></p>"u8.ToArray(), "text/html"));
    }
}
