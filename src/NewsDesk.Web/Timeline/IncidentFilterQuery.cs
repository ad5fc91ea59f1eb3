using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Timeline;

/// <summary>The filters the timeline and the map share (actor, country, date range), applied in one place.</summary>
public static class IncidentFilterQuery
{
    public static IQueryable<Incident> Matching(this IQueryable<Incident> incidents, int? actor, string? country, DateOnly? from, DateOnly? to)
    {
        if (actor is { } actorId)
        {
            incidents = incidents.Where(i => i.Actors.Any(a => a.ActorId == actorId));
        }

        if (!string.IsNullOrWhiteSpace(country))
        {
            incidents = incidents.Where(i => i.Country == country);
        }

        if (from is { } start)
        {
            incidents = incidents.Where(i => i.Date >= start);
        }

        if (to is { } end)
        {
            incidents = incidents.Where(i => i.Date <= end);
        }

        return incidents;
    }
}
