using System.Text;
using NewsDesk.Extraction.Feeds;

namespace NewsDesk.Extraction.Tests.Feeds;

public class FeedParserTests
{
    private static readonly Uri _feedUrl = new("https://news.example/feed");

    private static MemoryStream Bytes(string xml) => new(Encoding.UTF8.GetBytes(xml));

    [Fact]
    public void Rss_2_items_give_absolute_links_titles_and_dates()
    {
        const string xml = """
            <?xml version="1.0"?><rss version="2.0"><channel><title>Example News</title><link>https://news.example/</link>
            <item><title>First</title><link>/2024/07/first</link><pubDate>Sat, 27 Jul 2024 09:30:00 +0300</pubDate></item>
            <item><title>Second</title><guid isPermaLink="true">https://news.example/2024/07/second</guid><pubDate>Sat, 27 Jul 2024 10:00:00 GMT</pubDate></item>
            </channel></rss>
            """;

        var feed = FeedParser.Parse(Bytes(xml), _feedUrl);

        Assert.Equal(FeedFormat.Rss20, feed.Format);
        Assert.Equal("Example News", feed.Title);
        Assert.Equal(["https://news.example/2024/07/first", "https://news.example/2024/07/second"], feed.Items.Select(i => i.Url.AbsoluteUri));
        Assert.Equal(new DateTimeOffset(2024, 7, 27, 9, 30, 0, TimeSpan.FromHours(3)), feed.Items[0].Published);
        Assert.Equal("First", feed.Items[0].Title);
    }

    [Fact]
    public void Rss_1_RDF_feeds_are_read()
    {
        const string xml = """
            <?xml version="1.0"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="https://news.example/"><title>RDF News</title><link>https://news.example/</link></channel>
              <item rdf:about="https://news.example/a"><title>A</title><link>https://news.example/a</link><dc:date>2024-07-27T10:00:00+02:00</dc:date></item>
            </rdf:RDF>
            """;

        var feed = FeedParser.Parse(Bytes(xml), _feedUrl);

        Assert.Equal(FeedFormat.Rss10, feed.Format);
        Assert.Equal("RDF News", feed.Title);
        var item = Assert.Single(feed.Items);
        Assert.Equal("https://news.example/a", item.Url.AbsoluteUri);
        Assert.Equal(new DateTimeOffset(2024, 7, 27, 8, 0, 0, TimeSpan.Zero), item.Published);
    }

    [Fact]
    public void Atom_entries_use_their_alternate_link()
    {
        const string xml = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title><id>urn:x</id><updated>2024-07-27T10:00:00Z</updated>
            <entry><title>E</title><id>urn:e</id><link rel="edit" href="/edit/e"/><link rel="alternate" href="https://news.example/e"/><updated>2024-07-27T10:00:00Z</updated></entry>
            </feed>
            """;

        var feed = FeedParser.Parse(Bytes(xml), _feedUrl);

        Assert.Equal(FeedFormat.Atom10, feed.Format);
        Assert.Equal("https://news.example/e", Assert.Single(feed.Items).Url.AbsoluteUri);
    }

    [Fact]
    public void A_feed_with_a_DOCTYPE_still_parses()
    {
        const string xml = """
            <?xml version="1.0"?>
            <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
            <rss version="0.91"><channel><title>Old &amp; Loved</title><link>https://news.example/</link><description>d</description>
            <item><title>Old</title><link>https://news.example/old</link></item></channel></rss>
            """;

        var feed = FeedParser.Parse(Bytes(xml), _feedUrl);

        Assert.Equal("Old & Loved", feed.Title);
        Assert.Single(feed.Items);
    }

    [Fact]
    public void An_external_entity_is_never_resolved()
    {
        var secret = Path.GetTempFileName();
        File.WriteAllText(secret, "TOP-SECRET");
        var xml = $"""
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>
            <rss version="2.0"><channel><title>&xxe;</title><item><title>x</title><link>https://news.example/x</link></item></channel></rss>
            """;

        var error = Assert.Throws<FeedFormatException>(() => FeedParser.Parse(Bytes(xml), _feedUrl));

        Assert.Contains("xxe", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("TOP-SECRET", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_billion_laughs_feed_fails_without_expanding()
    {
        var entities = new StringBuilder("<!ENTITY lol \"lol\">");
        for (var i = 1; i <= 9; i++)
        {
            entities.Append(System.Globalization.CultureInfo.InvariantCulture, $"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? "" : i - 1)};", 10))}\">");
        }

        var xml = $"<?xml version=\"1.0\"?><!DOCTYPE lolz [{entities}]><rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>";
        var before = GC.GetAllocatedBytesForCurrentThread();

        Assert.Throws<FeedFormatException>(() => FeedParser.Parse(Bytes(xml), _feedUrl));

        // Expanded, &lol9; is 3 billion characters; a parser that expanded it would allocate gigabytes.
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 10 * 1024 * 1024);
    }

    [Fact]
    public void At_most_the_requested_number_of_items_is_returned()
    {
        var items = string.Concat(Enumerable.Range(0, 1500).Select(i => $"<item><link>https://news.example/{i}</link></item>"));
        var xml = $"<rss version=\"2.0\"><channel><title>Big</title>{items}</channel></rss>";

        var feed = FeedParser.Parse(Bytes(xml), _feedUrl, maxItems: 1000);

        Assert.Equal(1000, feed.Items.Count);
        Assert.Equal(1500, feed.TotalItems);
    }

    [Fact]
    public void Links_that_are_not_http_are_dropped()
    {
        const string xml = """
            <rss version="2.0"><channel><title>t</title>
            <item><link>javascript:alert(1)</link></item><item><link>mailto:x@news.example</link></item><item><link>https://news.example/ok</link></item>
            </channel></rss>
            """;

        var feed = FeedParser.Parse(Bytes(xml), _feedUrl);

        Assert.Equal("https://news.example/ok", Assert.Single(feed.Items).Url.AbsoluteUri);
    }

    [Fact]
    public void An_unreadable_date_becomes_unknown_instead_of_failing_the_feed()
    {
        const string xml = "<rss version=\"2.0\"><channel><title>t</title><item><link>https://news.example/a</link><pubDate>yesterday-ish</pubDate></item></channel></rss>";

        var feed = FeedParser.Parse(Bytes(xml), _feedUrl);

        Assert.Null(Assert.Single(feed.Items).Published);
    }

    [Fact]
    public void An_HTML_page_is_not_a_feed()
    {
        Assert.Throws<FeedFormatException>(() => FeedParser.Parse(Bytes("<html><body><p>hi</p></body></html>"), _feedUrl));
    }
}
