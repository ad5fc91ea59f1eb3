using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;
using NewsDesk.Web.Tests.Ingest;

namespace NewsDesk.Web.Tests.Watchlists;

/// <summary>Articles that mention a followed actor or match a saved search are flagged as the scraper stores them.</summary>
public class WatchlistIngestTests(FixtureSite site) : IClassFixture<FixtureSite>
{
    [Fact]
    public async Task A_scrape_flags_new_articles_for_followed_actors_and_saved_searches()
    {
        await using var factory = new IngestFactory();
        var editor = await factory.CreateClientAsync("editor");
        var actor = await factory.AddActorAsync("Zulu Front", "Zulu");
        var follow = await editor.PostAsJsonAsync("/api/watchlist", new { actorId = actor.Id });
        Assert.Equal(HttpStatusCode.Created, follow.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await editor.PostAsJsonAsync("/api/watchlist", new { query = "Quebec report" })).StatusCode);

        var source = await factory.AddSourceAsync(site.Url("/feeds/rss.xml?items=zulu-front,quebec-report,plain-story"));
        await factory.FetchSourceAsync(source);

        var watched = await editor.GetFromJsonAsync<JsonElement>("/api/watchlist/articles");
        var titles = watched.EnumerateArray().ToDictionary(a => a.GetProperty("title").GetString()!, a => a.GetProperty("matchedBy")[0].GetString());
        Assert.Equal(2, titles.Count);
        Assert.Equal("Zulu Front", titles["Article zulu-front"]);
        Assert.Equal("\u201cQuebec report\u201d", titles["Article quebec-report"]);

        // The article list's Watched filter and the menu count show the same two.
        var list = await editor.GetFromJsonAsync<JsonElement>("/api/articles?watched=me");
        Assert.Equal(2, list.GetProperty("items").GetArrayLength());
        var home = await editor.GetStringAsync("/");
        Assert.Contains("watched-menu-count\">2<", home, StringComparison.Ordinal);

        // Another editor follows nothing and sees nothing.
        var other = await factory.CreateClientAsync("admin");
        Assert.Empty((await other.GetFromJsonAsync<JsonElement>("/api/watchlist/articles")).EnumerateArray());
    }

    [Fact]
    public async Task Bad_watches_are_refused_with_a_reason_and_nothing_is_stored()
    {
        await using var factory = new IngestFactory();
        var editor = await factory.CreateClientAsync("editor");

        var neither = await editor.PostAsJsonAsync("/api/watchlist", new { });
        var unknown = await editor.PostAsJsonAsync("/api/watchlist", new { actorId = 999_999 });
        var tooLong = await editor.PostAsJsonAsync("/api/watchlist", new { query = new string('x', 201) });

        Assert.Equal(HttpStatusCode.BadRequest, neither.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(0, await factory.CountAsync<Watch>());
    }
}
