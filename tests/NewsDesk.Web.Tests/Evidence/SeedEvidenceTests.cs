using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Evidence;

public class SeedEvidenceTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    [Fact]
    public async Task The_ICARO_seed_article_is_marked_imported_no_capture_with_its_text_digest()
    {
        var article = await factory.ArticleAsync();

        var page = await factory.CreateClient().GetDocumentAsync($"/articles/{article.Id}");

        var box = page.QuerySelector(".article-evidence")!;
        Assert.Equal("Imported, no capture", box.QuerySelector(".evidence-no-capture")!.TextContent.Trim());
        Assert.Equal(NewsDesk.Web.Domain.TextDigest.Of(article.Text), box.QuerySelector(".text-sha256")!.TextContent);
    }
}
