using System.Text;
using System.Text.Json;

namespace NewsDesk.Web.Map;

/// <summary>
/// Country outlines for the map: Natural Earth's 1:110m countries (public domain) as TopoJSON from the npm package
/// world-atlas, vendored in wwwroot/lib/world-atlas and embedded in the assembly, decoded once into SVG path data.
/// TopoJSON is decoded here (arcs delta-encoded on a quantised grid, rings as lists of arc indexes, ~i for arc i
/// reversed) because it is a few dozen lines and no maintained .NET TopoJSON reader exists (ADR 1800).
/// </summary>
public sealed class WorldShapes
{
    private readonly Lazy<IReadOnlyList<CountryShape>> _countries = new(Load);

    public IReadOnlyList<CountryShape> Countries => _countries.Value;

    private static List<CountryShape> Load()
    {
        using var stream = typeof(WorldShapes).Assembly.GetManifestResourceStream("NewsDesk.Web.Map.countries-110m.json")
            ?? throw new InvalidOperationException("The world map (countries-110m.json) is not embedded in the app.");
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        var scale = root.GetProperty("transform").GetProperty("scale");
        var translate = root.GetProperty("transform").GetProperty("translate");
        var (sx, sy, tx, ty) = (scale[0].GetDouble(), scale[1].GetDouble(), translate[0].GetDouble(), translate[1].GetDouble());

        var arcs = new List<(double Lon, double Lat)[]>();
        foreach (var arc in root.GetProperty("arcs").EnumerateArray())
        {
            var points = new List<(double, double)>();
            long x = 0, y = 0;
            foreach (var point in arc.EnumerateArray())
            {
                x += point[0].GetInt64();
                y += point[1].GetInt64();
                points.Add((x * sx + tx, y * sy + ty));
            }

            arcs.Add([.. points]);
        }

        var shapes = new List<CountryShape>();
        foreach (var geometry in root.GetProperty("objects").GetProperty("countries").GetProperty("geometries").EnumerateArray())
        {
            var name = geometry.TryGetProperty("properties", out var p) && p.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "";
            var polygons = geometry.GetProperty("type").GetString() switch
            {
                "Polygon" => [geometry.GetProperty("arcs")],
                "MultiPolygon" => geometry.GetProperty("arcs").EnumerateArray().ToList(),
                _ => [],
            };
            var path = new StringBuilder();
            foreach (var polygon in polygons)
            {
                foreach (var ring in polygon.EnumerateArray())
                {
                    AppendRing(path, arcs, ring);
                }
            }

            if (path.Length > 0)
            {
                shapes.Add(new CountryShape(name, path.ToString()));
            }
        }

        return shapes;
    }

    private static void AppendRing(StringBuilder path, List<(double Lon, double Lat)[]> arcs, JsonElement ring)
    {
        var first = true;
        foreach (var index in ring.EnumerateArray().Select(i => i.GetInt32()))
        {
            var points = index >= 0 ? arcs[index] : [.. arcs[~index].Reverse()];
            // Consecutive arcs share their joining point; draw it once.
            foreach (var (lon, lat) in first ? points : points.Skip(1))
            {
                path.Append(first ? 'M' : 'L').Append(MapProjection.Format(MapProjection.X(lon))).Append(',').Append(MapProjection.Format(MapProjection.Y(lat)));
                first = false;
            }
        }

        path.Append('Z');
    }
}

/// <summary>One country's outline as SVG path data in map units.</summary>
public sealed record CountryShape(string Name, string Path);
