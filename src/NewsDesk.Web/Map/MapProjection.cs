using System.Globalization;

namespace NewsDesk.Web.Map;

/// <summary>
/// The map's projection: equirectangular (plate carrée), longitude and latitude straight to x and y, so a mark's
/// position can be checked against its coordinates by anyone. The whole world is 1000 × 500 units.
/// </summary>
public static class MapProjection
{
    public const double Width = 1000;
    public const double Height = 500;

    public static double X(double longitude) => (longitude + 180) / 360 * Width;

    public static double Y(double latitude) => (90 - latitude) / 180 * Height;

    /// <summary>A coordinate as SVG writes it: invariant, two decimals.</summary>
    public static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
