using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Auth;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Api;

/// <summary>PATCH /api/incidents/{id} and /api/claims/{id}: merge patches with the version last read, 409 when someone saved first.</summary>
public class RecordPatchApiTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static Task<HttpResponseMessage> PatchAsync(HttpClient client, string url, object body) =>
        client.PatchAsync(url, JsonContent.Create(body));

    private async Task<Incident> AddIncidentAsync(string title)
    {
        var incident = new Incident { Title = title, Notes = "Kept by the patch", Latitude = 32.5, Longitude = 38.2, FatalitiesLow = 2 };
        await factory.InsertAsync(incident);
        return incident;
    }

    [Fact]
    public async Task Patching_an_incident_changes_the_named_fields_and_roles_keeps_the_rest_and_bumps_the_version()
    {
        var incident = await AddIncidentAsync("Patched incident");
        var perpetrator = await factory.AddActorAsync("Patch perpetrator");
        var target = await factory.AddActorAsync("Patch target");

        var response = await PatchAsync(_client, $"/api/incidents/{incident.Id}", new
        {
            version = 1,
            date = "2024-01-28",
            datePrecision = "month",
            location = "Tower 22",
            type = "explosionsRemoteViolence",
            subType = "Air/drone strike",
            fatalities = 3,
            perpetratorIds = new[] { perpetrator.Id },
            targetIds = new[] { target.Id },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((2, "month", "Patch perpetrator"), (body.GetProperty("version").GetInt32(), body.GetProperty("datePrecision").GetString(), body.GetProperty("perpetrators")[0].GetProperty("name").GetString()));
        var saved = await factory.ExecuteDbContextAsync(db => db.Incidents.Include(i => i.Actors).SingleAsync(i => i.Id == incident.Id));
        Assert.Equal((new DateOnly(2024, 1, 28), DatePrecision.Month, "Tower 22", IncidentType.ExplosionsRemoteViolence, 3),
            (saved.Date!.Value, saved.DatePrecision, saved.Location!, saved.Type!.Value, saved.Fatalities!.Value));
        Assert.Equal(("Patched incident", "Kept by the patch", 32.5, 2), (saved.Title, saved.Notes!, saved.Latitude!.Value, saved.FatalitiesLow!.Value));
        Assert.Equal([(perpetrator.Id, IncidentRole.Perpetrator), (target.Id, IncidentRole.Target)], saved.Actors.Select(r => (r.ActorId, r.Role)).OrderBy(r => r.Role).ToArray());
    }

    [Fact]
    public async Task An_incident_s_district_is_set_by_a_patch_kept_by_one_that_does_not_name_it_and_read_back()
    {
        var incident = await AddIncidentAsync("District incident");

        var set = await PatchAsync(_client, $"/api/incidents/{incident.Id}", new { version = 1, location = "Mafraq", admin1 = "Mafraq", admin2 = "Qasabat al-Mafraq" });
        var other = await PatchAsync(_client, $"/api/incidents/{incident.Id}", new { version = 2, fatalities = 1 });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (set.StatusCode, other.StatusCode));
        Assert.Equal("Qasabat al-Mafraq", (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("admin2").GetString());
        Assert.Equal("Qasabat al-Mafraq", (await factory.FindAsync<Incident>(incident.Id))!.Admin2);
    }

    [Fact]
    public async Task A_null_clears_a_field_and_an_empty_list_removes_the_perpetrators()
    {
        var incident = await AddIncidentAsync("Cleared incident");
        var perpetrator = await factory.AddActorAsync("Removed perpetrator");
        Assert.Equal(HttpStatusCode.OK, (await PatchAsync(_client, $"/api/incidents/{incident.Id}", new { version = 1, perpetratorIds = new[] { perpetrator.Id } })).StatusCode);

        var response = await PatchAsync(_client, $"/api/incidents/{incident.Id}", new { version = 2, notes = (string?)null, perpetratorIds = Array.Empty<int>() });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = await factory.ExecuteDbContextAsync(db => db.Incidents.Include(i => i.Actors).SingleAsync(i => i.Id == incident.Id));
        Assert.Null(saved.Notes);
        Assert.Empty(saved.Actors);
    }

    [Fact]
    public async Task A_patch_over_a_newer_version_is_a_409_that_names_both_versions_carries_theirs_and_changes_nothing()
    {
        var incident = await AddIncidentAsync("Contested incident");
        Assert.Equal(HttpStatusCode.OK, (await PatchAsync(_client, $"/api/incidents/{incident.Id}", new { version = 1, location = "Their place" })).StatusCode);

        var response = await PatchAsync(_client, $"/api/incidents/{incident.Id}", new { version = 1, location = "My place" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("versionConflict", problem.GetProperty("problem").GetString());
        Assert.Contains("you had version 1; it is now at version 2", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Their place", problem.GetProperty("current").GetProperty("location").GetString());
        Assert.Equal("Their place", (await factory.FindAsync<Incident>(incident.Id))!.Location);
    }

    [Fact]
    public async Task A_patch_without_a_version_with_an_unknown_field_or_a_wrong_type_is_a_400_by_field_and_changes_nothing()
    {
        var incident = await AddIncidentAsync("Refused incident");

        var noVersion = await PatchAsync(_client, $"/api/incidents/{incident.Id}", new { location = "Nowhere" });
        var unknown = await PatchAsync(_client, $"/api/incidents/{incident.Id}", new { version = 1, perpetrators = new[] { 1 } });
        var wrongType = await PatchAsync(_client, $"/api/incidents/{incident.Id}", new { version = 1, fatalities = "three" });
        var badValue = await PatchAsync(_client, $"/api/incidents/{incident.Id}", new { version = 1, title = " ", fatalities = -1 });

        static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        }

        Assert.Contains("version is required", (await ErrorsAsync(noVersion)).GetProperty("version")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("perpetratorIds", (await ErrorsAsync(unknown)).GetProperty("perpetrators")[0].GetString(), StringComparison.Ordinal);
        Assert.True((await ErrorsAsync(wrongType)).TryGetProperty("fatalities", out _));
        var errors = await ErrorsAsync(badValue);
        Assert.True(errors.TryGetProperty("title", out _) && errors.TryGetProperty("fatalities", out _));
        var saved = await factory.FindAsync<Incident>(incident.Id);
        Assert.Equal((1, null, "Refused incident"), (saved!.Version, saved.Location, saved.Title));
    }

    [Fact]
    public async Task Patching_an_unknown_incident_is_a_404()
    {
        var response = await PatchAsync(_client, "/api/incidents/999999", new { version = 1, location = "Nowhere" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Patching_a_claim_sets_claimant_incident_and_assessment_and_a_stale_patch_is_a_409()
    {
        var claimant = await factory.AddActorAsync("Patch claimant");
        var incident = await AddIncidentAsync("Claimed incident");
        var claim = new Claim { Text = "Patched claim", ReviewDate = new DateOnly(2024, 2, 1) };
        await factory.InsertAsync(claim);

        var response = await PatchAsync(_client, $"/api/claims/{claim.Id}", new { version = 1, claimantId = claimant.Id, incidentId = incident.Id, kind = "responsibility", assessment = "disputed" });
        var stale = await PatchAsync(_client, $"/api/claims/{claim.Id}", new { version = 1, assessment = "false" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var saved = await factory.FindAsync<Claim>(claim.Id);
        Assert.Equal((claimant.Id, incident.Id, ClaimKind.Responsibility, ClaimAssessment.Disputed, 2), (saved!.ClaimantId!.Value, saved.IncidentId!.Value, saved.Kind, saved.Assessment, saved.Version));
        Assert.Equal(("Patched claim", new DateOnly(2024, 2, 1)), (saved.Text, saved.ReviewDate!.Value));
    }

    [Fact]
    public async Task A_viewer_cannot_patch_a_record()
    {
        var incident = await AddIncidentAsync("Viewer incident");
        var viewer = await factory.CreateClientAsync(Roles.Viewer);

        var response = await PatchAsync(viewer, $"/api/incidents/{incident.Id}", new { version = 1, location = "Viewer's place" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null((await factory.FindAsync<Incident>(incident.Id))!.Location);
    }

    [Fact]
    public async Task A_patch_is_in_the_audit_log_with_the_fields_it_changed()
    {
        var incident = await AddIncidentAsync("Audited incident");

        await PatchAsync(_client, $"/api/incidents/{incident.Id}", new { version = 1, location = "Audited place" });

        var id = incident.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var entries = await factory.ExecuteDbContextAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "Incident" && e.EntityId == id).ToListAsync());
        Assert.Contains(entries, e => e.Action == AuditAction.Updated && e.Version == 2 && (e.After ?? "").Contains("Audited place", StringComparison.Ordinal));
    }
}
