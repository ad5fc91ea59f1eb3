using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Pages.Articles;

/// <summary>One article: its metadata and its plain text as paragraphs.</summary>
public class DetailsModel(NewsDeskDbContext db) : PageModel
{
    public Article Article { get; private set; } = null!;

    public PublishedDate Published => new(Article.PublishedAt, Article.PublishedUtcOffsetMinutes, Article.PublishedPrecision);

    /// <summary>The stored text split on its own line breaks, the same split the annotation view uses.</summary>
    public IReadOnlyList<string> Paragraphs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var article = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return NotFound();
        }

        Article = article;
        Paragraphs = article.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return Page();
    }

    /// <summary>Only web addresses become links; seed names (urn:) and anything else are shown as text.</summary>
    public bool UrlIsLink => Uri.TryCreate(Article.Url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
