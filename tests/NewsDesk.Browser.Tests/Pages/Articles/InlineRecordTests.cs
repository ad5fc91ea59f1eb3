using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NewsDesk.Browser.Tests.Infrastructure;
using NewsDesk.Web.Domain;

namespace NewsDesk.Browser.Tests.Pages.Articles;

/// <summary>A new incident or claim coded completely from the tag panel, with the keyboard, without a record form.</summary>
public class InlineRecordTests(DemoAnnotationFixture fixture) : IClassFixture<DemoAnnotationFixture>
{
    private async Task<ArticlePage> OpenIcaroAsync()
    {
        var article = await fixture.App.ExecuteDbContextAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.SiteName == "ICARO Media Group"));
        var page = new ArticlePage(await fixture.NewPageAsync());
        await page.OpenAsync(article.Id);
        return page;
    }

    [Fact]
    public async Task A_new_incident_gets_its_date_place_type_fatalities_and_the_tagged_actor_as_perpetrator_from_the_panel()
    {
        var page = await OpenIcaroAsync();

        await page.SelectExactlyAsync("Kataib Hezbollah carried out an attack in Jordan");
        await page.TagPanel.WaitForAsync();
        await page.Page.Keyboard.PressAsync("2"); // incident
        await page.Page.Locator("#tag-panel .tag-search").FillAsync("Tower 22 drone strike (inline)");
        await page.Page.Locator("#tag-results .active").Filter(new() { HasText = "Create new incident" }).WaitForAsync();
        await page.Page.Locator("#detail-date").FillAsync("2024-01-28");
        await page.Page.Locator("#detail-precision").SelectOptionAsync("month");
        await page.Page.Locator("#detail-place").FillAsync("Tower 22");
        await page.Page.Locator("#detail-type").SelectOptionAsync("explosionsRemoteViolence");
        await page.Page.Locator("#detail-subtype").SelectOptionAsync("Air/drone strike");
        await page.Page.Locator("#detail-fatalities").FillAsync("3");
        await page.Page.Keyboard.PressAsync("Alt+1"); // the actor tagged in the selection, as perpetrator
        await Assertions.Expect(page.TagPanel.Locator(".picker").Filter(new() { HasText = "Perpetrators" }).Locator(".picker-chip")).ToHaveTextAsync("Kataib Hezbollah");
        var targets = page.TagPanel.Locator(".picker").Filter(new() { HasText = "Targets" }).Locator("input");
        await targets.FocusAsync();
        await page.Page.Keyboard.TypeAsync("US Armed");
        await page.TagPanel.Locator(".picker [role=option].active").Filter(new() { HasText = "US Armed Forces" }).WaitForAsync();
        await page.Page.Keyboard.PressAsync("Enter"); // picks, does not save
        await page.Page.Keyboard.PressAsync("Control+Enter");
        await page.TagPanel.WaitForAsync(new() { State = WaitForSelectorState.Hidden });

        await page.Highlight("incident", "Kataib Hezbollah").WaitForAsync();
        var incident = await fixture.App.ExecuteDbContextAsync(db => db.Incidents.Include(i => i.Actors).ThenInclude(r => r.Actor).Include(i => i.Mentions)
            .SingleAsync(i => i.Title == "Tower 22 drone strike (inline)"));
        Assert.Equal((new DateOnly(2024, 1, 28), DatePrecision.Month, "Tower 22", IncidentType.ExplosionsRemoteViolence, "Air/drone strike", 3),
            (incident.Date!.Value, incident.DatePrecision, incident.Location!, incident.Type!.Value, incident.SubType!, incident.Fatalities!.Value));
        Assert.Equal(["Perpetrator: Kataib Hezbollah", "Target: US Armed Forces"], incident.Actors.Select(r => $"{r.Role}: {r.Actor!.Name}").Order(StringComparer.Ordinal).ToArray());
        Assert.Equal("Kataib Hezbollah carried out an attack in Jordan", incident.Mentions.Single().Quote);
        Assert.Empty(page.Errors);
        await page.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_new_claim_defaults_to_the_tagged_claimant_the_articles_outlet_and_the_paragraphs_incident()
    {
        var page = await OpenIcaroAsync();

        await page.SelectExactlyAsync("These claims were echoed by Al Mayadeen");
        await page.TagPanel.WaitForAsync();
        await page.Page.Keyboard.PressAsync("3"); // claim
        await page.Page.Locator("#tag-panel .tag-search").FillAsync("Al Mayadeen echoed the Koniko claim (inline)");
        await page.Page.Locator("#tag-results .active").Filter(new() { HasText = "Create new claim" }).WaitForAsync();
        var pickers = page.TagPanel.Locator(".tag-details .picker");
        await Assertions.Expect(pickers.Filter(new() { HasText = "Claimant" }).Locator(".picker-chip")).ToHaveTextAsync("Al Mayadeen");
        await Assertions.Expect(pickers.Filter(new() { HasText = "Relayed by" }).Locator(".picker-chip")).ToHaveTextAsync("ICARO Media Group");
        await Assertions.Expect(pickers.Filter(new() { HasText = "Incident" }).Locator(".picker-chip")).ToContainTextAsync("Koniko gas field");
        await page.Page.Locator("#detail-kind").SelectOptionAsync("accusation");
        await page.Page.Locator("#detail-assessment").SelectOptionAsync("disputed");
        await page.Page.Keyboard.PressAsync("Control+Enter");
        await page.TagPanel.WaitForAsync(new() { State = WaitForSelectorState.Hidden });

        await page.Highlight("claim", "These claims were echoed by ").WaitForAsync();
        var claim = await fixture.App.ExecuteDbContextAsync(db => db.Claims.Include(c => c.Claimant).Include(c => c.RelayedBy).Include(c => c.Incident)
            .SingleAsync(c => c.Text == "Al Mayadeen echoed the Koniko claim (inline)"));
        Assert.Equal(("Al Mayadeen", "ICARO Media Group", ClaimKind.Accusation, ClaimAssessment.Disputed), (claim.Claimant!.Name, claim.RelayedBy!.Name, claim.Kind, claim.Assessment));
        Assert.StartsWith("Missile attack on the US base at the Koniko gas field", claim.Incident!.Title, StringComparison.Ordinal);
        Assert.Empty(page.Errors);
        await page.Page.Context.CloseAsync();
    }
}
