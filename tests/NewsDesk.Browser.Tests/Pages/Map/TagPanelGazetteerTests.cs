using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsDesk.Browser.Tests.Infrastructure;
using NewsDesk.Web.Places;

namespace NewsDesk.Browser.Tests.Pages.Map;

/// <summary>
/// The tag panel's place field looks towns up in the gazetteer as the incident form's does (an app of its own: the
/// incident it creates would be one more mark for the map tests).
/// </summary>
public class TagPanelGazetteerTests(DemoAnnotationFixture fixture) : IClassFixture<DemoAnnotationFixture>
{
    [Fact]
    public async Task Typing_a_town_in_the_tag_panel_places_the_new_incident_from_the_gazetteer()
    {
        var mafraq = fixture.App.Services.GetRequiredService<Gazetteer>().Search("Mafraq", 1).Single();
        var article = await fixture.App.ExecuteDbContextAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.SiteName == "ICARO Media Group"));
        var page = new ArticlePage(await fixture.NewPageAsync());
        await page.OpenAsync(article.Id);

        await page.SelectExactlyAsync("Kataib Hezbollah carried out an attack in Jordan");
        await page.TagPanel.WaitForAsync();
        await page.Page.Keyboard.PressAsync("2"); // incident
        await page.Page.Locator("#tag-panel .tag-search").FillAsync("Drone strike near Mafraq (gazetteer)");
        await page.Page.Locator("#tag-results .active").Filter(new() { HasText = "Create new incident" }).WaitForAsync();
        await Assertions.Expect(page.TagPanel.Locator(".place-attribution")).ToContainTextAsync(Gazetteer.Attribution);
        await page.Page.Locator("#detail-place").PressSequentiallyAsync("Mafraq");
        var first = page.TagPanel.Locator(".place-suggestion").First;
        await Assertions.Expect(first).ToHaveTextAsync(string.Join(", ", new[] { mafraq.Name, mafraq.Admin2, mafraq.Admin1, mafraq.Country }.Where(p => !string.IsNullOrEmpty(p))));
        await page.Page.Keyboard.PressAsync("ArrowDown");
        await page.Page.Keyboard.PressAsync("Enter"); // picks the town, does not save
        await Assertions.Expect(page.TagPanel.Locator(".place-suggestions")).ToBeHiddenAsync();
        Assert.True(await page.TagPanel.IsVisibleAsync());
        await Assertions.Expect(page.Page.Locator("#detail-place")).ToHaveValueAsync(mafraq.Name);
        await Assertions.Expect(page.Page.Locator("#detail-country")).ToHaveValueAsync(mafraq.Country!);
        await page.Page.Keyboard.PressAsync("Control+Enter");
        await page.TagPanel.WaitForAsync(new() { State = WaitForSelectorState.Hidden });

        await page.Highlight("incident", "Kataib Hezbollah").First.WaitForAsync();
        var incident = await fixture.App.ExecuteDbContextAsync(db => db.Incidents.AsNoTracking().SingleAsync(i => i.Title == "Drone strike near Mafraq (gazetteer)"));
        Assert.Equal((mafraq.Name, mafraq.Admin1, mafraq.Admin2, mafraq.Country, 1), (incident.Location!, incident.Admin1, incident.Admin2, incident.Country!, incident.GeoPrecision!.Value));
        Assert.Equal(mafraq.Latitude, incident.Latitude!.Value, 4);
        Assert.Equal(mafraq.Longitude, incident.Longitude!.Value, 4);
        Assert.Empty(page.Errors);
        await page.Page.Context.CloseAsync();
    }
}
