using Microsoft.AspNetCore.Mvc;
using NewsDesk.Web.Search;

namespace NewsDesk.Web.Pages.Watchlist;

/// <summary>The menu's "Watched (N)": articles the signed-in editor's watches flagged this week (cached per store version: ListCounts). View: Pages/Shared/Components/WatchedCount/Default.cshtml.</summary>
public class WatchedCountViewComponent(ListCounts counts) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (User.Identity is not { IsAuthenticated: true, Name: { } me })
        {
            return Content("");
        }

        return View(await counts.WatchedAsync(me, HttpContext.RequestAborted));
    }
}
