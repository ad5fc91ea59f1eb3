using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Pages;

public class IndexPageTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    [Fact]
    public async Task Home_page_lists_the_seeded_ICARO_article_with_site_and_date()
    {
        var page = await factory.CreateClient().GetDocumentAsync("/");

        var item = page.QuerySelectorAll(".article-list li")
            .Single(li => li.TextContent.Contains("Iran Increases Use of Proxy Militias to Target US Forces in Syria and Iraq", StringComparison.Ordinal));
        Assert.Contains("ICARO Media Group", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("27 July 2024", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("This alarming escalation", item.TextContent, StringComparison.Ordinal);
        var link = item.QuerySelector("a")!.GetAttribute("href")!;
        Assert.Matches("^/articles/[0-9]+$", link);
    }

    [Fact]
    public async Task Home_page_lists_newest_first_and_pages_through_the_rest()
    {
        var articles = Enumerable.Range(1, 25).Select(i => new Article
        {
            Url = $"https://example.test/paging/{i}",
            Title = $"Paging story {i:00}",
            Text = $"Body {i}",
            ContentHash = $"paging-{i}",
            PublishedAt = new DateTime(2030, 1, i, 0, 0, 0, DateTimeKind.Utc),
            PublishedPrecision = DatePrecision.Day,
        }).ToArray();
        await factory.InsertAsync(articles);
        var client = factory.CreateClient();

        var first = await client.GetDocumentAsync("/");
        var next = first.QuerySelector("a.next-page")!.GetAttribute("href")!;
        var second = await client.GetDocumentAsync(next);

        var firstTitles = first.QuerySelectorAll(".article-list li a.fw-semibold").Select(a => a.TextContent).ToList();
        var secondTitles = second.QuerySelectorAll(".article-list li a.fw-semibold").Select(a => a.TextContent).ToList();
        Assert.Equal(IndexModelPageSize, firstTitles.Count);
        Assert.Equal("Paging story 25", firstTitles[0]);
        Assert.Equal("Paging story 06", firstTitles[^1]);
        Assert.Equal("Paging story 05", secondTitles[0]);
        Assert.Empty(firstTitles.Intersect(secondTitles));
    }

    private const int IndexModelPageSize = NewsDesk.Web.Pages.IndexModel.PageSize;
}
