using System.Net;
using System.Net.Http.Json;
using NewsDesk.Web.Tests.Infrastructure;
using Npgsql;

namespace NewsDesk.Web.Tests.Operations;

/// <summary>
/// The PostgreSQL server goes down under a running app (a cluster of the test's own, stopped with the fast shutdown
/// that cuts open connections): pages and the API answer 503 with Retry-After and say to try again, not a server
/// error, and once the server is back the same app serves again without a restart.
/// </summary>
[Trait(TestStore.EngineTrait, TestStore.FixedEngine)]
public sealed class StoreUnreachableTests : IDisposable
{
    private readonly TestPostgresCluster _cluster = TestPostgresCluster.StartOwn();

    public void Dispose() => _cluster.Dispose();

    [Fact]
    public async Task While_the_database_server_is_down_requests_get_503_with_retry_after_and_work_again_once_it_is_back()
    {
        var database = new NpgsqlConnectionStringBuilder(_cluster.ConnectionString) { Database = "newsdesk" }.ConnectionString;
        await using var factory = NewsDeskFactory.On(TestDirectory.Create(), TestEngine.Postgres)
            .WithSetting("ConnectionStrings:NewsDesk", database)
            .WithSetting("Ingest:Enabled", "false");
        var editor = await factory.CreateClientAsync("editor");
        Assert.Equal(HttpStatusCode.Created, (await AddActorAsync(editor, "Before the outage")).StatusCode);

        _cluster.Stop();

        // A search nobody made before: no cache can answer it.
        var page = await editor.GetAsync($"/?q={Guid.NewGuid():N}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), page.Headers.RetryAfter?.Delta);
        Assert.Contains("The database cannot be reached just now", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var write = await AddActorAsync(editor, "During the outage");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, write.StatusCode);
        Assert.Equal("application/problem+json", write.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Try again in a moment", await write.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        _cluster.Start();

        // The pool drops the cut connections as it meets them and opens new ones: within seconds, as a client
        // following Retry-After would see.
        var again = await AddActorAsync(editor, "After the outage");
        for (var attempt = 0; attempt < 20 && again.StatusCode == HttpStatusCode.ServiceUnavailable; attempt++)
        {
            await Task.Delay(500);
            again = await AddActorAsync(editor, "After the outage");
        }

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync($"/?q={Guid.NewGuid():N}")).StatusCode);
        // The test's own reads share the app's pool: connections the app has not met since the restart are dropped.
        NpgsqlConnection.ClearAllPools();
        Assert.Equal(0, await factory.ExecuteDbContextAsync(db => Task.FromResult(db.Actors.Count(a => a.Name == "During the outage"))));
    }

    private static Task<HttpResponseMessage> AddActorAsync(HttpClient client, string name) =>
        client.PostAsJsonAsync("/api/actors", new { name, kind = "armed group" });
}
