using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Export;

/// <summary>mentions.csv: one row per mention, with its article, its record and the text around it.</summary>
public sealed class MentionsCsvWriter : IExportTableWriter
{
    /// <summary>Characters of the article's text shown before and after each mention.</summary>
    public const int ContextLength = 60;

    public string FileName => "mentions.csv";

    public IReadOnlyList<string> Columns(ExportFormat format) =>
    [
        "mention_id", "article_id", "article_url", "article_title", "site", "published_at",
        "record_type", "record_id", "record_name", "quote", "start", "end",
        "context_before", "context_after", "annotator", "created_at", "reviewed",
    ];

    // Articles whose mentions are read (and texts held) at once: bounded memory, and no query left open while
    // another runs (PostgreSQL, unlike SQLite, reads one result at a time per connection).
    private const int ArticlesPerBatch = 200;

    public async Task WriteRowsAsync(ExportScope scope, ExportFormat format, CsvTableWriter csv, CancellationToken cancellationToken)
    {
        var articleIds = await scope.Mentions.Select(m => m.ArticleId).Distinct().OrderBy(id => id).ToListAsync(cancellationToken);
        foreach (var chunk in articleIds.Chunk(ArticlesPerBatch))
        {
            var rows = await scope.Mentions.AsNoTracking()
                .Where(m => chunk.Contains(m.ArticleId))
                .OrderBy(m => m.ArticleId).ThenBy(m => m.Start).ThenBy(m => m.Id)
                .Select(m => new Row(
                    m.Id, m.ArticleId, m.Article!.Url, m.Article.Title, m.Article.SiteName,
                    m.Article.PublishedAt, m.Article.PublishedUtcOffsetMinutes, m.Article.PublishedPrecision,
                    m.ActorId, m.IncidentId, m.ClaimId, m.Actor!.Name, m.Incident!.Title, m.Claim!.Text,
                    m.Quote, m.Start, m.End, m.CreatedBy, m.CreatedAt,
                    m.Article.Review != null && m.Article.Review.State == ArticleState.Reviewed))
                .ToListAsync(cancellationToken);
            var texts = await scope.Db.Articles.AsNoTracking().Where(a => chunk.Contains(a.Id))
                .Select(a => new { a.Id, a.Text }).ToDictionaryAsync(a => a.Id, a => a.Text, cancellationToken);
            foreach (var row in rows)
            {
                await WriteRowAsync(row, texts.GetValueOrDefault(row.ArticleId, ""), csv, cancellationToken);
            }
        }
    }

    private static async Task WriteRowAsync(Row row, string text, CsvTableWriter csv, CancellationToken cancellationToken)
    {
        var (type, recordId, recordName) = row.ActorId is { } actorId ? (RecordType.Actor, actorId, row.ActorName)
                : row.IncidentId is { } incidentId ? (RecordType.Incident, incidentId, row.IncidentTitle)
                : (RecordType.Claim, row.ClaimId ?? 0, row.ClaimText);

        csv.Number(row.Id);
        csv.Number(row.ArticleId);
        csv.Text(row.Url);
        csv.Text(row.Title);
        csv.Text(row.SiteName);
        csv.Cell(CsvCells.Published(row.PublishedAt, row.PublishedUtcOffsetMinutes, row.PublishedPrecision));
        csv.Cell(type.ToString());
        csv.Number(recordId);
        csv.Text(recordName);
        csv.Text(row.Quote);
        csv.Number(row.Start);
        csv.Number(row.End);
        csv.Text(Before(text, row.Start));
        csv.Text(After(text, row.End));
        csv.Text(row.CreatedBy);
        csv.Cell(CsvCells.Timestamp(row.CreatedAt));
        csv.Cell(row.Reviewed ? "true" : "false");
        await csv.EndRowAsync(cancellationToken);
    }

    /// <summary>Up to <see cref="ContextLength"/> characters before <paramref name="start"/>, never half a surrogate pair.</summary>
    public static string Before(string text, int start)
    {
        start = Math.Clamp(start, 0, text.Length);
        var from = Math.Max(0, start - ContextLength);
        if (from > 0 && char.IsLowSurrogate(text[from]))
        {
            from++;
        }

        return text[from..start];
    }

    /// <summary>Up to <see cref="ContextLength"/> characters from <paramref name="end"/>, never half a surrogate pair.</summary>
    public static string After(string text, int end)
    {
        end = Math.Clamp(end, 0, text.Length);
        var to = Math.Min(text.Length, end + ContextLength);
        if (to < text.Length && char.IsLowSurrogate(text[to]))
        {
            to--;
        }

        return text[end..to];
    }

    private sealed record Row(
        int Id, int ArticleId, string Url, string Title, string? SiteName,
        DateTime? PublishedAt, int? PublishedUtcOffsetMinutes, DatePrecision PublishedPrecision,
        int? ActorId, int? IncidentId, int? ClaimId, string? ActorName, string? IncidentTitle, string? ClaimText,
        string Quote, int Start, int End, string? CreatedBy, DateTime CreatedAt, bool Reviewed);
}
