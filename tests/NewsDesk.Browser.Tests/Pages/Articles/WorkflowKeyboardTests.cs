using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NewsDesk.Browser.Tests.Infrastructure;
using NewsDesk.Web.Auth;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Browser.Tests.Pages.Articles;

/// <summary>
/// The Workflow box works without a mouse: Tab reaches its buttons past the article's highlights, the focus ring
/// shows, Enter and Space press them (the page's own shortcuts must not swallow those keys), and the change is saved.
/// </summary>
public class WorkflowKeyboardTests(BlankKnowledgeBaseFixture fixture) : IClassFixture<BlankKnowledgeBaseFixture>
{
    private const int MostTabsToReach = 120;

    private static Task<string?> FocusedTextAsync(IPage page) =>
        page.EvaluateAsync<string?>("() => document.activeElement?.closest('.workflow-actions') ? document.activeElement.textContent.trim() : null");

    /// <summary>Presses Tab from the top of the page until a Workflow button with the text has the focus.</summary>
    private static async Task<int> TabToAsync(IPage page, string buttonText)
    {
        for (var tabs = 1; tabs <= MostTabsToReach; tabs++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await FocusedTextAsync(page) == buttonText)
            {
                return tabs;
            }
        }

        throw new Xunit.Sdk.XunitException($"{MostTabsToReach} presses of Tab never reached the Workflow button '{buttonText}'.");
    }

    [Fact]
    public async Task Tab_reaches_the_workflow_buttons_and_Enter_and_Space_press_them()
    {
        var article = await fixture.App.AddArticleAsync(
            "Militias struck Tower 22 in Jordan on Sunday. The Pentagon said three soldiers were killed.\n\nIran denied any role.",
            "Workflow by keyboard");
        var page = new ArticlePage(await fixture.NewPageAsync(Roles.Editor));
        await page.OpenAsync(article.Id);
        // A highlight in the text, so Tab has the annotation layer to pass on its way to the box.
        await page.DragAcrossAsync("Tower 22");
        await page.TagPanel.WaitForAsync();
        await page.Page.Keyboard.PressAsync("a");
        await page.SaveWithEnterAsync("Create new actor");
        await page.Highlight("actor", "Tower 22").WaitForAsync();

        await page.Page.ReloadAsync();
        await page.Page.Locator("#article-body[data-annotate-ready='true']").WaitForAsync();
        await TabToAsync(page.Page, "Mark in progress");
        Assert.True(await page.Page.EvaluateAsync<bool>("() => document.activeElement.matches(':focus-visible')"), "the focused Workflow button shows no focus ring");
        await page.Page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Page.Locator(".workflow-state")).ToHaveTextAsync("in progress");
        await TabToAsync(page.Page, "Assign to me");
        await page.Page.Keyboard.PressAsync(" ");

        var editor = NewsDeskFactory.EmailOf(Roles.Editor);
        await Assertions.Expect(page.Page.Locator(".workflow-assignee")).ToHaveTextAsync($"Assigned to: {editor}");
        var review = await fixture.App.ExecuteDbContextAsync(db => db.ArticleReviews.AsNoTracking().SingleAsync(r => r.ArticleId == article.Id));
        Assert.Equal(ArticleState.InProgress, review.State);
        Assert.Equal(editor, review.StateSetBy);
        Assert.Equal(editor, review.Assignee);
        Assert.Empty(page.Errors);
        await page.Page.Context.CloseAsync();
    }
}
