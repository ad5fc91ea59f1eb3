using Microsoft.AspNetCore.Mvc;
using NewsDesk.Web.Search;

namespace NewsDesk.Web.Pages.ArticleList;

/// <summary>
/// One page of the article list (view: Pages/Shared/Components/ArticleResults/Default.cshtml): the search note,
/// the articles with their snippets, and the paging links. A component of its own so the home page can cache
/// its output per query and store version (the query and the rendering are most of the page's cost).
/// </summary>
public class ArticleResultsViewComponent(ArticleListQuery listQuery) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(ArticleSearchApi.ArticleFilterParameters filter)
    {
        var results = await listQuery.RunAsync(filter.ToFilter(), filter.After, ArticleListQuery.DefaultPageSize, HttpContext.RequestAborted);
        return View(new ArticleResultsView(results, filter.ToFilter() != new ArticleFilter(), filter.After is not null, RouteWith(null), results.Next is { } next ? RouteWith(next) : null));
    }

    /// <summary>The current URL's filters with another cursor: the next page keeps every filter.</summary>
    private Dictionary<string, string?> RouteWith(string? after)
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

    public sealed record ArticleResultsView(
        ArticleListPage Results, bool IsFiltered, bool IsPaged, Dictionary<string, string?> FirstPage, Dictionary<string, string?>? NextPage);
}
