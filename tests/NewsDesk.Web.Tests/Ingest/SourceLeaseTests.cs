using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Ingest;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Ingest;

/// <summary>Source claims on the suite's engine: a live claim of another instance holds a source back, a dead one runs out.</summary>
public class SourceLeaseTests(FixtureSite site) : IClassFixture<FixtureSite>
{
    [Fact]
    public async Task The_worker_leaves_a_source_another_instance_holds_and_takes_one_whose_claim_ran_out()
    {
        await using var factory = new IngestFactory()
            .WithSetting("Ingest:Enabled", "true")
            .WithSetting("Ingest:PollInterval", "00:00:00.100");
        var held = new Source
        {
            Name = "Held",
            Url = site.Url("/feeds/rss.xml?items=lease-held"),
            Kind = SourceKind.Feed,
            CreatedAt = DateTime.UtcNow,
            LeaseOwner = "another-instance",
            LeaseUntil = DateTime.UtcNow.AddHours(1),
        };
        var abandoned = new Source
        {
            Name = "Abandoned",
            Url = site.Url("/feeds/rss.xml?items=lease-abandoned"),
            Kind = SourceKind.Feed,
            CreatedAt = DateTime.UtcNow,
            LeaseOwner = "a-dead-instance",
            LeaseUntil = DateTime.UtcNow.AddMinutes(-1),
        };
        await factory.InsertAsync(held, abandoned);

        for (var i = 0; i < 150 && (await factory.FindAsync<Source>(abandoned.Id))!.LastFetchedAt is null; i++)
        {
            await Task.Delay(100);
        }

        await Task.Delay(500);
        var after = (await factory.FindAsync<Source>(abandoned.Id))!;
        Assert.NotNull(after.LastFetchedAt);
        Assert.Null(after.LeaseOwner);
        Assert.Empty(await factory.FetchLogAsync(held.Id));
        Assert.Equal("another-instance", (await factory.FindAsync<Source>(held.Id))!.LeaseOwner);
    }

    [Fact]
    public async Task A_direct_fetch_of_a_source_another_instance_holds_fetches_nothing()
    {
        await using var factory = new IngestFactory();
        var id = await factory.AddSourceAsync(site.Url("/feeds/rss.xml?items=lease-direct"));
        await factory.ExecuteDbContextAsync(db => db.Sources.Where(s => s.Id == id)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.LeaseOwner, "another-instance").SetProperty(s => s.LeaseUntil, DateTime.UtcNow.AddHours(1))));

        var summary = await factory.FetchSourceAsync(id);

        Assert.False(summary.Succeeded);
        Assert.Contains("another NewsDesk instance is fetching it now", summary.Error, StringComparison.Ordinal);
        Assert.Empty(await factory.FetchLogAsync(id));
        Assert.Empty(await factory.ArticlesOfAsync(id));
    }

    [Fact]
    public async Task A_direct_fetch_claims_the_source_while_it_runs_and_lets_go_after()
    {
        await using var factory = new IngestFactory();
        var id = await factory.AddSourceAsync(site.Url("/feeds/slow.xml?items=lease-released"));
        var instance = factory.Services.GetRequiredService<IngestInstance>().Id;

        var fetch = factory.FetchSourceAsync(id);
        string? ownerDuringFetch = null;
        for (var i = 0; i < 50 && ownerDuringFetch is null; i++)
        {
            await Task.Delay(20);
            ownerDuringFetch = (await factory.FindAsync<Source>(id))!.LeaseOwner;
        }

        Assert.True((await fetch).Succeeded);
        Assert.Equal(instance, ownerDuringFetch);
        var after = (await factory.FindAsync<Source>(id))!;
        Assert.Null(after.LeaseOwner);
        Assert.Null(after.LeaseUntil);
    }
}
