using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data.Seeding;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Data;

[Trait(TestStore.EngineTrait, TestStore.FixedEngine)]
public class DatabaseStartupTests
{
    [Fact]
    public async Task Start_up_applies_the_initial_migration_and_records_it()
    {
        await using var factory = new SqliteNewsDeskFactory();
        factory.CreateClient();

        var migrations = await factory.ExecuteDbContextAsync(db =>
            db.Database.SqlQueryRaw<string>("SELECT MigrationId AS Value FROM __EFMigrationsHistory").ToListAsync());

        Assert.Contains(migrations, m => m.EndsWith("_Initial", StringComparison.Ordinal));
        Assert.Empty(await factory.ExecuteDbContextAsync(db => db.Database.GetPendingMigrationsAsync()));
    }

    [Fact]
    public async Task The_store_runs_in_WAL_mode_with_foreign_keys_enforced()
    {
        await using var factory = new SqliteNewsDeskFactory();
        factory.CreateClient();

        var (journal, foreignKeys) = await factory.ExecuteDbContextAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            var journal = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();
            var foreignKeys = await db.Database.SqlQueryRaw<long>("PRAGMA foreign_keys").ToListAsync();
            return (journal.Single(), foreignKeys.Single());
        });

        Assert.Equal("wal", journal);
        Assert.Equal(1, foreignKeys);
    }

    [Fact]
    public async Task Starting_twice_on_the_same_file_does_not_duplicate_the_seed()
    {
        var dataDirectory = TestDirectory.Create();
        await using (var first = NewsDeskFactory.On(dataDirectory, TestEngine.Sqlite))
        {
            first.CreateClient();
            Assert.Equal(1, await first.CountAsync<NewsDesk.Web.Domain.Article>());
        }

        await using var second = NewsDeskFactory.On(dataDirectory, TestEngine.Sqlite);
        second.CreateClient();

        Assert.Equal(1, await second.CountAsync<NewsDesk.Web.Domain.Article>());
    }

    [Fact]
    public async Task The_seeded_body_is_the_seed_files_paragraphs_exactly()
    {
        await using var factory = new SqliteNewsDeskFactory();
        factory.CreateClient();
        var seedFile = Path.Combine(AppContext.BaseDirectory, "seeds", "articles", "000_fdc9f962e834fc36.json");
        await using var stream = File.OpenRead(seedFile);
        var seed = (await System.Text.Json.JsonSerializer.DeserializeAsync<SeedArticle>(stream, ArticleSeeder.JsonOptions))!;

        var article = await factory.ExecuteDbContextAsync(db => db.Articles.SingleAsync(a => a.Url == seed.Url));

        Assert.Equal(string.Join("\n\n", seed.Paragraphs!), article.Text);
        Assert.Equal(12, seed.Paragraphs!.Count);
        Assert.StartsWith("This alarming escalation comes after a period of relative calm", article.Text, StringComparison.Ordinal);
        Assert.EndsWith("do not reflect the opinion of ICARO, or any of its affiliates.", article.Text, StringComparison.Ordinal);
        Assert.Equal("Iran Increases Use of Proxy Militias to Target US Forces in Syria and Iraq", article.Title);
        Assert.Equal("ICARO Media Group", article.SiteName);
        Assert.Equal(new DateTime(2024, 7, 27, 23, 56, 0), article.PublishedAt);
    }

    [Fact]
    public async Task A_database_path_in_a_missing_folder_is_created()
    {
        var root = TestDirectory.Create();
        var nested = Path.Combine(root, "does", "not", "exist", "yet");
        await using var factory = NewsDeskFactory.On(root, TestEngine.Sqlite)
            .WithSetting("ConnectionStrings:NewsDesk", $"Data Source={Path.Combine(nested, "store.db")}");

        var response = await factory.CreateClient().GetAsync("/");

        response.EnsureSuccessStatusCode();
        Assert.True(File.Exists(Path.Combine(nested, "store.db")));
    }

    [Fact]
    public async Task A_file_that_is_not_SQLite_stops_start_up_naming_it_and_is_left_untouched()
    {
        var dataDirectory = TestDirectory.Create();
        var path = Path.Combine(dataDirectory, "newsdesk.db");
        var contents = Encoding.UTF8.GetBytes("These are an editor's notes, not a database.\n");
        await File.WriteAllBytesAsync(path, contents);
        await using var factory = NewsDeskFactory.On(dataDirectory, TestEngine.Sqlite);

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var message = error.ToString();
        Assert.Contains(path, message, StringComparison.Ordinal);
        Assert.Contains("is not a SQLite database", message, StringComparison.Ordinal);
        Assert.Equal(contents, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task A_malformed_seed_file_is_skipped_and_the_app_still_starts()
    {
        var seeds = TestDirectory.Create("newsdesk-seeds");
        Directory.CreateDirectory(Path.Combine(seeds, "articles"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "seeds", "articles", "000_fdc9f962e834fc36.json"), Path.Combine(seeds, "articles", "000_good.json"));
        await File.WriteAllTextAsync(Path.Combine(seeds, "articles", "001_broken.json"), "{ \"title\": \"half a file\", ");
        await File.WriteAllTextAsync(Path.Combine(seeds, "articles", "002_no_paragraphs.json"), "{ \"url\": \"https://example.test/x\", \"title\": \"No body\" }");
        await using var factory = new SqliteNewsDeskFactory().WithSetting("NewsDesk:SeedsDirectory", seeds);

        var response = await factory.CreateClient().GetAsync("/");

        response.EnsureSuccessStatusCode();
        Assert.Equal(1, await factory.CountAsync<NewsDesk.Web.Domain.Article>());
        var log = await AppLogs.ReadAsync(factory.DataDirectory, "001_broken.json", "002_no_paragraphs.json");
        Assert.Contains("001_broken.json", log, StringComparison.Ordinal);
        Assert.Contains("002_no_paragraphs.json", log, StringComparison.Ordinal);
    }
}
