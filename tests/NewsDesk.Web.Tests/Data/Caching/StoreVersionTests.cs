using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Web.Data;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Data.Caching;

/// <summary>Which saves start a new store version (and so retire cached pages).</summary>
public class StoreVersionTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    [Fact]
    public async Task Content_saves_start_a_new_version_and_a_token_use_does_not()
    {
        var client = await factory.CreateClientAsync("editor", apiToken: true);
        var version = factory.Services.GetRequiredService<StoreVersion>();
        var before = version.Current;

        await factory.InsertAsync(new Actor { Name = "Kataib Hezbollah", Kind = ActorKind.ArmedGroup });
        var afterActor = version.Current;
        Assert.True(afterActor > before, "a new actor changes what pages show");

        var search = await client.GetAsync("/api/actors?q=Kataib"); // saves the token's LastUsedAt: bookkeeping
        Assert.Equal(System.Net.HttpStatusCode.OK, search.StatusCode);
        Assert.NotNull(await factory.ExecuteDbContextAsync(db => db.ApiTokens.Where(t => t.LastUsedAt != null).Select(t => t.LastUsedAt).FirstOrDefaultAsync()));
        Assert.Equal(afterActor, version.Current);
    }
}
