using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Export;

/// <summary>articles.csv: the selection's articles, their metadata and collections; the full text only when asked.</summary>
public sealed class ArticlesCsvWriter : IExportTableWriter
{
    public string FileName => "articles.csv";

    public IReadOnlyList<string> Columns(ExportFormat format)
    {
        List<string> columns =
        [
            "id", "url", "title", "site", "source_id", "source_name", "byline", "section", "language",
            "published_at", "published_utc_offset_minutes", "published_precision", "fetched_at", "content_hash",
            "duplicate_of_id", "collections", "mention_count", "source_reliability", "source_scale",
        ];
        if (format.IncludeArticleText)
        {
            columns.Add("text");
        }

        return columns;
    }

    public async Task WriteRowsAsync(ExportScope scope, ExportFormat format, CsvTableWriter csv, CancellationToken cancellationToken)
    {
        var mentions = scope.Mentions;
        var includeText = format.IncludeArticleText;
        var batches = RecordBatches.ReadAsync(scope.Articles.AsNoTracking(), a => a.Id, a => new Row(
                a.Id, a.Url, a.Title, a.SiteName, a.SourceId, a.Source!.Name, a.Byline, a.Section, a.Language,
                a.PublishedAt, a.PublishedUtcOffsetMinutes, a.PublishedPrecision, a.FetchedAt, a.ContentHash,
                a.DuplicateOfId, mentions.Count(m => m.ArticleId == a.Id), a.Source.Reliability, a.Source.Scale, includeText ? a.Text : null),
            r => r.Id, cancellationToken);
        await foreach (var batch in batches)
        {
            var ids = batch.Select(r => r.Id).ToArray();
            var collections = (await scope.Db.CollectionArticles.AsNoTracking()
                    .Where(x => ids.Contains(x.ArticleId)).OrderBy(x => x.Collection!.Name)
                    .Select(x => new { x.ArticleId, x.Collection!.Name }).ToListAsync(cancellationToken))
                .ToLookup(x => x.ArticleId, x => x.Name);

            foreach (var row in batch)
            {
                csv.Number(row.Id);
                csv.Text(row.Url);
                csv.Text(row.Title);
                csv.Text(row.SiteName);
                csv.Number(row.SourceId);
                csv.Text(row.SourceName);
                csv.Text(row.Byline);
                csv.Text(row.Section);
                csv.Text(row.Language);
                csv.Cell(CsvCells.Published(row.PublishedAt, row.PublishedUtcOffsetMinutes, row.PublishedPrecision));
                csv.Number(row.PublishedUtcOffsetMinutes);
                csv.Cell(row.PublishedPrecision.ToString());
                csv.Cell(CsvCells.Timestamp(row.FetchedAt));
                csv.Text(row.ContentHash);
                csv.Number(row.DuplicateOfId);
                csv.Cell(CsvCells.Joined(collections[row.Id]));
                csv.Number(row.MentionCount);
                csv.Cell(row.SourceReliability?.Letter() ?? "");
                csv.Cell(row.SourceScale is { } scale ? SourceScales.Label(scale) : "");
                if (includeText)
                {
                    csv.Text(row.Text);
                }

                await csv.EndRowAsync(cancellationToken);
            }
        }
    }

    private sealed record Row(
        int Id, string Url, string Title, string? SiteName, int? SourceId, string? SourceName, string? Byline,
        string? Section, string? Language, DateTime? PublishedAt, int? PublishedUtcOffsetMinutes,
        DatePrecision PublishedPrecision, DateTime FetchedAt, string ContentHash, int? DuplicateOfId,
        int MentionCount, SourceReliability? SourceReliability, SourceScale? SourceScale, string? Text);
}
