using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Api;

public class RecordsApiTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Actor_search_finds_the_seeded_Kataib_Hezbollah_by_its_transliteration_and_abbreviation()
    {
        var byTransliteration = await _client.GetFromJsonAsync<JsonElement>("/api/actors?q=Hizballah");
        var byAbbreviation = await _client.GetFromJsonAsync<JsonElement>("/api/actors?q=KH");

        Assert.Contains(byTransliteration.EnumerateArray(), a => a.GetProperty("name").GetString() == "Kataib Hezbollah");
        var first = byAbbreviation[0];
        Assert.Equal("Kataib Hezbollah", first.GetProperty("name").GetString());
        Assert.Contains(first.GetProperty("affiliations").EnumerateArray(), l => l.GetProperty("name").GetString() == "Iran" && l.GetProperty("relation").GetString() == "backed by");
    }

    [Fact]
    public async Task Creating_an_actor_returns_201_and_it_can_be_read_back()
    {
        var iran = (await _client.GetFromJsonAsync<JsonElement>("/api/actors?q=Iran"))[0].GetProperty("id").GetInt32();

        var response = await _client.PostAsJsonAsync("/api/actors", new
        {
            name = "Harakat Hezbollah al-Nujaba",
            kind = "armedGroup",
            country = "Iraq",
            aliases = new[] { "al-Nujaba", "HHN" },
            affiliations = new[] { new { actorId = iran, relation = "backed by" } },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var actor = await _client.GetFromJsonAsync<JsonElement>(response.Headers.Location);
        Assert.Equal("armedGroup", actor.GetProperty("kind").GetString());
        Assert.Equal(["HHN", "al-Nujaba"], actor.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()!).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task Creating_an_actor_without_a_name_or_with_an_unknown_kind_is_a_validation_problem()
    {
        var response = await _client.PostAsJsonAsync("/api/actors", new { kind = "warlord" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.Contains("armedGroup", errors.GetProperty("kind")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(201, 10)]
    [InlineData(20_000, 10)] // 100,000 no longer fit the 1 MiB body limit (413, RequestBodyLimitsTests)
    [InlineData(3, 301)]
    public async Task Creating_an_actor_with_too_many_or_too_long_aliases_is_a_400_that_says_the_limit(int count, int length)
    {
        var before = await factory.CountAsync<NewsDesk.Web.Domain.Actor>();
        var aliases = Enumerable.Range(0, count).Select(i => i.ToString("D10", System.Globalization.CultureInfo.InvariantCulture).PadRight(length, 'x')).ToArray();

        var response = await _client.PostAsJsonAsync("/api/actors", new { name = $"Many names {count}x{length}", aliases });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("aliases")[0].GetString();
        Assert.Contains(count > 200 ? "at most 200 aliases" : "at most 300 characters", error, StringComparison.Ordinal);
        Assert.Equal(before, await factory.CountAsync<NewsDesk.Web.Domain.Actor>());
    }

    [Fact]
    public async Task Creating_an_actor_with_200_aliases_of_300_characters_is_allowed()
    {
        var aliases = Enumerable.Range(0, 200).Select(i => i.ToString("D10", System.Globalization.CultureInfo.InvariantCulture).PadRight(300, 'y')).ToArray();

        var response = await _client.PostAsJsonAsync("/api/actors", new { name = "Exactly at the limit", aliases });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Creating_an_incident_and_a_claim_about_it_links_them()
    {
        var houthis = (await _client.GetFromJsonAsync<JsonElement>("/api/actors?q=Ansar Allah"))[0].GetProperty("id").GetInt32();
        var incidentResponse = await _client.PostAsJsonAsync("/api/incidents", new
        {
            title = "Strike on Hodeidah port",
            date = "2024-07-20",
            datePrecision = "day",
            country = "Yemen",
            type = "explosionsRemoteViolence",
            subType = "Air/drone strike",
            targetIds = new[] { houthis },
        });
        var incident = await incidentResponse.Content.ReadFromJsonAsync<JsonElement>();

        var claimResponse = await _client.PostAsJsonAsync("/api/claims", new
        {
            text = "The Houthis: the strike killed civilians",
            claimantId = houthis,
            kind = "casualtyFigure",
            incidentId = incident.GetProperty("id").GetInt32(),
        });

        Assert.Equal(HttpStatusCode.Created, incidentResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Created, claimResponse.StatusCode);
        Assert.Equal("Houthis", incident.GetProperty("targets")[0].GetProperty("name").GetString());
        var claim = await claimResponse.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Strike on Hodeidah port", claim.GetProperty("incident").GetProperty("name").GetString());
        var found = await _client.GetFromJsonAsync<JsonElement>("/api/claims?q=Ansar");
        Assert.Contains(found.EnumerateArray(), c => c.GetProperty("id").GetInt32() == claim.GetProperty("id").GetInt32());
    }

    [Theory]
    [InlineData("/api/actors/987654")]
    [InlineData("/api/incidents/987654")]
    [InlineData("/api/claims/987654")]
    [InlineData("/api/articles/987654")]
    [InlineData("/api/mentions/987654")]
    public async Task Unknown_ids_get_404_problem_json(string url)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_mention_endpoints()
    {
        var document = await _client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/articles/{id}/mentions", out var mentions));
        Assert.True(mentions.TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/mentions/{id}").TryGetProperty("delete", out _));
    }
}
