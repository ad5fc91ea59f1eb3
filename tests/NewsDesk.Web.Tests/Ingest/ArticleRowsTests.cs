using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Web.Data;
using NewsDesk.Web.Data.TextSearch;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Evidence;
using NewsDesk.Web.Ingest;

namespace NewsDesk.Web.Tests.Ingest;

/// <summary>
/// The scraper's batch insert past the change tracker (ADR 2100) writes what SaveChanges would have written, keeps
/// the store's rules (unique URL, column limits, the version moving only after the commit) and leaves nothing of a
/// refused batch.
/// </summary>
public class ArticleRowsTests(IngestFactory factory) : IClassFixture<IngestFactory>
{
    private static readonly DateTime _fetched = new(2026, 3, 4, 5, 6, 7, 890, DateTimeKind.Utc);

    private static ArticleRows.NewArticle Row(string url, string? title = null) => new(
        new Article
        {
            Url = url,
            Title = title ?? "Rows past the tracker",
            Byline = "A. Reporter",
            SiteName = "news.example",
            Language = "fa",
            Text = "یک متن فارسی. And some English text for the search index.",
            Html = "<p>x</p>",
            ContentHash = new string('a', 64),
            SimHash = -1234567890123456789,
            FetchedAt = _fetched,
            PublishedAt = new DateTime(2026, 3, 3, 22, 0, 0, DateTimeKind.Utc),
            PublishedUtcOffsetMinutes = 210,
            PublishedPrecision = DatePrecision.Minute,
        },
        new ArticleVersioning.FirstRows(
            new ArticleVersion { Number = 1, Title = "Rows past the tracker", Text = "text", TextSha256 = new string('b', 64), FetchedAt = _fetched },
            new Capture
            {
                TargetUri = url,
                CapturedAt = _fetched,
                WarcFile = "captures-1.warc.gz",
                Offset = 1234,
                Length = 567,
                StoredSha256 = new string('c', 64),
                PayloadSha256 = new string('d', 64),
                PayloadLength = 89,
                ResponseRecordId = "<urn:uuid:1>",
                HttpStatus = 200,
                ContentType = "text/html",
                HeadersTruncated = true,
            },
            new ArticleRecheck { NextCheckAt = _fetched.AddHours(6) }));

    [Fact]
    public async Task Rows_inserted_past_the_change_tracker_are_column_for_column_what_a_save_writes()
    {
        var run = Guid.NewGuid().ToString("N");
        var saved = Row($"https://rows.example/{run}/saved");
        var inserted = Row($"https://rows.example/{run}/inserted");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsDeskDbContext>();
            var (article, first) = saved;
            first.Version.Article = article;
            first.Version.Capture = first.Capture;
            first.Recheck!.Article = article;
            db.AddRange(article, first.Version, first.Recheck);
            await db.SaveChangesAsync();
            await scope.ServiceProvider.GetRequiredService<ArticleRows>().InsertAsync([inserted], CancellationToken.None);
            Assert.DoesNotContain(db.ChangeTracker.Entries(), e => e.Entity is Article a && a.Id == inserted.Article.Id);
        }

        Assert.True(inserted.Article.Id > saved.Article.Id);
        Assert.Equal(inserted.Article.Id, inserted.Rows.Version.ArticleId);
        Assert.Equal(inserted.Rows.Capture!.Id, inserted.Rows.Version.CaptureId);
        await AssertSameColumnsAsync("Articles", "Id", saved.Article.Id, inserted.Article.Id, "Id", "Url", "SearchVector");
        await AssertSameColumnsAsync("Captures", "Id", saved.Rows.Capture!.Id, inserted.Rows.Capture.Id, "Id", "TargetUri");
        await AssertSameColumnsAsync("ArticleVersions", "Id", saved.Rows.Version.Id, inserted.Rows.Version.Id, "Id", "ArticleId", "CaptureId");
        await AssertSameColumnsAsync("ArticleRechecks", "ArticleId", saved.Article.Id, inserted.Article.Id, "ArticleId");
        // The engine's own search index took the row (SQLite's triggers, PostgreSQL's generated column).
        await using var reading = factory.Services.CreateAsyncScope();
        var found = await reading.ServiceProvider.GetRequiredService<IArticleTextSearch>().Match("فارسی")
            .Select(m => m.ArticleId).Where(id => id == saved.Article.Id || id == inserted.Article.Id).ToListAsync();
        Assert.Equal(2, found.Count);
    }

    [Fact]
    public async Task The_store_version_moves_only_after_the_batch_commits()
    {
        var version = factory.Services.GetRequiredService<StoreVersion>();
        var before = version.Current;
        long? atCommit = null;
        var probe = new BeforeCommit(() => atCommit = version.Current);
        await using var scope = factory.Services.CreateAsyncScope();
        var pool = factory.Services.GetRequiredService<StoreContextPool>();
        await using var db = pool.Engine.CreateContext(new DbContextOptionsBuilder(pool.Options).AddInterceptors(probe).Options);
        db.UseFor(StoreContextUse.Of(scope.ServiceProvider));

        await new ArticleRows(db).InsertAsync([Row($"https://rows.example/{Guid.NewGuid():N}")], CancellationToken.None);

        Assert.Equal(before, atCommit);
        Assert.True(version.Current > before, "the commit starts a new version");
    }

    [Fact]
    public async Task A_batch_with_a_stored_address_is_refused_whole_as_a_unique_violation_and_leaves_no_row()
    {
        var run = Guid.NewGuid().ToString("N");
        await Insert([Row($"https://rows.example/{run}/first")]);
        var batch = new[] { Row($"https://rows.example/{run}/new"), Row($"https://rows.example/{run}/first") };

        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => Insert(batch));

        Assert.True(StoreErrors.IsUniqueViolation(refused));
        Assert.All(batch, r => Assert.Equal(0, r.Article.Id));
        Assert.Equal(1, await factory.ExecuteDbContextAsync(db => db.Articles.CountAsync(a => a.Url.StartsWith($"https://rows.example/{run}/"))));
    }

    [Fact]
    public async Task A_title_over_its_column_is_cut_and_an_address_over_its_column_refuses_the_batch()
    {
        var run = Guid.NewGuid().ToString("N");
        var longTitle = Row($"https://rows.example/{run}/title", title: new string('t', 1500));
        await Insert([longTitle]);
        Assert.Equal(1000, await factory.ExecuteDbContextAsync(db => db.Articles.Where(a => a.Id == longTitle.Article.Id).Select(a => a.Title.Length).SingleAsync()));

        var longUrl = Row($"https://rows.example/{run}/{new string('u', 2100)}");
        await Assert.ThrowsAsync<ValueTooLongException>(() => Insert([Row($"https://rows.example/{run}/before"), longUrl]));
        Assert.Equal(1, await factory.ExecuteDbContextAsync(db => db.Articles.CountAsync(a => a.Url.StartsWith($"https://rows.example/{run}/"))));
    }

    private async Task Insert(IReadOnlyList<ArticleRows.NewArticle> rows)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ArticleRows>().InsertAsync(rows, CancellationToken.None);
    }

    /// <summary>The two rows' stored values, as the engine holds them (not as EF reads them back), alike but for the named columns.</summary>
    private async Task AssertSameColumnsAsync(string table, string key, long first, long second, params string[] differing) =>
        await factory.ExecuteDbContextAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" WHERE \"{key}\" IN ({first}, {second}) ORDER BY \"{key}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<Dictionary<string, object>>();
            while (await reader.ReadAsync())
            {
                rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, reader.GetValue));
            }

            Assert.Equal(2, rows.Count);
            foreach (var (column, value) in rows[0].Where(c => !differing.Contains(c.Key)))
            {
                Assert.True(Equals(value, rows[1][column]), $"{table}.{column}: saved {value}, inserted {rows[1][column]}");
            }
        });

    private sealed class BeforeCommit(Action probe) : DbTransactionInterceptor
    {
        public override ValueTask<InterceptionResult> TransactionCommittingAsync(
            DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            probe();
            return ValueTask.FromResult(result);
        }
    }
}
