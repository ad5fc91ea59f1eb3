using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Data.Seeding;

public class KnowledgeSeederTests
{
    [Fact]
    public async Task First_start_imports_starter_actors_and_a_demo_annotation_whose_quotes_match_the_text()
    {
        await using var factory = new NewsDeskFactory();
        factory.CreateClient();

        var kh = await factory.ExecuteDbContextAsync(db => db.Actors.Include(a => a.Aliases).Include(a => a.Affiliations).ThenInclude(l => l.Affiliate)
            .SingleAsync(a => a.Name == "Kataib Hezbollah"));
        Assert.Equal(ActorKind.ArmedGroup, kh.Kind);
        Assert.Contains(kh.Aliases, a => a.Name == "Kata'ib Hizballah");
        Assert.Contains(kh.Affiliations, l => l.Affiliate!.Name == "Iran" && l.Relation == "backed by");
        var article = await factory.ArticleAsync();
        var mentions = await factory.ExecuteDbContextAsync(db => db.Mentions.Where(m => m.ArticleId == article.Id).ToListAsync());
        Assert.All(mentions, m => Assert.Equal(m.Quote, article.Text[m.Start..m.End]));
        Assert.Contains(mentions, m => m.ActorId is not null);
        Assert.Contains(mentions, m => m.IncidentId is not null);
        Assert.Contains(mentions, m => m.ClaimId is not null);
        Assert.True(await factory.ExecuteDbContextAsync(db => db.Incidents.AnyAsync(i => i.Title.Contains("Koniko") && i.Country == "Syria")));
        Assert.True(await factory.ExecuteDbContextAsync(db => db.Claims.AnyAsync(c => c.Text.StartsWith("IRNA: resistance groups targeted") && c.Claimant!.Name == "IRNA")));
    }

    [Fact]
    public async Task A_malformed_file_is_skipped_and_a_mention_whose_quote_does_not_match_is_refused()
    {
        var seeds = TestDirectory.Create("newsdesk-seeds");
        Directory.CreateDirectory(Path.Combine(seeds, "articles"));
        Directory.CreateDirectory(Path.Combine(seeds, "annotations"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "seeds", "articles", "000_fdc9f962e834fc36.json"), Path.Combine(seeds, "articles", "000.json"));
        await File.WriteAllTextAsync(Path.Combine(seeds, "actors.json"), """[{ "name": "Hamas", "kind": "armedGroup" }, { "name": "Israel", "kind": "state" }]""");
        await File.WriteAllTextAsync(Path.Combine(seeds, "annotations", "broken.json"), "{ this is not json");
        await File.WriteAllTextAsync(Path.Combine(seeds, "annotations", "000.json"), """
            { "articleUrl": "urn:newsdesk:seed:000_fdc9f962e834fc36",
              "mentions": [
                { "start": 144, "quote": "Hamas", "actor": "Hamas" },
                { "start": 0, "quote": "Israel", "actor": "Israel" } ] }
            """);
        await using var factory = new NewsDeskFactory().WithSetting("NewsDesk:SeedsDirectory", seeds);
        factory.CreateClient();

        var mentions = await factory.ExecuteDbContextAsync(db => db.Mentions.Include(m => m.Actor).ToListAsync());

        Assert.Equal("Hamas", Assert.Single(mentions).Actor!.Name);
        Assert.Equal(2, await factory.CountAsync<Actor>());
    }

    [Fact]
    public async Task Import_seeds_verb_adds_the_knowledge_base_once()
    {
        var path = Path.Combine(TestDirectory.Create(), "seeds.db");

        var first = await AppProcess.RunAsync(["import-seeds", AppProcess.Database(path)]);
        var second = await AppProcess.RunAsync(["import-seeds", AppProcess.Database(path)]);

        Assert.Equal(0, first.ExitCode);
        Assert.Matches("Imported [1-9][0-9]* actor\\(s\\), 5 incident\\(s\\), 4 claim\\(s\\), [1-9][0-9]* mention\\(s\\)", first.Output);
        Assert.Contains("Imported 0 actor(s), 0 incident(s), 0 claim(s), 0 mention(s).", second.Output, StringComparison.Ordinal);
    }
}
