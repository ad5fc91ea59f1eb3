using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Timeline;

namespace NewsDesk.Web.Pages.Timeline;

/// <summary>The incident timeline: incidents over time by day or week, coloured by type, filterable by actor and country.</summary>
public class IndexModel(NewsDeskDbContext db, IncidentTimeline timeline) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public TimelineGranularity? By { get; set; }

    public TimelineLayout Layout { get; private set; } = new(new TimelineData(TimelineGranularity.Day, []));
    public IReadOnlyList<(int Id, string Name)> Actors { get; private set; } = [];
    public IReadOnlyList<string> Countries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var data = await timeline.BuildAsync(new TimelineFilter(Actor, Country, From, To, By), cancellationToken);
        Layout = new TimelineLayout(data);
        Actors = (await db.IncidentActors.AsNoTracking().Select(ia => new { ia.Actor!.Id, ia.Actor.Name }).Distinct()
            .OrderBy(a => a.Name).ToListAsync(cancellationToken)).Select(a => (a.Id, a.Name)).ToList();
        Countries = await db.Incidents.AsNoTracking().Where(i => i.Country != null).Select(i => i.Country!).Distinct()
            .OrderBy(c => c).ToListAsync(cancellationToken);
    }
}
