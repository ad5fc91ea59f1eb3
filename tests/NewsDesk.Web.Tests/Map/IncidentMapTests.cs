using System.Globalization;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Map;
using NewsDesk.Web.Tests.Infrastructure;
using NewsDesk.Web.Tests.Infrastructure.Builders;

namespace NewsDesk.Web.Tests.Map;

/// <summary>/map: incidents with coordinates on the offline world map, coloured by type, sized by fatalities, filtered, linked.</summary>
public class IncidentMapTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    [Fact]
    public async Task A_new_install_shows_the_ICARO_incidents_at_their_coordinates_each_linked()
    {
        var page = await factory.CreateClient().GetDocumentAsync("/map");

        var marks = page.QuerySelectorAll("svg.incident-map a.map-mark").ToList();
        var titles = marks.Select(m => m.QuerySelector("title")!.TextContent).ToList();
        foreach (var place in new[] { "Koniko gas field", "Asad air base", "Tower 22", "Tel Aviv", "Eilat" })
        {
            Assert.Contains(titles, t => t.Contains(place, StringComparison.Ordinal));
        }

        var koniko = marks.Single(m => m.QuerySelector("title")!.TextContent.Contains("Koniko", StringComparison.Ordinal));
        var circle = koniko.QuerySelector("circle")!;
        Assert.Equal(MapProjection.X(40.25), Coordinate(circle, "cx"), 1);
        Assert.Equal(MapProjection.Y(35.37), Coordinate(circle, "cy"), 1);
        Assert.Equal($"/incidents/{koniko.GetAttribute("data-incident")}", koniko.GetAttribute("href"));
        Assert.Equal("#ff7f0e", circle.GetAttribute("fill"));
        Assert.True(page.QuerySelectorAll("svg.incident-map g.countries path").Length > 150, "the world's countries are drawn");
        Assert.Contains("Natural Earth", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Marks_grow_with_fatalities_and_take_the_colour_of_their_type()
    {
        Incident battle = new IncidentBuilder().Titled($"Battle {Guid.NewGuid():N}").With(i => { i.Type = IncidentType.Battles; i.Latitude = 10; i.Longitude = 20; i.Fatalities = 100; });
        Incident quiet = new IncidentBuilder().Titled($"Protest {Guid.NewGuid():N}").With(i => { i.Type = IncidentType.Protests; i.Latitude = -10; i.Longitude = -20; });
        await factory.InsertAsync(battle, quiet);

        var page = await factory.CreateClient().GetDocumentAsync("/map");

        var big = page.QuerySelector($"a.map-mark[data-incident='{battle.Id}'] circle")!;
        var small = page.QuerySelector($"a.map-mark[data-incident='{quiet.Id}'] circle")!;
        Assert.True(Coordinate(big, "r") > Coordinate(small, "r"));
        Assert.Equal("#d62728", big.GetAttribute("fill"));
        Assert.NotEqual(big.GetAttribute("fill"), small.GetAttribute("fill"));
    }

    [Fact]
    public async Task The_map_filters_like_the_timeline_by_country_and_type()
    {
        var page = await factory.CreateClient().GetDocumentAsync("/map?country=Israel&type=ExplosionsRemoteViolence");

        var titles = page.QuerySelectorAll("a.map-mark title").Select(t => t.TextContent).ToList();
        Assert.Contains(titles, t => t.Contains("Tel Aviv", StringComparison.Ordinal));
        Assert.Contains(titles, t => t.Contains("Eilat", StringComparison.Ordinal));
        Assert.DoesNotContain(titles, t => t.Contains("Koniko", StringComparison.Ordinal));
    }

    private static double Coordinate(AngleSharp.Dom.IElement element, string attribute) =>
        double.Parse(element.GetAttribute(attribute)!, CultureInfo.InvariantCulture);
}
