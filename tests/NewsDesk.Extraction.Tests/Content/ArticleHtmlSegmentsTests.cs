using System.Globalization;
using System.Text;

using NewsDesk.Extraction.Content;

namespace NewsDesk.Extraction.Tests.Content;

/// <summary>
/// The sanitized HTML is built a segment of blocks at a time (a 5 MB page no longer makes page-sized copies); it must
/// be the same text as sanitizing the page's markup whole, which is what <c>Build(blocks, int.MaxValue)</c> does.
/// </summary>
public class ArticleHtmlSegmentsTests
{
    public static TheoryData<string> TestPages()
    {
        var pages = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(TestData.PathOf(""), "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            pages.Add(Path.GetRelativePath(TestData.PathOf(""), path));
        }

        return pages;
    }

    [Theory]
    [MemberData(nameof(TestPages))]
    public void Html_cut_at_every_closed_block_is_the_page_sanitized_whole(string page)
    {
        var blocks = BlocksOf(TestData.Bytes(page));

        var whole = ArticleHtml.Build(blocks, int.MaxValue);

        Assert.Equal(whole, ArticleHtml.Build(blocks, 1));
        Assert.Equal(whole, ArticleHtml.Build(blocks));
    }

    [Fact]
    public void The_extractor_returns_the_html_built_from_its_blocks()
    {
        var bytes = TestData.Bytes("icaro-proxy-militias.html");

        var article = TestData.Extract(bytes, null);

        Assert.Equal(ArticleHtml.Build(BlocksOf(bytes), int.MaxValue), article.Html);
    }

    [Fact]
    public void A_long_page_of_lists_links_emphasis_and_figures_is_built_in_segments_as_it_was_whole()
    {
        var page = LongPage(paragraphs: 600, formattingAcrossBreaks: false);
        var blocks = BlocksOf(Encoding.UTF8.GetBytes(page));

        var segmented = ArticleHtml.Build(blocks);

        Assert.True(segmented.Length > 4 * ArticleHtml.SegmentChars, $"only {segmented.Length} characters: too short to need segments");
        Assert.Equal(ArticleHtml.Build(blocks, int.MaxValue), segmented);
        Assert.Contains("<ul><li>point 0 with <a href=\"https://news.example/ref/0\">a link</a></li>", segmented, StringComparison.Ordinal);
    }

    [Fact]
    public void Emphasis_left_open_across_a_line_break_carries_on_as_the_whole_page_parse_carries_it()
    {
        // "<b>one<br>two</b>" gives the block "<b>one" and the next "<b>two</b>": the HTML parser reopens the first
        // <b> in every later block, so no cut is allowed after it and the output matches the whole-page parse.
        var page = LongPage(paragraphs: 300, formattingAcrossBreaks: true);
        var blocks = BlocksOf(Encoding.UTF8.GetBytes(page));

        Assert.Contains(blocks, b => !ArticleHtml.LeavesNothingOpen(b.InlineHtml));
        Assert.Equal(ArticleHtml.Build(blocks, int.MaxValue), ArticleHtml.Build(blocks, 1));
    }

    [Theory]
    [InlineData("plain text &lt;b&gt; escaped", true)]
    [InlineData("<b>bold</b> and <em>em <i>both</i></em>", true)]
    [InlineData("<a href=\"https://a.example/?q=1&amp;r=2\">link</a> <strong>x</strong>", true)]
    [InlineData("<img src=\"https://a.example/i.jpg\" alt=\"a\">", true)]
    [InlineData("<b>left open", false)]
    [InlineData("closed without opening</b>", false)]
    [InlineData("<b><i>misnested</b></i>", false)]
    [InlineData("<a href=\"https://a.example/\">outer <a href=\"https://b.example/\">inner</a></a>", false)]
    [InlineData("<span>not a tag the renderer writes</span>", false)]
    [InlineData("<b>unterminated", false)]
    [InlineData("<b", false)]
    public void A_block_leaves_nothing_open_only_when_its_tags_close_in_order(string inlineHtml, bool closed)
    {
        Assert.Equal(closed, ArticleHtml.LeavesNothingOpen(inlineHtml));
    }

    private static List<TextBlock> BlocksOf(byte[] bytes) =>
        new ArticleExtractor().Analyse(ArticleExtractor.Decode(bytes, null), TestData.PageUrl).Blocks;

    /// <summary>An article long enough for many segments: paragraphs with links and emphasis, lists, headings, figures, quotes.</summary>
    private static string LongPage(int paragraphs, bool formattingAcrossBreaks)
    {
        var body = new StringBuilder("<article><h1>A long story</h1>");
        for (var i = 0; i < paragraphs; i++)
        {
            var words = string.Join(' ', FixtureWords(i));
            switch (i % 10)
            {
                case 0:
                    body.Append(CultureInfo.InvariantCulture, $"<h2>Part {i}</h2><ul><li>point {i} with <a href=\"/ref/{i}\">a link</a></li><li><em>stressed</em> point</li></ul>");
                    break;
                case 3:
                    body.Append(CultureInfo.InvariantCulture, $"<figure><img src=\"/img/{i}.jpg\" alt=\"picture {i}\"><figcaption>Caption {i}</figcaption></figure>");
                    break;
                case 5:
                    body.Append(CultureInfo.InvariantCulture, $"<blockquote>“{words},” said the spokesman.</blockquote><ol><li>first</li><li>second &amp; last</li></ol>");
                    break;
                case 7 when formattingAcrossBreaks:
                    body.Append(CultureInfo.InvariantCulture, $"<p><b>{words}<br>still bold {i}</b> then plain.</p>");
                    break;
            }

            body.Append(CultureInfo.InvariantCulture, $"<p>{words} <strong>{i}</strong> <a href=\"https://other.example/{i}?a=1&amp;b=2\">source</a> &lt;not a tag&gt;.</p>");
        }

        return $"<!DOCTYPE html><html><head><title>A long story</title></head><body>{body}</article></body></html>";
    }

    private static IEnumerable<string> FixtureWords(int seed)
    {
        string[] words = ["militia", "drone", "convoy", "ministry", "officials", "border", "province", "ceasefire", "talks", "aid"];
        for (var w = 0; w < 40; w++)
        {
            yield return words[((seed * 7) + (w * 3)) % words.Length];
        }
    }
}
