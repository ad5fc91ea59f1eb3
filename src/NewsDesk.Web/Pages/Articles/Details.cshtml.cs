using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Data.Records;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Pages.Articles;

/// <summary>One article: its metadata, its text as paragraphs that keep their offsets, and its mentions by record.</summary>
public class DetailsModel(NewsDeskDbContext db, StoreVersion storeVersion) : PageModel
{
    public Article Article { get; private set; } = null!;

    public PublishedDate Published => new(Article.PublishedAt, Article.PublishedUtcOffsetMinutes, Article.PublishedPrecision);

    /// <summary>
    /// The stored text split on its own line breaks. Each paragraph carries its start offset so the page's script
    /// maps a DOM position back to a text offset (paragraph start + text-node lengths before it).
    /// </summary>
    public IReadOnlyList<Paragraph> Paragraphs { get; private set; } = [];

    /// <summary>The mentions panel (<see cref="ArticleMentionsViewComponent"/>) is cached under this key.</summary>
    public string MentionPanelCacheKey => string.Create(CultureInfo.InvariantCulture, $"{Article.Id}|{storeVersion.Current}");

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var article = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return NotFound();
        }

        Article = article;
        Paragraphs = [.. ArticleParagraphs.Of(article.Text).Select(r => new Paragraph(r.Start, article.Text.Substring(r.Start, r.Length)))];
        return Page();
    }

    /// <summary>Only web addresses become links; seed names (urn:) and anything else are shown as text.</summary>
    public bool UrlIsLink => Uri.TryCreate(Article.Url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    public sealed record Paragraph(int Start, string Text);
}
