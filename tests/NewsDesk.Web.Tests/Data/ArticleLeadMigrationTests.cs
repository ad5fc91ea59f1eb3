using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NewsDesk.Web.Data;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Data;

/// <summary>The migration that adds Articles.Lead fills it for the articles already stored.</summary>
public sealed class ArticleLeadMigrationTests : IDisposable
{
    private readonly string _directory = TestDirectory.Create();

    [Fact]
    public async Task Articles_stored_before_the_migration_get_their_lead()
    {
        var connectionString = $"Data Source={Path.Combine(_directory, "old.db")};Pooling=False";
        await using var db = new NewsDeskDbContext(new DbContextOptionsBuilder<NewsDeskDbContext>().UseSqlite(connectionString).Options);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("VersionsOnMentionsCollectionsSources");
        var text = string.Concat(Enumerable.Repeat("Iranian-backed militias attacked US forces. ", 12));
        await db.Database.ExecuteSqlAsync($"INSERT INTO Articles (Url, Title, Text, ContentHash, FetchedAt, PublishedPrecision) VALUES ('urn:old', 'Old', {text}, 'old', '2024-07-27 00:00:00', 0)");

        await migrator.MigrateAsync();

        var lead = await db.Articles.Where(a => a.Url == "urn:old").Select(a => a.Lead).SingleAsync();
        Assert.Equal(text[..280], lead);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        TestDirectory.TryDelete(_directory);
    }
}
