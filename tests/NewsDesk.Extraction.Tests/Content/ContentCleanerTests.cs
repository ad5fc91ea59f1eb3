namespace NewsDesk.Extraction.Tests.Content;

public class ContentCleanerTests
{
    private const string Story =
        "<p>The council approved the plan on Tuesday, after two years of talks with farmers, residents and the river authority.</p>" +
        "<p>Under the plan, the embankments will be raised, three pumping stations rebuilt, and farmland upstream allowed to flood.</p>" +
        "<p>Work is due to begin in the spring and to last four years, the council said, at a cost of 48 million euros.</p>";

    [Fact]
    public void A_data_table_full_of_links_stays_in_the_article()
    {
        var rows = string.Concat(Enumerable.Range(1, 12).Select(n =>
            $"<tr><td><a href=\"/film/{n}\">Film {n}</a></td><td><a href=\"/year/{1990 + n}\">{1990 + n}</a></td></tr>"));
        var html = $"<html><body><article>{Story}<table><caption>Films with time loops</caption>{rows}</table></article></body></html>";

        var article = new ArticleExtractor().Extract(html, TestData.PageUrl);

        Assert.Contains("Film 12", article.Text, StringComparison.Ordinal);
        Assert.Contains("Films with time loops", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_leading_h1_is_dropped_only_when_it_repeats_the_title()
    {
        var html = $"<html><head><title>Council approves flood plan | The Valley News</title></head><body><article>" +
            $"<h1>Council approves flood plan</h1>{Story}<h1>What happens next</h1>{Story.Replace("council", "mayor", StringComparison.Ordinal)}</article></body></html>";
        var other = $"<html><head><title>Council approves flood plan</title><meta property=\"og:title\" content=\"Council approves flood plan\"></head><body><article><h1>A note from the editor</h1>{Story}</article></body></html>";

        var article = new ArticleExtractor().Extract(html, TestData.PageUrl);

        Assert.DoesNotContain("Council approves flood plan", article.Text, StringComparison.Ordinal);
        Assert.Contains("What happens next", article.Text, StringComparison.Ordinal);
        Assert.StartsWith("A note from the editor", new ArticleExtractor().Extract(other, TestData.PageUrl).Text, StringComparison.Ordinal);
    }
}
