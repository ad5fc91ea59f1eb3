namespace NewsDesk.Web.Places;

/// <summary>GET /api/places?q=: gazetteer type-ahead for the incident form and the tag panel.</summary>
public static class PlacesApi
{
    /// <summary>A place as the forms use it: the fields an incident's location is filled from.</summary>
    public sealed record PlaceDto(
        string Name, IReadOnlyList<string> AlternateNames, string? Country, string CountryCode, string? Admin1, string? Admin2,
        double Latitude, double Longitude, int Population, int GeoPrecision, string Attribution);

    public static RouteGroupBuilder MapPlacesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/places", Search).WithTags("Places").WithName("SearchPlaces");
        return api;
    }

    public static WebApplicationBuilder AddPlaces(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Gazetteer>();
        return builder;
    }

    // The gazetteer lists towns and cities, so a pick is ACLED geo-precision 1 (the place itself).
    private static IResult Search(string? q, int? limit, Gazetteer gazetteer) =>
        Results.Ok(gazetteer.Search(q, Math.Clamp(limit ?? 10, 1, 50)).Select(p => new PlaceDto(
            p.Name, p.AlternateNames, p.Country, p.CountryCode, p.Admin1, p.Admin2, p.Latitude, p.Longitude, p.Population,
            GeoPrecision: 1, Gazetteer.Attribution)));
}
