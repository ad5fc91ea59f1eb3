using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsDesk.Web.Data;
using NewsDesk.Web.Data.Auditing;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Pages.Collections;

namespace NewsDesk.Web.Pages.Articles;

/// <summary>
/// One article: its metadata, its text as paragraphs that keep their offsets, and its mentions by record. Every
/// part is cached until the store changes, so a page read again (the usual case while tagging) costs no query.
/// </summary>
public class DetailsModel(ArticlePageReader reader, NewsDeskDbContext db, CurrentActor user, TimeProvider clock) : PageModel
{
    /// <summary>The article's place in the document workflow (cached apart from the page: <see cref="ArticlePageReader.ReviewAsync"/>).</summary>
    public ArticleReview Review { get; private set; } = null!;

    /// <summary>Why the last state change was refused, if it was.</summary>
    public string? WorkflowError { get; private set; }

    public ArticlePage View { get; private set; } = null!;

    public ArticleHeader Article => View.Article;

    /// <summary>Editors and admins tag; viewers read the same highlights and panels.</summary>
    public bool CanEdit => User.IsInRole(Auth.Roles.Admin) || User.IsInRole(Auth.Roles.Editor);

    /// <summary>The stored text split on its own line breaks; each paragraph starts at <c>data-start</c>.</summary>
    public IReadOnlyList<ArticlePage.Paragraph> Paragraphs => View.Paragraphs;

    /// <summary>The collections panel; its forms come back to this page.</summary>
    public ArticleCollectionsView Collections => ArticleCollectionsView.Of(Article.Id, View.Collections, Request.Path + Request.QueryString);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var page = await reader.FindAsync(id, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        View = page;
        Review = await reader.ReviewAsync(id, cancellationToken) ?? new ArticleReview { ArticleId = id };
        return Page();
    }

    /// <summary>
    /// Moves the article on (state) or into someone's queue (assignee; "me" is the signed-in user, "" nobody), from the
    /// version the page showed: a change someone made meanwhile is shown, never overwritten.
    /// </summary>
    public async Task<IActionResult> OnPostWorkflowAsync(int id, ArticleState? state, string? assignee, int? version, CancellationToken cancellationToken)
    {
        var who = assignee == "me" ? user.Name : assignee;
        var outcome = await ArticleWorkflow.ChangeAsync(db, id, state, who, user.Name, clock.GetUtcNow().UtcDateTime, version, cancellationToken);
        if (outcome.Review is null)
        {
            return NotFound();
        }

        if (outcome is { Error: null, UnknownAssignee: false, Stale: false })
        {
            return RedirectToPage(new { id });
        }

        WorkflowError = outcome switch
        {
            { Stale: true, Review: { } now } => $"Someone else changed this article's workflow while you were reading it (it is now {ArticleWorkflow.StateNow(now)}). Nothing was changed; choose again.",
            { Error: { } refusal } => refusal.Message,
            _ => $"There is no account {who}.",
        };
        return await OnGetAsync(id, cancellationToken);
    }
}
