using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;

namespace NewsDesk.Web.Pages.Dashboard;

/// <summary>The home page's side panels (view: Pages/Shared/Components/Dashboard/Default.cshtml): recently tagged incidents, sources needing attention, collections' tagging progress.</summary>
public class DashboardViewComponent(NewsDeskDbContext db) : ViewComponent
{
    private const int Shown = 6;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var incidents = await db.Mentions.AsNoTracking()
            .Where(m => m.IncidentId != null)
            .GroupBy(m => m.IncidentId)
            .Select(g => new { IncidentId = g.Key!.Value, Last = g.Max(m => m.CreatedAt) })
            .OrderByDescending(x => x.Last).Take(Shown)
            .Join(db.Incidents, x => x.IncidentId, i => i.Id, (x, i) => new RecentIncident(i.Id, i.Title, i.Date, x.Last))
            .ToListAsync(cancellationToken);

        var sources = await db.Sources.AsNoTracking()
            .Where(s => s.Enabled && (s.ConsecutiveErrors > 0 || s.LastFetchedAt == null))
            .OrderByDescending(s => s.ConsecutiveErrors).ThenBy(s => s.Name).Take(Shown)
            .Select(s => new SourceNeedingAttention(s.Id, s.Name, s.LastFetchedAt == null ? "never fetched" : $"failing ({s.ConsecutiveErrors}): {s.LastError}"))
            .ToListAsync(cancellationToken);

        var collections = await db.Collections.AsNoTracking()
            .OrderBy(c => c.Name).Take(Shown)
            .Select(c => new CollectionProgress(c.Id, c.Name, c.Articles.Count, c.Articles.Count(ca => db.Mentions.Any(m => m.ArticleId == ca.ArticleId))))
            .ToListAsync(cancellationToken);

        return View(new DashboardView(incidents, sources, collections));
    }

    public sealed record DashboardView(IReadOnlyList<RecentIncident> Incidents, IReadOnlyList<SourceNeedingAttention> Sources, IReadOnlyList<CollectionProgress> Collections);

    public sealed record RecentIncident(int Id, string Title, DateOnly? Date, DateTime LastTagged);

    public sealed record SourceNeedingAttention(int Id, string Name, string Problem);

    public sealed record CollectionProgress(int Id, string Name, int Articles, int Annotated);
}
