using Microsoft.Data.Sqlite;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Pages.Articles;

/// <summary>
/// The article page is read once per store version (ArticlePageReader, VersionedCache): what is saved after it was
/// cached shows on the next request, whether saved through the app or by another process on the same file.
/// </summary>
// On SQLite: the second test writes the database file from another connection, as a cron job would.
[Trait(TestStore.EngineTrait, TestStore.FixedEngine)]
public class ArticlePageCacheTests(SqliteNewsDeskFactory factory) : IClassFixture<SqliteNewsDeskFactory>
{
    [Fact]
    public async Task A_collection_filed_after_the_page_was_cached_shows_on_the_next_request()
    {
        var article = await InsertArticleAsync("filed");
        var client = factory.CreateClient();
        var before = await client.GetDocumentAsync($"/articles/{article.Id}");
        Assert.Empty(before.QuerySelectorAll(".article-collection-list li"));

        var collection = new Collection { Name = "Red Sea shipping" };
        await factory.InsertAsync(collection);
        await factory.InsertAsync(new CollectionArticle { CollectionId = collection.Id, ArticleId = article.Id });

        var after = await client.GetDocumentAsync($"/articles/{article.Id}");
        Assert.Equal("Red Sea shipping", after.QuerySelector(".article-collection-list li a")!.TextContent);
    }

    [Fact]
    public async Task A_title_changed_by_another_process_shows_within_seconds()
    {
        var article = await InsertArticleAsync("elsewhere");
        var client = factory.CreateClient();
        Assert.Equal("Article elsewhere", (await client.GetDocumentAsync($"/articles/{article.Id}")).QuerySelector("article h1")!.TextContent);

        // Another process (sqlite3, a cron job's "scrape --once") writes the file directly: no SaveChanges here.
        await using (var other = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False"))
        {
            await other.OpenAsync();
            await using var command = other.CreateCommand();
            command.CommandText = "UPDATE Articles SET Title = 'Corrected elsewhere' WHERE Id = $id";
            command.Parameters.AddWithValue("$id", article.Id);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        // The store's files are looked at about once a second; without that the page would be cached for minutes.
        string? title = null;
        for (var attempt = 0; attempt < 50 && title != "Corrected elsewhere"; attempt++)
        {
            await Task.Delay(200);
            title = (await client.GetDocumentAsync($"/articles/{article.Id}")).QuerySelector("article h1")!.TextContent;
        }

        Assert.Equal("Corrected elsewhere", title);
    }

    private async Task<Article> InsertArticleAsync(string name)
    {
        var article = new Article { Url = $"https://example.test/cache-{name}", Title = $"Article {name}", Text = $"Text of {name}.", ContentHash = $"cache-{name}" };
        await factory.InsertAsync(article);
        return article;
    }
}
