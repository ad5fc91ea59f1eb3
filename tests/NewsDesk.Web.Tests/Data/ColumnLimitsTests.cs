using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Data;

/// <summary>
/// A text longer than its column's limit is cut to the limit on either engine (PostgreSQL would refuse the row and
/// lose the scraped article; SQLite would keep it whole): the same data on both. A value that identifies its row (an
/// article's URL) is never cut: the save is refused, naming it.
/// </summary>
public class ColumnLimitsTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    [Fact]
    public async Task An_over_long_scraped_site_name_is_cut_at_its_limit_and_the_article_is_stored()
    {
        // 299 letters then an emoji (two UTF-16 units) across the 300 limit: the cut never splits the pair.
        var siteName = new string('s', 299) + "\U0001F4F0" + new string('x', 200);
        var article = new Article { Url = $"https://example.test/long-site-{Guid.NewGuid():N}", Title = "Long site name", Text = "Text.", ContentHash = Guid.NewGuid().ToString("N"), SiteName = siteName };

        await factory.InsertAsync(article);

        var stored = await factory.ExecuteDbContextAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == article.Id));
        Assert.Equal(new string('s', 299), stored.SiteName);
    }

    [Fact]
    public async Task An_over_long_source_name_is_cut_when_edited_too()
    {
        var source = new Source { Name = "Short", Url = $"https://example.test/feed-{Guid.NewGuid():N}.xml", Kind = SourceKind.Feed, CreatedAt = DateTime.UtcNow };
        await factory.InsertAsync(source);

        await factory.ExecuteDbContextAsync(async db =>
        {
            (await db.Sources.FindAsync(source.Id))!.Name = new string('n', 1000);
            await db.SaveChangesAsync();
        });

        var stored = await factory.ExecuteDbContextAsync(db => db.Sources.AsNoTracking().SingleAsync(s => s.Id == source.Id));
        Assert.Equal(300, stored.Name.Length);
    }

    [Fact]
    public async Task An_over_long_article_url_is_not_cut_and_nothing_of_the_save_is_written()
    {
        var url = $"https://example.test/{Guid.NewGuid():N}?q=" + new string('u', 3000);
        var alongside = new Source { Name = "Saved with it", Url = $"https://example.test/feed-{Guid.NewGuid():N}.xml", Kind = SourceKind.Feed, CreatedAt = DateTime.UtcNow };
        var article = new Article { Url = url, Title = "Long address", Text = "Text.", ContentHash = Guid.NewGuid().ToString("N") };

        var refused = await Assert.ThrowsAsync<NewsDesk.Web.Data.ValueTooLongException>(() => factory.ExecuteDbContextAsync(async db =>
        {
            db.AddRange(alongside, article);
            return await db.SaveChangesAsync();
        }));

        Assert.Contains("Article.Url is 3,056 characters long and at most 2,048 are kept", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await factory.ExecuteDbContextAsync(db => db.Articles.CountAsync(a => a.Title == "Long address")));
        Assert.Equal(0, await factory.ExecuteDbContextAsync(db => db.Sources.CountAsync(s => s.Url == alongside.Url)));
    }
}
