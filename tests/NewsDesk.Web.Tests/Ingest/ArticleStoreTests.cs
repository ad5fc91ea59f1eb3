using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Extraction;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Ingest;

namespace NewsDesk.Web.Tests.Ingest;

public class ArticleStoreTests(IngestFactory factory) : IClassFixture<IngestFactory>
{
    private async Task<(StoreOutcome Outcome, Article? Article)> SaveAsync(ExtractedArticle extracted, string fetchedUrl, DateTimeOffset? listed = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ArticleStore>()
            .SaveAsync(extracted, new Uri(fetchedUrl), null, listed, "Listed title", null, CancellationToken.None);
    }

    private static ExtractedArticle Page(string text, string? canonical = null) => new()
    {
        Title = "A title",
        Text = text,
        Html = "<p>x</p>",
        CanonicalUrl = canonical,
    };

    [Fact]
    public async Task A_same_site_rel_canonical_is_the_stored_address_and_the_AMP_copy_is_not_stored_again()
    {
        var first = await SaveAsync(Page("Canonical story text.", "https://www.news.example/story?utm_campaign=x"), "https://www.news.example/story");
        var amp = await SaveAsync(Page("Canonical story text.", "https://news.example/story"), "https://news.example/amp/story");

        Assert.Equal(StoreOutcome.Added, first.Outcome);
        Assert.Equal("https://www.news.example/story", first.Article!.Url);
        Assert.Equal(StoreOutcome.Added, amp.Outcome);
        Assert.Equal("https://news.example/story", amp.Article!.Url);
        var again = await SaveAsync(Page("Canonical story text.", "https://news.example/story"), "https://news.example/amp/story?fbclid=1");
        Assert.Equal(StoreOutcome.AlreadyStored, again.Outcome);
    }

    [Fact]
    public async Task A_rel_canonical_pointing_to_another_site_is_ignored()
    {
        var saved = await SaveAsync(Page("Hijack attempt text.", "https://rival.example/their-story"), "https://news.example/our-story#top");

        Assert.Equal("https://news.example/our-story", saved.Article!.Url);
    }

    [Fact]
    public async Task A_stated_zone_is_kept_as_UTC_plus_offset_and_a_date_without_time_has_day_precision()
    {
        var zoned = await SaveAsync(Page("Zoned text.") with
        {
            Published = new DateTimeOffset(2024, 7, 27, 14, 5, 0, TimeSpan.FromHours(3)),
            PublishedHasZone = true,
            PublishedHasTime = true,
        }, "https://news.example/zoned");
        var dayOnly = await SaveAsync(Page("Day only text.") with
        {
            Published = new DateTimeOffset(2024, 7, 27, 0, 0, 0, TimeSpan.Zero),
            PublishedHasZone = false,
            PublishedHasTime = false,
        }, "https://news.example/day-only");

        Assert.Equal(new DateTime(2024, 7, 27, 11, 5, 0), zoned.Article!.PublishedAt);
        Assert.Equal(180, zoned.Article.PublishedUtcOffsetMinutes);
        Assert.Equal(DatePrecision.Minute, zoned.Article.PublishedPrecision);
        Assert.Null(dayOnly.Article!.PublishedUtcOffsetMinutes);
        Assert.Equal(DatePrecision.Day, dayOnly.Article.PublishedPrecision);
    }

    [Fact]
    public async Task An_exact_copy_at_another_address_points_to_the_original()
    {
        var original = await SaveAsync(Page("Exactly the same words."), "https://one.example/a");
        var copy = await SaveAsync(Page("Exactly  the same\nwords."), "https://two.example/b");

        Assert.Equal(original.Article!.Id, copy.Article!.DuplicateOfId);
        Assert.Equal(2, await factory.ExecuteDbContextAsync(db => db.Articles.CountAsync(a => a.ContentHash == original.Article.ContentHash)));
    }

    [Fact]
    public async Task A_publication_date_in_year_9999_is_ignored_for_the_feed_date_so_it_cannot_top_the_list()
    {
        var page = Page("A story from the far future.") with { Published = new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero), PublishedHasZone = true };
        var listed = new DateTimeOffset(2024, 7, 27, 10, 0, 0, TimeSpan.FromHours(3));

        var withFeedDate = await SaveAsync(page, "https://future.example/with-feed-date", listed);
        var alone = await SaveAsync(Page("Another story, only dated far ahead.") with { Published = page.Published, PublishedHasZone = true },
            "https://future.example/alone", new DateTimeOffset(3000, 1, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(listed.UtcDateTime, withFeedDate.Article!.PublishedAt);
        Assert.Null(alone.Article!.PublishedAt);
        // The dated articles, as the list orders them (undated ones go last on either engine).
        var top = await factory.ExecuteDbContextAsync(db => db.Articles.Where(a => a.PublishedAt != null).OrderByDescending(a => a.PublishedAt).Select(a => a.Url).FirstAsync());
        Assert.DoesNotContain("future.example", top, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_date_later_today_in_a_zone_ahead_of_UTC_is_kept()
    {
        var soon = DateTimeOffset.UtcNow.AddHours(13);
        var page = Page("A story dated by a clock in Kiribati.") with { Published = new DateTimeOffset(soon.DateTime, TimeSpan.Zero), PublishedHasZone = false };

        var saved = await SaveAsync(page, "https://kiribati.example/story");

        Assert.NotNull(saved.Article!.PublishedAt);
    }

    [Fact]
    public async Task In_one_batch_a_copy_of_an_earlier_article_of_the_batch_points_to_it()
    {
        var results = await SaveBatchAsync(
            Pending(Page("Words of a wire story told once."), "https://batch.example/first"),
            Pending(Page("Unrelated words about the harbour."), "https://batch.example/other"),
            Pending(Page("Words of a wire story  told once."), "https://batch-copy.example/again"),
            Pending(Page("A page listed twice in the batch."), "https://batch.example/twice"),
            Pending(Page("A page listed twice in the batch."), "https://batch.example/twice?utm_source=feed"));

        Assert.Equal([StoreOutcome.Added, StoreOutcome.Added, StoreOutcome.Added, StoreOutcome.Added, StoreOutcome.AlreadyStored],
            results.Select(r => r.Outcome));
        Assert.Equal(results[0].Article!.Id, results[2].Article!.DuplicateOfId);
        Assert.Null(results[1].Article!.DuplicateOfId);
    }

    [Fact]
    public async Task An_article_the_database_refuses_fails_alone_and_the_rest_of_its_batch_is_stored()
    {
        // A source that does not exist: the foreign key refuses that one row, in any engine.
        var results = await SaveBatchAsync(
            Pending(Page("The first good story of the batch."), "https://refuse.example/one"),
            Pending(Page("A story from a source that is gone."), "https://refuse.example/orphan") with { SourceId = 987654 },
            Pending(Page("The second good story of the batch."), "https://refuse.example/two"));

        Assert.Equal([StoreOutcome.Added, StoreOutcome.Failed, StoreOutcome.Added], results.Select(r => r.Outcome));
        Assert.Contains("refuse.example/orphan: could not be stored", results[1].Error, StringComparison.Ordinal);
        var stored = await factory.ExecuteDbContextAsync(db => db.Articles.Where(a => a.Url.StartsWith("https://refuse.example/")).Select(a => a.Url).ToListAsync());
        Assert.Equal(["https://refuse.example/one", "https://refuse.example/two"], stored.Order());
        Assert.Equal(2, await factory.ExecuteDbContextAsync(db => db.ArticleVersions.CountAsync(v => v.Article!.Url.StartsWith("https://refuse.example/"))));
    }

    private static PendingArticle Pending(ExtractedArticle extracted, string fetchedUrl) => new(extracted, new Uri(fetchedUrl), null, null, "Listed title", null);

    private async Task<IReadOnlyList<StoreResult>> SaveBatchAsync(params PendingArticle[] batch)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ArticleStore>().SaveBatchAsync(batch, CancellationToken.None);
    }
}
