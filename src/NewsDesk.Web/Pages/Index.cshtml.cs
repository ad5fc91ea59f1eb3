using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using NewsDesk.Web.Data;
using NewsDesk.Web.Search;

namespace NewsDesk.Web.Pages;

/// <summary>The home page: the article list with search and filters, newest (or best match) first, a page at a time.</summary>
public class IndexModel(ArticleFacets facets) : PageModel
{
    public const int PageSize = ArticleListQuery.DefaultPageSize;

    [BindProperty(SupportsGet = true)]
    public ArticleSearchApi.ArticleFilterParameters Filter { get; set; } = new();

    /// <summary>The results are cached per query string (and store version: see VersionedCacheTagHelper).</summary>
    public string CacheKey => Request.QueryString.Value ?? "";

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
        Sources = totals.Sources.Select(s => new SelectListItem(s.Name, s.Id.ToString(CultureInfo.InvariantCulture))).ToList();
        Collections = totals.Collections.Select(c => new SelectListItem(c.Name, c.Id.ToString(CultureInfo.InvariantCulture))).ToList();
    }
}
