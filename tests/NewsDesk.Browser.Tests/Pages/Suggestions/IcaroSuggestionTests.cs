using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NewsDesk.Browser.Tests.Infrastructure;

namespace NewsDesk.Browser.Tests.Pages.Suggestions;

/// <summary>
/// Issue 16's "done when": on the ICARO article of a new install (starter actors, nothing tagged) the page offers the
/// seeded actors' mentions and the IRNA and Al Mayadeen attributions, and accepting them gives the demo annotation's
/// mentions (seeds/annotations), which this install did not import.
/// </summary>
public class IcaroSuggestionTests(StarterActorsFixture fixture) : IClassFixture<StarterActorsFixture>
{
    private sealed record DemoMention(int Start, int End, string Quote, string Type, string Name);

    /// <summary>The demo annotation's mentions, as shipped in seeds/annotations (the file a full install imports).</summary>
    private static List<DemoMention> DemoMentions()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "annotations", "000_fdc9f962e834fc36.json")));
        return [.. json.RootElement.GetProperty("mentions").EnumerateArray().Select(m =>
        {
            var type = new[] { "actor", "incident", "claim" }.Single(t => m.TryGetProperty(t, out _));
            return new DemoMention(m.GetProperty("start").GetInt32(), m.GetProperty("end").GetInt32(), m.GetProperty("quote").GetString()!, type, m.GetProperty(type).GetString()!);
        })];
    }

    private static ILocator Row(IPage page, string badge, string quoteStart) =>
        page.Locator("#suggestion-list .suggestion-row")
            .Filter(new() { Has = page.Locator($".suggestion-badge-{badge}") })
            .Filter(new() { Has = page.Locator(".suggestion-quote", new() { HasTextRegex = new Regex($"^\"?{Regex.Escape(quoteStart)}") }) });

    [Fact]
    public async Task A_new_install_suggests_the_demo_annotations_actor_mentions_and_the_IRNA_and_Al_Mayadeen_claims_and_accepting_them_tags_them()
    {
        var article = await fixture.App.ExecuteDbContextAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.SiteName == "ICARO Media Group"));
        Assert.Equal(0, await fixture.App.ExecuteDbContextAsync(db => db.Mentions.CountAsync()));
        var demo = DemoMentions();
        var demoActors = demo.Where(m => m.Type == "actor").ToList();
        var irna = demo.Single(m => m.Quote.StartsWith("\"Resistance groups", StringComparison.Ordinal));
        var retaliated = demo.Single(m => m.Quote.StartsWith("It also alleged", StringComparison.Ordinal));
        var page = new ArticlePage(await fixture.NewPageAsync());
        await page.OpenAsync(article.Id);
        await page.Page.Locator("#suggestions[data-suggestions-ready='true']").WaitForAsync();

        // Offered: every actor the demo tags, on its words, and the two claims IRNA and Al Mayadeen carried.
        var offered = await page.Page.APIRequest.GetAsync($"/api/articles/{article.Id}/suggestions");
        var suggestions = JsonDocument.Parse(await offered.TextAsync()).RootElement.EnumerateArray().ToList();
        foreach (var mention in demoActors)
        {
            Assert.True(suggestions.Any(s => s.GetProperty("entityType").GetString() == "actor" && Overlaps(s, mention)
                && s.GetProperty("candidates").EnumerateArray().Any(c => c.GetProperty("name").GetString() == mention.Name)), $"no suggestion of {mention.Name} at \"{mention.Quote}\"");
        }

        await Row(page.Page, "claim", "Resistance groups have reportedly").WaitForAsync();
        await Row(page.Page, "claim", "It also alleged").WaitForAsync();

        // Accepted: every unambiguous actor name at once, then the two claims one by one.
        await page.Page.Locator("#suggestions-accept-all").ClickAsync();
        await page.Page.Locator("#suggestion-status").Filter(new() { HasTextRegex = new Regex("^Tagged [0-9]+ mentions") }).WaitForAsync();
        await Row(page.Page, "claim", "Resistance groups have reportedly").Locator("button[data-action='accept']").ClickAsync();
        await page.Page.Locator("#suggestion-status").Filter(new() { HasTextString = "Resistance groups have reportedly" }).WaitForAsync();
        await Row(page.Page, "claim", "It also alleged").Locator("button[data-action='accept']").ClickAsync();
        await page.Page.Locator("#suggestion-status").Filter(new() { HasTextString = "It also alleged" }).WaitForAsync();

        var stored = await fixture.App.ExecuteDbContextAsync(db => db.Mentions.AsNoTracking().Where(m => m.ArticleId == article.Id)
            .Select(m => new { m.Start, m.End, m.Quote, Actor = m.Actor!.Name, Claim = m.Claim!.Text, Claimant = m.Claim!.Claimant!.Name }).ToListAsync());
        foreach (var mention in demoActors)
        {
            Assert.True(stored.Any(m => m.Actor == mention.Name && m.Start < mention.End && m.End > mention.Start), $"{mention.Name} at \"{mention.Quote}\" was not tagged");
        }

        var irnaClaim = Assert.Single(stored, m => m.Claim is not null && m.Start < irna.End && m.End > irna.Start);
        Assert.Equal("IRNA", irnaClaim.Claimant);
        Assert.StartsWith("Resistance groups have reportedly targeted a US military base", irnaClaim.Claim, StringComparison.Ordinal);
        Assert.Single(stored, m => m.Claim is not null && m.Start < retaliated.End && m.End > retaliated.Start);
        await Assertions.Expect(page.SidePanel.Locator(".mention-group[data-type='claim']")).ToHaveCountAsync(2);
        Assert.Empty(page.Errors);
        await page.Page.Context.CloseAsync();
    }

    private static bool Overlaps(JsonElement suggestion, DemoMention mention) =>
        suggestion.GetProperty("start").GetInt32() < mention.End && suggestion.GetProperty("end").GetInt32() > mention.Start;
}
