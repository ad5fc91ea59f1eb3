using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Web.Data.Records;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Api;

/// <summary>Identical mentions (same article, span and record) are refused, by the API, the database and merges.</summary>
public class DuplicateMentionsApiTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private Task<HttpResponseMessage> TagAsync(Article article, string phrase, string type, int id)
    {
        var (start, end) = article.SpanOf(phrase);
        return _client.PostAsJsonAsync($"/api/articles/{article.Id}/mentions", new { start, end, quote = phrase, entityType = type, entityId = id });
    }

    [Fact]
    public async Task Tagging_the_same_span_with_the_same_record_again_is_409_naming_the_existing_mention_and_saves_nothing()
    {
        var article = await factory.AddArticleAsync("The Houthis fired at Eilat.");
        var houthis = await factory.AddActorAsync("Houthis");
        var first = await TagAsync(article, "Houthis", "actor", houthis.Id);
        var firstId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        var second = await TagAsync(article, "Houthis", "actor", houthis.Id);
        var third = await TagAsync(article, "Houthis", "actor", houthis.Id);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict), (second.StatusCode, third.StatusCode));
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("duplicateMention", problem.GetProperty("problem").GetString());
        Assert.Equal(firstId, problem.GetProperty("existing").GetProperty("id").GetInt32());
        Assert.Contains($"already mention {firstId} of actor \u201cHouthis\u201d", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await factory.ExecuteDbContextAsync(db => db.Mentions.CountAsync(m => m.ArticleId == article.Id)));
    }

    [Fact]
    public async Task The_same_span_may_point_to_another_record_and_another_span_to_the_same_record()
    {
        var article = await factory.AddArticleAsync("The Houthis fired at Eilat. The Houthis said so.");
        var houthis = await factory.AddActorAsync("Houthis (dup test)");
        var incident = new Incident { Title = "Eilat (dup test)" };
        await factory.InsertAsync(incident);
        var (start, end) = article.SpanOf("Houthis", 10);

        Assert.Equal(HttpStatusCode.Created, (await TagAsync(article, "Houthis", "actor", houthis.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await TagAsync(article, "Houthis", "incident", incident.Id)).StatusCode);
        var other = await _client.PostAsJsonAsync($"/api/articles/{article.Id}/mentions", new { start, end, quote = "Houthis", entityType = "actor", entityId = houthis.Id });
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
    }

    [Fact]
    public async Task Re_pointing_a_mention_onto_a_record_already_tagged_on_that_span_is_409_and_changes_nothing()
    {
        var article = await factory.AddArticleAsync("Kataib Hezbollah struck Tower 22.");
        var kh = await factory.AddActorAsync("Kataib Hezbollah (dup test)");
        var wrong = await factory.AddActorAsync("Hezbollah (dup test)");
        var kept = (await (await TagAsync(article, "Kataib Hezbollah", "actor", kh.Id)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var mistaken = (await (await TagAsync(article, "Kataib Hezbollah", "actor", wrong.Id)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        var response = await _client.PatchAsJsonAsync($"/api/mentions/{mistaken}", new { entityType = "actor", entityId = kh.Id, version = 1 });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(kept, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("existing").GetProperty("id").GetInt32());
        Assert.Equal(wrong.Id, (await factory.FindAsync<Mention>(mistaken))!.ActorId);
    }

    [Fact]
    public async Task The_database_refuses_an_identical_mention_written_around_the_API()
    {
        var article = await factory.AddArticleAsync("Hamas and Israel.");
        var hamas = await factory.AddActorAsync("Hamas (index test)");
        await factory.InsertAsync(new Mention { ArticleId = article.Id, Start = 0, End = 5, Quote = "Hamas", ActorId = hamas.Id });

        await Assert.ThrowsAsync<DbUpdateException>(() =>
            factory.InsertAsync(new Mention { ArticleId = article.Id, Start = 0, End = 5, Quote = "Hamas", ActorId = hamas.Id }));
    }

    [Fact]
    public async Task Merging_two_incidents_tagged_on_the_same_span_keeps_one_mention_and_audits_the_removed_copy()
    {
        var article = await factory.AddArticleAsync("A drone hit Tower 22 in January.");
        var survivor = new Incident { Title = "Tower 22 drone attack" };
        var duplicate = new Incident { Title = "Attack on Tower 22" };
        await factory.InsertAsync(survivor, duplicate);
        var (start, end) = article.SpanOf("A drone hit Tower 22");
        var kept = new Mention { ArticleId = article.Id, Start = start, End = end, Quote = "A drone hit Tower 22", IncidentId = survivor.Id };
        var copy = new Mention { ArticleId = article.Id, Start = start, End = end, Quote = "A drone hit Tower 22", IncidentId = duplicate.Id };
        var (otherStart, otherEnd) = article.SpanOf("Tower 22");
        var moved = new Mention { ArticleId = article.Id, Start = otherStart, End = otherEnd, Quote = "Tower 22", IncidentId = duplicate.Id };
        await factory.InsertAsync(kept, copy, moved);

        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<RecordMerger>().MergeIncidentsAsync(survivor.Id, duplicate.Id, CancellationToken.None);

        Assert.Equal((true, 1, 1), (result.Succeeded, result.MentionsMoved, result.MentionsCollapsed));
        var mentions = await factory.ExecuteDbContextAsync(db => db.Mentions.AsNoTracking().Where(m => m.ArticleId == article.Id).OrderBy(m => m.Id).ToListAsync());
        Assert.Equal([(kept.Id, survivor.Id), (moved.Id, survivor.Id)], mentions.Select(m => (m.Id, m.IncidentId!.Value)).ToArray());
        var copyKey = copy.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var audit = await factory.ExecuteDbContextAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "Mention" && e.EntityId == copyKey).ToListAsync());
        Assert.Contains(audit, e => e.Action == AuditAction.Deleted);
    }

    [Fact]
    public async Task Merging_two_actors_tagged_on_the_same_span_keeps_one_mention()
    {
        var article = await factory.AddArticleAsync("Ansar Allah fired at Eilat.");
        var survivor = await factory.AddActorAsync("Houthis (merge dup)");
        var duplicate = await factory.AddActorAsync("Ansar Allah (merge dup)");
        await factory.InsertAsync(
            new Mention { ArticleId = article.Id, Start = 0, End = 11, Quote = "Ansar Allah", ActorId = survivor.Id },
            new Mention { ArticleId = article.Id, Start = 0, End = 11, Quote = "Ansar Allah", ActorId = duplicate.Id });

        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<RecordMerger>().MergeActorsAsync(survivor.Id, duplicate.Id, CancellationToken.None);

        Assert.Equal((true, 0, 1), (result.Succeeded, result.MentionsMoved, result.MentionsCollapsed));
        Assert.Equal(1, await factory.ExecuteDbContextAsync(db => db.Mentions.CountAsync(m => m.ArticleId == article.Id)));
    }
}
