using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Data;

/// <summary>
/// A text longer than its column's limit is cut to the limit on either engine (PostgreSQL would refuse the row and
/// lose the scraped article; SQLite would keep it whole): the same data on both.
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
}
