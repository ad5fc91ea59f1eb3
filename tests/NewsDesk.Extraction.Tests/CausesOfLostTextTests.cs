namespace NewsDesk.Extraction.Tests;

/// <summary>
/// Golden pages for each cause found of article text lost or polluted on unseen pages (issue 14; pages written by
/// <c>testdata/causes/make.py</c>): the text must be exactly the paragraphs the page was built from.
/// </summary>
public class CausesOfLostTextTests
{
    [Theory]
    [InlineData("field-label-hidden", null)]
    [InlineData("article-in-aside", null)]
    [InlineData("noscript-trap", null)]
    [InlineData("jsonld-only", null)]
    [InlineData("script-state-only", null)]
    [InlineData("lying-meta-charset", null)]
    [InlineData("ruby", null)]
    [InlineData("gallery", null)]
    [InlineData("mathml", null)]
    [InlineData("byline-line", null)]
    [InlineData("euc-kr", "text/html")]
    [InlineData("utf7-label", null)]
    [InlineData("utf7-label", "text/html; charset=utf-7")]
    [InlineData("font-size-zero", null)]
    [InlineData("shift-jis-late-meta", "text/html")]
    [InlineData("form-wrapper", null)]
    [InlineData("itemprop-article-body", null)]
    [InlineData("heading-slug-ids", null)]
    [InlineData("split-body", null)]
    [InlineData("visibility-hidden", null)]
    [InlineData("quoted-post", null)]
    [InlineData("linked-list-items", null)]
    [InlineData("data-table-list", null)]
    [InlineData("most-popular", null)]
    public void Extract_returns_exactly_the_article_paragraphs(string page, string? contentType)
    {
        var article = TestData.Extract($"causes/{page}.html", contentType);

        Assert.Equal(TestData.Expected($"causes/{page}.expected.txt"), article.Text);
    }

    [Fact]
    public void A_byline_line_is_metadata_not_body()
    {
        var article = TestData.Extract("causes/byline-line.html");

        Assert.Equal("Maria Jansen", article.Byline);
        Assert.DoesNotContain("Maria Jansen", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Titles_of_re_read_pages_are_decoded_too()
    {
        Assert.Equal("東京都、新しい防災計画を発表", TestData.Extract("causes/shift-jis-late-meta.html", "text/html").Title);
        Assert.Equal("시의회, 홍수 방어 계획 승인", TestData.Extract("causes/euc-kr.html").Title);
        Assert.Equal("市议会批准防洪计划", TestData.Extract("causes/lying-meta-charset.html").Title);
    }
}
