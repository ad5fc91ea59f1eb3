namespace NewsDesk.Extraction.Tests;

public class ArticleExtractorTests
{
    [Fact]
    public void Extract_returns_the_model_article_paragraphs_exactly()
    {
        var article = TestData.Extract("icaro-proxy-militias.html", "text/html; charset=utf-8");

        Assert.Equal(TestData.Expected("icaro-proxy-militias.expected.txt"), article.Text);
    }

    [Fact]
    public void Extract_reads_the_model_article_metadata()
    {
        var article = TestData.Extract("icaro-proxy-militias.html");

        Assert.Equal("Iran Increases Use of Proxy Militias to Target US Forces in Syria and Iraq", article.Title);
        Assert.Equal("ICARO Media Group", article.SiteName);
        Assert.Equal("en", article.Language);
        Assert.Equal(new DateTimeOffset(2024, 7, 27, 23, 56, 0, TimeSpan.Zero), article.Published);
        Assert.False(article.PublishedHasZone);
        Assert.True(article.PublishedHasTime);
        Assert.Null(article.Byline);
        Assert.Equal("https://news.example/politics/iran-increases-use-of-proxy-militias-to-target-us-forces-in-syria-and-iraq", article.CanonicalUrl);
        Assert.StartsWith("https://icaro.icaromediagroup.com/system/images/photos/16304499/", article.LeadImageUrl);
    }

    [Fact]
    public void Extract_keeps_headings_quotes_and_list_items_as_blocks()
    {
        var article = TestData.Extract("harbour-bridge.html");

        Assert.Equal(TestData.Expected("harbour-bridge.expected.txt"), article.Text);
    }

    [Fact]
    public void Extract_drops_related_links_block()
    {
        var article = TestData.Extract("harbour-bridge.html");

        Assert.DoesNotContain("Extra ferries laid on", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Read more", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_drops_comments_share_bars_ads_and_cookie_notices()
    {
        var article = TestData.Extract("harbour-bridge.html");

        Assert.DoesNotContain("Finally!", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("WhatsApp", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Share on", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Advertisement", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("812 partners", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("newsletter", article.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Extract_never_puts_blank_lines_or_single_newlines_inside_blocks()
    {
        foreach (var page in new[] { "icaro-proxy-militias.html", "harbour-bridge.html", "hostile.html" })
        {
            var text = TestData.Extract(page).Text;
            foreach (var block in text.Split("\n\n"))
            {
                Assert.False(string.IsNullOrWhiteSpace(block), page);
                Assert.DoesNotContain('\n', block);
                Assert.Equal(block.Trim(), block);
                Assert.DoesNotContain("  ", block, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Extract_gives_the_same_text_every_time()
    {
        var first = TestData.Extract("harbour-bridge.html");
        var second = TestData.Extract("harbour-bridge.html");

        Assert.Equal(first.Text, second.Text);
        Assert.Equal(first.Html, second.Html);
    }

    [Fact]
    public void Extract_reads_authors_and_zoned_date_from_json_ld_array()
    {
        var article = TestData.Extract("harbour-bridge.html");

        Assert.Equal("Maria Okafor, Tom Lindqvist", article.Byline);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 8, 30, 0, TimeSpan.FromHours(1)), article.Published);
        Assert.Equal(TimeSpan.FromHours(1), article.Published!.Value.Offset);
        Assert.True(article.PublishedHasZone);
        Assert.True(article.PublishedHasTime);
        Assert.Equal("Harbour bridge reopens after two-year refit", article.Title);
        Assert.Equal("The Coastal Courier", article.SiteName);
        Assert.Equal("en-GB", article.Language);
        Assert.Equal("https://www.coastalcourier.example/news/harbour-bridge-reopens", article.CanonicalUrl);
        Assert.Equal("https://cdn.coastalcourier.example/img/bridge-1200.jpg", article.LeadImageUrl);
    }

    [Fact]
    public void Extract_renders_structure_as_sanitized_html()
    {
        var article = TestData.Extract("harbour-bridge.html");

        Assert.Contains("<h2>Costs rose by a third</h2>", article.Html, StringComparison.Ordinal);
        Assert.Contains("<ul><li>replacing all 64 suspension cables;</li>", article.Html, StringComparison.Ordinal);
        Assert.Contains("<blockquote><p>\"It has been a long wait", article.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=", article.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_without_the_html_body_gives_the_same_text_and_metadata()
    {
        using var stream = new MemoryStream(TestData.Bytes("harbour-bridge.html"));
        var full = TestData.Extract("harbour-bridge.html");

        var textOnly = new ArticleExtractor(new ExtractionOptions { IncludeHtml = false }).Extract(stream, null, TestData.PageUrl);

        Assert.Equal("", textOnly.Html);
        Assert.Equal(full with { Html = "" }, textOnly);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<html")]
    [InlineData("<<<>>></div></div></p>")]
    [InlineData("<html><head><title>Only a title</title></head><body></body></html>")]
    [InlineData("<p>Unclosed <b>bold <i>italic <a href='x'>link")]
    [InlineData("\u0000\u0001\u0002 binary \uFFFD junk")]
    public void Extract_survives_empty_and_malformed_html(string html)
    {
        var article = new ArticleExtractor().Extract(html, TestData.PageUrl);

        Assert.NotNull(article.Text);
        Assert.NotNull(article.Html);
        Assert.DoesNotContain("\n\n\n", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_of_an_empty_stream_gives_an_empty_article()
    {
        var article = TestData.Extract([], "text/html");

        Assert.Equal("", article.Text);
        Assert.Equal("", article.Html);
    }

    [Fact]
    public void Extract_keeps_short_text_of_a_minimal_page()
    {
        var article = new ArticleExtractor().Extract("<p>Short note, but the only text there is.</p>", TestData.PageUrl);

        Assert.Equal("Short note, but the only text there is.", article.Text);
    }

    [Fact]
    public void Extract_rejects_a_page_nested_100000_levels_deep()
    {
        var html = string.Concat(Enumerable.Repeat("<div>", 100_000)) + "deep" + string.Concat(Enumerable.Repeat("</div>", 100_000));

        var error = Assert.Throws<ExtractionException>(() => new ArticleExtractor().Extract(html, TestData.PageUrl));
        Assert.Contains("nests", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_accepts_nesting_within_the_configured_limit()
    {
        var html = string.Concat(Enumerable.Repeat("<div>", 500)) + "<p>Deep but legal text, as some page builders produce.</p>"
            + string.Concat(Enumerable.Repeat("</div>", 500));

        var article = new ArticleExtractor().Extract(html, TestData.PageUrl);

        Assert.Equal("Deep but legal text, as some page builders produce.", article.Text);
    }

    [Fact]
    public void Extract_uses_json_ld_article_body_when_the_page_renders_its_text_with_script()
    {
        var body = "First paragraph of a story that the page only renders with JavaScript, long enough to matter here.\n"
            + "Second paragraph, which readers see after the app boots, and which the markup itself never carries.\n"
            + "Third paragraph, closing the story with a quote from an official who declined to be named.";
        var html = "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Story\",\"articleBody\":"
            + System.Text.Json.JsonSerializer.Serialize(body) + "}</script></head><body><div id=\"app\">Loading…</div></body></html>";

        var article = new ArticleExtractor().Extract(html, TestData.PageUrl);

        Assert.Equal(body.Replace("\n", "\n\n", StringComparison.Ordinal), article.Text);
    }
}
