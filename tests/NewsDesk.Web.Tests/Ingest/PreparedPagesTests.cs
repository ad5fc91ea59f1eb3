using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Extraction;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Evidence;
using NewsDesk.Web.Ingest;
using NewsDesk.Web.Ingest.Http;
using NewsDesk.Web.Tests.Evidence;

namespace NewsDesk.Web.Tests.Ingest;

/// <summary>
/// The scraper prepares each page (hashes, fingerprint, the capture's compressed records) before it reaches the one
/// storer of the process: stored prepared or not, an article's rows and records are the same, and a record prepared
/// ahead is written once even when its batch is refused and stored again one article at a time.
/// </summary>
public class PreparedPagesTests(IngestFactory factory) : IClassFixture<IngestFactory>
{
    [Fact]
    public async Task A_prepared_page_is_stored_with_the_rows_and_records_of_an_unprepared_one()
    {
        var recorder = factory.Services.GetRequiredService<CaptureRecorder>();
        var prepared = Pending("https://prepared.example/one", "Words of a story read ahead of its turn, prepared.").Prepare(recorder);
        var plain = Pending("https://prepared.example/two", "Words of a story read ahead of its turn, prepared.");

        var results = await SaveBatchAsync(prepared, plain);

        Assert.All(results, r => Assert.Equal(StoreOutcome.Added, r.Outcome));
        var (one, two) = (results[0].Article!, results[1].Article!);
        Assert.Equal(two.ContentHash, one.ContentHash);
        Assert.Equal(two.SimHash, one.SimHash);
        Assert.Equal(ContentHash.Of(one.Text), one.ContentHash);
        Assert.Equal(SimHash.Of(one.Text), one.SimHash);
        foreach (var article in new[] { one, two })
        {
            var version = Assert.Single(await WarcBytes.VersionsAsync(factory, article.Id));
            Assert.Equal(TextDigest.Of(article.Text), version.TextSha256);
            var capture = version.Capture!;
            var stored = WarcBytes.StoredBytes(factory, capture);
            Assert.Equal(capture.StoredSha256, Convert.ToHexStringLower(SHA256.HashData(stored)));
            var records = WarcBytes.Records(stored);
            Assert.Equal(["request", "response"], records.Select(r => r.Field("WARC-Type")));
            Assert.Equal(capture.ResponseRecordId, records[1].Field("WARC-Record-ID"));
            Assert.Equal(article.Url, records[1].Field("WARC-Target-URI"));
            Assert.EndsWith(Html(article.Url), Encoding.UTF8.GetString(records[1].Block), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_refused_batch_stored_again_one_at_a_time_never_writes_a_prepared_record_twice()
    {
        var recorder = factory.Services.GetRequiredService<CaptureRecorder>();
        var batch = new[]
        {
            Pending("https://refused-batch.example/one", "The first good story of a refused batch.").Prepare(recorder),
            // Its source does not exist: the batch's insert is refused, and the pages are stored one at a time.
            (Pending("https://refused-batch.example/orphan", "A story from a source that is gone.") with { SourceId = 987654 }).Prepare(recorder),
            Pending("https://refused-batch.example/two", "The second good story of a refused batch.").Prepare(recorder),
        };

        var results = await SaveBatchAsync(batch);

        Assert.Equal([StoreOutcome.Added, StoreOutcome.Failed, StoreOutcome.Added], results.Select(r => r.Outcome));
        // The batch's first attempt wrote every page's records (left in the file, unindexed); the second wrote each page
        // again. A record written twice would carry the same WARC-Record-ID twice.
        var ids = Directory.GetFiles(Path.Combine(factory.DataDirectory, "captures"))
            .SelectMany(file => WarcBytes.Records(File.ReadAllBytes(file)))
            .Where(r => r.Head.Contains("\r\nWARC-Target-URI: https://refused-batch.example/", StringComparison.Ordinal))
            .Select(r => r.Field("WARC-Record-ID"))
            .ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.True(ids.Count >= 2 * 2 * 2, $"{ids.Count} records of the batch's pages in the files");
        var indexed = await factory.ExecuteDbContextAsync(db => db.Captures.Where(c => c.TargetUri.StartsWith("https://refused-batch.example/"))
            .Select(c => c.ResponseRecordId).ToListAsync());
        Assert.Equal(2, indexed.Count);
        Assert.All(indexed, id => Assert.Contains(id, ids));
    }

    private static PendingArticle Pending(string url, string text) =>
        new(new ExtractedArticle { Title = "A title", Text = text, Html = "<p>x</p>" }, new Uri(url), null, null, "Listed title", FetchedResponses.Html(url, Encoding.UTF8.GetBytes(Html(url))));

    private static string Html(string url) => $"<html><body><p>The page at {url}.</p></body></html>";

    private async Task<IReadOnlyList<StoreResult>> SaveBatchAsync(params PendingArticle[] batch)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ArticleStore>().SaveBatchAsync(batch, CancellationToken.None);
    }
}
