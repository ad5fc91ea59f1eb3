using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Pages.Collections;

/// <summary>
/// Adds articles to a collection or removes them, one (from an article's page, via _ArticleCollections) or
/// several at once (from the article list). GET shows one article's collections with the same partial.
/// </summary>
public class MembershipModel(NewsDeskDbContext db, TimeProvider clock) : PageModel
{
    public const string StatusKey = "Status";
    public const string ErrorKey = "StatusError";

    [BindProperty]
    public List<int> ArticleIds { get; set; } = [];

    [BindProperty]
    public int? CollectionId { get; set; }

    /// <summary>"add" or "remove".</summary>
    [BindProperty]
    public string? Operation { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string ArticleTitle { get; private set; } = "";
    public ArticleCollectionsView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int articleId, CancellationToken cancellationToken)
    {
        var title = await db.Articles.Where(a => a.Id == articleId).Select(a => a.Title).FirstOrDefaultAsync(cancellationToken);
        if (title is null)
        {
            return NotFound();
        }

        ArticleTitle = title;
        View = await LoadForArticleAsync(db, articleId, Url.Page("/Collections/Membership", new { articleId })!, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var back = ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) ? url : Url.Page("/Index")!;
        var ids = ArticleIds.Distinct().ToArray();
        var collection = CollectionId is { } collectionId
            ? await db.Collections.FirstOrDefaultAsync(c => c.Id == collectionId, cancellationToken)
            : null;
        var error = ids.Length == 0 ? "Select at least one article first."
            : collection is null ? "Choose a collection (or create one on the Collections page)."
            : Operation is not ("add" or "remove") ? "Say whether to add or remove the articles."
            : null;
        if (error is not null)
        {
            TempData[ErrorKey] = error;
            return LocalRedirect(back);
        }

        var present = await db.CollectionArticles
            .Where(ca => ca.CollectionId == collection!.Id && ids.Contains(ca.ArticleId))
            .ToListAsync(cancellationToken);
        int changed;
        if (Operation == "add")
        {
            var existing = await db.Articles.Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var added = existing.Except(present.Select(p => p.ArticleId))
                .Select(articleId => new CollectionArticle { CollectionId = collection!.Id, ArticleId = articleId, AddedAt = now })
                .ToList();
            db.CollectionArticles.AddRange(added);
            changed = added.Count;
            TempData[StatusKey] = $"Added {changed} article(s) to “{collection!.Name}”"
                + (existing.Count > changed ? $" ({existing.Count - changed} already in it)." : ".");
        }
        else
        {
            db.CollectionArticles.RemoveRange(present);
            changed = present.Count;
            TempData[StatusKey] = $"Removed {changed} article(s) from “{collection!.Name}”.";
        }

        await db.SaveChangesAsync(cancellationToken);
        return LocalRedirect(back);
    }

    /// <summary>What the _ArticleCollections partial shows for one article: its collections and the others.</summary>
    public static async Task<ArticleCollectionsView> LoadForArticleAsync(
        NewsDeskDbContext db, int articleId, string returnUrl, CancellationToken cancellationToken) =>
        ArticleCollectionsView.Of(articleId, await LoadOptionsAsync(db, articleId, cancellationToken), returnUrl);

    /// <summary>Every collection by name, each saying whether it holds the article.</summary>
    public static async Task<IReadOnlyList<CollectionOption>> LoadOptionsAsync(NewsDeskDbContext db, int articleId, CancellationToken cancellationToken) =>
        await db.Collections.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new CollectionOption(c.Id, c.Name, c.Articles.Any(ca => ca.ArticleId == articleId)))
            .ToListAsync(cancellationToken);
}

/// <summary>The model of _ArticleCollections: where an article is filed and where it could go.</summary>
public sealed record ArticleCollectionsView(
    int ArticleId, IReadOnlyList<CollectionOption> Member, IReadOnlyList<CollectionOption> Others, string ReturnUrl)
{
    public static ArticleCollectionsView Of(int articleId, IReadOnlyList<CollectionOption> options, string returnUrl) =>
        new(articleId, [.. options.Where(c => c.Contains)], [.. options.Where(c => !c.Contains)], returnUrl);
}

public sealed record CollectionOption(int Id, string Name, bool Contains);
