using System.Diagnostics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Browser.Tests.Infrastructure;
using NewsDesk.Web.Domain;
using Xunit.Abstractions;

namespace NewsDesk.Browser.Tests.Pages.Articles;

/// <summary>The annotation page on a 5 MB article carrying 1,000 mentions: it renders and tagging still works.</summary>
public class LargeArticleTests(BlankKnowledgeBaseFixture fixture, ITestOutputHelper output) : IClassFixture<BlankKnowledgeBaseFixture>
{
    private const int Paragraphs = 5_000;
    private const int Mentions = 1_000;
    private const string Filler = "Militia statements, denials and casualty figures were relayed by several outlets over the week, and analysts compared them line by line. ";

    [Fact]
    public async Task A_5_MB_article_with_1000_mentions_renders_them_all_and_a_new_tag_in_its_last_paragraph_is_saved()
    {
        var (article, actors) = await InsertLargeArticleAsync();
        Assert.True(article.Text.Length >= 5_000_000, $"the article is only {article.Text.Length} characters");
        var page = new ArticlePage(await fixture.NewPageAsync());

        var clock = Stopwatch.StartNew();
        await page.OpenAsync(article.Id, timeout: 120_000);
        var loaded = clock.Elapsed;
        var renderMs = await page.Page.Locator("#article-body").GetAttributeAsync("data-render-ms");
        output.WriteLine($"{article.Text.Length:N0} characters, {Mentions} mentions: page ready after {loaded.TotalMilliseconds:F0} ms; the script painted in {renderMs} ms");

        Assert.Equal(Mentions, await page.Page.Locator("#article-body .m").CountAsync());
        Assert.Equal(Mentions, await page.SidePanel.Locator(".mention-link").CountAsync());
        await page.DragAcrossAsync("the closing paragraph");
        await page.TagPanel.WaitForAsync();
        await page.Page.Keyboard.PressAsync("c");
        await page.SaveWithEnterAsync("Create new claim");
        await page.Highlight("claim", "the closing paragraph").WaitForAsync();
        Assert.Equal(Mentions + 1, await page.SidePanel.Locator(".mention-link").CountAsync());
        var start = article.Text.IndexOf("the closing paragraph", StringComparison.Ordinal);
        Assert.True(await fixture.App.ExecuteDbContextAsync(db => db.Mentions.AnyAsync(m => m.ArticleId == article.Id && m.Start == start && m.ClaimId != null)));
        Assert.Equal(actors, await fixture.App.ExecuteDbContextAsync(db => db.Actors.CountAsync()));
        Assert.Empty(page.Errors);
        await page.Page.Context.CloseAsync();
    }

    /// <summary>5,000 paragraphs of about 1 KB, every fifth naming an actor (ten actors, 1,000 mentions in all).</summary>
    private async Task<(Article Article, int Actors)> InsertLargeArticleAsync()
    {
        var actors = Enumerable.Range(1, 10).Select(i => new Actor { Name = $"Brigade {i}" }).ToList();
        await fixture.App.InsertAsync(actors.ToArray());
        var text = new StringBuilder();
        var spans = new List<(int Start, Actor Actor)>();
        for (var p = 0; p < Paragraphs; p++)
        {
            if (p > 0)
            {
                text.Append("\n\n");
            }

            var paragraphStart = text.Length;
            if (p % (Paragraphs / Mentions) == 0)
            {
                var actor = actors[spans.Count % actors.Count];
                spans.Add((text.Length, actor));
                text.Append(actor.Name).Append(" said so. ");
            }

            if (p == Paragraphs - 1)
            {
                text.Append("This is the closing paragraph. ");
            }

            while (text.Length - paragraphStart < 1_000)
            {
                text.Append(Filler);
            }
        }

        var article = new Article { Url = "https://example.test/large", Title = "A very long report", Text = text.ToString(), ContentHash = "large" };
        await fixture.App.InsertAsync(article);
        await fixture.App.InsertAsync(spans.Select(s => new Mention { ArticleId = article.Id, Start = s.Start, End = s.Start + s.Actor.Name.Length, Quote = s.Actor.Name, ActorId = s.Actor.Id }).ToArray());
        return (article, await fixture.App.CountAsync<Actor>());
    }
}
