using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NewsDesk.Browser.Tests.Infrastructure;
using NewsDesk.Web.Domain;

namespace NewsDesk.Browser.Tests.Pages.Articles;

/// <summary>An existing incident's or claim's fields edited from its mention's card (E), without a record form.</summary>
public class RecordEditingTests(DemoAnnotationFixture fixture) : IClassFixture<DemoAnnotationFixture>
{
    private async Task<ArticlePage> OpenIcaroAsync()
    {
        var article = await fixture.App.ExecuteDbContextAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.SiteName == "ICARO Media Group"));
        var page = new ArticlePage(await fixture.NewPageAsync());
        await page.OpenAsync(article.Id);
        return page;
    }

    private static ILocator Editor(ArticlePage page) => page.Page.Locator("#record-editor");

    [Fact]
    public async Task An_incidents_title_date_place_type_fatalities_and_perpetrators_are_edited_from_its_mention_with_the_keyboard()
    {
        var page = await OpenIcaroAsync();

        await page.ClickHighlightAsync("incident", "A recent attack on the Asad base on July 24");
        await page.Page.Keyboard.PressAsync("e");
        await Assertions.Expect(page.Page.Locator("#edit-name")).ToHaveValueAsync("Attack on Asad air base (24 July 2024)");
        await Assertions.Expect(page.Page.Locator("#edit-place")).ToHaveValueAsync("Ain al-Asad air base");
        await Assertions.Expect(page.Page.Locator("#edit-subtype")).ToHaveValueAsync("Shelling/artillery/missile attack");
        await page.Page.Locator("#edit-name").FillAsync("Rocket attack on Ain al-Asad air base (24 July 2024)");
        await page.Page.Locator("#edit-precision").SelectOptionAsync("approximate");
        await page.Page.Locator("#edit-place").FillAsync("Ain al-Asad");
        await page.Page.Locator("#edit-fatalities").FillAsync("0");
        var perpetrators = Editor(page).Locator(".picker").Filter(new() { HasText = "Perpetrators" });
        await perpetrators.Locator("input").FocusAsync();
        await page.Page.Keyboard.TypeAsync("Islamic Res");
        await perpetrators.Locator("[role=option].active").Filter(new() { HasText = "Islamic Resistance in Iraq" }).WaitForAsync();
        await page.Page.Keyboard.PressAsync("Enter"); // picks, does not save
        var screenshot = Path.Combine(AppContext.BaseDirectory, "screenshots", "record-editor.png");
        await page.Page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot }); // for the README
        await page.Page.Keyboard.PressAsync("Control+Enter");
        await Editor(page).WaitForAsync(new() { State = WaitForSelectorState.Hidden });

        // The side panel names the record anew without a reload.
        await page.Group("incident", "Rocket attack on Ain al-Asad air base (24 July 2024)").WaitForAsync();
        var incident = await fixture.App.ExecuteDbContextAsync(db => db.Incidents.AsNoTracking().Include(i => i.Actors).ThenInclude(r => r.Actor)
            .SingleAsync(i => i.Title == "Rocket attack on Ain al-Asad air base (24 July 2024)"));
        Assert.Equal((DatePrecision.Approximate, "Ain al-Asad", 0, "Shelling/artillery/missile attack", 2),
            (incident.DatePrecision, incident.Location!, incident.Fatalities!.Value, incident.SubType!, incident.Version));
        Assert.Equal(("Al Anbar", 33.8), (incident.Admin1!, incident.Latitude!.Value)); // fields the panel does not show are kept
        Assert.Contains("Perpetrator: Islamic Resistance in Iraq", incident.Actors.Select(r => $"{r.Role}: {r.Actor!.Name}"));
        Assert.Empty(page.Errors);
        await page.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_claims_claimant_kind_and_assessment_are_edited_from_its_mention()
    {
        var page = await OpenIcaroAsync();

        await page.ClickHighlightAsync("claim", "It also alleged that the US had retaliated.");
        await page.MentionCard.GetByRole(AriaRole.Button, new() { Name = "Edit claim" }).ClickAsync();
        var claimant = Editor(page).Locator(".picker").Filter(new() { HasText = "Claimant" });
        await Assertions.Expect(claimant.Locator(".picker-chip")).ToHaveTextAsync("IRNA");
        await claimant.Locator("input").FocusAsync();
        await page.Page.Keyboard.PressAsync("Backspace"); // removes IRNA
        await page.Page.Keyboard.TypeAsync("Al Maya");
        await claimant.Locator("[role=option].active").Filter(new() { HasText = "Al Mayadeen" }).WaitForAsync();
        await page.Page.Keyboard.PressAsync("Enter");
        await page.Page.Locator("#edit-kind").SelectOptionAsync("casualtyFigure");
        await page.Page.Locator("#edit-assessment").SelectOptionAsync("corroborated");
        await Editor(page).GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Editor(page).WaitForAsync(new() { State = WaitForSelectorState.Hidden });

        await Assertions.Expect(page.Status).ToContainTextAsync("Saved claim");
        var claim = await fixture.App.ExecuteDbContextAsync(db => db.Claims.AsNoTracking().Include(c => c.Claimant).Include(c => c.RelayedBy)
            .SingleAsync(c => c.Text == "Pro-Iran media: the US retaliated for the attack on the Koniko base"));
        Assert.Equal(("Al Mayadeen", "Al Mayadeen", ClaimKind.CasualtyFigure, ClaimAssessment.Corroborated),
            (claim.Claimant!.Name, claim.RelayedBy!.Name, claim.Kind, claim.Assessment));
        Assert.Empty(page.Errors);
        await page.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task Saving_over_someone_elses_change_overwrites_nothing_shows_theirs_and_says_so_and_a_second_save_applies()
    {
        var page = await OpenIcaroAsync();
        await page.ClickHighlightAsync("incident", "targeting Tel Aviv on July 19");
        await page.Page.Keyboard.PressAsync("e");
        await Assertions.Expect(page.Page.Locator("#edit-place")).ToHaveValueAsync("Tel Aviv");

        // Someone else saves the incident meanwhile (another editor's form, a script).
        await fixture.App.ExecuteDbContextAsync(async db =>
        {
            var incident = await db.Incidents.SingleAsync(i => i.Title == "Houthi drone attack on Tel Aviv (19 July 2024)");
            incident.Location = "Tel Aviv, Ben Yehuda Street";
            await db.SaveChangesAsync();
        });
        await page.Page.Locator("#edit-fatalities").FillAsync("7");
        await page.Page.Keyboard.PressAsync("Control+Enter");

        await Assertions.Expect(Editor(page).Locator(".record-editor-error")).ToContainTextAsync("Someone else saved this incident");
        await Assertions.Expect(page.Page.Locator("#edit-place")).ToHaveValueAsync("Tel Aviv, Ben Yehuda Street");
        var theirs = await fixture.App.ExecuteDbContextAsync(db => db.Incidents.AsNoTracking().SingleAsync(i => i.Title == "Houthi drone attack on Tel Aviv (19 July 2024)"));
        Assert.Equal("Tel Aviv, Ben Yehuda Street", theirs.Location);
        Assert.NotEqual(7, theirs.Fatalities);

        await page.Page.Locator("#edit-fatalities").FillAsync("7");
        await page.Page.Keyboard.PressAsync("Control+Enter");
        await Editor(page).WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        var both = await fixture.App.ExecuteDbContextAsync(db => db.Incidents.AsNoTracking().SingleAsync(i => i.Title == "Houthi drone attack on Tel Aviv (19 July 2024)"));
        Assert.Equal(("Tel Aviv, Ben Yehuda Street", 7), (both.Location!, both.Fatalities!.Value));
        // The browser logs the refused request itself (409); nothing else went wrong.
        Assert.DoesNotContain(page.Errors, e => !e.Contains("409", StringComparison.Ordinal));
        await page.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_viewer_gets_no_edit_action_on_a_mention()
    {
        var article = await fixture.App.ExecuteDbContextAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.SiteName == "ICARO Media Group"));
        var page = new ArticlePage(await fixture.NewPageAsync(NewsDesk.Web.Auth.Roles.Viewer));
        await page.OpenAsync(article.Id);

        await page.ClickHighlightAsync("incident", "targeting Tel Aviv on July 19");
        await page.Page.Keyboard.PressAsync("e");

        await Assertions.Expect(page.MentionCard.GetByRole(AriaRole.Button, new() { Name = "Edit incident" })).ToHaveCountAsync(0);
        await Assertions.Expect(Editor(page)).ToBeHiddenAsync();
        await page.Page.Context.CloseAsync();
    }
}
