namespace NewsDesk.Extraction.Tests.Metadata;

public class PageScanTests
{
    private static ExtractedArticle Extract(string head, string body) =>
        new ArticleExtractor().Extract($"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>", TestData.PageUrl);

    [Fact]
    public void The_byline_comes_from_author_markup_outside_the_comments()
    {
        var article = Extract("", """
            <article><p class="byline">By Leila Haddad</p><p>Story text.</p></article>
            <section id="comments"><span class="author">Commenter</span></section>
            """);

        Assert.Equal("Leila Haddad", article.Byline);
    }

    [Fact]
    public void A_commenter_marked_as_author_is_never_the_byline()
    {
        var article = Extract("", """
            <div class="comment-list"><span class="author">Commenter</span></div>
            <article><span itemprop="author">Omar Said</span><p>Story text.</p></article>
            """);

        Assert.Equal("Omar Said", article.Byline);
    }

    [Fact]
    public void The_first_dated_time_element_gives_the_date_when_no_meta_does()
    {
        var article = Extract("", """
            <time>yesterday</time><article><time datetime="2024-07-27T10:15:00+03:00">27 July</time>
            <time datetime="2023-01-01">old</time><p>Story text.</p></article>
            """);

        Assert.Equal(new DateTimeOffset(2024, 7, 27, 10, 15, 0, TimeSpan.FromHours(3)), article.Published);
        Assert.True(article.PublishedHasZone);
    }

    [Fact]
    public void The_canonical_link_is_found_among_other_rel_tokens_and_made_absolute()
    {
        var article = Extract("""<link rel="stylesheet" href="/a.css"><link rel="alternate CANONICAL" href="/2024/07/27/the-story">""", "<p>Story text.</p>");

        Assert.Equal("https://news.example/2024/07/27/the-story", article.CanonicalUrl);
    }

    [Theory]
    [InlineData("<h1>The only headline</h1>", "The only headline")]
    [InlineData("<h1>Site name</h1><h1>Story headline</h1>", "Page title")]
    public void A_single_h1_is_the_title_and_several_fall_back_to_the_page_title(string headings, string title)
    {
        var article = Extract("<title>Page title</title>", headings + "<p>Story text.</p>");

        Assert.Equal(title, article.Title);
    }

    [Fact]
    public void Meta_tags_and_json_ld_are_both_read()
    {
        var article = Extract("""
            <meta property="og:site_name" content="Wire Desk"><meta name="author" content="Sara Nouri">
            <script type="Application/LD+JSON">{"@type":"NewsArticle","headline":"From JSON-LD"}</script>
            """, "<p>Story text.</p>");

        Assert.Equal(("From JSON-LD", "Wire Desk", "Sara Nouri"), (article.Title, article.SiteName, article.Byline));
    }
}
