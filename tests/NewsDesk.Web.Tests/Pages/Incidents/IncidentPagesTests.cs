using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Pages.Incidents;

public class IncidentPagesTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    private readonly HttpClient _client = factory.CreateClient(new() { AllowAutoRedirect = false });

    [Fact]
    public async Task An_incident_page_lists_its_reporting_articles_and_puts_responsibility_next_to_denial()
    {
        var incident = new Incident { Title = "Side by side test", Country = "Syria" };
        await factory.InsertAsync(incident);
        await factory.InsertAsync(
            new Claim { Text = "Group A: we did it", Kind = ClaimKind.Responsibility, IncidentId = incident.Id },
            new Claim { Text = "Group A did not do it, says its ally", Kind = ClaimKind.Denial, IncidentId = incident.Id });
        var article = await factory.AddArticleAsync("Group A struck the base.", "Report on the strike");
        await factory.InsertAsync(new Mention { ArticleId = article.Id, Start = 8, End = 23, Quote = "struck the base", IncidentId = incident.Id });

        var page = await _client.GetDocumentAsync($"/incidents/{incident.Id}");

        var columns = page.QuerySelectorAll(".claims-side-by-side .claim-column").ToList();
        Assert.Equal(["responsibility", "denial"], columns.Select(c => c.GetAttribute("data-kind")!).Take(2).ToArray());
        Assert.Contains("Group A: we did it", columns[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("did not do it", columns[1].TextContent, StringComparison.Ordinal);
        Assert.Equal("Report on the strike", page.QuerySelector(".incident-articles li a")!.TextContent);
    }

    [Fact]
    public async Task Editing_with_a_stale_version_is_refused()
    {
        var incident = new Incident { Title = "Stale incident" };
        await factory.InsertAsync(incident);
        var stale = await _client.GetDocumentAsync($"/incidents/{incident.Id}/edit");
        var first = await _client.SubmitFormAsync($"/incidents/{incident.Id}/edit", new Dictionary<string, string> { ["Form.Fatalities"] = "3" });

        var second = await _client.SubmitFormAsync(stale, $"/incidents/{incident.Id}/edit", new Dictionary<string, string> { ["Form.Fatalities"] = "30" });

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("Someone else saved this incident", (await second.ReadDocumentAsync()).QuerySelector(".conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, (await factory.FindAsync<Incident>(incident.Id))!.Fatalities);
    }

    [Fact]
    public async Task The_form_saves_the_range_the_estimates_the_deaths_by_side_and_the_ACLED_fields()
    {
        var incident = new Incident { Title = "Range and estimates" };
        var militia = new Actor { Name = $"Associated militia {Guid.NewGuid():N}" };
        await factory.InsertAsync(incident);
        await factory.InsertAsync(militia);

        var response = await _client.SubmitFormAsync($"/incidents/{incident.Id}/edit", new Dictionary<string, string>
        {
            ["Form.Date"] = "2024-07-20",
            ["Form.DateEnd"] = "2024-07-24",
            ["Form.Admin2"] = "Al Mayadin",
            ["Form.Admin3"] = "Thiban",
            ["Form.Fatalities"] = "5",
            ["Form.FatalitiesLow"] = "4",
            ["Form.FatalitiesHigh"] = "9",
            ["Form.DeathsPerpetratorSide"] = "1",
            ["Form.DeathsTargetSide"] = "2",
            ["Form.DeathsCivilians"] = "2",
            ["Form.DeathsUnknown"] = "0",
            ["Form.CivilianTargeting"] = "true",
            ["Form.Tags"] = "crowd size=no report",
            ["Form.SourceScale"] = "National-International",
            ["Form.PerpetratorAssociateIds"] = militia.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await factory.ExecuteDbContextAsync(db => db.Incidents.Include(i => i.Actors).SingleAsync(i => i.Id == incident.Id));
        Assert.Equal(new DateOnly(2024, 7, 24), saved.DateEnd);
        Assert.Equal(("Al Mayadin", "Thiban"), (saved.Admin2, saved.Admin3));
        Assert.Equal((4, 5, 9), (saved.FatalitiesLow, saved.Fatalities, saved.FatalitiesHigh));
        Assert.Equal((1, 2, 2, 0), (saved.DeathsPerpetratorSide, saved.DeathsTargetSide, saved.DeathsCivilians, saved.DeathsUnknown));
        Assert.True(saved.CivilianTargeting);
        Assert.Equal("crowd size=no report", saved.Tags);
        Assert.Equal("National-International", saved.SourceScale);
        Assert.Equal([(militia.Id, IncidentRole.PerpetratorAssociate)], saved.Actors.Select(a => (a.ActorId, a.Role)));
    }

    [Fact]
    public async Task The_form_shows_an_incident_s_range_estimates_and_deaths_by_side()
    {
        var incident = new Incident
        {
            Title = "Shown estimates",
            Date = new DateOnly(2024, 7, 20),
            DateEnd = new DateOnly(2024, 7, 24),
            FatalitiesLow = 4,
            Fatalities = 5,
            FatalitiesHigh = 9,
            DeathsPerpetratorSide = 1,
            DeathsTargetSide = 2,
            DeathsCivilians = 3,
            DeathsUnknown = 0,
        };
        await factory.InsertAsync(incident);

        var form = await _client.GetDocumentAsync($"/incidents/{incident.Id}/edit");

        string Value(string field) => form.QuerySelector($"input#Form_{field}")?.GetAttribute("value") ?? $"no input for {field}";
        Assert.Equal(("2024-07-20", "2024-07-24"), (Value("Date"), Value("DateEnd")));
        Assert.Equal(("4", "5", "9"), (Value("FatalitiesLow"), Value("Fatalities"), Value("FatalitiesHigh")));
        Assert.Equal(("1", "2", "3", "0"), (Value("DeathsPerpetratorSide"), Value("DeathsTargetSide"), Value("DeathsCivilians"), Value("DeathsUnknown")));
    }

    [Fact]
    public async Task A_range_that_ends_before_it_starts_or_estimates_out_of_order_are_refused()
    {
        var incident = new Incident { Title = "Bad range", Fatalities = 2 };
        await factory.InsertAsync(incident);

        var response = await _client.SubmitFormAsync($"/incidents/{incident.Id}/edit", new Dictionary<string, string>
        {
            ["Form.Date"] = "2024-07-20",
            ["Form.DateEnd"] = "2024-07-10",
            ["Form.FatalitiesLow"] = "9",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("latest date comes before", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("low ≤ best ≤ high", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null((await factory.FindAsync<Incident>(incident.Id))!.DateEnd);
    }

    [Fact]
    public async Task The_form_offers_gazetteer_type_ahead_with_its_attribution()
    {
        var page = await _client.GetDocumentAsync("/incidents/new");

        var picker = page.QuerySelector(".place-picker")!;
        Assert.Equal("/api/places", picker.GetAttribute("data-places-url"));
        Assert.NotNull(picker.QuerySelector("input#Form_Location"));
        Assert.Contains("GeoNames", picker.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("script[type=module]"), s => s.GetAttribute("src")!.Contains("/js/places/place-picker", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_merge_form_merges_two_incidents()
    {
        var survivor = new Incident { Title = "Asad base attack" };
        var duplicate = new Incident { Title = "Ain al-Asad rocket attack" };
        await factory.InsertAsync(survivor, duplicate);

        var response = await _client.SubmitFormAsync($"/incidents/{survivor.Id}/merge", new Dictionary<string, string> { ["MergedId"] = duplicate.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null(await factory.FindAsync<Incident>(duplicate.Id));
        Assert.Contains("Ain al-Asad rocket attack", (await factory.FindAsync<Incident>(survivor.Id))!.Notes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_incident_page_lists_every_article_that_reports_it_and_no_other()
    {
        var incident = new Incident { Title = "Eilat drone attack (coverage test)" };
        await factory.InsertAsync(incident);
        var first = await factory.AddArticleAsync("Iraqi militias said they launched a drone attack on Eilat.", "Militias claim Eilat attack");
        var second = await factory.AddArticleAsync("The drone attack on Eilat caused no damage, the army said. The Eilat attack was the third.", "Army: Eilat drone caused no damage");
        var unrelated = await factory.AddArticleAsync("Eilat hosted a festival.", "Eilat festival");
        await factory.InsertAsync(
            new Mention { ArticleId = first.Id, Start = 34, End = 57, Quote = "a drone attack on Eilat", IncidentId = incident.Id },
            new Mention { ArticleId = second.Id, Start = 4, End = 25, Quote = "drone attack on Eilat", IncidentId = incident.Id },
            new Mention { ArticleId = second.Id, Start = 63, End = 75, Quote = "Eilat attack", IncidentId = incident.Id });

        var page = await _client.GetDocumentAsync($"/incidents/{incident.Id}");

        var articles = page.QuerySelectorAll(".incident-articles li").Select(li => (li.QuerySelector("a")!.TextContent, li.QuerySelector("a")!.GetAttribute("href"))).ToList();
        Assert.Equal(2, articles.Count);
        Assert.Contains(("Militias claim Eilat attack", $"/articles/{first.Id}"), articles);
        Assert.Contains(("Army: Eilat drone caused no damage", $"/articles/{second.Id}"), articles);
        Assert.DoesNotContain(articles, a => a.Item2 == $"/articles/{unrelated.Id}");
        Assert.Contains("2 mention(s)", page.QuerySelectorAll(".incident-articles li").Single(li => li.TextContent.Contains("Army", StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);
        Assert.Equal(3, page.QuerySelectorAll(".kwic-line").Length);
    }

    [Fact]
    public async Task An_incident_form_naming_an_unknown_perpetrator_is_refused_with_a_message_and_saves_nothing()
    {
        var before = await factory.CountAsync<Incident>();

        var response = await _client.SubmitFormAsync("/incidents/new", new Dictionary<string, string>
        {
            ["Form.Title"] = "Attack by a merged actor",
            ["Form.PerpetratorIds"] = "987654",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Perpetrators: there is no actor 987654", (await response.ReadDocumentAsync()).QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await factory.CountAsync<Incident>());
    }

    [Fact]
    public async Task The_list_finds_the_seeded_incidents_by_place()
    {
        var page = await _client.GetDocumentAsync("/incidents?q=Eilat");

        var titles = page.QuerySelectorAll(".record-list tbody td a").Select(a => a.TextContent).ToList();
        Assert.Contains("Iraqi militias' drone attack on Eilat (July 2024)", titles);
        Assert.DoesNotContain(titles, t => t.Contains("Koniko", StringComparison.Ordinal));
    }
}
