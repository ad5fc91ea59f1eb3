using System.Text;
using NewsDesk.Extraction.Feeds;

namespace NewsDesk.Extraction.Tests.Feeds;

/// <summary>FeedParser on the feeds the real web writes: every kind, and every way they break.</summary>
public class TolerantFeedTests
{
    private static readonly Uri _feedUrl = new("https://news.example/feed");

    private static ParsedFeed Parse(string text, string? contentType = null) =>
        FeedParser.Parse(Encoding.UTF8.GetBytes(text), _feedUrl, FeedParser.DefaultMaxItems, contentType);

    [Fact]
    public void Rss_0_90_items_are_read_instead_of_an_ok_with_no_items()
    {
        var items = string.Concat(Enumerable.Range(1, 60).Select(i => $"<item><title>T{i}</title><link>https://news.example/{i}</link></item>"));
        var feed = Parse($"""<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/"><channel><title>Old</title><link>https://news.example/</link></channel>{items}</rdf:RDF>""");

        Assert.Equal(FeedFormat.Rss090, feed.Format);
        Assert.Equal(60, feed.Items.Count);
        Assert.Equal("https://news.example/60", feed.Items[^1].Url.AbsoluteUri);
    }

    [Fact]
    public void Atom_0_3_entries_use_their_alternate_link_and_issued_date()
    {
        var feed = Parse("""
            <feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Atom 0.3</title>
            <entry><title>E</title><link rel="alternate" type="text/html" href="https://news.example/e"/><issued>2004-01-02T03:04:05Z</issued></entry></feed>
            """);

        Assert.Equal(FeedFormat.Atom03, feed.Format);
        var item = Assert.Single(feed.Items);
        Assert.Equal("https://news.example/e", item.Url.AbsoluteUri);
        Assert.Equal(new DateTimeOffset(2004, 1, 2, 3, 4, 5, TimeSpan.Zero), item.Published);
    }

    [Fact]
    public void An_Atom_feed_in_no_namespace_is_still_Atom()
    {
        var feed = Parse("""<feed><entry><link href="https://news.example/a"/></entry></feed>""");

        Assert.Equal("https://news.example/a", Assert.Single(feed.Items).Url.AbsoluteUri);
    }

    [Fact]
    public void Json_Feed_items_give_url_title_and_date()
    {
        var feed = Parse("""
            {"version": "https://jsonfeed.org/version/1.1", "title": "JSON News", "home_page_url": "https://news.example/",
             "items": [{"id": "1", "url": "https://news.example/j1", "title": "J1", "date_published": "2024-07-27T10:00:00+02:00"},
                       {"id": "2", "external_url": "https://elsewhere.example/j2"}, {"id": "3"}]}
            """, "application/json");

        Assert.Equal(FeedFormat.JsonFeed, feed.Format);
        Assert.Equal("JSON News", feed.Title);
        Assert.Equal(["https://news.example/j1", "https://elsewhere.example/j2"], feed.Items.Select(i => i.Url.AbsoluteUri));
        Assert.Equal(new DateTimeOffset(2024, 7, 27, 8, 0, 0, TimeSpan.Zero), feed.Items[0].Published);
        Assert.Equal(1, feed.Skipped["without a link"]);
    }

    [Fact]
    public void Json_that_is_no_JSON_Feed_is_refused_by_name()
    {
        var error = Assert.Throws<FeedFormatException>(() => Parse("""{"hello": "world"}"""));

        Assert.Contains("JSON Feed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HTML_named_entities_are_resolved()
    {
        var feed = Parse("<rss version=\"2.0\"><channel><title>Caf&eacute;&nbsp;News</title><item><title>R&eacute;sum&eacute; &mdash; 1</title><link>https://news.example/r</link></item></channel></rss>");

        // A title is plain text on one line: the no-break space is a space like any other.
        Assert.Equal("Café News", feed.Title);
        Assert.Equal("Résumé — 1", Assert.Single(feed.Items).Title);
        Assert.NotNull(feed.Repair);
    }

    [Fact]
    public void A_stray_ampersand_and_an_unclosed_feed_are_read_leniently()
    {
        var feed = Parse("<rss version=\"2.0\"><channel><title>Tom & Jerry</title><item><link>https://news.example/a?x=1&y=2</link></item><item><link>https://news.example/b</link></item>");

        Assert.Equal("Tom & Jerry", feed.Title);
        Assert.Equal(["https://news.example/a?x=1&y=2", "https://news.example/b"], feed.Items.Select(i => i.Url.AbsoluteUri));
        Assert.Contains("recovered", feed.Repair, StringComparison.Ordinal);
    }

    [Fact]
    public void Whitespace_and_a_comment_before_the_XML_declaration_are_tolerated()
    {
        var feed = Parse("\n\n  <!-- generated --><?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><item><link>https://news.example/a</link></item></channel></rss>");

        Assert.Single(feed.Items);
    }

    [Fact]
    public void Odd_elements_cost_nothing_but_themselves()
    {
        var feed = Parse("""
            <rss version="2.0"><channel><title>t</title>
            <item><title>Bad enclosure</title><link>https://news.example/1</link><enclosure url="x" length="lots" type="?"/></item>
            <item><title>HTML <b>inside</b> a title</title><link>https://news.example/2</link></item>
            <item><title>&lt;i&gt;escaped&lt;/i&gt; HTML</title><link>https://news.example/3</link><pubDate>not a date</pubDate></item>
            </channel></rss>
            """);

        Assert.Equal(3, feed.Items.Count);
        Assert.Equal("HTML inside a title", feed.Items[1].Title);
        Assert.Equal("escaped HTML", feed.Items[2].Title);
        Assert.Null(feed.Items[2].Published);
    }

    [Fact]
    public void An_unknown_Atom_content_type_does_not_drop_the_entry()
    {
        var feed = Parse("""<feed xmlns="http://www.w3.org/2005/Atom"><entry><title type="bogus/type">x</title><content type="weird">y</content><link href="https://news.example/x"/></entry></feed>""");

        Assert.Single(feed.Items);
    }

    [Fact]
    public void A_guid_that_is_not_a_permalink_never_becomes_the_address()
    {
        var feed = Parse("""
            <rss version="2.0"><channel>
            <item><guid isPermaLink="false">abc-123</guid></item>
            <item><guid>https://news.example/permalink</guid></item>
            <item><title>no link at all</title></item>
            </channel></rss>
            """);

        Assert.Equal("https://news.example/permalink", Assert.Single(feed.Items).Url.AbsoluteUri);
        Assert.Equal(3, feed.TotalItems);
        Assert.Equal(1, feed.Skipped["without a link (only a guid that is not a permalink)"]);
        Assert.Equal(1, feed.Skipped["without a link"]);
        Assert.Contains("without a link", feed.DescribeSkipped(), StringComparison.Ordinal);
    }

    [Fact]
    public void Links_resolve_against_xml_base_then_the_feed_address()
    {
        var feed = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://cdn.example/blog/">
              <entry xml:base="2024/"><link href="post-1"/></entry>
              <entry><link href="/top"/></entry>
            </feed>
            """);

        Assert.Equal(["https://cdn.example/blog/2024/post-1", "https://cdn.example/top"], feed.Items.Select(i => i.Url.AbsoluteUri));
    }

    [Fact]
    public void An_Atom_entry_without_a_link_uses_an_http_id_but_never_a_tag_id()
    {
        var feed = Parse("""<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>https://news.example/by-id</id></entry><entry><id>tag:news.example,2024:1</id></entry></feed>""");

        Assert.Equal("https://news.example/by-id", Assert.Single(feed.Items).Url.AbsoluteUri);
        Assert.Equal(1, feed.Skipped["with a tag: link"]);
    }

    [Theory]
    [InlineData("<html><body><p>hi</p></body></html>", "HTML page")]
    [InlineData("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"/>", "sitemap")]
    [InlineData("<opml version=\"2.0\"><body/></opml>", "OPML")]
    [InlineData("<catalog><book/></catalog>", "root element is <catalog>")]
    public void What_is_not_a_feed_is_named_in_the_error(string document, string named)
    {
        var error = Assert.Throws<FeedFormatException>(() => Parse(document));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_that_are_no_XML_at_all_are_refused_clearly()
    {
        var error = Assert.Throws<FeedFormatException>(() => Parse("just some words"));

        Assert.Contains("not XML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_HTTP_charset_decides_when_there_is_no_BOM()
    {
        var bytes = Encoding.GetEncoding("windows-1251").GetBytes("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Новости</title><item><link>https://news.example/a</link></item></channel></rss>");

        var feed = FeedParser.Parse(bytes, _feedUrl, 10, "application/rss+xml; charset=windows-1251");

        Assert.Equal("Новости", feed.Title);
        Assert.Contains("HTTP charset", feed.Encoding, StringComparison.Ordinal);
    }

    static TolerantFeedTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
}
