using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Evidence;

/// <summary>An article's evidence as its page shows it: versions, captures and their state, and quotes later removed.</summary>
public sealed record ArticleEvidenceView(
    int ArticleId,
    IReadOnlyList<ArticleEvidenceView.Version> Versions,
    int TextVersion,
    string TextSha256,
    bool Imported,
    ArticleRecheck? Recheck,
    IReadOnlyList<ArticleEvidenceView.RemovedQuote> RemovedQuotes)
{
    public sealed record Version(ArticleVersion Row, string? CaptureProblem);

    /// <summary>A mention's quote that a later version no longer contains.</summary>
    public sealed record RemovedQuote(int MentionId, string Quote, int MadeOnVersion, int RemovedInVersion);

    public Version? Latest => Versions.Count == 0 ? null : Versions[^1];

    /// <summary>More than one text was seen: the article was edited after it was first stored.</summary>
    public bool Edited => Versions.Count > 1;
}

/// <summary>Reads <see cref="ArticleEvidenceView"/>.</summary>
public sealed class ArticleEvidenceReader(NewsDeskDbContext db, CaptureFiles files)
{
    /// <summary>The whole view, each capture file looked at (the versions page).</summary>
    public async Task<ArticleEvidenceView?> ReadAsync(int articleId, CancellationToken cancellationToken)
    {
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == articleId)
            .Select(a => new { a.Text, a.SourceId }).FirstOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return null;
        }

        var view = await ReadAsync(articleId, TextDigest.Of(article.Text), article.SourceId, cancellationToken);
        return view with { Versions = [.. view.Versions.Select(v => v with { CaptureProblem = v.Row.Capture is { } c ? files.Problem(c) : null })] };
    }

    /// <summary>
    /// The view for an article whose text digest and source the caller has already read (the article page reads
    /// them with its text: reading the whole text again here, to hash it, was the cold page's largest second read).
    /// The capture files are not looked at (<see cref="ArticleEvidenceView.Version.CaptureProblem"/> is null): the
    /// article page's box looks at them on every view, so a look here, on a cache miss, was a second one.
    /// </summary>
    public async Task<ArticleEvidenceView> ReadAsync(int articleId, string textSha256, int? sourceId, CancellationToken cancellationToken)
    {
        var versions = await db.ArticleVersions.AsNoTracking().Include(v => v.Capture)
            .Where(v => v.ArticleId == articleId).OrderBy(v => v.Number).ToListAsync(cancellationToken);
        var recheck = await db.ArticleRechecks.AsNoTracking().FirstOrDefaultAsync(r => r.ArticleId == articleId, cancellationToken);
        // Only a later version can have lost a quote: most articles have one, and their mentions (200 on the scale
        // bench's article) need not be read for this.
        List<(int Id, string Quote, int TextVersion)> mentions = versions.Count < 2 ? [] : [.. (await db.Mentions.AsNoTracking()
            .Where(m => m.ArticleId == articleId).Select(m => new { m.Id, m.Quote, m.TextVersion }).ToListAsync(cancellationToken))
            .Select(m => (m.Id, m.Quote, m.TextVersion))];
        var textVersion = versions.LastOrDefault(v => v.TextSha256 == textSha256)?.Number ?? 1;

        var removed = RemovedQuotes([.. versions.Select(v => (v.Number, v.Text))], mentions);

        var imported = versions.Count == 0 ? sourceId is null : versions.All(v => v.CaptureId is null) && sourceId is null;
        return new ArticleEvidenceView(articleId, [.. versions.Select(v => new ArticleEvidenceView.Version(v, null))],
            textVersion, textSha256, imported, recheck, removed);
    }

    private static List<ArticleEvidenceView.RemovedQuote> RemovedQuotes(
        IReadOnlyList<(int Number, string Text)> versions, IReadOnlyList<(int Id, string Quote, int TextVersion)> mentions)
    {
        var removed = new List<ArticleEvidenceView.RemovedQuote>();
        if (versions.Count < 2)
        {
            return removed;
        }

        var latest = versions[^1];
        foreach (var mention in mentions.Where(m => !latest.Text.Contains(m.Quote, StringComparison.Ordinal)))
        {
            var gone = versions.FirstOrDefault(v => v.Number > mention.TextVersion && !v.Text.Contains(mention.Quote, StringComparison.Ordinal));
            removed.Add(new(mention.Id, mention.Quote, mention.TextVersion, gone == default ? latest.Number : gone.Number));
        }

        return removed;
    }
}
