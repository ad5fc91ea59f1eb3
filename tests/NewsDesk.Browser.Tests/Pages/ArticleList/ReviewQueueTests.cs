using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NewsDesk.Browser.Tests.Infrastructure;
using NewsDesk.Web.Auth;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Browser.Tests.Pages.ArticleList;

/// <summary>The article list's review workflow: counts by state and "my queue", j / k through the list, N to the next article waiting.</summary>
public class ReviewQueueTests(BlankKnowledgeBaseFixture fixture) : IClassFixture<BlankKnowledgeBaseFixture>
{
    private static readonly string Me = NewsDeskFactory.EmailOf(Roles.Admin);

    private async Task<Article[]> AddArticlesAsync(string prefix, int count)
    {
        var articles = new List<Article>();
        for (var i = 1; i <= count; i++)
        {
            articles.Add(await fixture.App.AddArticleAsync($"{prefix} article number {i}.", $"{prefix} {i}"));
        }

        return [.. articles];
    }

    private static Task<string?> FocusedHrefAsync(IPage page) => page.EvaluateAsync<string?>("() => document.activeElement?.getAttribute('href')");

    [Fact]
    public async Task The_list_counts_articles_by_state_and_in_my_queue_and_its_links_filter_to_them()
    {
        var articles = await AddArticlesAsync("Counted", 3);
        await fixture.App.InsertAsync(
            new ArticleReview { ArticleId = articles[0].Id, State = ArticleState.InProgress, Assignee = Me },
            new ArticleReview { ArticleId = articles[1].Id, State = ArticleState.Annotated, AnnotatedBy = Me },
            new ArticleReview { ArticleId = articles[2].Id, State = ArticleState.New, Assignee = NewsDeskFactory.EmailOf(Roles.Editor) });
        // Other tests of this class queue articles too: the expected figures are counted in the store.
        var total = await fixture.App.CountAsync<Article>();
        var (mine, inProgress, annotated, notNew) = await fixture.App.ExecuteDbContextAsync(async db => (
            await db.ArticleReviews.CountAsync(r => r.Assignee == Me && (r.State == ArticleState.New || r.State == ArticleState.InProgress)),
            await db.ArticleReviews.CountAsync(r => r.State == ArticleState.InProgress),
            await db.ArticleReviews.CountAsync(r => r.State == ArticleState.Annotated),
            await db.ArticleReviews.CountAsync(r => r.State != ArticleState.New)));
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/");

        await Assertions.Expect(page.Locator(".my-queue")).ToHaveTextAsync($"My queue ({mine})");
        await Assertions.Expect(page.Locator(".state-count[data-state='InProgress']")).ToHaveTextAsync($"in progress ({inProgress})", new() { IgnoreCase = true });
        await Assertions.Expect(page.Locator(".state-count[data-state='Annotated']")).ToHaveTextAsync($"annotated ({annotated})", new() { IgnoreCase = true });
        await Assertions.Expect(page.Locator(".state-count[data-state='New']")).ToHaveTextAsync($"new ({total - notNew})", new() { IgnoreCase = true });
        var titles = page.Locator(".article-list li > a.fw-semibold");
        await page.Locator(".my-queue").ClickAsync();
        await page.WaitForURLAsync("**/?queue=me");
        await Assertions.Expect(titles.Filter(new() { HasText = "Counted 1" })).ToHaveCountAsync(1);
        // The list opens exactly what the link counts: the articles assigned to me that wait (new, in progress).
        Assert.Equal(mine, await titles.CountAsync());
        await Assertions.Expect(titles.Filter(new() { HasText = "Counted 3" })).ToHaveCountAsync(0);
        await page.Locator(".state-count[data-state='Annotated']").ClickAsync();
        await page.WaitForURLAsync("**/?state=Annotated");
        await Assertions.Expect(titles.Filter(new() { HasText = "Counted 2" })).ToHaveCountAsync(1);
        Assert.Equal(annotated, await titles.CountAsync());

        // Another person's queue is theirs: the editor's count is of the article assigned to them.
        var editor = await fixture.NewPageAsync(Roles.Editor);
        await editor.GotoAsync("/");
        await Assertions.Expect(editor.Locator(".my-queue")).ToHaveTextAsync("My queue (1)");
        await editor.Locator(".my-queue").ClickAsync();
        await Assertions.Expect(editor.Locator(".article-list li > a.fw-semibold")).ToHaveTextAsync(["Counted 3"]);
        await page.Context.CloseAsync();
        await editor.Context.CloseAsync();
    }

    [Fact]
    public async Task J_and_k_move_through_the_list_and_Enter_opens_the_article()
    {
        await AddArticlesAsync("Walked", 3);
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        var links = await page.Locator(".article-list li > a.fw-semibold").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");

        await page.Keyboard.PressAsync("j");
        Assert.Equal(links[0], await FocusedHrefAsync(page));
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("j");
        Assert.Equal(links[2], await FocusedHrefAsync(page));
        await page.Keyboard.PressAsync("k");
        Assert.Equal(links[1], await FocusedHrefAsync(page));
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync($"**{links[1]}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task N_on_an_article_opens_the_next_one_waiting_in_my_queue_and_wraps_round()
    {
        var articles = await AddArticlesAsync("Queued", 3);
        await fixture.App.InsertAsync(
            new ArticleReview { ArticleId = articles[0].Id, State = ArticleState.InProgress, Assignee = Me },
            new ArticleReview { ArticleId = articles[1].Id, State = ArticleState.Reviewed, Assignee = Me }, // done: not waiting
            new ArticleReview { ArticleId = articles[2].Id, State = ArticleState.New, Assignee = Me });
        var page = new ArticlePage(await fixture.NewPageAsync());

        await page.OpenAsync(articles[0].Id);
        await page.Page.Keyboard.PressAsync("n");
        await page.Page.WaitForURLAsync($"**/articles/{articles[2].Id}");
        await page.Page.Locator("#article-body[data-annotate-ready='true']").WaitForAsync();
        await page.Page.Keyboard.PressAsync("N");

        await page.Page.WaitForURLAsync($"**/articles/{articles[0].Id}");
        Assert.Empty(page.Errors);
        await page.Page.Context.CloseAsync();
    }
}
