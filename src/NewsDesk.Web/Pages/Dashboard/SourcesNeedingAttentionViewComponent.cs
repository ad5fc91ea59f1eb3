using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;

namespace NewsDesk.Web.Pages.Dashboard;

/// <summary>
/// The home page's "sources needing attention" (failing, never fetched). It changes with each fetch, whose
/// bookkeeping leaves the store version (and so the other cached panels) alone: the home page caches it under
/// <see cref="StoreVersion.IncludingBookkeeping"/>. View: Pages/Shared/Components/SourcesNeedingAttention/Default.cshtml.
/// </summary>
public class SourcesNeedingAttentionViewComponent(NewsDeskDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var sources = await db.Sources.AsNoTracking()
            .Where(s => s.Enabled && (s.ConsecutiveErrors > 0 || s.LastFetchedAt == null))
            .OrderByDescending(s => s.ConsecutiveErrors).ThenBy(s => s.Name).Take(DashboardViewComponent.Shown)
            .Select(s => new SourceNeedingAttention(s.Id, s.Name, s.LastFetchedAt == null ? "never fetched" : $"failing ({s.ConsecutiveErrors}): {s.LastError}"))
            .ToListAsync(HttpContext.RequestAborted);
        return View(sources);
    }

    public sealed record SourceNeedingAttention(int Id, string Name, string Problem);
}
