using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NewsDesk.Browser.Tests.Infrastructure;
using Xunit.Abstractions;

namespace NewsDesk.Browser.Tests.Pages.Articles;

/// <summary>
/// Issue 15's "done when": an analyst codes the ICARO article's five incidents and four attributed claims completely
/// from the tag panel of the article page (keyboard and type-ahead, no record form), and the API then returns exactly
/// what was coded. A new install without its demo annotation: the starter actors are there, nothing is tagged.
/// </summary>
public partial class IcaroCodingTests(StarterActorsFixture fixture, ITestOutputHelper output) : IClassFixture<StarterActorsFixture>
{
    private const string Koniko = "Missile attack on the US base at the Koniko gas field, Deir Ezzor (26 July 2024)";
    private const string Asad = "Attack on Asad air base (24 July 2024)";
    private const string Tower22 = "Drone attack on Tower 22, Jordan, killing three US soldiers (January 2024)";
    private const string TelAviv = "Houthi drone attack on Tel Aviv (19 July 2024)";
    private const string Eilat = "Iraqi militias' drone attack on Eilat (July 2024)";
    private const string Missile = "Shelling/artillery/missile attack";
    private const string Drone = "Air/drone strike";

    [Fact]
    public async Task An_analyst_codes_the_five_incidents_and_four_claims_of_the_ICARO_article_from_the_tag_panel_alone()
    {
        var article = await fixture.App.ExecuteDbContextAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.SiteName == "ICARO Media Group"));
        var page = new ArticlePage(await fixture.NewPageAsync());
        var visited = new List<string>();
        page.Page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.Page.MainFrame)
            {
                visited.Add(new Uri(frame.Url).AbsolutePath);
            }
        };
        await page.OpenAsync(article.Id);
        var clock = Stopwatch.StartNew();

        // The incidents, each where the text tells it. Dates come from the sentence's cues (Alt+D) where it has one.
        await NewIncidentAsync(page, "an attack in Syria on July 26", Koniko, new IncidentFields
        {
            DateCue = "Date: 26 July 2024",
            Place = "Koniko gas field",
            Country = "Syria",
            SubType = Missile,
            Perpetrators = ["Islamic Resistance in Iraq"],
            Targets = ["US Armed Forces"],
        });
        await ExistingIncidentAsync(page, "targeted the US base in the Koniko gas field in Syria", "Koniko", Koniko);
        await NewIncidentAsync(page, "A recent attack on the Asad base on July 24", Asad, new IncidentFields
        {
            DateCue = "Date: 24 July 2024",
            Place = "Ain al-Asad air base",
            Country = "Iraq",
            SubType = Missile,
            Perpetrators = ["Islamic Resistance in Iraq"],
            Targets = ["US Armed Forces"],
        });
        await NewIncidentAsync(page, "an attack in Jordan that resulted in the deaths of three US soldiers", Tower22, new IncidentFields
        {
            DateCue = "Date: January 2024",
            Place = "Tower 22",
            Country = "Jordan",
            SubType = Drone,
            Fatalities = 3,
            Perpetrators = ["Kataib Hezbollah"],
            Targets = ["US Armed Forces"],
        });
        await NewIncidentAsync(page, "targeting Tel Aviv on July 19", TelAviv, new IncidentFields
        {
            DateCue = "Date: 19 July 2024",
            Place = "Tel Aviv",
            Country = "Israel",
            SubType = Drone,
            Perpetrators = ["Houthis"],
            Targets = ["Israel"],
        });
        await NewIncidentAsync(page, "they launched a drone attack on Eilat", Eilat, new IncidentFields
        {
            Date = "2024-07-01",
            Precision = "approximate",
            Place = "Eilat",
            Country = "Israel",
            SubType = Drone,
            Perpetrators = ["Islamic Resistance in Iraq"],
            Targets = ["Israel"],
        });

        // The claims: the incident defaults to the one tagged in the paragraph, the outlet to the article's site.
        await NewClaimAsync(page, "Resistance groups have reportedly targeted a US military base with missiles in Deir Ezzor in eastern Syria.",
            "IRNA: resistance groups targeted a US military base with missiles in Deir Ezzor", new ClaimFields
            {
                Claimant = "IRNA",
                ExpectedRelay = "ICARO Media Group",
                Kind = "responsibility",
                ExpectedIncident = Koniko,
                Assessment = "unverified",
            });
        await NewClaimAsync(page, "It also alleged that the US had retaliated.",
            "Pro-Iran media: the US retaliated for the attack on the Koniko base", new ClaimFields
            {
                Claimant = "IRNA",
                ExpectedRelay = "ICARO Media Group",
                Relay = "Al Mayadeen",
                Kind = "accusation",
                ExpectedIncident = Koniko,
                Assessment = "unverified",
            });
        await NewClaimAsync(page, "the Iranian-backed groups in Iraq claimed to be engaging in joint attacks with the Houthis",
            "Iraqi militias: they carry out joint attacks with the Houthis", new ClaimFields
            {
                // The paragraph's incident (Eilat) is not what this claim is about: Backspace in the empty box removes it.
                Claimant = "Islamic Resistance in Iraq",
                ExpectedRelay = "ICARO Media Group",
                Kind = "other",
                ExpectedIncident = Eilat,
                RemoveIncident = true,
                Assessment = "unverified",
            });
        await NewClaimAsync(page, "the Iraqi militias recently asserted that they launched a drone attack on Eilat",
            "Iraqi militias: they launched a drone attack on Eilat", new ClaimFields
            {
                Claimant = "Islamic Resistance in Iraq",
                ExpectedRelay = "ICARO Media Group",
                Kind = "responsibility",
                ExpectedIncident = Eilat,
                Assessment = "disputed",
            });
        output.WriteLine($"Five incidents (six mentions) and four claims coded from the tag panel in {clock.Elapsed.TotalSeconds:F1} s");

        // Only the article page was ever open: no record form.
        Assert.All(visited.Skip(1), path => Assert.Equal($"/articles/{article.Id}", path));

        // What the API now returns is what was coded.
        var incidents = (await GetJsonAsync(page, "/api/incidents?limit=50")).EnumerateArray().ToDictionary(i => i.GetProperty("title").GetString()!);
        Assert.Equal(new[] { Koniko, Asad, Tower22, TelAviv, Eilat }.Order(StringComparer.Ordinal), incidents.Keys.Order(StringComparer.Ordinal));
        string Coded(string title)
        {
            var i = incidents[title];
            string Names(string role) => string.Join("+", i.GetProperty(role).EnumerateArray().Select(a => a.GetProperty("name").GetString()));
            return string.Join(" | ", i.GetProperty("date").GetString(), i.GetProperty("datePrecision").GetString(), i.GetProperty("location").GetString(),
                i.GetProperty("country").GetString(), i.GetProperty("type").GetString(), i.GetProperty("subType").GetString(), i.GetProperty("fatalities").ToString(),
                Names("perpetrators"), Names("targets"));
        }

        Assert.Equal($"2024-07-26 | day | Koniko gas field | Syria | explosionsRemoteViolence | {Missile} |  | Islamic Resistance in Iraq | US Armed Forces", Coded(Koniko));
        Assert.Equal($"2024-07-24 | day | Ain al-Asad air base | Iraq | explosionsRemoteViolence | {Missile} |  | Islamic Resistance in Iraq | US Armed Forces", Coded(Asad));
        Assert.Equal($"2024-01-01 | month | Tower 22 | Jordan | explosionsRemoteViolence | {Drone} | 3 | Kataib Hezbollah | US Armed Forces", Coded(Tower22));
        Assert.Equal($"2024-07-19 | day | Tel Aviv | Israel | explosionsRemoteViolence | {Drone} |  | Houthis | Israel", Coded(TelAviv));
        Assert.Equal($"2024-07-01 | approximate | Eilat | Israel | explosionsRemoteViolence | {Drone} |  | Islamic Resistance in Iraq | Israel", Coded(Eilat));

        var claims = (await GetJsonAsync(page, "/api/claims?limit=50")).EnumerateArray()
            .Select(c => string.Join(" | ", c.GetProperty("text").GetString(), NameOf(c, "claimant"), NameOf(c, "relayedBy"), c.GetProperty("kind").GetString(),
                c.GetProperty("incident").ValueKind == JsonValueKind.Null ? "" : c.GetProperty("incident").GetProperty("name").GetString(), c.GetProperty("assessment").GetString()))
            .Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(
        [
            $"IRNA: resistance groups targeted a US military base with missiles in Deir Ezzor | IRNA | ICARO Media Group | responsibility | {Koniko} | unverified",
            $"Iraqi militias: they carry out joint attacks with the Houthis | Islamic Resistance in Iraq | ICARO Media Group | other |  | unverified",
            $"Iraqi militias: they launched a drone attack on Eilat | Islamic Resistance in Iraq | ICARO Media Group | responsibility | {Eilat} | disputed",
            $"Pro-Iran media: the US retaliated for the attack on the Koniko base | IRNA | Al Mayadeen | accusation | {Koniko} | unverified",
        ], claims);

        // And every record has its mention on the words it was coded from.
        var mentions = (await GetJsonAsync(page, $"/api/articles/{article.Id}/mentions")).EnumerateArray()
            .Select(m => $"{m.GetProperty("entityType").GetString()}: {m.GetProperty("quote").GetString()} -> {m.GetProperty("entityName").GetString()}")
            .Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(10, mentions.Length);
        Assert.Contains($"incident: targeted the US base in the Koniko gas field in Syria -> {Koniko}", mentions);
        Assert.Contains($"incident: an attack in Syria on July 26 -> {Koniko}", mentions);
        Assert.Contains("claim: It also alleged that the US had retaliated -> Pro-Iran media: the US retaliated for the attack on the Koniko base", mentions);
        Assert.Empty(page.Errors);
        await page.Page.Context.CloseAsync();
    }

    private sealed class IncidentFields
    {
        public string? DateCue { get; init; }
        public string? Date { get; init; }
        public string? Precision { get; init; }
        public required string Place { get; init; }
        public required string Country { get; init; }
        public required string SubType { get; init; }
        public int? Fatalities { get; init; }
        public required string[] Perpetrators { get; init; }
        public required string[] Targets { get; init; }
    }

    private sealed class ClaimFields
    {
        public required string Claimant { get; init; }
        public required string ExpectedRelay { get; init; }
        public string? Relay { get; init; }
        public required string Kind { get; init; }
        public required string ExpectedIncident { get; init; }
        public bool RemoveIncident { get; init; }
        public required string Assessment { get; init; }
    }

    /// <summary>Selects the words, I, names the incident, fills its details in the panel and saves with Ctrl+Enter.</summary>
    private static async Task NewIncidentAsync(ArticlePage page, string words, string title, IncidentFields fields)
    {
        var keys = page.Page.Keyboard;
        await page.SelectExactlyAsync(words);
        await page.TagPanel.WaitForAsync();
        await keys.PressAsync("i");
        await page.Page.Locator("#tag-panel .tag-search").FillAsync(title);
        await page.Page.Locator("#tag-results .active").Filter(new() { HasText = "Create new incident" }).WaitForAsync();
        if (fields.DateCue is { } cue)
        {
            // The cue is offered, not filled in: the date stays empty until Alt+D takes it.
            var button = page.TagPanel.Locator(".tag-details .incident-cue.cue-date").Filter(new() { HasTextString = cue });
            await button.WaitForAsync();
            Assert.Equal("", await page.Page.Locator("#detail-date").InputValueAsync());
            await keys.PressAsync("Alt+d");
            await Assertions.Expect(button).ToHaveAttributeAsync("aria-pressed", "true");
        }
        else
        {
            await page.Page.Locator("#detail-date").FillAsync(fields.Date!);
            await page.Page.Locator("#detail-precision").SelectOptionAsync(fields.Precision!);
        }

        await page.Page.Locator("#detail-place").FillAsync(fields.Place);
        await page.Page.Locator("#detail-country").FillAsync(fields.Country);
        await page.Page.Locator("#detail-type").SelectOptionAsync("explosionsRemoteViolence");
        await page.Page.Locator("#detail-subtype").SelectOptionAsync(fields.SubType);
        if (fields.Fatalities is { } fatalities)
        {
            await page.Page.Locator("#detail-fatalities").FillAsync(fatalities.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        await PickAsync(page, "Perpetrators", fields.Perpetrators);
        await PickAsync(page, "Targets", fields.Targets);
        await keys.PressAsync("Control+Enter");
        await page.TagPanel.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        await page.Group("incident", title).WaitForAsync();
    }

    /// <summary>Tags more words of an incident already coded: searched by a word of its title, chosen with ↑ (a partial match is never preselected).</summary>
    private static async Task ExistingIncidentAsync(ArticlePage page, string words, string query, string title)
    {
        await page.SelectExactlyAsync(words);
        await page.TagPanel.WaitForAsync();
        await page.Page.Keyboard.PressAsync("i");
        await page.Page.Locator("#tag-panel .tag-search").FillAsync(query);
        await page.Page.Locator("#tag-results .active").Filter(new() { HasText = $"Create new incident: \u201c{query}\u201d" }).WaitForAsync();
        await Assertions.Expect(page.Page.Locator("#tag-results li").First).ToContainTextAsync(title);
        await page.Page.Keyboard.PressAsync("ArrowUp");
        await page.SaveWithEnterAsync(title);
        await Assertions.Expect(page.Group("incident", title).Locator("li")).ToHaveCountAsync(2);
    }

    /// <summary>Selects the claim's words, C, paraphrases it, checks the defaults, sets claimant, outlet, kind and assessment.</summary>
    private static async Task NewClaimAsync(ArticlePage page, string words, string text, ClaimFields fields)
    {
        await page.SelectExactlyAsync(words);
        await page.TagPanel.WaitForAsync();
        await page.Page.Keyboard.PressAsync("c");
        await page.Page.Locator("#tag-panel .tag-search").FillAsync(text);
        await page.Page.Locator("#tag-results .active").Filter(new() { HasText = "Create new claim" }).WaitForAsync();
        var pickers = page.TagPanel.Locator(".tag-details .picker");
        await Assertions.Expect(pickers.Filter(new() { HasText = "Relayed by" }).Locator(".picker-chip")).ToHaveTextAsync(fields.ExpectedRelay);
        await Assertions.Expect(pickers.Filter(new() { HasTextRegex = IncidentLabel() }).Locator(".picker-chip")).ToHaveTextAsync(fields.ExpectedIncident);
        await PickAsync(page, "Claimant", [fields.Claimant]);
        if (fields.Relay is { } relay)
        {
            await PickAsync(page, "Relayed by", [relay]);
        }

        if (fields.RemoveIncident)
        {
            await pickers.Filter(new() { HasTextRegex = IncidentLabel() }).Locator("input").FocusAsync();
            await page.Page.Keyboard.PressAsync("Backspace");
            await Assertions.Expect(pickers.Filter(new() { HasTextRegex = IncidentLabel() }).Locator(".picker-chip")).ToHaveCountAsync(0);
        }

        await page.Page.Locator("#detail-kind").SelectOptionAsync(fields.Kind);
        await page.Page.Locator("#detail-assessment").SelectOptionAsync(fields.Assessment);
        await page.Page.Keyboard.PressAsync("Control+Enter");
        await page.TagPanel.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        await page.Group("claim", text).WaitForAsync();
    }

    /// <summary>Types each actor's name into the picker (searched on the server) and picks the highlighted answer with Enter.</summary>
    private static async Task PickAsync(ArticlePage page, string label, string[] names)
    {
        var picker = page.TagPanel.Locator(".tag-details .picker").Filter(new() { HasTextString = label });
        foreach (var name in names)
        {
            await picker.Locator("input").FillAsync(name);
            await picker.Locator("[role=option].active").Filter(new() { HasTextRegex = new Regex($"^{Regex.Escape(name)}$") }).WaitForAsync();
            await page.Page.Keyboard.PressAsync("Enter"); // picks, does not save
        }

        Assert.Equal(names, await picker.Locator(".picker-chip").AllInnerTextsAsync() is var chips ? chips.Select(c => c.Trim()).ToArray() : []);
    }

    private static async Task<JsonElement> GetJsonAsync(ArticlePage page, string path)
    {
        var response = await page.Page.APIRequest.GetAsync(path);
        Assert.True(response.Ok, $"{path}: {response.Status}");
        return JsonDocument.Parse(await response.TextAsync()).RootElement.Clone();
    }

    private static string NameOf(JsonElement record, string property) =>
        record.GetProperty(property) is { ValueKind: not JsonValueKind.Null } r ? r.GetProperty("name").GetString()! : "";

    /// <summary>The claim's incident picker: its label is exactly "Incident".</summary>
    [GeneratedRegex("^Incident")]
    private static partial Regex IncidentLabel();
}
