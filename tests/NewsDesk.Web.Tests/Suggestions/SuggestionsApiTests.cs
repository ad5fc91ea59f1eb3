using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Suggestions;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Suggestions;

/// <summary>GET /api/articles/{id}/suggestions and the accept / reject / accept-all answers, on a real store.</summary>
public class SuggestionsApiTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<List<JsonElement>> SuggestionsAsync(int articleId) =>
        [.. (await _client.GetFromJsonAsync<JsonElement>($"/api/articles/{articleId}/suggestions")).EnumerateArray()];

    [Fact]
    public async Task A_suggestion_has_the_documented_shape_with_UTF16_offsets()
    {
        var actor = await factory.AddActorAsync("Nebula Brigade", "Nebula Brigades");
        var article = await factory.AddArticleAsync("👍 The Nebula Brigades said that their drones hit the depot.");

        var suggestions = await SuggestionsAsync(article.Id);

        var name = suggestions.Single(s => s.GetProperty("entityType").GetString() == "actor");
        Assert.Equal(article.Text.IndexOf("Nebula Brigades", StringComparison.Ordinal), name.GetProperty("start").GetInt32());
        Assert.Equal("Nebula Brigades", name.GetProperty("quote").GetString());
        Assert.Equal(actor.Id, name.GetProperty("entityId").GetInt32());
        Assert.Equal("Nebula Brigade", name.GetProperty("candidates")[0].GetProperty("name").GetString());
        Assert.Contains("Nebula Brigades", name.GetProperty("reason").GetString(), StringComparison.Ordinal);

        var claim = suggestions.Single(s => s.GetProperty("entityType").GetString() == "claim");
        Assert.Equal(JsonValueKind.Null, claim.GetProperty("entityId").ValueKind);
        Assert.Equal("other", claim.GetProperty("kind").GetString());
        Assert.Equal(actor.Id, claim.GetProperty("claimantId").GetInt32());
        var claimant = claim.GetProperty("claimant");
        Assert.Equal("Nebula Brigades", article.Text[claimant.GetProperty("start").GetInt32()..claimant.GetProperty("end").GetInt32()]);
    }

    [Fact]
    public async Task Accepting_creates_a_normal_mention_audited_as_an_accepted_suggestion_and_it_is_not_offered_again()
    {
        var actor = await factory.AddActorAsync("Orion Front");
        var article = await factory.AddArticleAsync("Orion Front fighters crossed the river.");
        var s = (await SuggestionsAsync(article.Id)).Single();

        var response = await _client.PostAsJsonAsync($"/api/articles/{article.Id}/suggestions/accept",
            new { start = s.GetProperty("start").GetInt32(), end = s.GetProperty("end").GetInt32(), quote = "Orion Front", entityType = "actor", entityId = actor.Id });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var mention = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Orion Front", mention.GetProperty("entityName").GetString());
        Assert.Empty(await SuggestionsAsync(article.Id));
        var audit = await factory.ExecuteDbContextAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == "SuggestionDecision" && e.RecordId == article.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Contains("\"Accepted\"", entry.After, StringComparison.Ordinal);
        Assert.Contains($"\"MentionId\":{mention.GetProperty("id").GetInt32()}", entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_actor_is_not_offered_again_in_that_article_but_still_is_elsewhere()
    {
        var actor = await factory.AddActorAsync("Lyra Council");
        var article = await factory.AddArticleAsync("Lyra Council met. Later Lyra Council left.");
        var other = await factory.AddArticleAsync("Lyra Council spoke.");
        Assert.Equal(2, (await SuggestionsAsync(article.Id)).Count);

        var response = await _client.PostAsJsonAsync($"/api/articles/{article.Id}/suggestions/reject", new { start = 0, end = 12, entityType = "actor", entityId = actor.Id });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await SuggestionsAsync(article.Id));
        Assert.Single(await SuggestionsAsync(other.Id));
        Assert.Equal(0, await factory.ExecuteDbContextAsync(db => db.Mentions.CountAsync(m => m.ArticleId == article.Id)));
    }

    [Fact]
    public async Task A_shared_name_is_offered_with_both_actors_and_none_preselected()
    {
        await factory.AddActorAsync("Vega Movement", "Vega");
        await factory.AddActorAsync("Vega Party", "Vega");
        var article = await factory.AddArticleAsync("Vega won the vote.");

        var s = (await SuggestionsAsync(article.Id)).Single();

        Assert.Equal(JsonValueKind.Null, s.GetProperty("entityId").ValueKind);
        Assert.Equal(["Vega Movement", "Vega Party"], s.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("name").GetString()).Order());
    }

    [Fact]
    public async Task Accept_all_tags_every_unambiguous_occurrence_of_one_record()
    {
        var actor = await factory.AddActorAsync("Cygnus Group");
        await factory.AddActorAsync("Draco Group");
        var article = await factory.AddArticleAsync("Cygnus Group and Draco Group. Cygnus Group again, and CYGNUS GROUP.");

        var response = await _client.PostAsJsonAsync($"/api/articles/{article.Id}/suggestions/accept-all", new { entityId = actor.Id });

        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, result.GetProperty("created").GetInt32());
        var left = await SuggestionsAsync(article.Id);
        Assert.Equal(["Draco Group"], left.Select(s => s.GetProperty("quote").GetString()));
    }

    [Fact]
    public async Task A_new_alias_is_suggested_at_once_without_a_restart()
    {
        var actor = await factory.AddActorAsync("Perseus Army");
        var article = await factory.AddArticleAsync("The Perseans advanced.");
        Assert.Empty(await SuggestionsAsync(article.Id));

        await factory.InsertAsync(new ActorAlias { ActorId = actor.Id, Name = "Perseans" });

        Assert.Equal(["Perseans"], (await SuggestionsAsync(article.Id)).Select(s => s.GetProperty("quote").GetString()));
    }

    [Fact]
    public async Task A_mention_saved_between_two_requests_does_not_make_the_names_be_asked_for_again()
    {
        var actor = await factory.AddActorAsync("Cassiopeia Front");
        var article = await factory.AddArticleAsync("The Cassiopeia Front advanced.");
        Assert.Single(await SuggestionsAsync(article.Id));
        var catalog = factory.Services.GetRequiredService<AliasCatalog>();
        var checks = catalog.StoreChecks;

        await factory.InsertAsync(new Mention { ArticleId = article.Id, Start = 4, End = 20, Quote = "Cassiopeia Front", ActorId = actor.Id });

        Assert.Empty(await SuggestionsAsync(article.Id));
        Assert.Equal(checks, catalog.StoreChecks);
    }

    [Fact]
    public async Task Bad_answers_get_a_clear_error_and_change_nothing()
    {
        var actor = await factory.AddActorAsync("Hydra Cell");
        var article = await factory.AddArticleAsync("Hydra Cell struck.");

        var wrongQuote = await _client.PostAsJsonAsync($"/api/articles/{article.Id}/suggestions/accept", new { start = 0, end = 10, quote = "Hydra Cel", entityType = "actor", entityId = actor.Id });
        var outside = await _client.PostAsJsonAsync($"/api/articles/{article.Id}/suggestions/reject", new { start = 0, end = 500, entityType = "actor", entityId = actor.Id });
        var noType = await _client.PostAsJsonAsync($"/api/articles/{article.Id}/suggestions/reject", new { start = 0, end = 5 });
        var missing = await _client.GetAsync("/api/articles/999999/suggestions");

        Assert.Equal(HttpStatusCode.Conflict, wrongQuote.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noType.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Single(await SuggestionsAsync(article.Id));
    }

    [Fact]
    public async Task A_hostile_article_is_capped_and_the_headers_say_so()
    {
        await factory.AddActorAsync("Pyxis Unit");
        var article = await factory.AddArticleAsync(string.Concat(Enumerable.Repeat("Pyxis Unit ", 100_000)));

        var response = await _client.GetAsync($"/api/articles/{article.Id}/suggestions");

        Assert.Equal("true", response.Headers.GetValues("X-Suggestions-Capped").Single());
        Assert.Equal("100000", response.Headers.GetValues("X-Suggestions-Total").Single());
        Assert.Equal(2_000, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength());
    }

    [Fact]
    public async Task On_the_ICARO_article_a_new_install_offers_the_seeded_actors_and_the_IRNA_attribution()
    {
        var icaro = await factory.ArticleAsync();
        var demo = await factory.ExecuteDbContextAsync(db => db.Mentions.AsNoTracking().Where(m => m.ArticleId == icaro.Id && m.ActorId != null).ToListAsync());
        var untagged = await factory.AddArticleAsync(icaro.Text, "ICARO, untagged");

        var suggestions = await SuggestionsAsync(untagged.Id);

        Assert.NotEmpty(demo);
        foreach (var mention in demo)
        {
            Assert.Contains(suggestions, s => s.GetProperty("entityType").GetString() == "actor"
                && s.GetProperty("start").GetInt32() < mention.End && s.GetProperty("end").GetInt32() > mention.Start
                && s.GetProperty("candidates").EnumerateArray().Any(c => c.GetProperty("entityId").GetInt32() == mention.ActorId));
        }

        Assert.Contains(suggestions, s => s.GetProperty("entityType").GetString() == "claim"
            && s.GetProperty("quote").GetString()!.StartsWith("\"Resistance groups", StringComparison.Ordinal)
            && s.GetProperty("kind").GetString() == "responsibility");
        Assert.Contains(suggestions, s => s.GetProperty("entityType").GetString() == "claim"
            && s.GetProperty("quote").GetString()!.StartsWith("\"regional resistance groups", StringComparison.Ordinal));
    }
}
