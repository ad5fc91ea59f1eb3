using System.Text;
using NewsDesk.Extraction.Feeds;

namespace NewsDesk.Extraction.Tests.Feeds;

public class OpmlReaderTests
{
    [Fact]
    public void Feeds_are_read_from_nested_outlines_once_each()
    {
        const string opml = """
            <?xml version="1.0"?><opml version="2.0"><head><title>Subscriptions</title></head><body>
              <outline text="Middle East">
                <outline type="rss" text="Example News" title="Example News" xmlUrl="https://news.example/feed" htmlUrl="https://news.example/"/>
                <outline type="rss" text="Wire" xmlurl="https://wire.example/rss"/>
              </outline>
              <outline type="rss" text="Duplicate" xmlUrl="https://news.example/feed"/>
              <outline text="No feed here"/>
              <outline text="Bad" xmlUrl="javascript:alert(1)"/>
            </body></opml>
            """;

        var feeds = OpmlReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(opml)));

        Assert.Equal(["https://news.example/feed", "https://wire.example/rss"], feeds.Select(f => f.Url.AbsoluteUri));
        Assert.Equal("Example News", feeds[0].Title);
        Assert.Equal("Wire", feeds[1].Title);
    }

    [Fact]
    public void A_file_that_is_not_OPML_is_refused()
    {
        Assert.Throws<FeedFormatException>(() => OpmlReader.Read(new MemoryStream(Encoding.UTF8.GetBytes("<rss version=\"2.0\"/>"))));
    }
}
