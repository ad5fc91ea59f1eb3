using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Api;

public class ArticlesApiTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static object Mention(int start, int end, string quote, string type, int? entityId = null, object? newEntity = null) =>
        new { start, end, quote, entityType = type, entityId, newEntity };

    [Fact]
    public async Task Get_article_returns_text_and_mentions_with_record_names()
    {
        var article = await factory.ArticleAsync();

        var json = await _client.GetFromJsonAsync<JsonElement>($"/api/articles/{article.Id}");

        Assert.Equal(article.Text, json.GetProperty("text").GetString());
        Assert.Equal(article.Title, json.GetProperty("title").GetString());
        var kh = json.GetProperty("mentions").EnumerateArray().Single(m => m.GetProperty("quote").GetString() == "Kataib Hezbollah");
        Assert.Equal("actor", kh.GetProperty("entityType").GetString());
        Assert.Equal("Kataib Hezbollah", kh.GetProperty("entityName").GetString());
        Assert.Equal(article.Text.IndexOf("Kataib Hezbollah", StringComparison.Ordinal), kh.GetProperty("start").GetInt32());
    }

    [Fact]
    public async Task Posting_a_mention_with_a_new_actor_creates_both_and_answers_201_with_its_location()
    {
        var article = await factory.AddArticleAsync("The Popular Mobilization Forces denied it.");
        var (start, end) = article.SpanOf("Popular Mobilization Forces");

        var response = await _client.PostAsJsonAsync($"/api/articles/{article.Id}/mentions",
            Mention(start, end, "Popular Mobilization Forces", "actor", newEntity: new { name = "Popular Mobilization Forces", kind = "armed group", country = "Iraq" }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"/api/mentions/{body.GetProperty("id").GetInt32()}", response.Headers.Location!.OriginalString);
        Assert.Equal("Popular Mobilization Forces", body.GetProperty("entityName").GetString());
        var actor = await factory.ExecuteDbContextAsync(db => db.Actors.SingleAsync(a => a.Id == body.GetProperty("entityId").GetInt32()));
        Assert.Equal(NewsDesk.Web.Domain.ActorKind.ArmedGroup, actor.Kind);
        Assert.Equal("Iraq", actor.Country);
    }

    [Fact]
    public async Task Overlapping_and_nested_mentions_are_all_kept()
    {
        var article = await factory.AddArticleAsync("Kataib Hezbollah attacked the Tower 22 base in Jordan.");
        var actor = await factory.AddActorAsync("Kataib Hezbollah");
        var whole = article.SpanOf("Kataib Hezbollah attacked the Tower 22 base");
        var inner = article.SpanOf("Kataib Hezbollah");
        var overlapping = article.SpanOf("Tower 22 base in Jordan");

        var responses = new[]
        {
            await _client.PostAsJsonAsync($"/api/articles/{article.Id}/mentions", Mention(whole.Start, whole.End, "Kataib Hezbollah attacked the Tower 22 base", "incident", newEntity: new { name = "Tower 22 attack" })),
            await _client.PostAsJsonAsync($"/api/articles/{article.Id}/mentions", Mention(inner.Start, inner.End, "Kataib Hezbollah", "actor", actor.Id)),
            await _client.PostAsJsonAsync($"/api/articles/{article.Id}/mentions", Mention(overlapping.Start, overlapping.End, "Tower 22 base in Jordan", "claim", newEntity: new { name = "The base is in Jordan" })),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var mentions = await _client.GetFromJsonAsync<JsonElement>($"/api/articles/{article.Id}/mentions");
        Assert.Equal(["incident", "actor", "claim"], mentions.EnumerateArray().Select(m => m.GetProperty("entityType").GetString()!).ToArray());
    }

    [Theory]
    [InlineData(10, 10, "end (10) must be greater than start (10)")]
    [InlineData(12, 4, "end (4) must be greater than start (12)")]
    [InlineData(-1, 3, "outside the article text")]
    [InlineData(0, 999, "outside the article text, which is 19 UTF-16 code units long")]
    [InlineData(5, 6, "The span covers only whitespace.")]
    public async Task Bad_offsets_get_400_saying_what_is_wrong(int start, int end, string expected)
    {
        var article = await factory.AddArticleAsync("Hamas and Hezbollah");
        var actor = await factory.AddActorAsync("Hamas");

        var response = await _client.PostAsJsonAsync($"/api/articles/{article.Id}/mentions", Mention(start, end, "Hamas", "actor", actor.Id));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(expected, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await factory.ExecuteDbContextAsync(db => db.Mentions.CountAsync(m => m.ArticleId == article.Id)));
    }

    [Theory]
    [InlineData("Caf\u0065\u0301 Riche was hit.", 0, 4)] // "e" without its combining acute accent
    [InlineData("Thumbs \U0001F44D\U0001F3FD up", 7, 9)] // 👍 without its skin tone
    [InlineData("Flag \U0001F1EE\U0001F1F6 flew", 5, 7)] // half of the flag of Iraq (two regional indicators)
    public async Task A_span_that_splits_a_character_as_readers_see_it_gets_400_and_no_mention(string text, int start, int end)
    {
        var article = await factory.AddArticleAsync(text);
        var actor = await factory.AddActorAsync("Grapheme test");

        var response = await _client.PostAsJsonAsync($"/api/articles/{article.Id}/mentions", Mention(start, end, text[start..end], "actor", actor.Id));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("splitsCharacter", problem.GetProperty("problem").GetString());
        Assert.Contains("cuts a character as readers see it", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await factory.ExecuteDbContextAsync(db => db.Mentions.CountAsync(m => m.ArticleId == article.Id)));
    }

    [Fact]
    public async Task A_span_around_whole_accented_letters_and_emoji_is_accepted()
    {
        const string text = "Caf\u0065\u0301 \U0001F44D\U0001F3FD";
        var article = await factory.AddArticleAsync(text);
        var actor = await factory.AddActorAsync("Grapheme test (whole)");

        var response = await _client.PostAsJsonAsync($"/api/articles/{article.Id}/mentions", Mention(0, text.Length, text, "actor", actor.Id));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_quote_that_is_not_the_text_at_the_offsets_gets_409_naming_the_text_there()
    {
        var article = await factory.AddArticleAsync("Hamas and Hezbollah");
        var actor = await factory.AddActorAsync("Hezbollah");

        var response = await _client.PostAsJsonAsync($"/api/articles/{article.Id}/mentions", Mention(0, 9, "Hezbollah", "actor", actor.Id));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("quoteMismatch", problem.GetProperty("problem").GetString());
        Assert.Contains("the text there is \"Hamas and\"", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_record_id_gets_404_and_no_mention()
    {
        var article = await factory.AddArticleAsync("Hamas and Hezbollah");

        var response = await _client.PostAsJsonAsync($"/api/articles/{article.Id}/mentions", Mention(0, 5, "Hamas", "incident", 987654));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("There is no incident with id 987654.", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await factory.ExecuteDbContextAsync(db => db.Mentions.CountAsync(m => m.ArticleId == article.Id)));
    }

    [Fact]
    public async Task An_unknown_article_gets_404_problem_json()
    {
        var response = await _client.PostAsJsonAsync("/api/articles/987654/mentions", Mention(0, 5, "Hamas", "actor", 1));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task An_unknown_entity_type_and_a_missing_target_are_validation_problems()
    {
        var article = await factory.AddArticleAsync("Hamas and Hezbollah");

        var response = await _client.PostAsJsonAsync($"/api/articles/{article.Id}/mentions", new { start = 0, end = 5, quote = "Hamas", entityType = "person" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("\"actor\", \"incident\" or \"claim\"", errors.GetProperty("entityType")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("either entityId", errors.GetProperty("entityId")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_is_not_json_gets_problem_json_not_the_html_error_page()
    {
        var article = await factory.AddArticleAsync("Hamas and Hezbollah");

        var response = await _client.PostAsync($"/api/articles/{article.Id}/mentions", new StringContent("not json", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Arabic_text_and_emoji_offsets_are_UTF16_code_units_as_in_CSharp_strings()
    {
        const string text = "قال 🚀🔥 كتائب حزب الله إن الهجوم 👍 نجح";
        var article = await factory.AddArticleAsync(text);
        var (start, end) = article.SpanOf("كتائب حزب الله");
        Assert.Equal(9, start); // "قال " is 4 code units, each emoji 2, then a space: 4 + 2 + 2 + 1

        var created = await _client.PostAsJsonAsync($"/api/articles/{article.Id}/mentions", Mention(start, end, "كتائب حزب الله", "actor", newEntity: new { name = "كتائب حزب الله" }));
        var splitEmoji = await _client.PostAsJsonAsync($"/api/articles/{article.Id}/mentions", Mention(5, 8, text[5..8], "actor", newEntity: new { name = "half a rocket" }));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var stored = await factory.ExecuteDbContextAsync(db => db.Mentions.SingleAsync(m => m.ArticleId == article.Id));
        Assert.Equal((start, end, "كتائب حزب الله"), (stored.Start, stored.End, stored.Quote));
        Assert.Equal(HttpStatusCode.BadRequest, splitEmoji.StatusCode);
        Assert.Contains("surrogate pair", (await splitEmoji.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_record_name_with_markup_comes_back_as_the_same_characters()
    {
        var article = await factory.AddArticleAsync("Hamas said so.");
        const string hostile = "<img src=x onerror=alert(1)>Hamas";

        var response = await _client.PostAsJsonAsync($"/api/articles/{article.Id}/mentions", Mention(0, 5, "Hamas", "actor", newEntity: new { name = hostile }));

        var mention = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(hostile, mention.GetProperty("entityName").GetString());
    }
}
