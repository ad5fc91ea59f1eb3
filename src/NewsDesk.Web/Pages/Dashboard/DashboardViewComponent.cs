using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;

namespace NewsDesk.Web.Pages.Dashboard;

/// <summary>
/// The home page's cached side panels (view: Pages/Shared/Components/Dashboard/Default.cshtml): recently tagged
/// incidents and collections' tagging progress. Sources needing attention are a component of their own
/// (<see cref="SourcesNeedingAttentionViewComponent"/>), cached apart: a fetch's bookkeeping starts no new store version.
/// </summary>
public class DashboardViewComponent(NewsDeskDbContext db) : ViewComponent
{
    public const int Shown = 6;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var incidents = await RecentlyTaggedIncidentsAsync(cancellationToken);

        var collections = await db.Collections.AsNoTracking()
            .OrderBy(c => c.Name).Take(Shown)
            .Select(c => new CollectionProgress(c.Id, c.Name, c.Articles.Count, c.Articles.Count(ca => db.Mentions.Any(m => m.ArticleId == ca.ArticleId))))
            .ToListAsync(cancellationToken);

        return View(new DashboardView(incidents, collections));
    }

    // Newest mention first, one incident at a time, skipping incidents already found: a few index lookups walking
    // mentions backwards by id (creation order), where grouping all incident mentions took seconds at 1M mentions.
    private async Task<List<RecentIncident>> RecentlyTaggedIncidentsAsync(CancellationToken cancellationToken)
    {
        var found = new List<(int IncidentId, DateTime Tagged)>();
        while (found.Count < Shown)
        {
            var seen = found.Select(f => f.IncidentId).ToList();
            var next = await db.Mentions.AsNoTracking()
                .Where(m => m.IncidentId != null && !seen.Contains(m.IncidentId.Value))
                .OrderByDescending(m => m.Id)
                .Select(m => new { IncidentId = m.IncidentId!.Value, m.CreatedAt })
                .FirstOrDefaultAsync(cancellationToken);
            if (next is null)
            {
                break;
            }

            found.Add((next.IncidentId, next.CreatedAt));
        }

        var ids = found.Select(f => f.IncidentId).ToList();
        var titles = await db.Incidents.AsNoTracking().Where(i => ids.Contains(i.Id))
            .Select(i => new { i.Id, i.Title, i.Date })
            .ToDictionaryAsync(i => i.Id, cancellationToken);
        return found.Where(f => titles.ContainsKey(f.IncidentId))
            .Select(f => new RecentIncident(f.IncidentId, titles[f.IncidentId].Title, titles[f.IncidentId].Date, f.Tagged))
            .ToList();
    }

    public sealed record DashboardView(IReadOnlyList<RecentIncident> Incidents, IReadOnlyList<CollectionProgress> Collections);

    public sealed record RecentIncident(int Id, string Title, DateOnly? Date, DateTime LastTagged);

    public sealed record CollectionProgress(int Id, string Name, int Articles, int Annotated);
}
