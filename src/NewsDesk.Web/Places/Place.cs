namespace NewsDesk.Web.Places;

/// <summary>A populated place of the gazetteer (GeoNames): what an incident's location fields are filled from.</summary>
public sealed record Place(
    string Name, IReadOnlyList<string> AlternateNames, string CountryCode, string? Country, string? Admin1, string? Admin2,
    double Latitude, double Longitude, int Population);
