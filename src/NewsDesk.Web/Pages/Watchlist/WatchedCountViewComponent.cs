using Microsoft.AspNetCore.Mvc;
using NewsDesk.Web.Data;
using NewsDesk.Web.Watchlists;

namespace NewsDesk.Web.Pages.Watchlist;

/// <summary>The menu's "Watched (N)": articles the signed-in editor's watches flagged this week. View: Pages/Shared/Components/WatchedCount/Default.cshtml.</summary>
public class WatchedCountViewComponent(NewsDeskDbContext db, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (User.Identity is not { IsAuthenticated: true, Name: { } me })
        {
            return Content("");
        }

        return View(await WatchlistQueries.CountAsync(db, me, clock.GetUtcNow().UtcDateTime - WatchlistQueries.RecentWindow, HttpContext.RequestAborted));
    }
}
