using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NewsDesk.Browser.Tests.Infrastructure;
using NewsDesk.Web.Auth;
using NewsDesk.Web.Map;

namespace NewsDesk.Browser.Tests.Pages.Map;

/// <summary>The map and the gazetteer in a real Chromium: the seeded incidents at their coordinates, places picked by name.</summary>
public class IncidentMapTests(DemoAnnotationFixture fixture) : IClassFixture<DemoAnnotationFixture>
{
    [Fact]
    public async Task The_map_shows_each_seeded_ICARO_incident_at_its_coordinates_and_a_mark_opens_the_incident()
    {
        var incidents = await fixture.App.ExecuteDbContextAsync(db => db.Incidents.AsNoTracking()
            .Where(i => i.Latitude != null && i.Longitude != null)
            .Select(i => new { i.Id, i.Title, Latitude = i.Latitude!.Value, Longitude = i.Longitude!.Value }).ToListAsync());
        Assert.Equal(5, incidents.Count);
        var page = await fixture.NewPageAsync(Roles.Viewer);

        await page.GotoAsync("/map");

        var map = await page.Locator("svg.incident-map").BoundingBoxAsync();
        Assert.NotNull(map);
        foreach (var incident in incidents)
        {
            var box = await page.Locator($"a.map-mark[data-incident='{incident.Id}'] circle").BoundingBoxAsync();
            Assert.NotNull(box);
            // Where the projection puts the incident's longitude and latitude on the drawn map, in screen pixels.
            var expectedX = map.X + (MapProjection.X(incident.Longitude) / MapProjection.Width * map.Width);
            var expectedY = map.Y + (MapProjection.Y(incident.Latitude) / MapProjection.Height * map.Height);
            Assert.InRange(box.X + (box.Width / 2), expectedX - 1.5, expectedX + 1.5);
            Assert.InRange(box.Y + (box.Height / 2), expectedY - 1.5, expectedY + 1.5);
        }

        var koniko = incidents.Single(i => i.Title.Contains("Koniko", StringComparison.Ordinal));
        await page.Locator($"a.map-mark[data-incident='{koniko.Id}']").ClickAsync();
        await page.WaitForURLAsync($"**/incidents/{koniko.Id}");
        Assert.Contains("Koniko", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Typing_a_town_in_the_incident_form_fills_the_place_fields_from_the_gazetteer()
    {
        var page = await fixture.NewPageAsync(Roles.Editor);
        await page.GotoAsync("/incidents/new");

        await page.Locator("#Form_Location").PressSequentiallyAsync("Deir ez");
        await page.Locator(".place-suggestion").First.WaitForAsync();
        Assert.StartsWith("Deir ez-Zor", await page.Locator(".place-suggestion").First.InnerTextAsync(), StringComparison.Ordinal);
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");

        Assert.Equal("Deir ez-Zor", await page.InputValueAsync("#Form_Location"));
        Assert.Equal("Deir ez-Zor", await page.InputValueAsync("#Form_Admin1"));
        Assert.Equal("Syria", await page.InputValueAsync("#Form_Country"));
        Assert.Equal(35.3359, double.Parse(await page.InputValueAsync("#Form_Latitude"), CultureInfo.InvariantCulture), 3);
        Assert.Equal(40.1408, double.Parse(await page.InputValueAsync("#Form_Longitude"), CultureInfo.InvariantCulture), 3);
        Assert.Equal("1", await page.InputValueAsync("#Form_GeoPrecision"));
        Assert.True(await page.Locator(".place-suggestions").IsHiddenAsync());
        await page.Context.CloseAsync();
    }
}
