using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Tests.Infrastructure;
using NewsDesk.Web.Tests.Ingest;
using NewsDesk.Web.Tests.Operations.CrashSafety;

namespace NewsDesk.Web.Tests.Operations;

/// <summary>
/// Issue 20's full disk, simulated with the database size limit (SQLite's <c>max_page_count</c>: the engine fails the
/// write with SQLITE_FULL exactly as when the disk itself is full): the source and the person see "disk full:
/// nothing saved", nothing is half-written, and the work goes on once there is room again.
/// </summary>
[Trait(TestStore.EngineTrait, TestStore.FixedEngine)]
public class FullDiskTests(FixtureSite site) : IClassFixture<FixtureSite>
{
    [Fact]
    public async Task A_full_disk_stops_the_scrape_and_refuses_writes_with_a_clear_message_and_everything_resumes_once_there_is_room()
    {
        var dataDirectory = TestDirectory.Create();
        var run = Guid.NewGuid().ToString("N")[..6];
        var slugs = Enumerable.Range(1, 400).Select(i => $"f{run}-{i}").ToList();
        int sourceId;
        string token;
        int articleId;
        string text;
        await using (var roomy = On(dataDirectory, limitMegabytes: null))
        {
            token = (await roomy.CreateClientAsync("editor")).DefaultRequestHeaders.Authorization!.Parameter!;
            text = "Kataib Hezbollah attacked Tower 22. " + string.Join(' ', Enumerable.Range(1, 50).Select(i => $"word{i}"));
            articleId = (await roomy.AddArticleAsync(text)).Id;
            sourceId = await roomy.AddSourceAsync(site.Url($"/feeds/rss.xml?items=f{run}*{slugs.Count}"));
        }

        // The database may not grow past what it is now: only the free pages inside it are left.
        var full = PagesOf(Path.Combine(dataDirectory, "newsdesk.db")) / (1024.0 * 1024.0);
        await using (var cramped = On(dataDirectory, full))
        {
            var summary = await cramped.FetchSourceAsync(sourceId);

            Assert.False(summary.Succeeded);
            Assert.Contains("disk full: nothing saved", summary.Error, StringComparison.Ordinal);
            Assert.InRange(summary.NewArticles, 0, slugs.Count - 1);
            var editor = await cramped.CreateClientAsync("editor", apiToken: false);
            // On a really full disk not even the source's error row fits; the source's page says it all the same.
            var sourcePage = await editor.GetDocumentAsync($"/sources/{sourceId}");
            Assert.Contains("disk full: nothing saved", sourcePage.QuerySelector("dl.source-meta")?.TextContent, StringComparison.Ordinal);

            var api = cramped.CreateAnonymousClient();
            api.DefaultRequestHeaders.Authorization = new("Bearer", token);
            var refused = await api.PostAsJsonAsync("/api/actors", new
            {
                name = "Islamic Resistance in Iraq",
                kind = "armed group",
                aliases = Enumerable.Range(1, 200).Select(i => $"Islamic Resistance in Iraq, alias {i} " + new string('x', 250)).ToArray(),
            });
            Assert.Equal(HttpStatusCode.InsufficientStorage, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("Disk full: nothing saved", problem.GetProperty("title").GetString());

            var page = await editor.SubmitFormAsync("/actors/new", new Dictionary<string, string>
            {
                ["Form.Name"] = "Islamic Resistance in Iraq",
                ["Form.Aliases"] = string.Join('\n', Enumerable.Range(1, 200).Select(i => $"alias {i} " + new string('y', 250))),
                ["Form.Description"] = new string('z', 3900),
            });
            Assert.Equal(HttpStatusCode.InsufficientStorage, page.StatusCode);
            Assert.Contains("Disk full: nothing saved", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(0, await cramped.ExecuteDbContextAsync(db => db.Actors.CountAsync(a => a.Name == "Islamic Resistance in Iraq")));
        }

        var store = new CrashStore(dataDirectory, Path.Combine(dataDirectory, "newsdesk.db"), token, articleId, text);
        var afterFull = await StoreConsistency.CheckAsync(store, []);
        Assert.True(afterFull.Problems.Count == 0, string.Join("; ", afterFull.Problems));

        // Room again: the next fetch reads the feed anew (no 304 on the validators of the failed one) and stores the rest.
        await using var freed = On(dataDirectory, limitMegabytes: null);
        var resumed = await freed.FetchSourceAsync(sourceId);
        Assert.True(resumed.Succeeded, resumed.Error);
        var urls = await StoreConsistency.ScrapedUrlsAsync(store);
        Assert.Equal(slugs.Select(s => site.Url($"/articles/{s}.html")).Order(), urls.Order());
        Assert.Empty((await StoreConsistency.CheckAsync(store, [])).Problems);
    }

    private static NewsDeskFactory On(string dataDirectory, double? limitMegabytes) =>
        NewsDeskFactory.On(dataDirectory, TestEngine.Sqlite) // the size limit is SQLite's max_page_count
            .WithSetting("Ingest:Enabled", "false")
            .WithSetting("Ingest:AllowPrivateNetworks", "true")
            .WithSetting("Ingest:PerHostDelay", "00:00:00")
            .WithSetting("Ingest:PerHostConcurrency", "4")
            .WithSetting("Ingest:MaxNewArticlesPerFetch", "1000")
            .WithSetting("NewsDesk:ImportSeedsOnStart", "false")
            .WithSetting("NewsDesk:DatabaseSizeLimitMegabytes", limitMegabytes?.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static long PagesOf(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        command.ExecuteNonQuery();
        command.CommandText = "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()";
        return (long)command.ExecuteScalar()!;
    }
}
