using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Map;

namespace NewsDesk.Web.Pages.Map;

/// <summary>
/// The incident map: every incident with coordinates on an offline world map drawn on the server as SVG,
/// coloured by type, sized by fatalities, filtered like the timeline; each mark links to its incident.
/// </summary>
public class IndexModel(NewsDeskDbContext db, IncidentMap map, WorldShapes world) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public IncidentType? Type { get; set; }

    public IReadOnlyList<MapMark> Marks { get; private set; } = [];
    public IReadOnlyList<CountryShape> Shapes => world.Countries;
    public IReadOnlyList<(int Id, string Name)> Actors { get; private set; } = [];
    public IReadOnlyList<string> Countries { get; private set; } = [];

    /// <summary>Incidents that match but have no coordinates, so the map cannot show them.</summary>
    public int Unplaced { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Marks = await map.MarksAsync(new MapFilter(Actor, Country, From, To, Type), cancellationToken);
        Unplaced = await db.Incidents.AsNoTracking().CountAsync(i => i.Latitude == null || i.Longitude == null, cancellationToken);
        Actors = (await db.IncidentActors.AsNoTracking().Select(ia => new { ia.Actor!.Id, ia.Actor.Name }).Distinct()
            .OrderBy(a => a.Name).ToListAsync(cancellationToken)).Select(a => (a.Id, a.Name)).ToList();
        Countries = await db.Incidents.AsNoTracking().Where(i => i.Country != null).Select(i => i.Country!).Distinct()
            .OrderBy(c => c).ToListAsync(cancellationToken);
    }
}
