using NewsDesk.Extraction.Content;

namespace NewsDesk.Extraction.Tests.Content;

public class ArticleHtmlTests
{
    private readonly ExtractedArticle _article = TestData.Extract("hostile.html");

    [Theory]
    [InlineData("<script")]
    [InlineData("<style")]
    [InlineData("<iframe")]
    [InlineData("<form")]
    [InlineData("<input")]
    [InlineData("<svg")]
    [InlineData("<math")]
    [InlineData("<object")]
    [InlineData("onclick")]
    [InlineData("onerror")]
    [InlineData("onmouseover")]
    [InlineData("onload")]
    [InlineData("javascript:")]
    [InlineData("vbscript:")]
    [InlineData("data:")]
    [InlineData("style=")]
    [InlineData("target=")]
    public void Extract_removes_hostile_markup_from_html(string hostile)
    {
        Assert.DoesNotContain(hostile, _article.Html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Extract_keeps_safe_links_and_emphasis()
    {
        Assert.Contains("<a href=\"https://example.org/budget.pdf\">freezes</a>", _article.Html, StringComparison.Ordinal);
        Assert.Contains("<strong>nine hours</strong>", _article.Html, StringComparison.Ordinal);
        Assert.Contains("<em>services</em>", _article.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_keeps_the_words_of_neutralised_links()
    {
        Assert.Contains("and warned that services could face cuts", _article.Text, StringComparison.Ordinal);
        Assert.Contains("The mayor said the budget", _article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_keeps_escaped_markup_as_text()
    {
        Assert.Contains("<script>alert(\"escaped text stays text\")</script> appeared", _article.Text, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", _article.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Sanitize_strips_what_the_allow_list_does_not_name()
    {
        var html = NewsDesk.Extraction.Content.ArticleHtml.Sanitize(
            "<p class=\"x\" id=\"y\">ok <a href=\"javascript:alert(1)\">bad</a> <img src=\"https://i.example/a.jpg\" alt=\"a\" onerror=\"x()\"></p><table><tr><td>cell</td></tr></table>");

        Assert.Equal("<p>ok <a>bad</a> <img src=\"https://i.example/a.jpg\" alt=\"a\"></p>cell", html);
    }

    [Fact]
    public async Task One_sanitizer_serves_every_thread_and_gives_each_the_same_result()
    {
        const string hostile = "<p onclick=\"x()\">ok <a href=\"javascript:alert(1)\">bad</a> <a href=\"https://a.example/\">good</a></p><script>x()</script>";
        var expected = ArticleHtml.Sanitize(hostile);

        // Dedicated threads, so a per-thread sanitizer would show as different instances.
        var seen = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Factory.StartNew(() =>
        {
            var results = Enumerable.Range(0, 50).Select(_ => ArticleHtml.Sanitize(hostile)).Distinct().ToList();
            return (ArticleHtml.Sanitizer, results);
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)));

        Assert.All(seen, s => Assert.Same(ArticleHtml.Sanitizer, s.Sanitizer));
        Assert.All(seen, s => Assert.Equal([expected], s.results));
        // The script goes; its text stays as harmless text (KeepChildNodes).
        Assert.Equal("<p>ok <a>bad</a> <a href=\"https://a.example/\">good</a></p>x()", expected);
    }
}
