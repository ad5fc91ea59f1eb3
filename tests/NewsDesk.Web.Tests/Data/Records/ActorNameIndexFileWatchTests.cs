using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Web.Data;
using NewsDesk.Web.Data.Records;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Data.Records;

/// <summary>
/// The type-ahead learns of a write another process made to the SQLite file (a verb, a tool: SQLite has one serving
/// instance) by watching the file. On SQLite whatever the suite runs on; on PostgreSQL a second instance tells the
/// others (SeveralInstancesTests).
/// </summary>
[Trait(TestStore.EngineTrait, TestStore.FixedEngine)]
public class ActorNameIndexFileWatchTests(SqliteNewsDeskFactory factory) : IClassFixture<SqliteNewsDeskFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task An_alias_added_by_another_process_shows_within_seconds()
    {
        var actor = await factory.AddActorAsync("Orange Elsewhere Corps");
        Assert.Empty(await _client.ActorNamesAsync("Vaal Elsewhere"));

        // Another instance of the app on the same file: its saves do not go through this process's pipeline.
        var options = new DbContextOptionsBuilder<NewsDeskDbContext>().UseSqlite($"Data Source={factory.DatabasePath};Pooling=False").Options;
        await using (var other = new NewsDeskDbContext(options))
        {
            other.ActorAliases.Add(new ActorAlias { ActorId = actor.Id, Name = "Vaal Elsewhere Corps" });
            await other.SaveChangesAsync();
        }

        // The store's files are looked at about once a second.
        string[] found = [];
        for (var attempt = 0; attempt < 50 && found.Length == 0; attempt++)
        {
            await Task.Delay(200);
            found = await _client.ActorNamesAsync("Vaal Elsewhere");
        }

        Assert.Equal(["Orange Elsewhere Corps"], found);
        Assert.True(Index.StoreChecks > 0);
    }

    private ActorNameIndex Index => factory.Services.GetRequiredService<ActorNameIndex>();
}
