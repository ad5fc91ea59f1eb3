using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsDesk.Web.Pages.Collections;

namespace NewsDesk.Web.Pages.Articles;

/// <summary>
/// One article: its metadata, its text as paragraphs that keep their offsets, and its mentions by record. Every
/// part is cached until the store changes, so a page read again (the usual case while tagging) costs no query.
/// </summary>
public class DetailsModel(ArticlePageReader reader) : PageModel
{
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
        return Page();
    }
}
