using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Timeline;

namespace NewsDesk.Web.Map;

/// <summary>What the map shows; the timeline's filters plus the event type, every field from the URL.</summary>
public sealed record MapFilter(int? Actor, string? Country, DateOnly? From, DateOnly? To, IncidentType? Type);

/// <summary>An incident placed on the map: where, what colour (its type, as on the timeline) and how large (its fatalities).</summary>
public sealed record MapMark(int Id, string Title, double Latitude, double Longitude, IncidentType? Type, int? Fatalities, DateOnly? Date, string? Country)
{
    public double X => MapProjection.X(Longitude);

    public double Y => MapProjection.Y(Latitude);

    /// <summary>Area grows with the dead: 4 units for none or unknown, then by the square root.</summary>
    public double Radius => 4 + (1.5 * Math.Sqrt(Math.Max(0, Fatalities ?? 0)));

    public string Colour => TimelineLayout.ColourOf(Type);
}

/// <summary>The incidents with coordinates that match a filter, largest first so small marks stay clickable on top.</summary>
public sealed class IncidentMap(NewsDeskDbContext db)
{
    public async Task<IReadOnlyList<MapMark>> MarksAsync(MapFilter filter, CancellationToken cancellationToken)
    {
        var incidents = db.Incidents.AsNoTracking().Where(i => i.Latitude != null && i.Longitude != null)
            .Matching(filter.Actor, filter.Country, filter.From, filter.To);

        if (filter.Type is { } type)
        {
            incidents = incidents.Where(i => i.Type == type);
        }

        var marks = await incidents.OrderBy(i => i.Id)
            .Select(i => new MapMark(i.Id, i.Title, i.Latitude!.Value, i.Longitude!.Value, i.Type, i.Fatalities, i.Date, i.Country))
            .ToListAsync(cancellationToken);
        return [.. marks.OrderByDescending(m => m.Radius).ThenBy(m => m.Id)];
    }
}
