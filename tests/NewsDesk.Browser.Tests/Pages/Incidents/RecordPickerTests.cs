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

    private async Task EnsureActorsAsync()
    {
        if (await fixture.App.ExecuteDbContextAsync(db => db.Actors.CountAsync(a => a.Name.StartsWith("Brigade "))) < Actors)
        {
            await fixture.App.ExecuteDbContextAsync(db =>
            {
                db.Actors.AddRange(Enumerable.Range(1, Actors).Select(i => new Actor { Name = $"Brigade {i.ToString("D5", CultureInfo.InvariantCulture)}" }));
                return db.SaveChangesAsync();
            });
        }
    }

    [Fact]
    public async Task An_incident_form_picks_perpetrators_from_20000_actors_with_the_keyboard_and_saves_them()
    {
        await EnsureActorsAsync();

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

    [Fact]
    public async Task The_merge_page_picks_the_actor_to_merge_by_type_ahead_instead_of_listing_20000()
    {
        await EnsureActorsAsync();
        var survivor = new Actor { Name = "Merge survivor brigade" };
        await fixture.App.InsertAsync(survivor);

        var page = await fixture.NewPageAsync();
        var response = await page.GotoAsync($"/actors/{survivor.Id}/merge");
        Assert.DoesNotContain("Brigade 12345", await response!.TextAsync(), StringComparison.Ordinal);
        var picker = page.Locator(".picker");
        await picker.Locator("input").FocusAsync();
        await page.Keyboard.TypeAsync("Brigade 00077");
        await Assertions.Expect(picker.Locator("[role=option].active")).ToHaveTextAsync("Brigade 00077");
        output.WriteLine($"Merge page type-ahead over {Actors:N0} actors: {await picker.GetAttributeAsync("data-search-ms")} ms");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(picker.Locator(".picker-chip")).ToHaveTextAsync("Brigade 00077");
        await page.GetByRole(AriaRole.Button, new() { Name = "Merge" }).ClickAsync();
        await page.WaitForURLAsync($"**/actors/{survivor.Id}");

        var merged = await fixture.App.ExecuteDbContextAsync(db => db.Actors.AsNoTracking().Include(a => a.Aliases).SingleAsync(a => a.Id == survivor.Id));
        Assert.Contains("Brigade 00077", merged.Aliases.Select(a => a.Name));
        Assert.False(await fixture.App.ExecuteDbContextAsync(db => db.Actors.AnyAsync(a => a.Name == "Brigade 00077")));
        await page.Context.CloseAsync();
    }
}
