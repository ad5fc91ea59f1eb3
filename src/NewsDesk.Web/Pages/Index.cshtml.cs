using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Search;

namespace NewsDesk.Web.Pages;

/// <summary>The home page: the article list with search and filters, newest (or best match) first, a page at a time.</summary>
public class IndexModel(NewsDeskDbContext db, ArticleListQuery listQuery, ArticleFacets facets) : PageModel
{
    public const int PageSize = ArticleListQuery.DefaultPageSize;

    [BindProperty(SupportsGet = true)]
    public ArticleSearchApi.ArticleFilterParameters Filter { get; set; } = new();

    public ArticleListPage Results { get; private set; } = new([], null, null);
    public int TotalCount { get; private set; }
    public IReadOnlyList<SelectListItem> Sources { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Collections { get; private set; } = [];
    public IReadOnlyList<string> Languages { get; private set; } = [];

    /// <summary>True when anything narrows the list, so the page offers to clear it.</summary>
    public bool IsFiltered => Filter.ToFilter() != new ArticleFilter();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var totals = await facets.GetAsync(cancellationToken);
        TotalCount = totals.Count;
        Languages = totals.Languages;
        Results = await listQuery.RunAsync(Filter.ToFilter(), Filter.After, PageSize, cancellationToken);
        Sources = await db.Sources.AsNoTracking().OrderBy(s => s.Name)
            .Select(s => new SelectListItem(s.Name, s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToListAsync(cancellationToken);
        Collections = await db.Collections.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new SelectListItem(c.Name, c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The current URL's filters with another cursor: the next page keeps every filter.</summary>
    public Dictionary<string, string?> RouteWith(string? after)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in Request.Query)
        {
            if (!string.Equals(key, "after", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(value))
            {
                values[key] = value.ToString();
            }
        }

        if (after is not null)
        {
            values["after"] = after;
        }

        return values;
    }
}
