using NewsDesk.Web.Tests.Infrastructure;
using NewsDesk.Web.Tests.Ingest;

namespace NewsDesk.Web.Tests.Pages.Articles;

public class AlsoPublishedAtTests(FixtureSite site, IngestFactory factory) : IClassFixture<FixtureSite>, IClassFixture<IngestFactory>
{
    [Fact]
    public async Task Each_copy_of_a_wire_story_lists_the_others_as_also_published_at()
    {
        var alpha = await factory.AddSourceAsync(site.Url("/feeds/wire.xml?outlet=alpha-post&items=shared-wire"));
        var beta = await factory.AddSourceAsync(site.Url("/feeds/wire.xml?outlet=beta-daily&items=shared-wire"));
        var gamma = await factory.AddSourceAsync(site.Url("/feeds/wire.xml?outlet=gamma-herald&items=shared-wire"));
        foreach (var source in (int[])[alpha, beta, gamma])
        {
            await factory.FetchSourceAsync(source);
        }

        var copies = new List<NewsDesk.Web.Domain.Article>();
        foreach (var source in (int[])[alpha, beta, gamma])
        {
            copies.Add((await factory.ArticlesOfAsync(source)).Single());
        }

        var client = factory.CreateClient();
        foreach (var copy in copies)
        {
            var page = await client.GetDocumentAsync($"/articles/{copy.Id}");
            var listed = page.QuerySelectorAll(".also-published-at li .text-muted").Select(s => s.TextContent).ToList();
            Assert.Equal(copies.Where(c => c.Id != copy.Id).Select(c => c.Url), listed);
        }
    }

    [Fact]
    public async Task A_story_published_once_has_no_also_published_at()
    {
        var id = await factory.AddSourceAsync(site.Url("/feeds/wire.xml?outlet=alpha-post&items=exclusive-story"));
        await factory.FetchSourceAsync(id);
        var article = (await factory.ArticlesOfAsync(id)).Single();

        var page = await factory.CreateClient().GetDocumentAsync($"/articles/{article.Id}");

        Assert.NotNull(page.QuerySelector(".article-body"));
        Assert.Null(page.QuerySelector(".also-published-at"));
    }
}
