using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Pages.Articles;

public class ArticleDetailsPageTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    [Fact]
    public async Task Article_page_shows_the_ICARO_paragraph_naming_Kataib_Hezbollah()
    {
        var id = await factory.ExecuteDbContextAsync(db => db.Articles.Where(a => a.SiteName == "ICARO Media Group").Select(a => a.Id).SingleAsync());

        var page = await factory.CreateClient().GetDocumentAsync($"/articles/{id}");

        Assert.Equal("Iran Increases Use of Proxy Militias to Target US Forces in Syria and Iraq", page.QuerySelector("h1")!.TextContent);
        var paragraphs = page.QuerySelectorAll(".article-body p").Select(p => p.TextContent).ToList();
        Assert.Equal(12, paragraphs.Count);
        Assert.Contains(paragraphs, p => p.StartsWith("Earlier this year, in January, the Iranian-backed Kataib Hezbollah carried out an attack in Jordan", StringComparison.Ordinal));
        var meta = page.QuerySelector(".article-meta")!.TextContent;
        Assert.Contains("ICARO Media Group", meta, StringComparison.Ordinal);
        Assert.Contains("27 July 2024", meta, StringComparison.Ordinal);
        Assert.Contains("urn:newsdesk:seed:000_fdc9f962e834fc36", meta, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_Arabic_article_is_right_to_left_while_its_English_labels_stay_left_to_right()
    {
        var article = new NewsDesk.Web.Domain.Article
        {
            Url = "https://example.test/arabic-direction",
            Title = "كتائب حزب الله تعلن مسؤوليتها",
            SiteName = "الميادين",
            Byline = "مراسل الميادين",
            Language = "ar",
            Text = "قال المتحدث إن الهجوم نجح.\n\nوأضاف: 22 صاروخاً.",
            ContentHash = "arabic-direction",
        };
        await factory.InsertAsync(article);

        var page = await factory.CreateClient().GetDocumentAsync($"/articles/{article.Id}");

        Assert.Equal("rtl", page.QuerySelector("article.article")!.GetAttribute("dir"));
        Assert.Equal("auto", page.QuerySelector("h1")!.GetAttribute("dir"));
        var meta = page.QuerySelector(".article-meta")!;
        Assert.Equal("ltr", meta.GetAttribute("dir"));
        Assert.Equal(["الميادين", "مراسل الميادين"], meta.QuerySelectorAll("bdi").Select(b => b.TextContent).ToArray());
        Assert.All(page.QuerySelectorAll(".article-body p"), p => Assert.Equal("auto", p.GetAttribute("dir")));
    }

    [Fact]
    public async Task An_English_article_is_left_to_right()
    {
        var id = await factory.ExecuteDbContextAsync(db => db.Articles.Where(a => a.SiteName == "ICARO Media Group").Select(a => a.Id).SingleAsync());

        var page = await factory.CreateClient().GetDocumentAsync($"/articles/{id}");

        Assert.Equal("ltr", page.QuerySelector("article.article")!.GetAttribute("dir"));
    }

    [Fact]
    public async Task Unknown_article_id_gets_a_404_page()
    {
        var response = await factory.CreateClient().GetAsync("/articles/987654");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("Not found", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Article_text_is_encoded_not_rendered_as_markup()
    {
        await factory.InsertAsync(new NewsDesk.Web.Domain.Article
        {
            Url = "https://example.test/hostile",
            Title = "<script>alert(1)</script>Hostile",
            Text = "<img src=x onerror=alert(1)>\n\nSecond",
            ContentHash = "hostile",
        });
        var id = await factory.ExecuteDbContextAsync(db => db.Articles.Where(a => a.Url == "https://example.test/hostile").Select(a => a.Id).SingleAsync());

        var page = await factory.CreateClient().GetDocumentAsync($"/articles/{id}");

        Assert.Empty(page.QuerySelectorAll("main script"));
        Assert.Empty(page.QuerySelectorAll(".article-body img"));
        Assert.Equal("<img src=x onerror=alert(1)>", page.QuerySelector(".article-body p")!.TextContent);
    }

    [Fact]
    public async Task Each_paragraph_carries_its_offset_into_the_stored_text()
    {
        var article = await factory.ArticleAsync();

        var page = await factory.CreateClient().GetDocumentAsync($"/articles/{article.Id}");

        var paragraphs = page.QuerySelectorAll(".article-body p").ToList();
        Assert.All(paragraphs, p =>
        {
            var start = int.Parse(p.GetAttribute("data-start")!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(article.Text.Substring(start, p.TextContent.Length), p.TextContent);
        });
    }

    [Fact]
    public async Task The_side_panel_groups_the_seeded_mentions_by_record_and_the_page_sends_a_token()
    {
        var article = await factory.ArticleAsync();

        var page = await factory.CreateClient().GetDocumentAsync($"/articles/{article.Id}");

        var groups = page.QuerySelectorAll(".mention-group").ToList();
        Assert.Contains(groups, g => g.GetAttribute("data-type") == "actor" && g.QuerySelector("h3 a")!.TextContent == "Kataib Hezbollah");
        Assert.Contains(groups, g => g.GetAttribute("data-type") == "incident");
        Assert.Contains(groups, g => g.GetAttribute("data-type") == "claim");
        Assert.False(string.IsNullOrEmpty(page.QuerySelector("meta[name=request-verification-token]")!.GetAttribute("content")));
        Assert.Contains("Keyboard shortcuts", page.QuerySelector("#annotate-shortcuts")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
    }

    [Fact]
    public async Task A_workflow_button_pressed_on_a_page_someone_else_has_since_changed_shows_their_change_and_overwrites_nothing()
    {
        var article = await factory.AddArticleAsync("Read by two editors.");
        var editor = await factory.CreateClientAsync(NewsDesk.Web.Auth.Roles.Editor);
        var url = $"/articles/{article.Id}";
        var page = await editor.GetDocumentAsync(url); // shows the article as new
        var other = factory.CreateClient();
        var moved = await other.PutAsJsonAsync($"/api/articles/{article.Id}/workflow", new { state = "irrelevant" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);

        var token = page.QuerySelector(".workflow-actions input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var version = page.QuerySelector(".workflow-actions input[name=version]")!.GetAttribute("value")!;
        var answer = await editor.PostAsync($"{url}?handler=Workflow", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("version", version), new("state", "InProgress")]));

        var shown = await answer.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("Someone else changed this article&#x27;s workflow while you were reading it (it is now irrelevant", shown, StringComparison.Ordinal);
        var state = await factory.ExecuteDbContextAsync(db => db.ArticleReviews.Where(r => r.ArticleId == article.Id).Select(r => r.State).SingleAsync());
        Assert.Equal(NewsDesk.Web.Domain.ArticleState.Irrelevant, state);
    }
}
