using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Pages;

/// <summary>The home page: stored articles, newest first, a page at a time.</summary>
public class IndexModel(NewsDeskDbContext db) : PageModel
{
    public const int PageSize = 20;
    private const int SnippetLength = 280;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<ArticleRow> Articles { get; private set; } = [];

    /// <summary>The collections the bulk form can add the ticked articles to.</summary>
    public IReadOnlyList<(int Id, string Name)> Collections { get; private set; } = [];
    public int TotalCount { get; private set; }
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        TotalCount = await db.Articles.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Articles = await db.Articles.AsNoTracking()
            .OrderByDescending(a => a.PublishedAt ?? a.FetchedAt).ThenByDescending(a => a.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(a => new ArticleRow(
                a.Id, a.Title, a.SiteName,
                new PublishedDate(a.PublishedAt, a.PublishedUtcOffsetMinutes, a.PublishedPrecision),
                a.Text.Substring(0, SnippetLength)))
            .ToListAsync(cancellationToken);
        Collections = (await db.Collections.AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken))
            .Select(c => (c.Id, c.Name)).ToList();
    }

    public sealed record ArticleRow(int Id, string Title, string? SiteName, PublishedDate Published, string Snippet);
}
