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
    public async Task<ArticleEvidenceView?> ReadAsync(int articleId, CancellationToken cancellationToken)
    {
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == articleId)
            .Select(a => new { a.Text, a.SourceId }).FirstOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return null;
        }

        var versions = await db.ArticleVersions.AsNoTracking().Include(v => v.Capture)
            .Where(v => v.ArticleId == articleId).OrderBy(v => v.Number).ToListAsync(cancellationToken);
        var recheck = await db.ArticleRechecks.AsNoTracking().FirstOrDefaultAsync(r => r.ArticleId == articleId, cancellationToken);
        var mentions = await db.Mentions.AsNoTracking().Where(m => m.ArticleId == articleId)
            .Select(m => new { m.Id, m.Quote, m.TextVersion }).ToListAsync(cancellationToken);
        var textSha = TextDigest.Of(article.Text);
        var textVersion = versions.LastOrDefault(v => v.TextSha256 == textSha)?.Number ?? 1;

        var removed = RemovedQuotes([.. versions.Select(v => (v.Number, v.Text))], [.. mentions.Select(m => (m.Id, m.Quote, m.TextVersion))]);

        var imported = versions.Count == 0 ? article.SourceId is null : versions.All(v => v.CaptureId is null) && article.SourceId is null;
        return new ArticleEvidenceView(articleId,
            [.. versions.Select(v => new ArticleEvidenceView.Version(v, v.Capture is { } c ? files.Problem(c) : null))],
            textVersion, textSha, imported, recheck, removed);
    }

    /// <summary>
    /// The article's mentions whose quote its latest version no longer contains, by mention id, with the version that
    /// first lost it: what the mentions panel flags ("quote removed in version 3"). Two cheap queries when the
    /// article has one version, as most have.
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, int>> RemovedInVersionAsync(NewsDeskDbContext db, int articleId, CancellationToken cancellationToken)
    {
        if (await db.ArticleVersions.CountAsync(v => v.ArticleId == articleId, cancellationToken) < 2)
        {
            return new Dictionary<int, int>();
        }

        var versions = await db.ArticleVersions.AsNoTracking().Where(v => v.ArticleId == articleId).OrderBy(v => v.Number)
            .Select(v => new { v.Number, v.Text }).ToListAsync(cancellationToken);
        var mentions = await db.Mentions.AsNoTracking().Where(m => m.ArticleId == articleId)
            .Select(m => new { m.Id, m.Quote, m.TextVersion }).ToListAsync(cancellationToken);
        return RemovedQuotes([.. versions.Select(v => (v.Number, v.Text))], [.. mentions.Select(m => (m.Id, m.Quote, m.TextVersion))])
            .ToDictionary(r => r.MentionId, r => r.RemovedInVersion);
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
