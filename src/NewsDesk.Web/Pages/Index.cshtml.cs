using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Search;

namespace NewsDesk.Web.Pages;

/// <summary>The home page: the article list with search and filters, newest (or best match) first, a page at a time.</summary>
public class IndexModel(ArticleFacets facets, NewsDeskDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = ArticleListQuery.DefaultPageSize;

    [BindProperty(SupportsGet = true)]
    public ArticleSearchApi.ArticleFilterParameters Filter { get; set; } = new();

    /// <summary>The results are cached per query string (and store version: see VersionedCacheTagHelper).</summary>
    public string CacheKey => $"{Request.QueryString.Value}|{Filter.Assignee}|{Filter.Queue}|{Filter.Watched}";

    /// <summary>Articles per workflow state (an article without a review row is new), and in the signed-in user's queue.</summary>
    public IReadOnlyDictionary<ArticleState, int> StateCounts { get; private set; } = new Dictionary<ArticleState, int>();
    public int MyQueueCount { get; private set; }

    /// <summary>Articles my watches flagged in the last week.</summary>
    public int WatchedCount { get; private set; }

    public int TotalCount { get; private set; }
    public IReadOnlyList<SelectListItem> Sources { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Collections { get; private set; } = [];
    public IReadOnlyList<string> Languages { get; private set; } = [];

    /// <summary>True when anything narrows the list, so the page offers to clear it.</summary>
    public bool IsFiltered => Filter.ToFilter() != new ArticleFilter();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Filter.ForUser(User.Identity?.Name);
        var totals = await facets.GetAsync(cancellationToken);
        TotalCount = totals.Count;
        var byState = await ArticleQueue.CountByState(db).ToListAsync(cancellationToken);
        StateCounts = Enum.GetValues<ArticleState>().ToDictionary(s => s, s => s == ArticleState.New
            ? TotalCount - byState.Where(g => g.State != ArticleState.New).Sum(g => g.Count)
            : byState.Where(g => g.State == s).Sum(g => g.Count));
        var me = User.Identity?.Name;
        MyQueueCount = me is null ? 0 : await ArticleQueue.CountWaitingFor(db, me, cancellationToken);
        WatchedCount = me is null ? 0 : await Watchlists.WatchlistQueries.CountAsync(db, me, clock.GetUtcNow().UtcDateTime - Watchlists.WatchlistQueries.RecentWindow, cancellationToken);
        Languages = totals.Languages;
        Sources = totals.Sources.Select(s => new SelectListItem(s.Name, s.Id.ToString(CultureInfo.InvariantCulture))).ToList();
        Collections = totals.Collections.Select(c => new SelectListItem(c.Name, c.Id.ToString(CultureInfo.InvariantCulture))).ToList();
    }
}
