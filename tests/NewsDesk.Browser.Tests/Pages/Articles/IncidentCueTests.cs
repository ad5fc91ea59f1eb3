using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NewsDesk.Browser.Tests.Infrastructure;
using NewsDesk.Web.Domain;

namespace NewsDesk.Browser.Tests.Pages.Articles;

/// <summary>
/// The dates and places of a selection's sentence (GET /api/articles/{id}/cues) offered in the tag panel as an
/// incident's date and place, one key or click each: for a new incident and for an existing one without them.
/// </summary>
public class IncidentCueTests(DemoAnnotationFixture fixture) : IClassFixture<DemoAnnotationFixture>
{
    private async Task<ArticlePage> OpenIcaroAsync()
    {
        var article = await fixture.App.ExecuteDbContextAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.SiteName == "ICARO Media Group"));
        var page = new ArticlePage(await fixture.NewPageAsync());
        await page.OpenAsync(article.Id);
        return page;
    }

    private static ILocator Cues(ArticlePage page) => page.TagPanel.Locator(".tag-details .incident-cue");

    [Fact]
    public async Task A_new_incident_takes_the_sentences_day_and_place_with_Alt_D_and_Alt_P()
    {
        var page = await OpenIcaroAsync();

        await page.SelectExactlyAsync("Taking credit for an attack in Syria on July 26");
        await page.TagPanel.WaitForAsync();
        await page.Page.Keyboard.PressAsync("2"); // incident
        await page.Page.Locator("#tag-panel .tag-search").FillAsync("Deir Ezzor missile attack (cues)");
        await page.Page.Locator("#tag-results .active").Filter(new() { HasText = "Create new incident" }).WaitForAsync();

        // Offered, not filled in: the cues of this sentence only (nothing from "October 7" in the sentence before), those
        // inside the selection first, each place once ("Syria" is named twice).
        await Assertions.Expect(Cues(page)).ToHaveTextAsync(["Country: Syria", "Date: 26 July 2024", "Place: Deir ez-Zor, Syria"]);
        await Assertions.Expect(page.Page.Locator("#detail-date")).ToHaveValueAsync("");
        await Assertions.Expect(page.Page.Locator("#detail-place")).ToHaveValueAsync("");

        await page.Page.Keyboard.PressAsync("Alt+d");
        await Assertions.Expect(page.Page.Locator("#detail-date")).ToHaveValueAsync("2024-07-26");
        await Assertions.Expect(page.Page.Locator("#detail-precision")).ToHaveValueAsync("day");
        await page.Page.Keyboard.PressAsync("Alt+p"); // the country named inside the selection
        await Assertions.Expect(page.Page.Locator("#detail-country")).ToHaveValueAsync("Syria");
        await page.Page.Keyboard.PressAsync("Alt+p"); // again: the next place, the town
        await Assertions.Expect(page.Page.Locator("#detail-place")).ToHaveValueAsync("Deir ez-Zor");
        await Assertions.Expect(Cues(page).Filter(new() { HasText = "Deir ez-Zor" })).ToHaveAttributeAsync("aria-pressed", "true");
        await page.Page.Keyboard.PressAsync("Control+Enter");
        await page.TagPanel.WaitForAsync(new() { State = WaitForSelectorState.Hidden });

        // The demo's claim covers part of the span, so its highlight is in segments.
        await page.Page.Locator("#article-body .m.m-incident").Filter(new() { HasText = "Taking credit" }).First.WaitForAsync();
        var incident = await fixture.App.ExecuteDbContextAsync(db => db.Incidents.AsNoTracking().SingleAsync(i => i.Title == "Deir Ezzor missile attack (cues)"));
        Assert.Equal((new DateOnly(2024, 7, 26), DatePrecision.Day, "Deir ez-Zor", "Syria", "Deir ez-Zor"),
            (incident.Date!.Value, incident.DatePrecision, incident.Location!, incident.Country!, incident.Admin1!));
        Assert.Equal(35.34, incident.Latitude!.Value, 2);
        Assert.Empty(page.Errors);
        await page.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_month_named_without_a_day_is_offered_as_that_month_of_the_articles_year()
    {
        var page = await OpenIcaroAsync();

        await page.SelectExactlyAsync("Kataib Hezbollah carried out an attack in Jordan");
        await page.TagPanel.WaitForAsync();
        await page.Page.Keyboard.PressAsync("2");
        await page.Page.Locator("#tag-panel .tag-search").FillAsync("Jordan attack (month cue)");
        await page.Page.Locator("#tag-results .active").Filter(new() { HasText = "Create new incident" }).WaitForAsync();

        // "in January" is nearer the selection than "Earlier this year", so Alt+D takes it first.
        await Assertions.Expect(Cues(page).Filter(new() { HasText = "Date:" }).First).ToHaveTextAsync("Date: January 2024");
        await page.Page.Keyboard.PressAsync("Alt+d");
        await Assertions.Expect(page.Page.Locator("#detail-precision")).ToHaveValueAsync("month");
        await Cues(page).Filter(new() { HasText = "Country: Jordan" }).ClickAsync();
        await page.Page.Keyboard.PressAsync("Control+Enter");
        await page.TagPanel.WaitForAsync(new() { State = WaitForSelectorState.Hidden });

        var incident = await fixture.App.ExecuteDbContextAsync(db => db.Incidents.AsNoTracking().SingleAsync(i => i.Title == "Jordan attack (month cue)"));
        Assert.Equal((new DateOnly(2024, 1, 1), DatePrecision.Month, "Jordan", null), (incident.Date!.Value, incident.DatePrecision, incident.Country!, incident.Location));
        Assert.Empty(page.Errors);
        await page.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_existing_incident_without_a_date_tagged_in_a_dated_sentence_takes_the_date_with_one_click()
    {
        await fixture.App.InsertAsync(new Incident { Title = "Asad base strike, undated (cues)" });
        var page = await OpenIcaroAsync();

        await page.SelectExactlyAsync("A recent attack on the Asad base on July 24");
        await page.TagPanel.WaitForAsync();
        await page.Page.Keyboard.PressAsync("2");
        await page.Page.Locator("#tag-panel .tag-search").FillAsync("Asad base strike, undated (cues)"); // exact: preselected
        await page.Page.Locator("#tag-results .active").Filter(new() { HasText = "Asad base strike, undated (cues)" }).WaitForAsync();
        var offered = page.TagPanel.Locator(".existing-incident-cues .incident-cue").Filter(new() { HasText = "Date:" });
        await Assertions.Expect(offered).ToHaveTextAsync("Date: 24 July 2024");
        await offered.ClickAsync();
        await Assertions.Expect(offered).ToHaveAttributeAsync("aria-pressed", "true");
        await page.Page.Keyboard.PressAsync("Enter");
        await page.TagPanel.WaitForAsync(new() { State = WaitForSelectorState.Hidden });

        await page.Highlight("incident", "A recent attack on the Asad base on July 24").WaitForAsync();
        await Assertions.Expect(page.Status).ToContainTextAsync("2024-07-24");
        var incident = await fixture.App.ExecuteDbContextAsync(db => db.Incidents.AsNoTracking().Include(i => i.Mentions).SingleAsync(i => i.Title == "Asad base strike, undated (cues)"));
        Assert.Equal((new DateOnly(2024, 7, 24), DatePrecision.Day), (incident.Date!.Value, incident.DatePrecision));
        Assert.Equal("A recent attack on the Asad base on July 24", incident.Mentions.Single().Quote);
        Assert.Empty(page.Errors);
        await page.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_incident_edited_from_its_mention_is_offered_the_places_of_the_mentions_sentence()
    {
        var page = await OpenIcaroAsync();

        await page.ClickHighlightAsync("incident", "an attack in Syria on July 26");
        await page.Page.Keyboard.PressAsync("e");
        var editor = page.Page.Locator("#record-editor");
        await Assertions.Expect(page.Page.Locator("#edit-place")).ToHaveValueAsync("Koniko gas field");
        await Assertions.Expect(editor.Locator(".incident-cue")).ToHaveTextAsync(["Country: Syria", "Date: 26 July 2024", "Place: Deir ez-Zor, Syria"]);
        await page.Page.Keyboard.PressAsync("Alt+p");
        await page.Page.Keyboard.PressAsync("Alt+p");
        await Assertions.Expect(page.Page.Locator("#edit-place")).ToHaveValueAsync("Deir ez-Zor");
        await page.Page.Keyboard.PressAsync("Control+Enter");
        await editor.WaitForAsync(new() { State = WaitForSelectorState.Hidden });

        var incident = await fixture.App.ExecuteDbContextAsync(db => db.Incidents.AsNoTracking().SingleAsync(i => i.Title.StartsWith("Missile attack on the US base at the Koniko")));
        Assert.Equal(("Deir ez-Zor", "Syria", "Deir ez-Zor", 1), (incident.Location!, incident.Country!, incident.Admin1!, incident.GeoPrecision!.Value));
        Assert.Equal(40.14, incident.Longitude!.Value, 2);
        Assert.Empty(page.Errors);
        await page.Page.Context.CloseAsync();
    }
}
