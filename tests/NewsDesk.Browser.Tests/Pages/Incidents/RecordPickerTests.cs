using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NewsDesk.Browser.Tests.Infrastructure;
using NewsDesk.Web.Domain;
using Xunit.Abstractions;

namespace NewsDesk.Browser.Tests.Pages.Incidents;

/// <summary>The record forms' type-ahead pickers against 20,000 actors, by keyboard only.</summary>
public class RecordPickerTests(BlankKnowledgeBaseFixture fixture, ITestOutputHelper output) : IClassFixture<BlankKnowledgeBaseFixture>
{
    private const int Actors = 20_000;

    [Fact]
    public async Task An_incident_form_picks_perpetrators_from_20000_actors_with_the_keyboard_and_saves_them()
    {
        if (await fixture.App.ExecuteDbContextAsync(db => db.Actors.CountAsync()) < Actors)
        {
            await fixture.App.ExecuteDbContextAsync(db =>
            {
                db.Actors.AddRange(Enumerable.Range(1, Actors).Select(i => new Actor { Name = $"Brigade {i.ToString("D5", CultureInfo.InvariantCulture)}" }));
                return db.SaveChangesAsync();
            });
        }

        var page = await fixture.NewPageAsync();
        var response = await page.GotoAsync("/incidents/new");
        var html = await response!.TextAsync();
        Assert.DoesNotContain("Brigade 12345", html, StringComparison.Ordinal); // the form does not carry every actor
        await page.FillAsync("#Form_Title", "Picker test incident");

        var perpetrators = page.Locator(".picker").Filter(new() { HasText = "Perpetrators" });
        await perpetrators.Locator("input").FocusAsync();
        await page.Keyboard.TypeAsync("Brigade 1999");
        await Assertions.Expect(perpetrators.Locator("[role=option]").First).ToHaveTextAsync("Brigade 19990");
        output.WriteLine($"Type-ahead over {Actors:N0} actors: the last answer took {await perpetrators.GetAttributeAsync("data-search-ms")} ms (request, search and render)");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(perpetrators.Locator(".picker-chip")).ToHaveTextAsync("Brigade 19991");
        await page.Keyboard.TypeAsync("Brigade 00042");
        await Assertions.Expect(perpetrators.Locator("[role=option].active")).ToHaveTextAsync("Brigade 00042");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Backspace"); // the empty box's Backspace removes the last pick
        await Assertions.Expect(perpetrators.Locator(".picker-chip")).ToHaveCountAsync(1);

        await page.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/incidents/*");
        var incident = await fixture.App.ExecuteDbContextAsync(db => db.Incidents.Include(i => i.Actors).ThenInclude(r => r.Actor).SingleAsync(i => i.Title == "Picker test incident"));
        Assert.Equal(["Brigade 19991"], incident.Actors.Where(r => r.Role == IncidentRole.Perpetrator).Select(r => r.Actor!.Name).ToArray());
        await page.Context.CloseAsync();
    }
}
