using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Pages.Claims;

public class ClaimPagesTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    private readonly HttpClient _client = factory.CreateClient(new() { AllowAutoRedirect = false });

    [Fact]
    public async Task Creating_a_claim_from_the_form_then_seeing_where_it_appears()
    {
        var response = await _client.SubmitFormAsync("/claims/new", new Dictionary<string, string>
        {
            ["Form.Text"] = "Al Mayadeen: explosions were heard in nearby villages",
            ["Form.Kind"] = nameof(ClaimKind.Other),
            ["Form.Assessment"] = nameof(ClaimAssessment.Corroborated),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await _client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("Al Mayadeen: explosions were heard in nearby villages", page.QuerySelector(".record-name")!.TextContent);
        Assert.Contains("corroborated", page.QuerySelector(".record-fields")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_claim_form_carries_no_list_of_actors_or_incidents_its_pickers_search_them_on_the_server()
    {
        Assert.True(await factory.CountAsync<Actor>() > 5); // the seeded knowledge base

        var page = await _client.GetDocumentAsync("/claims/new");

        foreach (var (field, type) in new[] { ("Form_ClaimantId", "actor"), ("Form_RelayedById", "actor"), ("Form_IncidentId", "incident") })
        {
            var select = page.QuerySelector($"select#{field}")!;
            Assert.Equal(type, select.GetAttribute("data-picker"));
            Assert.Single(select.QuerySelectorAll("option")); // only "unknown" / "—": the type-ahead asks /api/actors or /api/incidents
        }
    }

    [Fact]
    public async Task Editing_a_claim_with_a_stale_version_is_refused()
    {
        var claim = new Claim { Text = "Stale claim" };
        await factory.InsertAsync(claim);
        var stale = await _client.GetDocumentAsync($"/claims/{claim.Id}/edit");
        await _client.SubmitFormAsync($"/claims/{claim.Id}/edit", new Dictionary<string, string> { ["Form.Assessment"] = nameof(ClaimAssessment.False) });

        var second = await _client.SubmitFormAsync(stale, $"/claims/{claim.Id}/edit", new Dictionary<string, string> { ["Form.Assessment"] = nameof(ClaimAssessment.Corroborated) });

        Assert.Contains("Someone else saved this claim", (await second.ReadDocumentAsync()).QuerySelector(".conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ClaimAssessment.False, (await factory.FindAsync<Claim>(claim.Id))!.Assessment);
    }

    [Fact]
    public async Task The_seeded_IRNA_claim_shows_its_claimant_relaying_outlet_incident_assessment_and_where_it_appears()
    {
        var claim = await factory.ExecuteDbContextAsync(db => db.Claims.AsNoTracking().SingleAsync(c => c.Text.StartsWith("IRNA: resistance groups targeted")));

        var page = await _client.GetDocumentAsync($"/claims/{claim.Id}");

        var fields = page.QuerySelectorAll(".record-fields dt").ToDictionary(dt => dt.TextContent, dt => dt.NextElementSibling!.TextContent.Trim());
        Assert.Equal("IRNA", fields["Claimant"]);
        Assert.Equal("ICARO Media Group", fields["Relayed by"]);
        Assert.Equal("Missile attack on the US base at the Koniko gas field, Deir Ezzor (26 July 2024)", fields["About"]);
        Assert.Equal("responsibility", fields["Kind"]);
        Assert.Equal("unverified", fields["Assessment"]);
        var line = page.QuerySelector(".kwic-line")!;
        Assert.Equal("Iran Increases Use of Proxy Militias to Target US Forces in Syria and Iraq", line.QuerySelector("a")!.TextContent);
        Assert.StartsWith("\"Resistance groups have reportedly targeted", line.QuerySelector("mark")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_form_records_who_claims_it_who_relays_it_and_the_assessment_note()
    {
        var houthis = await factory.AddActorAsync("Houthis (claim form)");
        var outlet = await factory.AddActorAsync("Al Masirah (claim form)");

        var response = await _client.SubmitFormAsync("/claims/new", new Dictionary<string, string>
        {
            ["Form.Text"] = "Houthis: we struck Tel Aviv with a new drone",
            ["Form.ClaimantId"] = houthis.Id.ToString(CultureInfo.InvariantCulture),
            ["Form.RelayedById"] = outlet.Id.ToString(CultureInfo.InvariantCulture),
            ["Form.Kind"] = nameof(ClaimKind.Responsibility),
            ["Form.Assessment"] = nameof(ClaimAssessment.Disputed),
            ["Form.AssessmentNote"] = "The drone type is not confirmed.",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var claim = await factory.ExecuteDbContextAsync(db => db.Claims.AsNoTracking().SingleAsync(c => c.Text == "Houthis: we struck Tel Aviv with a new drone"));
        Assert.Equal((houthis.Id, outlet.Id, ClaimAssessment.Disputed, "The drone type is not confirmed."), (claim.ClaimantId!.Value, claim.RelayedById!.Value, claim.Assessment, claim.AssessmentNote!));
    }

    [Fact]
    public async Task The_form_records_the_reviewer_and_review_date_and_shows_them_when_the_claim_is_edited()
    {
        var response = await _client.SubmitFormAsync("/claims/new", new Dictionary<string, string>
        {
            ["Form.Text"] = "IRNA: the base was evacuated before the strike",
            ["Form.Kind"] = nameof(ClaimKind.Other),
            ["Form.Assessment"] = nameof(ClaimAssessment.Unverified),
            ["Form.Reviewer"] = "  Verification desk ",
            ["Form.ReviewDate"] = "2024-08-02",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var claim = await factory.ExecuteDbContextAsync(db => db.Claims.AsNoTracking().SingleAsync(c => c.Text == "IRNA: the base was evacuated before the strike"));
        Assert.Equal(("Verification desk", new DateOnly(2024, 8, 2)), (claim.Reviewer!, claim.ReviewDate!.Value));
        var form = await _client.GetDocumentAsync($"/claims/{claim.Id}/edit");
        Assert.Equal("Verification desk", form.QuerySelector("input#Form_Reviewer")!.GetAttribute("value"));
        Assert.Equal("2024-08-02", form.QuerySelector("input#Form_ReviewDate")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_form_grades_a_claim_s_credibility_and_the_list_the_claim_and_its_incident_show_the_Admiralty_grade()
    {
        var claimant = await factory.AddActorAsync($"Graded claimant {Guid.NewGuid():N}");
        await factory.ExecuteDbContextAsync(async db =>
        {
            await db.Actors.Where(a => a.Id == claimant.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.Reliability, SourceReliability.UsuallyReliable));
        });
        var incident = new Incident { Title = $"Graded incident {Guid.NewGuid():N}" };
        await factory.InsertAsync(incident);
        var text = $"A graded claim {Guid.NewGuid():N}";

        var response = await _client.SubmitFormAsync("/claims/new", new Dictionary<string, string>
        {
            ["Form.Text"] = text,
            ["Form.ClaimantId"] = claimant.Id.ToString(CultureInfo.InvariantCulture),
            ["Form.IncidentId"] = incident.Id.ToString(CultureInfo.InvariantCulture),
            ["Form.Credibility"] = nameof(InformationCredibility.ProbablyTrue),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var claim = await factory.ExecuteDbContextAsync(db => db.Claims.AsNoTracking().SingleAsync(c => c.Text == text));
        Assert.Equal(InformationCredibility.ProbablyTrue, claim.Credibility);
        var list = await _client.GetDocumentAsync($"/claims?q={Uri.EscapeDataString(text)}");
        var grade = list.QuerySelector(".record-list tbody tr .admiralty-grade")!;
        Assert.Equal("Admiralty grade B2", grade.TextContent);
        Assert.Equal("source B: usually reliable; claim 2: probably true", grade.GetAttribute("title"));
        var details = await _client.GetDocumentAsync($"/claims/{claim.Id}");
        Assert.StartsWith("2: probably true", details.QuerySelector(".claim-credibility")!.TextContent, StringComparison.Ordinal);
        var incidentPage = await _client.GetDocumentAsync($"/incidents/{incident.Id}");
        Assert.Equal("Admiralty grade B2", incidentPage.QuerySelector(".claim-column .admiralty-grade")!.TextContent);
    }

    [Fact]
    public async Task A_claim_form_naming_an_actor_that_no_longer_exists_is_refused_with_a_message_and_saves_nothing()
    {
        var before = await factory.CountAsync<Claim>();

        var response = await _client.SubmitFormAsync("/claims/new", new Dictionary<string, string>
        {
            ["Form.Text"] = "A claim by a merged actor",
            ["Form.ClaimantId"] = "987654",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("Claimant: there is no actor 987654", page.QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await factory.CountAsync<Claim>());
    }

    [Fact]
    public async Task The_list_finds_claims_by_their_claimants_alias()
    {
        var page = await _client.GetDocumentAsync("/claims?q=Islamic%20Republic%20News%20Agency");

        var texts = page.QuerySelectorAll(".record-list tbody tr").Select(tr => tr.TextContent).ToList();
        Assert.Contains(texts, t => t.Contains("IRNA: resistance groups targeted a US military base", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("joint attacks with the Houthis", StringComparison.Ordinal));
    }
}
