using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Web.Data.Records;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Data.Records;

public class RecordMergerTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    private async Task<MergeResult> MergeAsync(Func<RecordMerger, Task<MergeResult>> merge)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await merge(scope.ServiceProvider.GetRequiredService<RecordMerger>());
    }

    [Fact]
    public async Task Merging_actors_moves_mentions_claims_roles_and_links_and_keeps_the_names_as_aliases()
    {
        var article = await factory.AddArticleAsync("Kata'ib Hizballah and Kataib Hezbollah are one group.");
        var survivor = await factory.AddActorAsync("Kataib Hezbollah", "KH");
        var duplicate = await factory.AddActorAsync("Kata'ib Hizballah", "Hezbollah Brigades", "kh");
        var iran = await factory.AddActorAsync("Iran (merge test)");
        var incident = new Incident { Title = "Merge test incident", Actors = [new IncidentActor { ActorId = duplicate.Id, Role = IncidentRole.Perpetrator }] };
        var claim = new Claim { Text = "Merge test claim", ClaimantId = duplicate.Id };
        await factory.InsertAsync(incident);
        await factory.InsertAsync(claim);
        await factory.InsertAsync(
            new ActorAffiliation { ActorId = duplicate.Id, AffiliateId = iran.Id, Relation = "backed by" },
            new ActorAffiliation { ActorId = iran.Id, AffiliateId = duplicate.Id, Relation = "backs" });
        await factory.InsertAsync(new Mention { ArticleId = article.Id, Start = 0, End = 17, Quote = "Kata'ib Hizballah", ActorId = duplicate.Id });

        var result = await MergeAsync(m => m.MergeActorsAsync(survivor.Id, duplicate.Id, CancellationToken.None));

        Assert.True(result.Succeeded);
        Assert.Equal(1, result.MentionsMoved);
        var merged = await factory.ExecuteDbContextAsync(db => db.Actors.Include(a => a.Aliases).Include(a => a.Affiliations).SingleAsync(a => a.Id == survivor.Id));
        Assert.Equal(["Hezbollah Brigades", "KH", "Kata'ib Hizballah"], merged.Aliases.Select(a => a.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(2, merged.Version);
        Assert.Equal(iran.Id, merged.Affiliations.Single().AffiliateId);
        Assert.Null(await factory.FindAsync<Actor>(duplicate.Id));
        Assert.Equal(survivor.Id, (await factory.ExecuteDbContextAsync(db => db.Mentions.SingleAsync(m => m.ArticleId == article.Id))).ActorId);
        Assert.Equal(survivor.Id, (await factory.FindAsync<Claim>(claim.Id))!.ClaimantId);
        Assert.True(await factory.ExecuteDbContextAsync(db => db.IncidentActors.AnyAsync(r => r.IncidentId == incident.Id && r.ActorId == survivor.Id)));
        Assert.True(await factory.ExecuteDbContextAsync(db => db.ActorAffiliations.AnyAsync(l => l.ActorId == iran.Id && l.AffiliateId == survivor.Id)));
    }

    [Fact]
    public async Task Merging_incidents_moves_mentions_and_claims_and_keeps_the_other_title_in_the_notes()
    {
        var article = await factory.AddArticleAsync("The Tower 22 attack, the Jordan drone strike.");
        var survivor = new Incident { Title = "Tower 22 attack" };
        var duplicate = new Incident { Title = "Jordan drone strike", Fatalities = 3, Country = "Jordan" };
        await factory.InsertAsync(survivor, duplicate);
        var claim = new Claim { Text = "Kataib Hezbollah did it", IncidentId = duplicate.Id, Kind = ClaimKind.Responsibility };
        await factory.InsertAsync(claim);
        await factory.InsertAsync(new Mention { ArticleId = article.Id, Start = 25, End = 44, Quote = "Jordan drone strike", IncidentId = duplicate.Id });

        var result = await MergeAsync(m => m.MergeIncidentsAsync(survivor.Id, duplicate.Id, CancellationToken.None));

        Assert.True(result.Succeeded);
        var merged = (await factory.FindAsync<Incident>(survivor.Id))!;
        Assert.Contains("Also reported as: Jordan drone strike", merged.Notes, StringComparison.Ordinal);
        Assert.Equal((3, "Jordan"), (merged.Fatalities!.Value, merged.Country!));
        Assert.Equal(survivor.Id, (await factory.FindAsync<Claim>(claim.Id))!.IncidentId);
        Assert.Equal(survivor.Id, (await factory.ExecuteDbContextAsync(db => db.Mentions.SingleAsync(m => m.ArticleId == article.Id))).IncidentId);
        Assert.Null(await factory.FindAsync<Incident>(duplicate.Id));
        var found = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/incidents?q=Jordan%20drone%20strike");
        Assert.Equal([survivor.Id], found.EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToArray());
    }

    [Fact]
    public async Task Merging_a_record_into_itself_is_refused()
    {
        var actor = await factory.AddActorAsync("Self merge");

        var result = await MergeAsync(m => m.MergeActorsAsync(actor.Id, actor.Id, CancellationToken.None));

        Assert.False(result.Succeeded);
        Assert.NotNull(await factory.FindAsync<Actor>(actor.Id));
    }
}
