using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsDesk.Web.Data;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Ingest.Http;

namespace NewsDesk.Web.Evidence;

/// <summary>
/// Keeps every text an article had: version 1 with the capture of the first fetch, and a new version (with its
/// capture) whenever a re-fetch extracts a different text. Adds rows to the caller's context; the caller saves them
/// in the same transaction as the article, after the WARC records are on disk.
/// </summary>
public sealed class ArticleVersioning(NewsDeskDbContext db, CaptureRecorder captures, IOptions<EvidenceOptions> options, TimeProvider clock)
{
    /// <summary>What a re-fetch found.</summary>
    public sealed record RefetchOutcome(bool Changed, int LatestNumber);

    /// <summary>The rows that go with a new article: version 1, its capture when there is one, the re-check schedule.</summary>
    public sealed record FirstRows(ArticleVersion Version, Capture? Capture, ArticleRecheck? Recheck);

    /// <summary>
    /// Version 1 of a new article (and its re-check schedule when it came from a source), with the capture's WARC
    /// records written; the rows are not added to the context: the caller inserts them with the article
    /// (Ingest/ArticleRows), pointing them at it.
    /// </summary>
    /// <param name="durable">False for a batch: the caller calls <see cref="SyncCapturesAsync"/> once before its commit.</param>
    /// <param name="prepared">The response's capture prepared ahead (<see cref="CaptureRecorder.Prepare"/>); else it is prepared here.</param>
    /// <param name="textSha256">The article text's <see cref="TextDigest"/> when the caller has it; else it is computed here.</param>
    public async Task<FirstRows> FirstAsync(Article article, FetchResult? response, CancellationToken cancellationToken, bool durable = true,
        CaptureRecorder.Prepared? prepared = null, string? textSha256 = null)
    {
        ArgumentNullException.ThrowIfNull(article);
        var version = Snapshot(article, 1, clock.GetUtcNow().UtcDateTime, textSha256);
        await CaptureAsync(version, response, prepared, durable, cancellationToken);
        var schedule = options.Value.RecheckSchedule();
        var recheck = article.SourceId is not null && schedule.Count > 0
            ? new ArticleRecheck { NextCheckAt = article.FetchedAt + schedule[0] }
            : null;
        return new FirstRows(version, version.Capture, recheck);
    }

    /// <summary>
    /// Compares a re-fetched extraction with the latest version; a different text becomes the next version. The
    /// article's own fields follow the latest version only while it has no mentions: mention offsets point into
    /// the text they were made on, so an annotated article keeps its text and shows the newer versions beside it.
    /// </summary>
    public async Task<RefetchOutcome> RecordRefetchAsync(Article article, Article refetched, FetchResult response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(refetched);
        var latest = await db.ArticleVersions.Where(v => v.ArticleId == article.Id)
            .OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);
        if (latest is null)
        {
            // Stored before versions were kept: what it said then is version 1, without a capture.
            latest = Snapshot(article, 1, article.FetchedAt);
            latest.NotCapturedReason = "stored before captures were kept";
            db.ArticleVersions.Add(latest);
        }

        if (latest.Text == refetched.Text)
        {
            return new RefetchOutcome(false, latest.Number);
        }

        var next = await NewVersionAsync(refetched, latest.Number + 1, response, cancellationToken);
        next.ArticleId = article.Id;
        db.ArticleVersions.Add(next);
        if (!await db.Mentions.AnyAsync(m => m.ArticleId == article.Id, cancellationToken))
        {
            article.Text = refetched.Text;
            article.Title = refetched.Title;
            article.Byline = refetched.Byline;
            article.Html = refetched.Html;
            article.ContentHash = refetched.ContentHash;
            article.SimHash = refetched.SimHash;
            article.PublishedAt = refetched.PublishedAt ?? article.PublishedAt;
        }

        return new RefetchOutcome(true, next.Number);
    }

    /// <summary>Puts the WARC records of captures added not durable on the disk, before the rows pointing at them are committed.</summary>
    public Task SyncCapturesAsync(CancellationToken cancellationToken) => captures.SyncAsync(cancellationToken);

    private async Task<ArticleVersion> NewVersionAsync(Article article, int number, FetchResult response, CancellationToken cancellationToken)
    {
        var version = Snapshot(article, number, clock.GetUtcNow().UtcDateTime);
        await CaptureAsync(version, response, null, durable: true, cancellationToken);
        return version;
    }

    private async Task CaptureAsync(ArticleVersion version, FetchResult? response, CaptureRecorder.Prepared? prepared, bool durable, CancellationToken cancellationToken)
    {
        if (response is null)
        {
            version.NotCapturedReason = "imported, no capture";
            return;
        }

        var outcome = prepared is null
            ? await captures.RecordAsync(response, cancellationToken, durable)
            : await captures.RecordAsync(prepared, cancellationToken, durable);
        version.Capture = outcome.Capture;
        version.NotCapturedReason = outcome.NotCapturedReason;
    }

    private static ArticleVersion Snapshot(Article article, int number, DateTime fetchedAt, string? textSha256 = null) => new()
    {
        ArticleId = article.Id,
        Number = number,
        Title = article.Title,
        Byline = article.Byline,
        PublishedAt = article.PublishedAt,
        Text = article.Text,
        TextSha256 = textSha256 ?? TextDigest.Of(article.Text),
        FetchedAt = fetchedAt,
    };
}
