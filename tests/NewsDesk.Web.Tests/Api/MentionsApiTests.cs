using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Api;

public class MentionsApiTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<int> TagAsync(Article article, string phrase, int actorId)
    {
        var (start, end) = article.SpanOf(phrase);
        var response = await _client.PostAsJsonAsync($"/api/articles/{article.Id}/mentions", new { start, end, quote = phrase, entityType = "actor", entityId = actorId });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task Repointing_a_mention_moves_it_to_another_record_and_keeps_its_span()
    {
        var article = await factory.AddArticleAsync("Ansar Allah fired at Eilat.");
        var wrong = await factory.AddActorAsync("Hamas");
        var right = await factory.AddActorAsync("Houthis", "Ansar Allah");
        var id = await TagAsync(article, "Ansar Allah", wrong.Id);

        var response = await _client.PatchAsJsonAsync($"/api/mentions/{id}", new { entityType = "actor", entityId = right.Id, version = 1 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var mention = await factory.FindAsync<Mention>(id);
        Assert.Equal((right.Id, 0, 11), (mention!.ActorId!.Value, mention.Start, mention.End));
    }

    [Fact]
    public async Task Two_clients_repointing_the_same_version_the_second_gets_409_with_the_first_ones_change_and_overwrites_nothing()
    {
        var article = await factory.AddArticleAsync("Ansar Allah fired at Eilat.");
        var wrong = await factory.AddActorAsync("Hamas");
        var houthis = await factory.AddActorAsync("Houthis", "Ansar Allah");
        var hezbollah = await factory.AddActorAsync("Hezbollah");
        var id = await TagAsync(article, "Ansar Allah", wrong.Id);
        var amira = factory.CreateClient();
        var ben = factory.CreateClient();
        var amirasVersion = (await amira.GetFromJsonAsync<JsonElement>($"/api/mentions/{id}")).GetProperty("version").GetInt32();
        var bensVersion = (await ben.GetFromJsonAsync<JsonElement>($"/api/mentions/{id}")).GetProperty("version").GetInt32();

        var first = await amira.PatchAsJsonAsync($"/api/mentions/{id}", new { entityType = "actor", entityId = houthis.Id, version = amirasVersion });
        var second = await ben.PatchAsJsonAsync($"/api/mentions/{id}", new { entityType = "actor", entityId = hezbollah.Id, version = bensVersion });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(amirasVersion + 1, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType!.MediaType);
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Houthis", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var current = problem.GetProperty("current");
        Assert.Equal((houthis.Id, "Houthis", amirasVersion + 1), (current.GetProperty("entityId").GetInt32(), current.GetProperty("entityName").GetString(), current.GetProperty("version").GetInt32()));
        var stored = await factory.FindAsync<Mention>(id);
        Assert.Equal((houthis.Id, amirasVersion + 1), (stored!.ActorId!.Value, stored.Version));
    }

    [Fact]
    public async Task Repointing_without_a_version_is_a_400_problem_and_changes_nothing()
    {
        var article = await factory.AddArticleAsync("Ansar Allah fired at Eilat.");
        var wrong = await factory.AddActorAsync("Hamas");
        var right = await factory.AddActorAsync("Houthis");
        var id = await TagAsync(article, "Ansar Allah", wrong.Id);

        var response = await _client.PatchAsJsonAsync($"/api/mentions/{id}", new { entityType = "actor", entityId = right.Id });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("version", out _));
        var stored = await factory.FindAsync<Mention>(id);
        Assert.Equal((wrong.Id, 1), (stored!.ActorId!.Value, stored.Version));
    }

    [Fact]
    public async Task Repointing_to_a_new_incident_clears_the_actor_link()
    {
        var article = await factory.AddArticleAsync("Ansar Allah fired at Eilat.");
        var actor = await factory.AddActorAsync("Houthis");
        var id = await TagAsync(article, "Ansar Allah", actor.Id);

        var response = await _client.PutAsJsonAsync($"/api/mentions/{id}", new { entityType = "incident", newEntity = new { name = "Eilat drone attack" }, version = 1 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var mention = await factory.FindAsync<Mention>(id);
        Assert.Null(mention!.ActorId);
        Assert.NotNull(mention.IncidentId);
    }

    [Fact]
    public async Task Repointing_to_an_unknown_record_gets_404_and_changes_nothing()
    {
        var article = await factory.AddArticleAsync("Ansar Allah fired at Eilat.");
        var actor = await factory.AddActorAsync("Houthis");
        var id = await TagAsync(article, "Ansar Allah", actor.Id);

        var response = await _client.PatchAsJsonAsync($"/api/mentions/{id}", new { entityType = "claim", entityId = 987654, version = 1 });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(actor.Id, (await factory.FindAsync<Mention>(id))!.ActorId);
    }

    [Fact]
    public async Task Deleting_a_mention_answers_204_then_404()
    {
        var article = await factory.AddArticleAsync("Ansar Allah fired at Eilat.");
        var actor = await factory.AddActorAsync("Houthis");
        var id = await TagAsync(article, "Ansar Allah", actor.Id);

        var first = await _client.DeleteAsync($"/api/mentions/{id}");
        var second = await _client.DeleteAsync($"/api/mentions/{id}");

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        Assert.Null(await factory.FindAsync<Mention>(id));
        Assert.NotNull(await factory.FindAsync<Actor>(actor.Id));
    }

    [Fact]
    public async Task Deleting_with_an_old_version_after_someone_repointed_answers_409_and_deletes_nothing()
    {
        var article = await factory.AddArticleAsync("Ansar Allah fired at Eilat.");
        var wrong = await factory.AddActorAsync("Hezbollah");
        var right = await factory.AddActorAsync("Houthis");
        var id = await TagAsync(article, "Ansar Allah", wrong.Id);
        var read = (await _client.GetFromJsonAsync<JsonElement>($"/api/mentions/{id}")).GetProperty("version").GetInt32();
        var repointed = await _client.PatchAsJsonAsync($"/api/mentions/{id}", new { entityType = "actor", entityId = right.Id, version = read });
        Assert.Equal(HttpStatusCode.OK, repointed.StatusCode);

        var stale = await _client.DeleteAsync($"/api/mentions/{id}?version={read}");

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var current = (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("current");
        Assert.Equal(("Houthis", read + 1), (current.GetProperty("entityName").GetString(), current.GetProperty("version").GetInt32()));
        Assert.Equal(right.Id, (await factory.FindAsync<Mention>(id))!.ActorId);

        var fresh = await _client.DeleteAsync($"/api/mentions/{id}?version={read + 1}");

        Assert.Equal(HttpStatusCode.NoContent, fresh.StatusCode);
        Assert.Null(await factory.FindAsync<Mention>(id));
    }
}
