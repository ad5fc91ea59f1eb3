using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Web.Data;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Operations;

/// <summary>
/// Two app instances on one store (two hosts, one database): a page one instance has cached shows the other's
/// change at once. PostgreSQL hears it through LISTEN/NOTIFY, SQLite through the database file.
/// </summary>
public sealed class SeveralInstancesTests : IAsyncLifetime
{
    private readonly string _dataDirectory = TestDirectory.Create();
    private NewsDeskFactory _first = null!;
    private NewsDeskFactory _second = null!;

    public Task InitializeAsync()
    {
        _first = NewsDeskFactory.On(_dataDirectory).WithSetting("NewsDesk:ImportSeedsOnStart", "false");
        _first.CreateClient();
        _second = NewsDeskFactory.On(_dataDirectory).WithSetting("NewsDesk:ImportSeedsOnStart", "false");
        _second.CreateClient();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_page_cached_by_one_instance_shows_a_change_saved_through_the_other()
    {
        var article = new Article { Url = "https://example.test/instances", Title = "Before", Text = "Text.", ContentHash = "instances" };
        await _first.InsertAsync(article);
        var reader = _second.CreateClient();
        Assert.Equal("Before", (await reader.GetDocumentAsync($"/articles/{article.Id}")).QuerySelector("article h1")!.TextContent);

        await _first.ExecuteDbContextAsync(async db =>
        {
            (await db.Articles.FindAsync(article.Id))!.Title = "After";
            await db.SaveChangesAsync();
        });

        // Within a second at most (SQLite's file is looked at once a second; a notification takes milliseconds).
        string? title = null;
        for (var attempt = 0; attempt < 25 && title != "After"; attempt++)
        {
            await Task.Delay(200);
            title = (await reader.GetDocumentAsync($"/articles/{article.Id}")).QuerySelector("article h1")!.TextContent;
        }

        Assert.Equal("After", title);
    }

    [Fact]
    public async Task A_change_saved_by_one_instance_starts_a_new_version_on_the_other()
    {
        var version = _second.Services.GetRequiredService<StoreVersion>();
        var before = version.Current;

        await _first.InsertAsync(new Actor { Name = "Seen elsewhere", Kind = ActorKind.ArmedGroup });

        for (var attempt = 0; attempt < 25 && version.Current == before; attempt++)
        {
            await Task.Delay(200);
        }

        Assert.NotEqual(before, version.Current);
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
        if (_first.PostgresDatabaseName is { } database)
        {
            await TestStore.DropPostgresDatabaseAsync(database);
        }
    }
}
